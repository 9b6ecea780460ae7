import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { transformProperties } from './transforms.js';

/** Runs per transform in CI; `npm run fuzz -- --ops-runs N` runs more. */
const RUNS = Number(process.env.FUZZ_OPS_RUNS ?? 300);
const outcomes: Record<string, number> = {};

afterAll(() => {
  console.log(`transform properties: ${Object.entries(outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}`);
});

describe('random options to every random transform', () => {
  for (const { name, property } of transformProperties(outcomes)) {
    it(`${name}: a result that replays, or an AugkitError; never another exception, INTERNAL or a hang (${RUNS} runs)`, () => {
      fc.assert(property, { numRuns: RUNS, seed: 20_261_202 });
    }, 120_000);
  }
});
