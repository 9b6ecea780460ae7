// recipeFromKeras against Keras' own formulas: apply_affine_transform (keras-preprocessing) restated here
// in plain TypeScript with Math.cos/sin, as numpy computes it, and compared with the source positions
// augkit's recorded warpAffine samples.
import { describe, expect, it } from 'vitest';
import { parseRecipe, recipeFromKeras, replay, warpAffine, type AppliedOp } from '../../src/index.js';
import { kerasWarpMatrix, type KerasAffine } from '../../src/pipeline/kerasMatrix.js';
import { errorCode } from '../helpers/errors.js';
import { bytesEqual, randomImage } from '../helpers/images.js';

type Mat = number[][];
const dot = (a: Mat, b: Mat): Mat => a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));

/**
 * keras_preprocessing.image.affine_transformations.apply_affine_transform, the matrix part: rotation,
 * shift, shear, zoom composed with np.dot in that order, then transform_matrix_offset_center(m, h, w)
 * (o = h/2 + 0.5, w/2 + 0.5); ndimage.affine_transform samples the input at m · (row, col, 1).
 */
function kerasSource(p: KerasAffine, h: number, w: number, row: number, col: number, centre: 'keras' | 'image'): [number, number] {
  const theta = (p.theta * Math.PI) / 180;
  const shear = (p.shear * Math.PI) / 180;
  let m: Mat = [[Math.cos(theta), -Math.sin(theta), 0], [Math.sin(theta), Math.cos(theta), 0], [0, 0, 1]];
  m = dot(m, [[1, 0, p.tx], [0, 1, p.ty], [0, 0, 1]]);
  m = dot(m, [[1, -Math.sin(shear), 0], [0, Math.cos(shear), 0], [0, 0, 1]]);
  m = dot(m, [[p.zx, 0, 0], [0, p.zy, 0], [0, 0, 1]]);
  const [ox, oy] = centre === 'keras' ? [h / 2 + 0.5, w / 2 + 0.5] : [(h - 1) / 2, (w - 1) / 2];
  m = dot(dot([[1, 0, ox], [0, 1, oy], [0, 0, 1]], m), [[1, 0, -ox], [0, 1, -oy], [0, 0, 1]]);
  return [m[0]![0]! * row + m[0]![1]! * col + m[0]![2]!, m[1]![0]! * row + m[1]![1]! * col + m[1]![2]!];
}

const cases: KerasAffine[] = [
  { theta: 20, tx: 0, ty: 0, shear: 0, zx: 1, zy: 1 },
  { theta: -33.3, tx: 4.5, ty: -7, shear: 12, zx: 0.8, zy: 1.15 },
  { theta: 90, tx: -3, ty: 2, shear: -20, zx: 1.3, zy: 0.7 },
  { theta: 0, tx: 0, ty: 0, shear: 45, zx: 1, zy: 1 },
];

describe('recipeFromKeras: Keras’ matrix', () => {
  for (const [i, p] of cases.entries()) {
    for (const [w, h] of [[64, 48], [31, 57]] as const) {
      it(`case ${i} on ${w}×${h}: the same source position for every sampled output pixel (both centre conventions)`, () => {
        for (const centre of ['image', 'keras'] as const) {
          const [a, b, c, d, e, f] = kerasWarpMatrix(p, w, h, centre === 'keras');
          for (const [x, y] of [[0, 0], [w - 1, 0], [0, h - 1], [w - 1, h - 1], [17, 9], [30, 40]] as const) {
            const [row, col] = kerasSource(p, h, w, y, x, centre);
            expect(a * x + b * y + c).toBeCloseTo(col, 9);
            expect(d * x + e * y + f).toBeCloseTo(row, 9);
          }
        }
      });
    }
  }

  it('zoom is the inverse map: zoom 0.8 samples closer to the centre, so the image is enlarged (augkit scale 1/0.8)', () => {
    const [a, , c] = kerasWarpMatrix({ theta: 0, tx: 0, ty: 0, shear: 0, zx: 0.8, zy: 0.8 }, 101, 101, false);
    expect(a * 100 + c).toBeCloseTo(50 + 0.8 * 50, 12);
  });
});

