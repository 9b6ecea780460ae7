// The warps (warpAffine, affine, perspective, rotate with border modes) against their plain-TS
// references and by properties that need no reference: identity = copy, integer shifts = pad + crop,
// periodic borders far outside the image, affine({ degrees }) = rotate, determinism.
import { describe, expect, it } from 'vitest';
import { affine, crop, pad, perspective, rotate, warpAffine, type RgbaImage } from '../src/index.js';
import { BORDERS, INTERPOLATIONS, type Border } from '../src/ops/border.js';
import { solveHomography } from '../src/ops/homography.js';
import { errorCode } from './helpers/errors.js';
import { geometryCases } from './helpers/geometryCases.js';
import { goldenOpsCases } from './helpers/goldenOps.js';
import { bytesEqual, randomImage, snapshot } from './helpers/images.js';

describe('the warps equal their plain-TS references byte for byte', () => {
  for (const c of geometryCases(20, 99)) it(c.name, () => expect(bytesEqual(c.run(), c.reference())).toBe(true));
});

/** The image shifted by integers (tx, ty), built from pad and crop: out(x, y) = in(x − tx, y − ty). */
function shifted(img: RgbaImage, tx: number, ty: number, border: Border) {
  const padding = { top: Math.max(ty, 0), bottom: Math.max(-ty, 0), left: Math.max(tx, 0), right: Math.max(-tx, 0) };
  const padded = pad(img, padding, { border, fill: [1, 2, 3, 4] });
  return crop(padded, { x: Math.max(-tx, 0), y: Math.max(-ty, 0), width: img.width, height: img.height });
}

describe('warp properties', () => {
  const shapes = [[1, 1], [2, 3], [7, 5], [16, 9], [33, 17]] as const;
  for (const [w, h] of shapes) {
    const img = randomImage(w, h, w * 31 + h);
    for (const border of BORDERS) {
      it(`identity parameters copy exactly, ${w}×${h} ${border}`, () => {
        for (const interpolation of INTERPOLATIONS) {
          const o = { border, interpolation, fill: [9, 9, 9, 9] as const };
          expect(bytesEqual(affine(img, {}, o).data, img.data)).toBe(true);
          expect(bytesEqual(affine(img, { degrees: 360, translate: [0, 0], scale: 1, shear: 0 }, o).data, img.data)).toBe(true);
          expect(bytesEqual(warpAffine(img, [1, 0, 0, 0, 1, 0], o).data, img.data)).toBe(true);
          const corners = [[0, 0], [w, 0], [w, h], [0, h]] as const;
          expect(bytesEqual(perspective(img, corners, corners, o).data, img.data)).toBe(true);
        }
      });

      it(`an integer translation with nearest is an exact shift, ${w}×${h} ${border}`, () => {
        for (const [tx, ty] of [[3, -2], [-1, 4], [w + 5, 0], [0, -(2 * h + 3)]] as const) {
          const expected = shifted(img, tx, ty, border).data;
          const o = { border, interpolation: 'nearest' as const, fill: [1, 2, 3, 4] as const };
          expect(bytesEqual(affine(img, { translate: [tx, ty] }, o).data, expected)).toBe(true);
          expect(bytesEqual(warpAffine(img, [1, 0, -tx, 0, 1, -ty], o).data, expected)).toBe(true);
          // bilinear too: integer positions have weight 0
          expect(bytesEqual(affine(img, { translate: [tx, ty] }, { ...o, interpolation: 'bilinear' }).data, expected)).toBe(true);
        }
      });
    }

    const periods = { wrap: [w, h], reflect: [Math.max(2 * w - 2, 1), Math.max(2 * h - 2, 1)], symmetric: [2 * w, 2 * h] } as const;
    for (const [border, [pw, ph]] of Object.entries(periods)) {
      it(`${border} is periodic far outside the image (period ${pw}×${ph}), ${w}×${h}`, () => {
        for (const interpolation of INTERPOLATIONS) {
          const near = warpAffine(img, [0.9, 0.2, 0.25, -0.1, 1.1, -0.5], { border: border as Border, interpolation });
          for (const k of [7, -13, 4001]) {
            const far = warpAffine(img, [0.9, 0.2, 0.25 + k * pw, -0.1, 1.1, -0.5 - 3 * k * ph], { border: border as Border, interpolation });
            expect(bytesEqual(far.data, near.data)).toBe(true);
          }
        }
      });
    }

    it(`affine({ degrees }) gives rotate's bytes, ${w}×${h}`, () => {
      for (const degrees of [17, -33.3, 90, 180, 270, -90, 45, 1234.5, 1e-9]) {
        for (const border of BORDERS) {
          const o = { border, fill: [10, 200, 30, 128] as const };
          expect(bytesEqual(affine(img, { degrees }, o).data, rotate(img, degrees, o).data)).toBe(true);
        }
      }
    });
  }

  it('the same parameters give the same bytes, and the input is left alone', () => {
    const img = randomImage(41, 29, 5);
    const before = snapshot(img);
    for (const border of BORDERS) {
      const run = () => affine(img, { degrees: 23, scale: [1.2, 0.7], shear: [10, 5], translate: [3.3, -2] }, { border }).data;
      expect(bytesEqual(run(), run())).toBe(true);
    }
    expect(bytesEqual(img.data, before)).toBe(true);
  });

  it('solves the homographies of the golden cases as their notes record them', () => {
    for (const c of goldenOpsCases('perspective')) {
      const { from, to } = c.params as { from: never; to: never };
      const expected = (c.notes as { homography: number[] }).homography;
      solveHomography(to, from)!.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-12));
    }
  });

  it('a perspective output behind the horizon takes the fill colour, whatever the border', () => {
    const img = randomImage(20, 20, 3);
    // the bottom edge squeezed: the sides meet below the image, and past that line den ≤ 0
    const from = [[0, 0], [19, 0], [19, 19], [0, 19]] as const;
    const to = [[0, 0], [19, 0], [11, 19], [8, 19]] as const;
    const [, , , , , , h6, h7] = solveHomography(to, from)!;
    for (const border of BORDERS) {
      const out = perspective(img, from, to, { border, fill: [1, 2, 3, 4], width: 20, height: 80 });
      let behind = 0;
      for (let y = 0; y < 80; y++) {
        for (let x = 0; x < 20; x++) {
          if (h6! * x + h7! * y + 1 > 0) continue;
          behind++;
          expect(Array.from(out.data.subarray((y * 20 + x) * 4, (y * 20 + x) * 4 + 4))).toEqual([1, 2, 3, 4]);
        }
      }
      expect(behind).toBeGreaterThan(100);
    }
  });
});

