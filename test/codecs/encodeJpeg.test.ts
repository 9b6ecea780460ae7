import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decode, encodeJpeg, readHeader, type EncodeJpegOptions } from '../../src/codecs/index.js';
import type { RgbaImage } from '../../src/image.js';
import { diff, expectAugkitError, expectSameBytes, randomImage } from './helpers.js';

/** Smooth colour gradients with an alpha ramp: what JPEG is meant for. */
function smoothImage(width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = Math.round((255 * x) / (width - 1));
      data[i + 1] = Math.round((255 * y) / (height - 1));
      data[i + 2] = Math.round(128 + 100 * Math.sin((x + y) / 9));
      data[i + 3] = (x * 7) & 0xff;
    }
  }
  return { width, height, data };
}

/** The image with alpha forced to 255: what a JPEG keeps of it. */
function opaque(img: RgbaImage): RgbaImage {
  const data = img.data.slice();
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { ...img, data };
}

describe('encodeJpeg', () => {
  const smooth = smoothImage(64, 48);

  it('a smooth image survives encode → decode within a loose tolerance; alpha comes back 255', () => {
    const jpeg = encodeJpeg(smooth, { chroma: '444' });
    expect(jpeg.constructor).toBe(Uint8Array);
    expect(readHeader(jpeg)).toEqual({ format: 'jpeg', width: 64, height: 48, orientation: 1 });
    const { maxAbs, meanAbs } = diff(decode(jpeg), opaque(smooth));
    expect(maxAbs).toBeLessThanOrEqual(12);
    expect(meanAbs).toBeLessThanOrEqual(1.5);
  });

  it('quality trades size for fidelity; 90 is the default', () => {
    const low = encodeJpeg(smooth, { quality: 10 });
    const high = encodeJpeg(smooth, { quality: 100 });
    expect(low.length).toBeLessThan(high.length);
    expect(diff(decode(low), opaque(smooth)).meanAbs).toBeGreaterThan(diff(decode(high), opaque(smooth)).meanAbs);
    expectSameBytes(encodeJpeg(smooth), encodeJpeg(smooth, { quality: 90 }));
  });

  it.each([
    [1, 1],
    [7, 5],
    [64, 48],
  ])('encodes %i×%i random pixels to a JPEG of that size', (width, height) => {
    const img = decode(encodeJpeg(randomImage(width, height, 3)));
    expect([img.width, img.height]).toEqual([width, height]);
  });

  it.each([
    // 4:4:4: the hash pinned when jpeg-js was the encoder, unchanged
    ['444', 'de6f5348c3e1f8ddae4e4aff2c1f54e9c85e3ec613a6bdadd26293262408c69e'],
    // 4:2:0, the default since the WebAssembly encoder
    ['420', 'fb1b233e354ed8ca1c01afd8516281de01a31fb610116bcd0a331e4ad15cc281'],
  ] as const)('writes the same bytes every time in %s (pinned)', (chroma, sha256) => {
    const jpeg = encodeJpeg(smooth, { chroma });
    expectSameBytes(encodeJpeg(smooth, { chroma }), jpeg);
    expect(createHash('sha256').update(jpeg).digest('hex')).toBe(sha256);
    if (chroma === '420') expectSameBytes(encodeJpeg(smooth), jpeg);
  });

  it('does not modify the image', () => {
    const img = randomImage(64, 48, 4);
    const copy = img.data.slice();
    encodeJpeg(img, { quality: 75 });
    expectSameBytes(img.data, copy);
  });

  it('the reference (jpeg-js) leaves the global Buffer as it was, and returns a plain Uint8Array, not a (pooled) Buffer', () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'Buffer');
    const jpeg = encodeJpeg(randomImage(2, 2, 1), { chroma: '444', encoder: 'reference' });
    expect(Object.getOwnPropertyDescriptor(globalThis, 'Buffer')).toEqual(before);
    expect(jpeg.constructor).toBe(Uint8Array);
    expect(jpeg.byteOffset).toBe(0);
    expect(jpeg.buffer.byteLength).toBe(jpeg.length);
  });

  it('with no global Buffer, the reference defines none (even for a moment after it returns)', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'Buffer')!;
    try {
      delete (globalThis as { Buffer?: unknown }).Buffer;
      const jpeg = encodeJpeg(randomImage(9, 9, 2), { chroma: '444', encoder: 'reference' });
      expect('Buffer' in globalThis).toBe(false);
      expect(jpeg.constructor).toBe(Uint8Array);
      expectAugkitError(() => encodeJpeg(randomImage(1, 1, 1), { quality: 0 }), 'INVALID_ARGUMENT');
      expect('Buffer' in globalThis).toBe(false);
    } finally {
      Object.defineProperty(globalThis, 'Buffer', descriptor);
    }
  });

  it.each([[0], [101], [Number.NaN], ['x'], [50.5], [null]])('rejects quality %o with INVALID_ARGUMENT', (quality) => {
    const error = expectAugkitError(
      () => encodeJpeg(smooth, { quality: quality as number }),
      'INVALID_ARGUMENT',
    );
    expect(error.message).toMatch(/^Expected an integer between 1 and 100 for options\.quality but received /);
  });

  it.each([
    [{ chroma: '422' }, /^Expected "420" or "444" for options\.chroma but received /],
    [{ chroma: 420 }, /^Expected "420" or "444" for options\.chroma but received /],
    [{ encoder: 'jpeg-js' }, /^Expected "wasm" or "reference" for options\.encoder but received /],
    [{ encoder: 'reference' }, /^Expected "444" with encoder "reference" for options\.chroma but received /],
    [{ encoder: 'reference', chroma: '420' }, /^Expected "444" with encoder "reference" for options\.chroma /],
  ])('rejects the options %o with INVALID_ARGUMENT naming the option', (options, message) => {
    const error = expectAugkitError(() => encodeJpeg(smooth, options as EncodeJpegOptions), 'INVALID_ARGUMENT');
    expect(error.message).toMatch(message);
  });

  it.each([
    [{ width: 2, height: 2, data: new Uint8Array(17) }],
    [{ width: 0, height: 2, data: new Uint8Array(0) }],
    [{ width: 2, height: 2.5, data: new Uint8Array(20) }],
  ])('rejects the malformed image %o with INVALID_ARGUMENT', (img) => {
    expectAugkitError(() => encodeJpeg(img as RgbaImage), 'INVALID_ARGUMENT');
  });
});
