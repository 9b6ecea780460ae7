// Forward point maps (issue 11): each geometric op's `mapPoint`, and `mapPoints` through recorded
// pipelines. The kernels are the oracle: an image whose pixels encode their own coordinates shows where
// each source pixel went, and the reference twins' output → source maps are what the forward maps invert.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AugkitError, compose, mapPoints, pad, randomAffine, randomCrop, randomFlip, randomRotation, resizeTo, rotate, type AppliedOp, type RgbaImage,
} from '../src/index.js';
import { checkValues, opStep, type OpDefinition } from '../src/ops/define.js';
import { solveHomography } from '../src/ops/homography.js';
import { opDefinitions } from '../src/pipeline/catalogue.js';
import { runOps } from '../src/pipeline/execute.js';
import { affineInverseReference } from '../src/reference/warp.js';

/** A w×h image whose pixel (x, y) is [x, y, 255, 255] (w, h ≤ 256): every output pixel names its source. */
function coordinateImage(w: number, h: number): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set([x, y, 255, 255], (y * w + x) * 4);
  return { width: w, height: h, data };
}

const definition = (name: string) => opDefinitions().get(name) as OpDefinition;
const forward = (op: AppliedOp, w: number, h: number) => {
  const d = definition(op.op);
  return d.mapPoint!(checkValues(d.params, op, (k) => k), w, h);
};

/** The source pixel output pixel (x, y) of `out` shows, or undefined for fill. */
function sourceAt(out: RgbaImage, x: number, y: number): [number, number] | undefined {
  if (x < 0 || y < 0 || x >= out.width || y >= out.height) return undefined;
  const i = (y * out.width + x) * 4;
  return out.data[i + 3] === 255 ? [out.data[i]!, out.data[i + 1]!] : undefined;
}

const img = coordinateImage(61, 44);
const points: [number, number][] = [];
for (let y = 0; y < img.height; y += 3) for (let x = 0; x < img.width; x += 4) points.push([x, y]);

/** Every source pixel the op keeps sits at round(map(p)) of the kernel's output (nearest sampling, or exact ops). */
function expectPixelsLandAtTheirMap(op: AppliedOp, input = img) {
  const out = runOps(input, [op]);
  const map = forward(op, input.width, input.height);
  let landed = 0;
  for (const [x, y] of points) {
    const [mx, my] = map(x, y);
    const seen = sourceAt(out, Math.round(mx), Math.round(my));
    if (seen === undefined) continue;
    expect(seen, `${op.op}: (${x}, ${y}) → (${mx}, ${my})`).toEqual([x, y]);
    landed++;
  }
  expect(landed).toBeGreaterThan(points.length / 8);
}

const nearest = { interpolation: 'nearest', border: 'constant', fill: [0, 0, 0, 0] } as const;

