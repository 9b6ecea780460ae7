import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { policyProperties } from './policies.js';

/** Runs per policy in CI; `npm run fuzz -- --ops-runs N` runs more. */
const RUNS = Number(process.env.FUZZ_OPS_RUNS ?? 300);
const outcomes: Record<string, number> = {};

afterAll(() => {
  console.log(`policy properties: ${Object.entries(outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}`);
});

describe('random options to the augmentation policies', () => {
  for (const { name, property } of policyProperties(outcomes)) {
    it(`${name}: refused exactly as the rules say (naming the option), or a run that replays (${RUNS} runs)`, () => {
      fc.assert(property, { numRuns: RUNS, seed: 20_261_202 });
    }, 120_000);
  }
});
