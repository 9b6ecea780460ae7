import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { loadCorpus } from './corpus.js';
import { opProperties } from './ops.js';

/** Runs per function in CI; `npm run fuzz -- --ops-runs N` runs more. */
const RUNS = Number(process.env.FUZZ_OPS_RUNS ?? 300);
const files = loadCorpus().map((sample) => sample.bytes);
const outcomes: Record<string, number> = {};

afterAll(() => {
  console.log(`op properties: ${Object.entries(outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}`);
});

describe('random arguments to every public function', () => {
  for (const { name, property } of opProperties(files, outcomes)) {
    it(`${name}: the right result or the right AugkitError, input untouched (${RUNS} runs)`, () => {
      fc.assert(property, { numRuns: RUNS, seed: 20_240_607 });
    }, 120_000);
  }
});