describe('a source pixel lands at round(mapPoint(p)) of the kernel’s output', () => {
  // magnifying warps (|M⁻¹| ≤ 0.6): the output pixel nearest map(p) samples within 0.5 of p, so nearest picks p
  it('affine: rotation, shear, translation, scale 2', () => {
    for (const degrees of [0, 17, -130, 90]) {
      expectPixelsLandAtTheirMap({ op: 'affine', degrees, translate: [3.3, -2.1], scale: [2, 2.2], shear: [8, -5], ...nearest });
    }
  });

  it('warpAffine: an output → source matrix with scale ½', () => {
    expectPixelsLandAtTheirMap({ op: 'warpAffine', matrix: [0.45, 0.1, 4.7, -0.12, 0.5, 9.2], ...nearest });
    expectPixelsLandAtTheirMap({ op: 'warpAffine', matrix: [0.45, 0.1, 4.7, -0.12, 0.5, 9.2], width: 120, height: 90, ...nearest });
  });

  it('perspective: an inner quad stretched onto the whole output', () => {
    const [w, h] = [img.width - 1, img.height - 1];
    const to = [[0, 0], [w * 2, 0], [w * 2, h * 2], [0, h * 2]] as const;
    expectPixelsLandAtTheirMap({ op: 'perspective', from: [[1, 2], [w - 6, 0], [w, h - 3], [4, h]], to, width: 122, height: 88, ...nearest });
  });

  it('rotate: quarter turns (exact permutations) with and without expand', () => {
    for (const degrees of [90, 180, 270, -90]) {
      expectPixelsLandAtTheirMap({ op: 'rotate', degrees, expand: true, fill: [0, 0, 0, 0], interpolation: 'nearest' });
    }
    const square = coordinateImage(40, 40);
    expectPixelsLandAtTheirMap({ op: 'rotate', degrees: 90, expand: false, fill: [0, 0, 0, 0], interpolation: 'nearest' }, square);
  });

  it('crop, centerCrop, pad and the flips: exact offsets and mirrors', () => {
    expectPixelsLandAtTheirMap({ op: 'crop', x: 7, y: 3, width: 40, height: 30 });
    expectPixelsLandAtTheirMap({ op: 'centerCrop', width: 33, height: 21 });
    expectPixelsLandAtTheirMap({ op: 'pad', top: 5, right: 1, bottom: 0, left: 9, border: 'constant', fill: [0, 0, 0, 0] });
    expectPixelsLandAtTheirMap({ op: 'flipHorizontal' });
    expectPixelsLandAtTheirMap({ op: 'flipVertical' });
    expect(forward({ op: 'crop', x: 7, y: 3, width: 40, height: 30 }, 61, 44)(7, 3)).toEqual([0, 0]);
    expect(forward({ op: 'pad', top: 5, right: 1, bottom: 0, left: 9, border: 'edge', fill: [0, 0, 0, 0] }, 61, 44)(0, 0)).toEqual([9, 5]);
    expect(forward({ op: 'flipHorizontal' }, 61, 44)(0, 7)).toEqual([60, 7]);
    expect(forward({ op: 'flipVertical' }, 61, 44)(2, 0)).toEqual([2, 43]);
  });

  it('rotate at any angle: every output pixel shows a source pixel within ½ px (each axis) of its map', () => {
    for (const degrees of [13, -47.5, 200]) {
      const op: AppliedOp = { op: 'rotate', degrees, expand: true, fill: [0, 0, 0, 0], interpolation: 'nearest' };
      const out = runOps(img, [op]);
      const map = forward(op, img.width, img.height);
      for (let y = 0; y < out.height; y++) {
        for (let x = 0; x < out.width; x++) {
          const seen = sourceAt(out, x, y);
          if (seen === undefined) continue;
          // |q − map(p)| = |R·(s(q) − p)| ≤ √2 · ½
          const [mx, my] = map(seen[0], seen[1]);
          expect(Math.hypot(mx - x, my - y)).toBeLessThanOrEqual(Math.SQRT1_2 + 1e-9);
        }
      }
    }
  });
});

