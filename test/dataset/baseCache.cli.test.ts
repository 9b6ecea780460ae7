// `augkit augment --cache-mb`: the decoded sources the check keeps for the writes move between worker threads;
// the files are the same with the cache on, off and too small for all, with one worker and with two.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, hashTree, RECIPES, runCli, SAMPLE, tempDir } from '../helpers/cli.js';

const ARGS = ['--recipe', join(RECIPES, 'flips-rotation-noise.json'), '--variants', '2', '--split', 'train=0.6,val=0.2,test=0.2', '--seed', '5'];

function run(...extra: string[]): Record<string, string> {
  const out = join(tempDir(), 'out');
  const r = runCli(['augment', SAMPLE, '--out', out, ...ARGS, ...extra]);
  expect(r.status, r.stderr).toBe(0);
  return hashTree(out);
}

describe('augment --cache-mb', { timeout: CLI_TIMEOUT }, () => {
  it('the same files with the cache on and off, on 1 and 2 workers', () => {
    const reference = run('--size', '48x40', '--workers', '1', '--cache-mb', '0');
    expect(Object.keys(reference).length).toBeGreaterThan(30);
    for (const workers of ['1', '2']) {
      expect(run('--size', '48x40', '--workers', workers), `${workers} workers, default cache`).toEqual(reference);
      expect(run('--size', '48x40', '--workers', workers, '--cache-mb', '0'), `${workers} workers, no cache`).toEqual(reference);
    }
  });

  it('at the sources\' own sizes, 1 MB keeps only a few of them: the same files on 2 workers', () => {
    // the sample's images are 165–308 pixels high, up to about 580 KB decoded
    expect(run('--workers', '2', '--cache-mb', '1')).toEqual(run('--workers', '2', '--cache-mb', '0'));
  });

  it('bad values and --plan are usage errors', () => {
    for (const value of ['-1', '1.5', 'lots', String(2 ** 20 + 1)]) {
      const r = runCli(['augment', SAMPLE, '--out', join(tempDir(), 'out'), '--cache-mb', value]);
      expect([r.status, r.stderr]).toEqual([2, expect.stringMatching(/--cache-mb expects an integer 0\.\.1048576/)]);
    }
    const planned = runCli(['augment', '--plan', join(tempDir(), 'plan.json'), '--out', join(tempDir(), 'out'), '--cache-mb', '64']);
    expect([planned.status, planned.stderr]).toEqual([2, expect.stringMatching(/--cache-mb cannot be combined with --plan/)]);
  });
});
