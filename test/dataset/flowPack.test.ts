import { describe, expect, it } from 'vitest';
import { batchBytes, batchValues, blockView, packImage, type PackSettings } from '../../src/dataset/flowPack.js';
import { StagingBuffers } from '../../src/dataset/flowStaging.js';
import { randomImage } from '../helpers/images.js';

const width = 5;
const height = 3;

/** The value of channel c of pixel p in an nhwc or nchw block, straight from the definition. */
function plainPack(rgba: Uint8Array | Uint8ClampedArray, s: PackSettings): number[] {
  const area = s.width * s.height;
  const out = new Array<number>(area * s.channels);
  for (let p = 0; p < area; p++) {
    for (let c = 0; c < s.channels; c++) {
      const byte = rgba[p * 4 + c]!;
      const value = s.dtype === 'uint8' ? byte : Math.fround((byte * s.rescale - s.mean[c]!) / s.std[c]!);
      out[s.layout === 'nhwc' ? p * s.channels + c : c * area + p] = value;
    }
  }
  return out;
}

describe('packImage', () => {
  const rgba = randomImage(width, height, 11).data;
  const cases = (['uint8', 'float32'] as const).flatMap((dtype) =>
    (['nhwc', 'nchw'] as const).flatMap((layout) => ([3, 4] as const).map((channels) => ({ dtype, layout, channels }))),
  );
  it.each(cases)('$dtype $layout with $channels channels is the plain loop of the definition', ({ dtype, layout, channels }) => {
    const settings: PackSettings = {
      width, height, channels, dtype, layout, rescale: 1 / 127.5, mean: [0.5, 0.4, 0.3, 0.2].slice(0, channels), std: [0.2, 0.25, 0.3, 0.5].slice(0, channels),
    };
    const block = packImage(rgba, settings);
    expect(block).toBeInstanceOf(dtype === 'uint8' ? Uint8Array : Float32Array);
    expect([...block]).toEqual(plainPack(rgba, settings));
  });

  it('a batch is its images’ blocks one after another, in either layout', () => {
    for (const layout of ['nhwc', 'nchw'] as const) {
      const settings: PackSettings = { width, height, channels: 3, dtype: 'float32', layout, rescale: 1 / 255, mean: [0, 0, 0], std: [1, 1, 1] };
      const images = [randomImage(width, height, 1).data, randomImage(width, height, 2).data];
      const buffer = new SharedArrayBuffer(batchBytes(2, settings));
      const blocks = images.map((_, n) => ({ buffer, offset: batchBytes(n, settings) }));
      images.forEach((rgba, n) => packImage(rgba, settings, blockView(blocks[n]!, settings)));
      const batch = batchValues(blocks, settings);
      expect(batch.buffer).toBeInstanceOf(ArrayBuffer);
      const area = width * height;
      images.forEach((rgba, n) => {
        for (let p = 0; p < area; p++) {
          for (let c = 0; c < 3; c++) {
            const at = layout === 'nhwc' ? (n * area + p) * 3 + c : (n * 3 + c) * area + p;
            expect(batch[at]).toBe(Math.fround(rgba[p * 4 + c]! / 255));
          }
        }
      });
    }
  });

  it('blocks not where they were planned (an image left out before them) make the batch all the same', () => {
    const settings: PackSettings = { width, height, channels: 4, dtype: 'uint8', layout: 'nchw', rescale: 1, mean: [0, 0, 0, 0], std: [1, 1, 1, 1] };
    const images = [1, 2, 3].map((seed) => randomImage(width, height, seed).data);
    const planned = [new ArrayBuffer(batchBytes(2, settings)), new ArrayBuffer(batchBytes(1, settings))];
    const blocks = [{ buffer: planned[0]!, offset: batchBytes(1, settings) }, { buffer: planned[1]!, offset: 0 }];
    blocks.forEach((block, n) => packImage(images[n + 1]!, settings, blockView(block, settings)));
    const batch = batchValues(blocks, settings);
    expect(batch.byteLength).toBe(batchBytes(2, settings));
    expect([...batch]).toEqual([...packImage(images[1]!, settings), ...packImage(images[2]!, settings)]);
  });
});

describe('StagingBuffers', () => {
  it('hands a buffer out again only after each image planned into it was released', () => {
    const staging = new StagingBuffers(64, true);
    const a = staging.take(2);
    expect(a).toBeInstanceOf(SharedArrayBuffer);
    expect(a.byteLength).toBe(64);
    staging.release(a);
    const b = staging.take(1);
    expect(b).not.toBe(a);
    staging.release(a);
    staging.release(b);
    const again = [staging.take(3), staging.take(3)];
    expect(new Set(again)).toEqual(new Set([a, b]));
    expect(staging.take(1)).not.toBe(a);
    expect(new StagingBuffers(8, false).take(1)).toBeInstanceOf(ArrayBuffer);
  });
});
