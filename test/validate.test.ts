import { describe, expect, it } from 'vitest';
import { encodePng, flipHorizontal, resize, rotate, saltAndPepper, type RgbaImage } from '../src/index.js';
import { checkImage } from '../src/validate.js';
import { randomImage } from './helpers/images.js';

const plain = randomImage(2, 2);

/** The same 2×2 image, except that its width getter answers 2 the first time and 4000 afterwards. */
function shiftyImage(): RgbaImage {
  let reads = 0;
  return {
    get width() {
      return reads++ === 0 ? 2 : 4000;
    },
    height: 2,
    data: plain.data,
  };
}

describe('checkImage', () => {
  it('returns the values it checked, read once, as a new object', () => {
    const img = shiftyImage();
    const checked = checkImage(img);
    expect(checked).not.toBe(img);
    expect([checked.width, checked.height, checked.data]).toEqual([2, 2, img.data]);
  });

  it('so an object whose getters change their answer cannot make an op use unchecked sizes', () => {
    const ops: ((img: RgbaImage) => RgbaImage | Uint8Array)[] = [
      flipHorizontal,
      (img) => resize(img, 3, 3),
      (img) => rotate(img, 10, { expand: true }),
      (img) => saltAndPepper(img, { seed: 1, amount: 0.5 }),
      (img) => encodePng(img),
    ];
    for (const op of ops) {
      expect(op(shiftyImage())).toEqual(op(plain)); // not a 4000×2 image read from stale scratch memory
    }
  });
});
