// options.out: every op can write into a caller-supplied Uint8ClampedArray instead of allocating.
import { describe, expect, it } from 'vitest';
import { flipHorizontal, flipVertical, resize, rotate, saltAndPepper, type AugkitImage, type RgbaImage } from '../src/index.js';
import { errorCode } from './helpers/errors.js';
import { bytesEqual, randomImage, snapshot } from './helpers/images.js';

type Op = (img: RgbaImage, out?: Uint8ClampedArray) => AugkitImage;

const sameSize: Record<string, Op> = {
  flipHorizontal: (img, out) => flipHorizontal(img, { out }),
  flipVertical: (img, out) => flipVertical(img, { out }),
  rotate: (img, out) => rotate(img, 17, { out }),
  'resize (same size)': (img, out) => resize(img, img.width, img.height, { out }),
  saltAndPepper: (img, out) => saltAndPepper(img, { seed: 5, amount: 0.2, out }),
  'saltAndPepper per channel': (img, out) => saltAndPepper(img, { seed: 6, perChannel: true, out }),
};

describe('options.out', () => {
  // 300 rows of 1200 bytes: several strips for the ops that stream an image through a small buffer
  const img = randomImage(300, 300, 21);

  for (const [name, op] of Object.entries(sameSize)) {
    it(`${name} writes into out, returns it, and gives the bytes of a fresh result`, () => {
      const out = new Uint8ClampedArray(img.data.length).fill(9);
      const result = op(img, out);
      expect(result.data).toBe(out);
      expect(bytesEqual(out, op(img).data)).toBe(true);
    });

    it(`${name} in place (out = the input's own array) equals the result on a copy`, () => {
      const expected = op(img).data;
      const data = new Uint8ClampedArray(img.data);
      const result = op({ width: img.width, height: img.height, data }, data);
      expect(result.data).toBe(data);
      expect(bytesEqual(data, expected)).toBe(true);
    });

    it(`${name} into an out that overlaps the input one row further on equals the result on a copy`, () => {
      const expected = op(img).data;
      const rowBytes = img.width * 4;
      const buffer = new Uint8ClampedArray(img.data.length + rowBytes);
      buffer.set(img.data);
      const input = { width: img.width, height: img.height, data: buffer.subarray(0, img.data.length) };
      const out = buffer.subarray(rowBytes);
      op(input, out);
      expect(bytesEqual(out, expected)).toBe(true);
    });
  }

  it('resize writes a target of another size into an out of that size', () => {
    const out = new Uint8ClampedArray(37 * 23 * 4);
    const result = resize(img, 37, 23, { antialias: true, out });
    expect(result.data).toBe(out);
    expect(bytesEqual(out, resize(img, 37, 23, { antialias: true }).data)).toBe(true);
  });

  it('rotate with expand needs an out of the expanded size', () => {
    const { width, height } = rotate(img, 30, { expand: true });
    const out = new Uint8ClampedArray(width * height * 4);
    expect(rotate(img, 30, { expand: true, out }).data).toBe(out);
    expect(errorCode(() => rotate(img, 30, { expand: true, out: new Uint8ClampedArray(img.data.length) }))).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('leaves the input alone when out is another array', () => {
    const before = snapshot(img);
    for (const op of Object.values(sameSize)) op(img, new Uint8ClampedArray(img.data.length));
    expect(bytesEqual(img.data, before)).toBe(true);
  });

  it('rejects an out of the wrong type or length with INVALID_ARGUMENT, before any work', () => {
    const small = randomImage(4, 3, 2);
    const bad = [
      new Uint8Array(48), new Uint8ClampedArray(47), new Uint8ClampedArray(49), new Uint16Array(24),
      [] as unknown, null, 'out', 48,
    ];
    for (const out of bad) {
      for (const op of Object.values(sameSize)) {
        expect(errorCode(() => op(small, out as Uint8ClampedArray))).toBe('INVALID_ARGUMENT');
      }
      expect(errorCode(() => resize(small, 2, 2, { out: out as Uint8ClampedArray }))).toBe('INVALID_ARGUMENT');
    }
    expect(errorCode(() => resize(small, 2, 2, { out: new Uint8ClampedArray(48) }))).toBe('INVALID_ARGUMENT');
  });

  it('names the expected length in the message', () => {
    try {
      flipHorizontal(randomImage(4, 3, 2), { out: new Uint8ClampedArray(5) });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe(
        'Expected a Uint8ClampedArray of length 4×3×4 = 48 for options.out but received a Uint8ClampedArray of length 5',
      );
    }
  });
});
