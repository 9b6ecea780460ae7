// Every golden-ops case of the colour, filter and occlusion ops within its tolerance (exact where it is 0).
import { afterAll, describe, expect, it } from 'vitest';
import { COLOUR_GOLDEN_OPS, runGoldenCase } from './helpers/colourOps.js';
import { goldenOpsCases, goldenOpsExpected, goldenOpsInput } from './helpers/goldenOps.js';
import { maxAbsDiff } from './helpers/images.js';

const worst: Record<string, number> = {};

afterAll(() => {
  console.log(`max |diff| vs golden per op: ${COLOUR_GOLDEN_OPS.map((op) => `${op} ${worst[op]}`).join(', ')}`);
});

for (const op of COLOUR_GOLDEN_OPS) {
  describe(`${op} matches the golden data`, () => {
    for (const c of goldenOpsCases(op)) {
      it(`${c.id} within ±${c.tolerance.maxAbs}`, () => {
        const out = runGoldenCase(c, goldenOpsInput(c));
        expect([out.width, out.height]).toEqual(c.expectedSize);
        const diff = maxAbsDiff(out, goldenOpsExpected(c));
        worst[op] = Math.max(worst[op] ?? 0, diff);
        expect(diff).toBeLessThanOrEqual(c.tolerance.maxAbs);
      });
    }
  });
}
