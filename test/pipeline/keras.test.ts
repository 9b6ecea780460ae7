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

  it('bad channel_shift_range / brightness_range are INVALID_ARGUMENT naming them; typos are named', () => {
    expect(errorCode(() => recipeFromKeras({ channel_shift_range: -1 }))).toBe('INVALID_ARGUMENT');
    expect(() => recipeFromKeras({ channel_shift_range: 300 })).toThrow('channel_shift_range');
    expect(() => recipeFromKeras({ brightness_range: [1.2, 0.8] })).toThrow('brightness_range');
    expect(() => recipeFromKeras({ brightness_range: [-0.5, 1] })).toThrow('brightness_range');
    expect(() => recipeFromKeras({ rotation_rang: 10 } as never)).toThrow('did you mean `rotation_range`?');
  });

  it('is also a recipe file step', () => {
    const recipe = parseRecipe({ name: 'k', steps: [{ op: 'kerasImageDataGenerator', rotation_range: 10, zoom_range: [0.9, 1.1] }] });
    expect(recipe.pipeline.draw(4, { width: 10, height: 10 })).toEqual(recipeFromKeras({ rotation_range: 10, zoom_range: [0.9, 1.1] }).pipeline.draw(4, { width: 10, height: 10 }));
  });
});

// keras_preprocessing.image: ImageDataGenerator.get_random_transform draws
//   channel_shift_intensity = np.random.uniform(-channel_shift_range, channel_shift_range)
//   brightness = np.random.uniform(brightness_range[0], brightness_range[1])
// and apply_transform applies, after the affine warp, apply_channel_shift (x + intensity clipped to the image's
// own [min, max]), the flips, then apply_brightness_shift(x, brightness, False): array_to_img casts to uint8,
// PIL ImageEnhance.Brightness blends with black, Image.blend computing (UINT8)(float) (alpha · v) clipped to 0..255.
const kerasChannelShift = (values: readonly number[], intensity: number) => {
  const [min, max] = [Math.min(...values), Math.max(...values)];
  return values.map((v) => Math.min(max, Math.max(min, v + intensity)));
};
const kerasBrightness = (values: readonly number[], brightness: number) =>
  values.map((v) => Math.min(255, Math.max(0, Math.trunc(Math.fround(Math.fround(brightness) * v)))));
const roundHalfAway = (v: number) => Math.sign(v) * Math.floor(Math.abs(v) + 0.5);

describe('recipeFromKeras: channel_shift_range and brightness_range (Keras’ formulas restated)', () => {
  const img = randomImage(24, 18, 8);
  img.data[0] = 0;
  img.data[1] = 255; // the image spans 0..255, so Keras' clip to its own min..max is augkit's clamp
  const rgb = (data: ArrayLike<number>) => Array.from(data).filter((_, i) => i % 4 !== 3);

  it('channel shift: one intensity from [−r, r) added to R, G, B; the bytes are Keras’ values rounded', () => {
    const recipe = recipeFromKeras({ channel_shift_range: 40.5 });
    for (let seed = 0; seed < 40; seed++) {
      const { image, applied } = recipe.pipeline(img, { seed });
      const shift = applied[1] as Extract<AppliedOp, { op: 'channelShift' }>;
      expect(applied.map((op) => op.op)).toEqual(['warpAffine', 'channelShift']);
      const [d] = shift.shift;
      expect(shift.shift).toEqual([d, d, d]);
      expect(d >= -40.5 && d < 40.5).toBe(true);
      expect(rgb(image.data)).toEqual(kerasChannelShift(rgb(img.data), d).map(roundHalfAway));
    }
  });

  it('channel shift differs where documented: Keras clips to the image’s own min..max, augkit to 0..255', () => {
    const narrow = { width: 2, height: 1, data: new Uint8ClampedArray([50, 100, 150, 255, 120, 180, 200, 255]) };
    const { image, applied } = recipeFromKeras({ channel_shift_range: 100 }).pipeline(narrow, { seed: 5 });
    const [d] = (applied[1] as Extract<AppliedOp, { op: 'channelShift' }>).shift;
    expect(rgb(image.data)).toEqual(rgb(narrow.data).map((v) => Math.min(255, Math.max(0, roundHalfAway(v + d)))));
    expect(rgb(image.data)).not.toEqual(kerasChannelShift(rgb(narrow.data), d).map(roundHalfAway));
  });

  it('brightness: a factor from [min, max) multiplying R, G, B; within 1 of Keras/PIL, which truncates where augkit rounds', () => {
    const recipe = recipeFromKeras({ brightness_range: [0.5, 1.5] });
    for (let seed = 0; seed < 40; seed++) {
      const { image, applied } = recipe.pipeline(img, { seed });
      const { factor } = applied[1] as Extract<AppliedOp, { op: 'adjustBrightness' }>;
      expect(factor >= 0.5 && factor < 1.5).toBe(true);
      const keras = kerasBrightness(rgb(img.data), factor);
      const augkit = rgb(image.data);
      expect(augkit).toEqual(rgb(img.data).map((v) => Math.min(255, roundHalfAway(v * factor))));
      expect(augkit.every((v, i) => v - keras[i]! >= 0 && v - keras[i]! <= 1)).toBe(true);
    }
  });

  it('records the ops in Keras’ order (warp, channel shift, flips, brightness) and replays them', () => {
    const recipe = recipeFromKeras({ rotation_range: 10, channel_shift_range: 20, brightness_range: [0.8, 1.2], horizontal_flip: true, vertical_flip: true });
    for (let seed = 0; seed < 20; seed++) {
      const { image, applied } = recipe.pipeline(img, { seed });
      const names = applied.map((op) => op.op);
      expect(names[0]).toBe('warpAffine');
      expect(names[1]).toBe('channelShift');
      expect(names.at(-1)).toBe('adjustBrightness');
      expect(names.slice(2, -1).every((n) => n === 'flipHorizontal' || n === 'flipVertical')).toBe(true);
      expect(bytesEqual(replay(img, JSON.parse(JSON.stringify(applied))).data, image.data)).toBe(true);
    }
  });

  it('leaves the draws of recipes without them unchanged (they are drawn last, only when asked for)', () => {
    const geometry = { rotation_range: 15, width_shift_range: 0.1, horizontal_flip: true };
    for (let seed = 0; seed < 20; seed++) {
      const without = recipeFromKeras(geometry).pipeline.draw(seed, { width: 30, height: 20 });
      const withThem = recipeFromKeras({ ...geometry, channel_shift_range: 5, brightness_range: [0.9, 1.1] }).pipeline.draw(seed, { width: 30, height: 20 });
      expect(withThem.filter((op) => op.op !== 'channelShift' && op.op !== 'adjustBrightness')).toEqual(without);
    }
  });
});