describe('warp bad input', () => {
  const img = randomImage(8, 6, 1);
  const cases: [string, () => unknown, string][] = [
    ['NaN in a matrix', () => warpAffine(img, [1, 0, NaN, 0, 1, 0]), 'INVALID_ARGUMENT'],
    ['Infinity in a matrix', () => warpAffine(img, [Infinity, 0, 0, 0, 1, 0]), 'INVALID_ARGUMENT'],
    ['a matrix of 5 numbers', () => warpAffine(img, [1, 0, 0, 0, 1] as never), 'INVALID_ARGUMENT'],
    ['a matrix reaching 2^31 px', () => warpAffine(img, [1e9, 0, 0, 0, 1, 0]), 'INVALID_ARGUMENT'],
    ['an unknown border name', () => warpAffine(img, [1, 0, 0, 0, 1, 0], { border: 'mirror' as never }), 'INVALID_ARGUMENT'],
    ['an unknown interpolation', () => rotate(img, 3, { interpolation: 'cubic' as never }), 'INVALID_ARGUMENT'],
    ['a bad fill', () => affine(img, {}, { fill: [0, 0, 0] as never }), 'INVALID_ARGUMENT'],
    ['a warp output over the pixel limit', () => warpAffine(img, [1, 0, 0, 0, 1, 0], { width: 1e5, height: 1e5 }), 'TOO_LARGE'],
    ['NaN degrees', () => affine(img, { degrees: NaN }), 'INVALID_ARGUMENT'],
    ['scale 0', () => affine(img, { scale: 0 }), 'INVALID_ARGUMENT'],
    ['a negative scale', () => affine(img, { scale: [1, -2] }), 'INVALID_ARGUMENT'],
    ['shear 90°', () => affine(img, { shear: 90 }), 'INVALID_ARGUMENT'],
    ['a translate of one number', () => affine(img, { translate: 3 as never }), 'INVALID_ARGUMENT'],
    ['a scale so small the inverse overflows', () => affine(img, { scale: 1e-300 }), 'INVALID_ARGUMENT'],
    ['perspective corners on one line', () => perspective(img, [[0, 0], [1, 1], [2, 2], [0, 5]], [[0, 0], [7, 0], [7, 5], [0, 5]]), 'INVALID_ARGUMENT'],
    ['perspective corners repeated', () => perspective(img, [[0, 0], [7, 0], [7, 5], [0, 5]], [[0, 0], [0, 0], [7, 5], [0, 5]]), 'INVALID_ARGUMENT'],
    ['perspective with three corners', () => perspective(img, [[0, 0], [7, 0], [7, 5]] as never, [[0, 0], [7, 0], [7, 5], [0, 5]]), 'INVALID_ARGUMENT'],
    ['perspective with a NaN corner', () => perspective(img, [[0, 0], [7, NaN], [7, 5], [0, 5]], [[0, 0], [7, 0], [7, 5], [0, 5]]), 'INVALID_ARGUMENT'],
  ];
  for (const [what, fn, code] of cases) it(`${what} → ${code}`, () => expect(errorCode(fn)).toBe(code));

  it('messages name the parameter', () => {
    expect(() => warpAffine(img, [1, 0, NaN, 0, 1, 0])).toThrow(/matrix/);
    expect(() => rotate(img, 3, { border: 'mirror' as never })).toThrow(/options\.border/);
    expect(() => affine(img, { shear: [0, 95] })).toThrow(/params\.shear/);
    expect(() => perspective(img, [[0, 0], [1, 1], [2, 2], [0, 5]], [[0, 0], [7, 0], [7, 5], [0, 5]])).toThrow(/from/);
  });
});
