import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeBox } from './engine.js';
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
    const bytes = regressionBytes(regression);
    const report = await pool.run(bytes, regression.options, 20_000);
    expect(report.problems).toEqual([]);
    expect(report.ms).toBeLessThan(timeBox(bytes.length));
    if (regression.expect) expect(label(report.outcome)).toBe(regression.expect);
  }, 30_000);
});