describe('recipeFromKeras: draws and records', () => {
  const img = randomImage(40, 30, 6);
  const warpOf = (applied: readonly AppliedOp[]) => applied[0] as Extract<AppliedOp, { op: 'warpAffine' }>;

  it('records one warpAffine (fill_mode names translated, cval as the fill) and the flips; replays to the same bytes', () => {
    const recipe = recipeFromKeras({ rotation_range: 30, width_shift_range: 0.1, height_shift_range: 0.2, shear_range: 10, zoom_range: 0.2, horizontal_flip: true, vertical_flip: true, fill_mode: 'reflect' });
    let flips = 0;
    for (let seed = 0; seed < 60; seed++) {
      const { image, applied } = recipe.pipeline(img, { seed });
      const warp = warpOf(applied);
      expect(warp).toMatchObject({ op: 'warpAffine', interpolation: 'bilinear', border: 'symmetric', fill: [0, 0, 0, 255] });
      flips += applied.length - 1;
      expect(bytesEqual(replay(img, JSON.parse(JSON.stringify(applied))).data, image.data)).toBe(true);
    }
    expect(flips).toBeGreaterThan(30); // two independent 50% flips: 60 expected
    expect(flips).toBeLessThan(90);
  });

  it('fraction shifts scale with the side, integer shifts draw whole pixels 0..n−1 with a random sign', () => {
    const fraction = recipeFromKeras({ width_shift_range: 0.25 });
    const pixels = recipeFromKeras({ width_shift_range: 3 });
    const seen = new Set<number>();
    for (let seed = 0; seed < 200; seed++) {
      // a pure shift: sx = x + c, c = −(shift) within ±0.25·W
      const [, , c] = warpOf(fraction.pipeline.draw(seed, { width: 40, height: 30 })).matrix;
      expect(Math.abs(c)).toBeLessThanOrEqual(10);
      const [a, , c2] = warpOf(pixels.pipeline.draw(seed, { width: 40, height: 30 })).matrix;
      expect(a).toBe(1);
      expect(Number.isInteger(c2) && Math.abs(c2) <= 2).toBe(true);
      seen.add(c2);
    }
    expect([...seen].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('fill_mode constant with cval fills with that grey; nearest is augkit edge', () => {
    const shifted = recipeFromKeras({ width_shift_range: [10], fill_mode: 'constant', cval: 128 }).pipeline(img, { seed: 1 });
    expect(warpOf(shifted.applied)).toMatchObject({ border: 'constant', fill: [128, 128, 128, 255] });
    const { matrix } = warpOf(shifted.applied);
    expect(bytesEqual(shifted.image.data, warpAffine(img, matrix, { fill: [128, 128, 128, 255] }).data)).toBe(true);
    expect(warpOf(recipeFromKeras({}).pipeline.draw(1, { width: 4, height: 4 })).border).toBe('edge');
  });

  it('replicateKerasBugs swaps the shift axes and uses Keras’ centre', () => {
    const fixed = { height_shift_range: [5] };
    const documented = warpOf(recipeFromKeras(fixed).pipeline.draw(3, { width: 40, height: 30 })).matrix;
    const bug = warpOf(recipeFromKeras({ ...fixed, replicateKerasBugs: true }).pipeline.draw(3, { width: 40, height: 30 })).matrix;
    expect(Math.abs(documented[5])).toBe(5); // vertical
    expect(documented[2]).toBe(0);
    expect(Math.abs(bug[2])).toBe(5); // horizontal
    expect(bug[5]).toBe(0);
  });

  it('channel_shift_range and brightness_range are INVALID_ARGUMENT "not yet supported"; typos are named', () => {
    expect(errorCode(() => recipeFromKeras({ channel_shift_range: 20 }))).toBe('INVALID_ARGUMENT');
    expect(() => recipeFromKeras({ channel_shift_range: 20 })).toThrow('channel_shift_range is not yet supported');
    expect(() => recipeFromKeras({ brightness_range: [0.8, 1.2] })).toThrow('brightness_range is not yet supported');
    expect(() => recipeFromKeras({ rotation_rang: 10 } as never)).toThrow('did you mean `rotation_range`?');
  });

  it('is also a recipe file step', () => {
    const recipe = parseRecipe({ name: 'k', steps: [{ op: 'kerasImageDataGenerator', rotation_range: 10, zoom_range: [0.9, 1.1] }] });
    expect(recipe.pipeline.draw(4, { width: 10, height: 10 })).toEqual(recipeFromKeras({ rotation_range: 10, zoom_range: [0.9, 1.1] }).pipeline.draw(4, { width: 10, height: 10 }));
  });
});
