// Every golden-ops case of the geometric ops (test/fixtures/golden-ops, see its README for the calls),
// within the case's tolerance; the largest |diff| per op is printed for the record.
import { afterAll, describe, expect, it } from 'vitest';
import { affine, centerCrop, crop, pad, perspective, rotate, warpAffine, type AugkitImage } from '../src/index.js';
import { goldenOpsCases, goldenOpsExpected, goldenOpsInput, type GoldenOpsCase } from './helpers/goldenOps.js';
import { maxAbsDiff } from './helpers/images.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- params are the manifest's JSON */
const calls: Record<string, (c: GoldenOpsCase) => AugkitImage> = {
  warpAffine: (c) => {
    const { matrix, ...options } = c.params as any;
    return warpAffine(goldenOpsInput(c), matrix, options);
  },
  affine: (c) => {
    const { degrees, translate, scale, shear, ...options } = c.params as any;
    return affine(goldenOpsInput(c), { degrees, translate, scale, shear }, options);
  },
  perspective: (c) => {
    const { from, to, ...options } = c.params as any;
    return perspective(goldenOpsInput(c), from, to, options);
  },
  rotate: (c) => {
    const { degrees, ...options } = c.params as any;
    return rotate(goldenOpsInput(c), degrees, options);
  },
  crop: (c) => crop(goldenOpsInput(c), c.params as any),
  pad: (c) => {
    const { top, right, bottom, left, ...options } = c.params as any;
    return pad(goldenOpsInput(c), { top, right, bottom, left }, options);
  },
  centerCrop: (c) => centerCrop(goldenOpsInput(c), (c.params as any).width, (c.params as any).height),
};

const worst = new Map<string, number>();
afterAll(() => console.log('max |diff| per op:', Object.fromEntries(worst)));

for (const [op, call] of Object.entries(calls)) {
  describe(`${op} matches the golden-ops data`, () => {
    for (const c of goldenOpsCases(op)) {
      it(`${c.id} within ±${c.tolerance.maxAbs}`, () => {
        const out = call(c);
        expect([out.width, out.height]).toEqual(c.expectedSize);
        const diff = maxAbsDiff(out, goldenOpsExpected(c));
        worst.set(op, Math.max(worst.get(op) ?? 0, diff));
        expect(diff).toBeLessThanOrEqual(c.tolerance.maxAbs);
      });
    }
  });
}
