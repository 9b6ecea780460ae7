// The WebAssembly JPEG encoder (assembly/jpegEncoder/, src/codecs/encodeJpegWasm.ts) against its oracle,
// jpeg-js (`encoder: 'reference'`): in 4:4:4 the same bytes for photos, noise and gradients of every awkward
// size (1×1, odd widths, sizes that are not multiples of 8 or 16) at every quality, in both builds. 4:2:0 has
// no byte oracle: its files must decode — by sharp (libjpeg-turbo) and by augkit's decoder — to within a PSNR
// bound of the input, one set relative to sharp's own 4:2:0 encoding of the same pixels.
import { readdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encodeJpeg, readHeader, type RgbaImage } from '../../src/index.js';
import { simdSupported, useBuild } from '../../src/wasm/module.js';
import { expectSameBytes, randomImage } from './helpers.js';

const SAMPLE = new URL('../../examples/sample/', import.meta.url);
const photoFiles = readdirSync(SAMPLE, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.jpg'))
  .sort()
  .slice(0, 3)
  .map((file) => readFileSync(new URL(file, SAMPLE)));

const SIZES: [number, number][] = [[1, 1], [1, 9], [9, 1], [7, 5], [8, 8], [16, 16], [17, 15], [33, 65], [161, 113], [640, 427]];

async function photo(index: number, width: number, height: number): Promise<RgbaImage> {
  const { data, info } = await sharp(photoFiles[index % photoFiles.length]!)
    .resize(width, height, { fit: 'fill' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

/** Gradients and a ripple: smooth content, where quantisation rounding decides most coefficients. */
function gradient(width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data.set([(x * 255) / Math.max(1, width - 1), (y * 255) / Math.max(1, height - 1), 128 + 90 * Math.sin((x - y) / 5), 200], i);
    }
  }
  return { width, height, data };
}

/** PSNR in dB of the RGB of `decoded` against `original`. */
function psnr(decoded: ArrayLike<number>, original: RgbaImage): number {
  let squares = 0;
  for (let i = 0; i < original.data.length; i++) {
    if ((i & 3) === 3) continue;
    squares += (decoded[i]! - original.data[i]!) ** 2;
  }
  return 10 * Math.log10((255 * 255) / (squares / ((original.data.length / 4) * 3)));
}

async function decodedBySharp(jpeg: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await sharp(jpeg).ensureAlpha().raw().toBuffer());
}

const images: { name: string; img: RgbaImage }[] = [];

beforeAll(async () => {
  for (const [i, [width, height]] of SIZES.entries()) {
    images.push({ name: `photo ${width}×${height}`, img: await photo(i, width, height) });
    images.push({ name: `noise ${width}×${height}`, img: randomImage(width, height, i + 1) });
    images.push({ name: `gradient ${width}×${height}`, img: gradient(width, height) });
  }
}, 60_000);

afterAll(() => useBuild(simdSupported ? 'simd' : 'scalar'));

const builds = simdSupported ? (['simd', 'scalar'] as const) : (['scalar'] as const);

describe.each(builds)('4:4:4 in the %s build writes the bytes jpeg-js writes', (build) => {
  beforeAll(() => useBuild(build));

  it.each([1, 25, 50, 75, 90, 100])('for photos, noise and gradients of every size at quality %i', (quality) => {
    for (const { name, img } of images) {
      const wasm = encodeJpeg(img, { quality, chroma: '444' });
      const reference = encodeJpeg(img, { quality, chroma: '444', encoder: 'reference' });
      expect({ name, length: wasm.length }).toEqual({ name, length: reference.length });
      expectSameBytes(wasm, reference);
    }
  }, 60_000);

  it('at every quality 1..100 (a 37×29 photo)', async () => {
    const img = await photo(1, 37, 29);
    for (let quality = 1; quality <= 100; quality++) {
      expectSameBytes(encodeJpeg(img, { quality, chroma: '444' }), encodeJpeg(img, { quality, chroma: '444', encoder: 'reference' }));
    }
  }, 60_000);
});

describe('4:2:0', () => {
  it('the SIMD and scalar builds write the same bytes', () => {
    if (!simdSupported) return;
    for (const { img } of images) {
      useBuild('simd');
      const simd = encodeJpeg(img, { quality: 75 });
      useBuild('scalar');
      expectSameBytes(encodeJpeg(img, { quality: 75 }), simd);
    }
    useBuild('simd');
  }, 60_000);

  it('declares 2×2 luma sampling and is smaller than 4:4:4', () => {
    const img = images.find(({ name }) => name === 'photo 640×427')!.img;
    const subsampled = encodeJpeg(img);
    const sof = subsampled.findIndex((b, i) => b === 0xff && subsampled[i + 1] === 0xc0);
    expect(subsampled[sof + 11]).toBe(0x22); // Y: H = V = 2
    expect([subsampled[sof + 14], subsampled[sof + 17]]).toEqual([0x11, 0x11]); // Cb, Cr
    expect(subsampled.length).toBeLessThan(encodeJpeg(img, { chroma: '444' }).length);
  });

  it('photos and gradients decode, by sharp and by augkit, nearly as close to the input as sharp\'s own 4:2:0 (q90)', async () => {
    for (const { name, img } of images.filter(({ name, img }) => !name.startsWith('noise') && img.width >= 16 && img.height >= 16)) {
      const ours = encodeJpeg(img, { quality: 90 });
      expect(readHeader(ours)).toMatchObject({ width: img.width, height: img.height });
      const theirs = new Uint8Array(
        await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } }).jpeg({ quality: 90 }).toBuffer(),
      );
      const bound = psnr(await decodedBySharp(theirs), img) - 1.5;
      const bySharp = psnr(await decodedBySharp(ours), img);
      const byAugkit = psnr(decode(ours).data, img);
      expect({ name, bySharp: bySharp >= bound, byAugkit: byAugkit >= bound - 1 }).toEqual({ name, bySharp: true, byAugkit: true });
      expect(bySharp).toBeGreaterThan(28);
    }
  }, 60_000);

  it('every quality 1..100 decodes to the input size, and fidelity rises with quality', async () => {
    const img = images.find(({ name }) => name === 'photo 161×113')!.img;
    const fidelity: number[] = [];
    for (let quality = 1; quality <= 100; quality++) {
      const jpeg = encodeJpeg(img, { quality });
      const decoded = decode(jpeg);
      expect([decoded.width, decoded.height]).toEqual([img.width, img.height]);
      expect((await decodedBySharp(jpeg)).length).toBe(img.data.length);
      fidelity.push(psnr(decoded.data, img));
    }
    for (const [low, high] of [[1, 10], [10, 50], [50, 90], [90, 100]] as const) {
      expect(fidelity[high - 1]!).toBeGreaterThan(fidelity[low - 1]!);
    }
  }, 120_000);

  it('flat colour survives exactly where chroma averaging has nothing to average', () => {
    for (const [width, height] of [[1, 1], [3, 3], [17, 15]]) {
      const data = new Uint8Array(width * height * 4);
      for (let i = 0; i < data.length; i += 4) data.set([200, 60, 30, 255], i);
      const img = { width, height, data };
      expectSameBytes(decode(encodeJpeg(img, { quality: 100 })).data, decode(encodeJpeg(img, { quality: 100, chroma: '444' })).data);
    }
  });
});