describe('mapPoint inverts the output → source map the reference twins sample with', () => {
  const outputs: [number, number][] = [[0, 0], [12.5, 3], [60, 43], [-7, 50.25]];
  const expectInverse = (map: (x: number, y: number) => readonly [number, number], source: (x: number, y: number) => readonly [number, number]) => {
    for (const [x, y] of outputs) {
      const [mx, my] = map(...source(x, y));
      expect(mx).toBeCloseTo(x, 9);
      expect(my).toBeCloseTo(y, 9);
    }
  };

  it('warpAffine: the matrix itself', () => {
    const [a, b, c, d, e, f] = [0.9, -0.3, 5, 0.25, 1.1, -4];
    expectInverse(forward({ op: 'warpAffine', matrix: [a, b, c, d, e, f], ...nearest }, 61, 44), (x, y) => [a * x + b * y + c, d * x + e * y + f]);
  });

  it('affine and rotate: src = c + M⁻¹·((p − c) − t), with rotate’s expanded output centre', () => {
    const [cx, cy] = [30, 21.5];
    const minv = affineInverseReference(23, [10, -4], [1.3, 0.8]);
    const [tx, ty] = [2, -3.5];
    const source = ([i00, i01, i10, i11]: readonly number[], ox: number, oy: number) => (x: number, y: number) =>
      [cx + i00 * (x - ox - tx) + i01 * (y - oy - ty), cy + i10 * (x - ox - tx) + i11 * (y - oy - ty)] as const;
    expectInverse(forward({ op: 'affine', degrees: 23, translate: [tx, ty], scale: [1.3, 0.8], shear: [10, -4], ...nearest }, 61, 44), source(minv, cx, cy));
    const rotation: AppliedOp = { op: 'rotate', degrees: 23, expand: true, fill: [0, 0, 0, 0] };
    const [dw, dh] = opStep(definition('rotate'), rotation).outputSize(61, 44);
    const [i00, i01, i10, i11] = affineInverseReference(23, [0, 0], [1, 1]);
    const rotSource = (x: number, y: number) => {
      const [u, v] = [x - (dw - 1) / 2, y - (dh - 1) / 2];
      return [cx + i00 * u + i01 * v, cy + i10 * u + i11 * v] as const;
    };
    expectInverse(forward(rotation, 61, 44), rotSource);
  });

  it('perspective: the homography to → from', () => {
    const from = [[0, 0], [60, 0], [60, 43], [0, 43]] as const;
    const to = [[5, 2], [55, 0], [60, 43], [0, 40]] as const;
    const h = solveHomography(to, from)!;
    const source = (x: number, y: number) => {
      const w = h[6]! * x + h[7]! * y + 1;
      return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w] as const;
    };
    expectInverse(forward({ op: 'perspective', from, to, ...nearest }, 61, 44), source);
    // and the corners land where `to` says
    const map = forward({ op: 'perspective', from, to, ...nearest }, 61, 44);
    from.forEach((p, i) => {
      expect(map(p[0], p[1])[0]).toBeCloseTo(to[i]![0], 9);
      expect(map(p[0], p[1])[1]).toBeCloseTo(to[i]![1], 9);
    });
  });

  it('resize (every fit), resizeShorter, resizeLonger: half-pixel centres sx = (x + ½)·sw/dw − ½, then the crop or pad offset', () => {
    const resizes: AppliedOp[] = [
      { op: 'resize', width: 30, height: 50, antialias: false },
      { op: 'resize', width: 30, height: 50, antialias: false, fit: 'cover' },
      { op: 'resize', width: 30, height: 50, antialias: false, fit: 'contain' },
      { op: 'resizeShorter', n: 20, antialias: false },
      { op: 'resizeLonger', n: 100, antialias: false },
    ];
    for (const op of resizes) {
      const [dw, dh] = opStep(definition(op.op), op).outputSize(61, 44);
      const map = forward(op, 61, 44);
      // the image's outer edges (−½ and size − ½) land on the scaled image's edges, inside or around the output
      const [left, top] = map(-0.5, -0.5);
      const [right, bottom] = map(60.5, 43.5);
      const fit = 'fit' in op ? op.fit : 'fill';
      if (fit === 'cover') expect(left <= -0.5 && top <= -0.5 && right >= dw - 0.5 && bottom >= dh - 0.5).toBe(true);
      else if (fit === 'contain') expect(left >= -0.5 && top >= -0.5 && right <= dw - 0.5 && bottom <= dh - 0.5).toBe(true);
      else {
        expect([left, top, right, bottom].map((v) => Number(v.toFixed(9)))).toEqual([-0.5, -0.5, dw - 0.5, dh - 0.5]);
      }
      expect(Number.isInteger(left + 0.5) && Number.isInteger(top + 0.5)).toBe(true);
    }
  });
});

