import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decode, encodePng, readHeader } from '../../src/codecs/index.js';
import type { RgbaImage } from '../../src/image.js';
import { deflate as pakoDeflate } from 'pako/lib/deflate.js';
import { deflateRle } from '../../src/codecs/zlibDeflate.js';
import { readPngFixture } from '../helpers/images.js';
import { PNG_BUNDLE, pngjsBundleEncode, toBundledBuffer } from '../helpers/pngjsBundle.js';
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

describe('encodePng in WebAssembly writes the bytes pngjs wrote', () => {
  it.each([0, 1, 6, 9])('level %i: the same bytes as pngjs on random, flat and photo-like images of odd sizes', (level) => {
    const flat = { width: 33, height: 17, data: new Uint8Array(33 * 17 * 4).fill(200) };
    const ramp = { width: 61, height: 29, data: new Uint8Array(61 * 29 * 4).map((_, i) => (i * 7) ^ (i >> 9)) };
    for (const img of [randomImage(1, 1, 3), randomImage(5, 3, 4), randomImage(47, 31, 5), flat, ramp, readPngFixture('golden/inputs/coffee-320x240.png')]) {
      expectSameBytes(encodePng(img, { level }), pngjsBundleEncode(img, level));
    }
  });

  it('pako 1 (augkit’s portable deflate before) writes the bytes of the WebAssembly deflate at levels 1..9', () => {
    const img = readPngFixture('golden/inputs/coffee-320x240.png');
    for (let level = 1; level <= 9; level++) {
      const data = Uint8Array.from(img.data.subarray(0, 60_000));
      expectSameBytes(pakoDeflate(data, { level, strategy: 3 }), deflateRle(data, level));
    }
  });
});

describe('encodePng colorType', () => {
  const photo = () => readPngFixture('golden/inputs/coffee-320x240.png');

  it("'auto' writes RGB when every alpha is 255, grey when R = G = B too, RGBA otherwise; decoding gives the image back", () => {
    const opaque = photo();
    const grey = { ...opaque, data: opaque.data.map((_, i) => (i % 4 === 3 ? 255 : opaque.data[i - (i % 4)]!)) };
    const translucent = randomImage(31, 7, 8);
    for (const [img, type] of [[opaque, 2], [grey, 0], [translucent, 6]] as const) {
      const png = encodePng(img, { colorType: 'auto', level: 1 });
      expect(png[25]).toBe(type);
      expectSameImage(decode(png), img);
      expectSameImage(decode(png, { decoder: 'reference' }), img);
    }
    expect(encodePng(opaque, { colorType: 'auto' }).length).toBeLessThan(encodePng(opaque).length);
    expectSameBytes(encodePng(translucent, { colorType: 'auto' }), encodePng(translucent));
  });

  it("'auto' RGB and grey equal pngjs's own RGB and grey writers (the same filter and zlib)", () => {
    const opaque = photo();
    const rgb = PNG_BUNDLE.sync.write(
      { width: opaque.width, height: opaque.height, data: toBundledBuffer(opaque.data) },
      { colorType: 2, inputColorType: 6, inputHasAlpha: true, bitDepth: 8, filterType: 4, deflateLevel: 1, deflateStrategy: 3 },
    );
    expectSameBytes(encodePng(opaque, { colorType: 'auto', level: 1 }), rgb);
  });

  it.each([['RGB'], [2], [null]])('rejects colorType %o with INVALID_ARGUMENT', (colorType) => {
    const error = expectAugkitError(() => encodePng(randomImage(1, 1, 1), { colorType: colorType as 'auto' }), 'INVALID_ARGUMENT');
    expect(error.message).toMatch(/^Expected "rgba" or "auto" for options\.colorType but received /);
  });
});
