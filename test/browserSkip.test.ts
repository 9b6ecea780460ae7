// issue 10, item 6: `npm test` passes with only Node; CI (AUGKIT_REQUIRE_BROWSER=1) never skips the browser checks
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

/** An empty folder as PATH: no Chromium on it (node is run by its absolute path). */
const emptyPath = mkdtempSync(join(tmpdir(), 'augkit-no-chromium-'));
afterAll(() => rmSync(emptyPath, { recursive: true, force: true }));

function runWithoutChromium(script: string, extraEnv: Record<string, string> = {}, args: string[] = []) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PATH: emptyPath, ...extraEnv };
  delete env.CHROMIUM_PATH;
  if (!('AUGKIT_REQUIRE_BROWSER' in extraEnv)) delete env.AUGKIT_REQUIRE_BROWSER;
  return spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
}

describe('browser checks without a Chromium', { timeout: 120_000 }, () => {
  it('the playground e2e test is skipped with an install hint, and passes', () => {
    const r = runWithoutChromium('test/e2e/playground.mjs');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^SKIPPED the playground e2e test: no Chromium found; install it \(Debian\/Ubuntu: sudo apt-get install chromium\)/m);
    expect(r.stdout).toMatch(/e2e: 0 passed, 0 failed, 1 skipped/);
  });

  it('the conformance matrix reports its 4 browser checks as skipped, with the hint, and passes', () => {
    const r = runWithoutChromium('test/conformance/matrix.mjs', {}, ['--only=browser']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^SKIPPED the 4 Chromium checks .*: no Chromium found; install it/m);
    expect(r.stdout).toMatch(/runtimes: 0 passed, 0 failed, 4 skipped/);
  });

  it('with AUGKIT_REQUIRE_BROWSER=1 (as .ci/run sets) a missing Chromium fails', () => {
    const r = runWithoutChromium('test/e2e/playground.mjs', { AUGKIT_REQUIRE_BROWSER: '1' });
    expect(r.status).not.toBe(0);
    expect(r.stderr + r.stdout).toMatch(/no Chromium on PATH/);
  });
});
