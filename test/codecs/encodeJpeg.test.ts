import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decode, encodeJpeg, readHeader } from '../../src/codecs/index.js';
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
    const jpeg = encodeJpeg(smooth);
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

  it('writes the same bytes every time (pinned)', () => {
    const jpeg = encodeJpeg(smooth);
    expectSameBytes(encodeJpeg(smooth), jpeg);
    expect(createHash('sha256').update(jpeg).digest('hex')).toBe('de6f5348c3e1f8ddae4e4aff2c1f54e9c85e3ec613a6bdadd26293262408c69e');
  });

  it('does not modify the image', () => {
    const img = randomImage(64, 48, 4);
    const copy = img.data.slice();
    encodeJpeg(img, { quality: 75 });
    expectSameBytes(img.data, copy);
  });

  it('leaves the global Buffer as it was, and returns a plain Uint8Array, not a (pooled) Buffer', () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'Buffer');
    const jpeg = encodeJpeg(randomImage(2, 2, 1));
    expect(Object.getOwnPropertyDescriptor(globalThis, 'Buffer')).toEqual(before);
    expect(jpeg.constructor).toBe(Uint8Array);
    expect(jpeg.byteOffset).toBe(0);
    expect(jpeg.buffer.byteLength).toBe(jpeg.length);
  });

  it('with no global Buffer, defines none (even for a moment after it returns)', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'Buffer')!;
    try {
      delete (globalThis as { Buffer?: unknown }).Buffer;
      const jpeg = encodeJpeg(randomImage(9, 9, 2));
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
    [{ width: 2, height: 2, data: new Uint8Array(17) }],
    [{ width: 0, height: 2, data: new Uint8Array(0) }],
    [{ width: 2, height: 2.5, data: new Uint8Array(20) }],
  ])('rejects the malformed image %o with INVALID_ARGUMENT', (img) => {
    expectAugkitError(() => encodeJpeg(img as RgbaImage), 'INVALID_ARGUMENT');
  });
});
