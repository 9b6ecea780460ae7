import { describe, expect, it } from 'vitest';
import { rotate } from '../src/index.js';
import { rotateReference } from '../src/reference/rotate.js';
import { errorCode } from './helpers/errors.js';
import { goldenCases, goldenExpected, goldenInput } from './helpers/golden.js';
import { bytesEqual, maxAbsDiff, randomImage, snapshot } from './helpers/images.js';

describe('rotate matches the golden data', () => {
  for (const c of goldenCases('rotate')) {
    it(`${c.id} within ±${c.tolerance.maxAbs}`, () => {
      const { degrees, expand, fill } = c.params;
      const out = rotate(goldenInput(c), degrees!, { expand: expand!, fill: fill! });
      expect([out.width, out.height]).toEqual(c.expectedSize);
      expect(maxAbsDiff(out, goldenExpected(c))).toBeLessThanOrEqual(c.tolerance.maxAbs);
    });
  }
});

describe('rotate properties', () => {
  for (const [w, h] of [[1, 1], [2, 2], [7, 5], [6, 4], [31, 17], [40, 40], [5, 8]] as const) {
    it(`four quarter turns with expand are the identity, ${w}×${h}`, () => {
      const img = randomImage(w, h, w + 100 * h);
      let out = img;
      for (let i = 0; i < 4; i++) out = rotate(out, 90, { expand: true });
      expect(bytesEqual(out.data, img.data)).toBe(true);
    });

    it(`0, 360, 720 and -360 degrees return a copy, ${w}×${h}`, () => {
      const img = randomImage(w, h, 7);
      for (const d of [0, 360, 720, -360]) expect(bytesEqual(rotate(img, d).data, img.data)).toBe(true);
    });

    it(`equals the plain-TS reference byte for byte, ${w}×${h}`, () => {
      const img = randomImage(w, h, 3 * w + h);
      for (const [d, expand] of [[17, false], [-33.3, true], [90, false], [45, true], [1e-9, false], [200.5, true]] as const) {
        const fill = [10, 200, 30, 128] as const;
        expect(bytesEqual(rotate(img, d, { expand, fill }).data, rotateReference(img, d, expand, fill).data)).toBe(true);
      }
    });
  }

  it('a quarter turn of a same-parity image is an exact permutation: +90 moves the right edge to the top', () => {
    const img = randomImage(6, 4, 9);
    const out = rotate(img, 90, { expand: true });
    expect([out.width, out.height]).toEqual([4, 6]);
    // pixel (x, y) of the output comes from (w-1-y, x) of the input
    for (let y = 0; y < 6; y++) {
      for (let x = 0; x < 4; x++) {
        const o = (y * 4 + x) * 4;
        const i = (x * 6 + (5 - y)) * 4;
        expect(Array.from(out.data.subarray(o, o + 4))).toEqual(Array.from(img.data.subarray(i, i + 4)));
      }
    }
  });

  it('leaves its input unchanged', () => {
    const img = randomImage(9, 7);
    const before = snapshot(img);
    rotate(img, 33, { expand: true, fill: [1, 2, 3, 4] });
    expect(bytesEqual(img.data, before)).toBe(true);
  });
});

describe('rotate rejects bad arguments', () => {
  const img = randomImage(4, 4);
  for (const bad of [NaN, Infinity, -Infinity, '90', null, undefined]) {
    it(`degrees ${String(bad)} → INVALID_ARGUMENT`, () => {
      expect(errorCode(() => rotate(img, bad as number))).toBe('INVALID_ARGUMENT');
    });
  }
  it('bad fill or expand → INVALID_ARGUMENT', () => {
    for (const fill of [[0, 0, 0], [0, 0, 0, 256], [0, 0, 0, -1], [0, 0, 0, 0.5], 'red', [NaN, 0, 0, 0]]) {
      expect(errorCode(() => rotate(img, 10, { fill: fill as never }))).toBe('INVALID_ARGUMENT');
    }
    expect(errorCode(() => rotate(img, 10, { expand: 1 as never }))).toBe('INVALID_ARGUMENT');
  });
  it('an expanded output over the pixel limit → TOO_LARGE', () => {
    const tall = { width: 1, height: 16384 * 16, data: new Uint8Array(16384 * 16 * 4) };
    expect(errorCode(() => rotate(tall, 45, { expand: true }))).toBe('TOO_LARGE');
  });
});
