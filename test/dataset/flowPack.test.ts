import { describe, expect, it } from 'vitest';
import { joinImages, packImage, type PackSettings } from '../../src/dataset/flowPack.js';
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
      const batch = joinImages(images.map((rgba) => packImage(rgba, settings)), settings);
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
});