describe('mapPoints through a recorded pipeline', () => {
  it('a composed pipeline (magnifying affine, crop, flips, quarter turns, pad): every kept pixel is where mapPoints says', () => {
    const pipeline = compose([
      randomAffine({ degrees: 30, scale: [2, 2.4], translate: 0.1, interpolation: 'nearest' }),
      randomCrop(48, 36),
      randomFlip({ horizontal: 0.5, vertical: 0.5 }),
      randomRotation({ degrees: [90, 90], expand: true, interpolation: 'nearest' }),
    ]);
    for (let seed = 0; seed < 12; seed++) {
      const { image, applied } = pipeline(img, { seed });
      const padded = [...applied, { op: 'pad', top: 2, right: 3, bottom: 0, left: 1, border: 'constant', fill: [0, 0, 0, 0] } as const];
      const out = runOps(image, [padded.at(-1)!]);
      const mapped = mapPoints(padded, points, img);
      let landed = 0;
      mapped.forEach(([mx, my], i) => {
        const seen = sourceAt(out, Math.round(mx), Math.round(my));
        if (seen === undefined) return;
        expect(seen, `seed ${seed}, point ${points[i]}`).toEqual(points[i]);
        landed++;
      });
      expect(landed).toBeGreaterThan(0);
    }
  });

  it('resizes: the size each op sees is the previous op’s output', () => {
    const pipeline = compose([resizeTo(122, 88), randomFlip({ horizontal: 1, vertical: 0 })]);
    const { applied } = pipeline(img, { seed: 1 });
    // after the resize the image is 122 wide: the flip mirrors about 121, not 60
    const [[x]] = mapPoints(applied, [[0, 0]], img) as [[number, number]];
    expect(x).toBeCloseTo(121 - ((0 + 0.5) * 122) / 61 + 0.5, 9);
  });

  it('ops without a map leave points alone; an empty list is the identity', () => {
    expect(mapPoints([{ op: 'invert' }, { op: 'adjustBrightness', factor: 1.2 }], [[3.5, 2]], img)).toEqual([[3.5, 2]]);
    expect(mapPoints([], [[1, 2]], img)).toEqual([[1, 2]]);
  });

  it('agrees with pad() and rotate() called directly', () => {
    const rotated = rotate(pad(img, { top: 1, right: 0, bottom: 0, left: 2 }), 90, { expand: true, interpolation: 'nearest' });
    const ops: AppliedOp[] = [
      { op: 'pad', top: 1, right: 0, bottom: 0, left: 2, border: 'constant', fill: [0, 0, 0, 0] },
      { op: 'rotate', degrees: 90, expand: true, fill: [0, 0, 0, 0], interpolation: 'nearest' },
    ];
    for (const [p, [mx, my]] of points.map((p, i) => [p, mapPoints(ops, points, img)[i]!] as const)) {
      expect(sourceAt(rotated, Math.round(mx), Math.round(my))).toEqual(p);
    }
  });

  it('bad input is INVALID_ARGUMENT naming it', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(AugkitError);
        return `${(error as AugkitError).code}: ${(error as Error).message}`;
      }
      throw new Error('no error');
    };
    expect(code(() => mapPoints([], [[1, 2], [Number.NaN, 0]], img))).toMatch(/^INVALID_ARGUMENT: .*points\[1\]/);
    expect(code(() => mapPoints([], [[1, Infinity]], img))).toMatch(/^INVALID_ARGUMENT: .*points\[0\]/);
    expect(code(() => mapPoints([], [[1]] as never, img))).toMatch(/^INVALID_ARGUMENT: .*points\[0\]/);
    expect(code(() => mapPoints([], 'nope' as never, img))).toMatch(/^INVALID_ARGUMENT: .*points/);
    expect(code(() => mapPoints([{ op: 'rotate', degrees: Number.NaN, expand: false, fill: [0, 0, 0, 0] }], [[1, 1]], img))).toMatch(/^INVALID_ARGUMENT: .*applied\[0\]\.degrees/);
    expect(code(() => mapPoints([{ op: 'nope' }] as never, [[1, 1]], img))).toMatch(/^INVALID_ARGUMENT: .*applied\[0\]/);
    expect(code(() => mapPoints([], [[1, 1]], { width: 0, height: 3 }))).toMatch(/^INVALID_ARGUMENT: .*size\.width/);
    expect(code(() => mapPoints([{ op: 'crop', x: 50, y: 0, width: 20, height: 5 }], [[1, 1]], img))).toMatch(/^INVALID_ARGUMENT/);
    const singular: AppliedOp = { op: 'warpAffine', matrix: [1, 2, 0, 2, 4, 0], interpolation: 'bilinear', border: 'constant', fill: [0, 0, 0, 0] };
    expect(code(() => mapPoints([singular], [[1, 1]], img))).toMatch(/^INVALID_ARGUMENT: .*matrix/);
  });
});

