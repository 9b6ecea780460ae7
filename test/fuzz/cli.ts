// `npm run fuzz -- [--runs N] [--seed S] [--ops-runs N] [--save]` (scripts/run-ts.mjs runs this file): the
// long version of the CI fuzz tests. Decodes N mutated corpus files (seeds S … S+N−1) and every boundary
// truncation in a time-boxed worker, runs the fast-check op properties, prints every failing seed with what
// was done to the file, and with --save writes the failing inputs to test/fixtures/fuzz-regressions/ for the
// test suite to replay.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { loadCorpus } from './corpus.js';
import { describeCase, emptyStats, formatOutcomes, fuzzSeeds, fuzzTruncations, TIME_BOX_MS, type Stats } from './engine.js';
import { opProperties } from './ops.js';
import { policyProperties } from './policies.js';
import { transformProperties } from './transforms.js';
import { DecodePool } from './pool.js';
import { saveRegression } from './regressions.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'ops-runs': { type: 'string' },
    save: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const first = Number(values.seed);
const opsRuns = Number(values['ops-runs'] ?? Math.max(100, Math.round(runs / 10)));

function report(title: string, stats: Stats, seconds: number): void {
  console.log(`${title}: ${stats.cases} cases in ${seconds.toFixed(1)} s — ${formatOutcomes(stats)}`);
  console.log(`  slowest ${stats.slowestMs.toFixed(0)} ms (${stats.slowest}); time box ${TIME_BOX_MS} ms + 2 ms per KB of input`);
  for (const failure of stats.failures) {
    console.log(`  FAIL ${describeCase(failure.fuzzCase)}\n       ${failure.problems.join('\n       ')}`);
  }
}

const corpus = loadCorpus();
const pool = await DecodePool.start();
let failed = 0;
try {
  let start = performance.now();
  const truncations = await fuzzTruncations(pool, corpus);
  report('truncations at every chunk/marker boundary ±1', truncations, (performance.now() - start) / 1000);

  start = performance.now();
  const stats = emptyStats();
  const step = 1000;
  for (let seed = first; seed < first + runs; seed += step) {
    const known = stats.failures.length;
    await fuzzSeeds(pool, corpus, seed, Math.min(step, first + runs - seed), stats);
    for (const failure of stats.failures.slice(known)) process.stderr.write(`\n  failing: ${describeCase(failure.fuzzCase)}\n`);
    process.stderr.write(`\r  ${stats.cases}/${runs} mutated cases, ${stats.failures.length} failing`);
  }
  process.stderr.write('\n');
  report(`mutations, seeds ${first}…${first + runs - 1}`, stats, (performance.now() - start) / 1000);

  failed = truncations.failures.length + stats.failures.length;
  if (values.save) {
    for (const failure of [...truncations.failures, ...stats.failures]) console.log(`  saved ${saveRegression(failure)}`);
  } else if (failed > 0) {
    console.log('  (run again with --save to keep the failing inputs as regression fixtures)');
  }

  start = performance.now();
  const outcomes: Record<string, number> = {};
  for (const { name, property } of [...opProperties(corpus.map((sample) => sample.bytes), outcomes), ...transformProperties(outcomes), ...policyProperties(outcomes)]) {
    const details = fc.check(property, { numRuns: opsRuns, seed: first });
    if (details.failed) {
      failed++;
      console.log(`  FAIL ${name} (fast-check seed ${details.seed}, path ${details.counterexamplePath}):\n       ${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}`);
    }
  }
  const calls = Object.values(outcomes).reduce((a, b) => a + b, 0);
  console.log(`op properties: ${calls} calls (${opsRuns} runs per function) in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  console.log(`  ${Object.entries(outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}`);
} finally {
  await pool.close();
}
console.log(failed === 0 ? 'no failures' : `${failed} failing cases`);
process.exitCode = failed === 0 ? 0 : 1;
