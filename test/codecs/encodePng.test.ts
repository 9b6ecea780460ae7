import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decode, encodePng, readHeader } from '../../src/codecs/index.js';
import type { RgbaImage } from '../../src/image.js';
import { expectAugkitError, expectSameBytes, expectSameImage, randomImage } from './helpers.js';

const SIZES = [
  [1, 1],
  [7, 5],
  [64, 48],
] as const;

describe('encodePng', () => {
  it.each(SIZES)('%i×%i random RGBA (alpha 0..255) round-trips through decode exactly', (width, height) => {
    const img = randomImage(width, height, width * 1000 + height);
    const png = encodePng(img);
    expect(png.constructor).toBe(Uint8Array);
    expect(readHeader(png)).toEqual({ format: 'png', width, height, orientation: 1 });
    expect([png[24], png[25], png[28]]).toEqual([8, 6, 0]); // 8-bit, RGBA, not interlaced
    const decoded = decode(png);
    expect(decoded.data).toBeInstanceOf(Uint8ClampedArray);
    expectSameImage(decoded, img);
  });

  it.each(SIZES)('%i×%i: pngjs’s Node build decodes the output to the same pixels', (width, height) => {
    const img = randomImage(width, height, width + height);
    const png = PNG.sync.read(Buffer.from(encodePng(img)));
    expectSameImage({ width: png.width, height: png.height, data: png.data }, img);
  });

  it('takes a Uint8ClampedArray (ImageData) as well as a Uint8Array, with the same bytes', () => {
    const img = randomImage(7, 5, 11);
    const clamped = { width: 7, height: 5, data: new Uint8ClampedArray(img.data) };
    expectSameBytes(encodePng(clamped), encodePng(img));
  });

  it('every level 0..9 round-trips; 0 stores (the largest), 1..9 write the same bytes (run-length strategy)', () => {
    const img = { width: 64, height: 48, data: new Uint8Array(64 * 48 * 4).map((_, i) => (i >> 5) & 0xff) };
    const outputs = Array.from({ length: 10 }, (_, level) => encodePng(img, { level }));
    for (const png of outputs) expectSameImage(decode(png), img);
    expect(outputs[0].length).toBeGreaterThan(img.data.length);
    expect(outputs[1].length).toBeLessThan(img.data.length / 4);
    for (const png of outputs.slice(2)) expectSameBytes(png, outputs[1]);
  });

  it('writes the same bytes every time (pinned: filter Paeth, Z_RLE, level 6, pngjs’s bundled zlib)', () => {
    const img = randomImage(64, 48, 2024);
    const png = encodePng(img);
    expectSameBytes(encodePng(img), png);
    expectSameBytes(encodePng(img, { level: 6 }), png);
    expect(createHash('sha256').update(png).digest('hex')).toBe('4520a59cb0118857602bfccbbb2d6443d7315b94252364c2642b11a8cb6fcc34');
  });

  it('does not modify the image', () => {
    const img = randomImage(64, 48, 9);
    const copy = img.data.slice();
    encodePng(img, { level: 9 });
    expectSameBytes(img.data, copy);
  });

  it.each([
    [{ width: 2, height: 2, data: new Uint8Array(15) }, /image\.data of length 2×2×4 = 16/],
    [{ width: 0, height: 2, data: new Uint8Array(0) }, /for image\.width/],
    [{ width: 2, height: 2, data: [0, 0, 0, 0] }, /for image\.data/],
    [null, /for image but/],
  ])('rejects the malformed image %o with INVALID_ARGUMENT', (img, message) => {
    const error = expectAugkitError(() => encodePng(img as RgbaImage), 'INVALID_ARGUMENT');
    expect(error.message).toMatch(message);
  });

  it.each([[-1], [10], [1.5], [Number.NaN], ['6'], [null]])('rejects level %o with INVALID_ARGUMENT', (level) => {
    const error = expectAugkitError(
      () => encodePng(randomImage(1, 1, 1), { level: level as number }),
      'INVALID_ARGUMENT',
    );
    expect(error.message).toMatch(/^Expected an integer between 0 and 9 for options\.level but received /);
  });
});
