import { readdirSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { AugkitError, type AugkitErrorCode } from '../../src/errors.js';
import type { RgbaImage } from '../../src/image.js';
import { concat } from '../helpers/formats.js';
import { simdSupported, useBuild } from '../../src/wasm/module.js';

export { concat };

/** A file of the decoding corpus (test/fixtures/corpus), as a plain Uint8Array. */
export function corpusFile(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/corpus/${path}`, import.meta.url)));
}

/** The first `count` JPEG photos of examples/sample/ (by path), to write test JPEGs from with sharp. */
export function samplePhotos(count: number): Buffer[] {
  const sample = new URL('../../examples/sample/', import.meta.url);
  return readdirSync(sample, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.jpg'))
    .sort()
    .slice(0, count)
    .map((file) => readFileSync(new URL(file, sample)));
}

/** A corpus PNG decoded by pngjs's Node build: an oracle independent of the codecs under test. */
export function corpusPng(path: string): RgbaImage {
  const png = PNG.sync.read(Buffer.from(corpusFile(path)));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

/** Largest and mean absolute difference over every channel value of two images of the same size. */
export function diff(a: RgbaImage, b: RgbaImage): { maxAbs: number; meanAbs: number } {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let maxAbs = 0;
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = Math.abs(a.data[i] - b.data[i]);
    sum += d;
    if (d > maxAbs) maxAbs = d;
  }
  return { maxAbs, meanAbs: sum / a.data.length };
}

/** Runs `fn` and returns the AugkitError it throws, failing if it throws anything else or nothing. */
export function augkitError(fn: () => unknown): AugkitError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AugkitError) return error;
    throw new Error(`expected an AugkitError but got ${String(error)}`, { cause: error });
  }
  throw new Error('expected an AugkitError but nothing was thrown');
}

/** Asserts that `fn` throws an AugkitError with one of `codes`. */
export function expectAugkitError(fn: () => unknown, ...codes: AugkitErrorCode[]): AugkitError {
  const error = augkitError(fn);
  expect(codes).toContain(error.code);
  return error;
}

/** xorshift32 (Marsaglia): a tiny seeded generator of 32-bit unsigned values, so a failing case can be replayed. */
export function xorshift32(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/** Deterministic bytes (xorshift32), so a failing case can be replayed. */
export function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  const next = xorshift32(seed);
  for (let i = 0; i < length; i++) out[i] = next() & 0xff;
  return out;
}

/** A TIFF header + IFD0 holding one entry (tag, type, count, 16-bit value), as the payload of EXIF. */
export function tiffWithEntry(
  littleEndian: boolean,
  entry: { tag?: number; type?: number; count?: number; value: number },
): Uint8Array {
  const tiff = new Uint8Array(8 + 2 + 12 + 4);
  const view = new DataView(tiff.buffer);
  view.setUint16(0, littleEndian ? 0x4949 : 0x4d4d);
  view.setUint16(2, 42, littleEndian);
  view.setUint32(4, 8, littleEndian); // IFD0 right after the header
  view.setUint16(8, 1, littleEndian); // one entry
  view.setUint16(10, entry.tag ?? 0x0112, littleEndian);
  view.setUint16(12, entry.type ?? 3, littleEndian);
  view.setUint32(14, entry.count ?? 1, littleEndian);
  view.setUint16(18, entry.value, littleEndian);
  return tiff; // next-IFD offset left 0
}

/** The payload of an EXIF APP1 segment ("Exif\0\0" + TIFF). */
export function exifPayload(tiff: Uint8Array): Uint8Array {
  return concat(new Uint8Array([0x45, 0x78, 0x69, 0x66, 0, 0]), tiff);
}

/** `jpeg` with an APP1 segment carrying `payload` inserted right after SOI. */
export function withApp1(jpeg: Uint8Array, payload: Uint8Array): Uint8Array {
  const length = payload.length + 2;
  return concat(jpeg.subarray(0, 2), new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff]), payload, jpeg.subarray(2));
}


/** A random RGBA image, alpha included (every value 0..255). */
export function randomImage(width: number, height: number, seed: number): RgbaImage {
  return { width, height, data: randomBytes(width * height * 4, seed) };
}

/** Same size and every channel value equal (much faster than a deep `toEqual` on pixel arrays). */
export function expectSameImage(actual: RgbaImage, expected: RgbaImage): void {
  expect(diff(actual, expected)).toEqual({ maxAbs: 0, meanAbs: 0 });
}

/** Same bytes, compared natively. */
export function expectSameBytes(actual: Uint8Array | Uint8ClampedArray, expected: Uint8Array | Uint8ClampedArray): void {
  const bytes = (array: Uint8Array | Uint8ClampedArray) => new Uint8Array(array.buffer, array.byteOffset, array.length);
  expect(actual.length).toBe(expected.length);
  expect(Buffer.compare(bytes(actual), bytes(expected))).toBe(0);
}

/** What `fn` returns, or what it throws. */
export function attempt<T>(fn: () => T): T | unknown {
  try {
    return fn();
  } catch (error) {
    return error;
  }
}

/**
 * Runs `run` under the scalar build, then under the SIMD build, and expects the same result from both (checking
 * that `module` really switched); the build the engine supports is restored afterwards.
 */
export function expectSameInBothBuilds(module: { readonly build: string | undefined }, run: () => unknown): void {
  try {
    useBuild('scalar');
    expect(module.build).toBe('scalar');
    const scalar = run();
    useBuild('simd');
    expect(module.build).toBe('simd');
    expect(run()).toEqual(scalar);
  } finally {
    useBuild(simdSupported ? 'simd' : 'scalar');
  }
}
