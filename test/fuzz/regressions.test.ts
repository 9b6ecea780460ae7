import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIME_BOX_MS } from './engine.js';
import { DecodePool } from './pool.js';
import { loadRegressions, regressionBytes } from './regressions.js';
import { label } from './verdict.js';

const regressions = loadRegressions();
let pool: DecodePool;

beforeAll(async () => {
  pool = await DecodePool.start();
}, 60_000);

afterAll(async () => {
  await pool?.close();
});

describe('inputs that once failed (test/fixtures/fuzz-regressions)', () => {
  it.each(regressions.map((r) => [r.file, r] as const))('%s', async (_, regression) => {
    const report = await pool.run(regressionBytes(regression), regression.options, 10_000);
    expect(report.problems).toEqual([]);
    expect(report.ms).toBeLessThan(TIME_BOX_MS);
    if (regression.expect) expect(label(report.outcome)).toBe(regression.expect);
  }, 20_000);
});