describe('mapPoints never fails otherwise (fast-check)', () => {
  const records: unknown[] = [
    { op: 'rotate', degrees: 30, expand: true, fill: [0, 0, 0, 0] },
    { op: 'affine', degrees: 5, translate: [1, 2], scale: [1.2, 1.2], shear: [0, 0], interpolation: 'nearest', border: 'wrap', fill: [0, 0, 0, 0] },
    { op: 'crop', x: 1, y: 1, width: 5, height: 5 },
    { op: 'flipVertical' },
    { op: 'resize', width: 7, height: 9, antialias: true, fit: 'contain' },
    { op: 'warpAffine', matrix: [0, 0, 0, 0, 0, 0], interpolation: 'bilinear', border: 'constant', fill: [0, 0, 0, 0] },
    { op: 'rotate', degrees: 'x', expand: false, fill: [0, 0, 0, 0] },
    { op: 'nope' },
    null,
  ];
  const point = fc.oneof(fc.tuple(fc.double(), fc.double()), fc.anything());

  it('returns one point per point, or throws INVALID_ARGUMENT', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...records), { maxLength: 4 }),
        fc.oneof(fc.array(point, { maxLength: 5 }), fc.anything()),
        fc.record({ width: fc.oneof(fc.integer({ min: -2, max: 40 }), fc.anything()), height: fc.integer({ min: -2, max: 40 }) }),
        (applied, points, size) => {
          try {
            const mapped = mapPoints(applied as AppliedOp[], points as [number, number][], size as { width: number; height: number });
            expect(mapped).toHaveLength((points as unknown[]).length);
          } catch (error) {
            expect(error).toBeInstanceOf(AugkitError);
            expect((error as AugkitError).code).toBe('INVALID_ARGUMENT');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('affine: map(source(q)) = q for random parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -720, max: 720, noNaN: true }),
        fc.tuple(fc.double({ min: 0.2, max: 5, noNaN: true }), fc.double({ min: 0.2, max: 5, noNaN: true })),
        fc.tuple(fc.double({ min: -60, max: 60, noNaN: true }), fc.double({ min: -60, max: 60, noNaN: true })),
        fc.tuple(fc.integer({ min: -50, max: 200 }), fc.integer({ min: -50, max: 200 })),
        (degrees, scale, shear, [x, y]) => {
          const [i00, i01, i10, i11] = affineInverseReference(degrees, shear, scale);
          const [cx, cy] = [30, 21.5];
          const source = [cx + i00 * (x - cx) + i01 * (y - cy), cy + i10 * (x - cx) + i11 * (y - cy)] as const;
          const [mx, my] = forward({ op: 'affine', degrees, translate: [0, 0], scale, shear, ...nearest }, 61, 44)(...source);
          expect(Math.abs(mx - x) + Math.abs(my - y)).toBeLessThan(1e-6 * (1 + Math.abs(x) + Math.abs(y)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
