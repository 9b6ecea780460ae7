import { describe, expect, it } from 'vitest';
import { decode } from '../../src/codecs/index.js';
import { useKernelBuild } from '../../src/wasm/kernels.js';
import { writeTestPng, type PngSpec } from '../helpers/pngWriter.js';
import { expectAugkitError, expectSameImage, xorshift32 } from './helpers.js';

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** Random samples for an image, palette indices within `paletteSize`. */
function spec(colorType: number, bitDepth: number, interlace: 0 | 1, width: number, height: number, seed: number): PngSpec {
  const next = xorshift32(seed);
  const max = colorType === 3 ? Math.min(2 ** bitDepth, 200) : 2 ** bitDepth;
  const samples = Array.from({ length: width * height * CHANNELS[colorType]! }, () => next() % max);
  // runs and flat areas too, so matches (and the distance-1 runs of Z_RLE) appear in the stream
  for (let i = 0; i < samples.length / 3; i++) samples[i] = samples[i % 7]!;
  const paletteSize = colorType === 3 ? max : 0;
  const palette = colorType === 3 ? Uint8Array.from({ length: paletteSize * 3 }, () => next() & 0xff) : undefined;
  let trns: Uint8Array | undefined;
  if (colorType === 3) trns = Uint8Array.from({ length: Math.min(paletteSize, 5) }, () => next() & 0xff);
  // a transparent colour that really occurs: the first pixel's
  if (colorType === 0) trns = Uint8Array.of(samples[0]! >> 8, samples[0]! & 0xff);
  if (colorType === 2) trns = Uint8Array.from([0, 1, 2].flatMap((c) => [samples[c]! >> 8, samples[c]! & 0xff]));
  return { width, height, bitDepth, colorType, interlace, samples, palette, trns, idatSize: 97 };
}

const cases = Object.entries(DEPTHS).flatMap(([type, depths]) =>
  depths.flatMap((depth) => ([0, 1] as const).map((interlace) => [Number(type), depth, interlace] as const)),
);

describe('PNG decode in WebAssembly equals pngjs', () => {
  it.each(cases)('colour type %i, %i-bit, interlace %i: same pixels as pngjs, SIMD and scalar', (type, depth, interlace) => {
    for (const [width, height, seed] of [[1, 1, 1], [3, 2, 2], [13, 9, 3], [37, 21, 4]] as const) {
      const bytes = writeTestPng(spec(type, depth, interlace, width, height, seed));
      const reference = decode(bytes, { decoder: 'reference' });
      expectSameImage(decode(bytes), reference);
      try {
        useKernelBuild('scalar');
        expectSameImage(decode(bytes), reference);
      } finally {
        useKernelBuild('simd');
      }
    }
  });

  it.each([0, 1, 2, 3, 4])('filter type %i on every row, RGB and RGBA, 8- and 16-bit: same pixels as pngjs', (filter) => {
    for (const [type, depth] of [[2, 8], [6, 8], [2, 16], [6, 16], [4, 8], [0, 8]] as const) {
      const bytes = writeTestPng({ ...spec(type, depth, 0, 41, 7, filter + 10), filters: [filter] });
      expectSameImage(decode(bytes), decode(bytes, { decoder: 'reference' }));
    }
  });

  it('a palette index beyond the PLTE entries is CORRUPT_IMAGE, as pngjs has it', () => {
    const bytes = writeTestPng({ width: 2, height: 1, bitDepth: 8, colorType: 3, samples: [0, 2], palette: new Uint8Array(6) });
    expectAugkitError(() => decode(bytes, { decoder: 'reference' }), 'CORRUPT_IMAGE');
    const error = expectAugkitError(() => decode(bytes), 'CORRUPT_IMAGE');
    expect(error.message).toMatch(/a palette index beyond its 2 PLTE entries$/);
  });

  it('a palette image without PLTE and a filter type above 4 are CORRUPT_IMAGE', () => {
    const noPalette = writeTestPng({ width: 2, height: 1, bitDepth: 8, colorType: 3, samples: [0, 0] });
    expect(expectAugkitError(() => decode(noPalette), 'CORRUPT_IMAGE').message).toMatch(/without a PLTE chunk$/);
    const badFilter = writeTestPng({ width: 2, height: 1, bitDepth: 8, colorType: 0, samples: [0, 0], filters: [5] });
    expect(expectAugkitError(() => decode(badFilter), 'CORRUPT_IMAGE').message).toMatch(/filter type other than 0–4$/);
  });
});
