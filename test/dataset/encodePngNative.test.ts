import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { decode } from '../../src/index.js';
import { encodePngNative } from '../../src/dataset/encodePngNative.js';
import { bytesEqual, randomImage } from '../helpers/images.js';

describe('encodePngNative (the dataset writer’s PNG encoder)', () => {
  for (const [w, h] of [[1, 1], [7, 5], [64, 48], [1, 33]] as const) {
    for (const level of [0, 1, 9]) {
      it(`round-trips ${w}×${h} RGBA exactly at level ${level}, read by augkit and by pngjs’s Node build`, () => {
        const img = randomImage(w, h, w * 7 + level);
        const png = encodePngNative(img, level);
        expect(bytesEqual(decode(png).data, img.data)).toBe(true);
        const independent = PNG.sync.read(Buffer.from(png), { checkCRC: true });
        expect([independent.width, independent.height]).toEqual([w, h]);
        expect(bytesEqual(independent.data, img.data)).toBe(true);
      });
    }
  }

  it('is deterministic', () => {
    const img = randomImage(40, 30, 3);
    expect(bytesEqual(encodePngNative(img, 1), encodePngNative(img, 1))).toBe(true);
  });
});
