import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus.js';
import { describeCase, formatOutcomes, fuzzSeeds, fuzzTruncations, TIME_BOX_MS, type Stats } from './engine.js';
import { DecodePool } from './pool.js';

/** CI's share; `npm run fuzz -- --runs N` runs more. FUZZ_RUNS overrides it here. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);
const corpus = loadCorpus();
let pool: DecodePool;

beforeAll(async () => {
  pool = await DecodePool.start();
}, 60_000);

afterAll(async () => {
  await pool?.close();
});

/** Prints the tally and fails with every failing seed and what was done to its file. */
function expectNoFailures(title: string, stats: Stats): void {
  console.log(`${title}: ${stats.cases} cases — ${formatOutcomes(stats)}; slowest ${stats.slowestMs.toFixed(0)} ms`);
  const failures = stats.failures.map((f) => `${describeCase(f.fuzzCase)}\n    ${f.problems.join('\n    ')}`);
  expect(failures, 'replay with `npm run fuzz -- --seed N --runs 1 --save`').toEqual([]);
}

describe('decode fuzzing (each case in a worker, time-boxed)', () => {
  it(`${RUNS} seeded mutations of the corpus: a valid image or UNSUPPORTED_FORMAT / CORRUPT_IMAGE / TOO_LARGE, each within ${TIME_BOX_MS} ms (+2 ms per KB)`, async () => {
    expectNoFailures('mutations', await fuzzSeeds(pool, corpus, 1, RUNS));
  }, 600_000);

  it('every corpus file cut at every chunk or marker boundary (±1 byte) fails CORRUPT_IMAGE or UNSUPPORTED_FORMAT', async () => {
    expectNoFailures('truncations', await fuzzTruncations(pool, corpus));
  }, 600_000);
});
