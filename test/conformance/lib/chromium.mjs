// Headless Chromium for the browser checks: the system's Chromium (Debian's `chromium` package, which
// .ci/run installs when missing) driven by playwright-core, never a downloaded browser.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** The Chromium executable: $CHROMIUM_PATH, else the first of NAMES on $PATH. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  throw new Error(`no Chromium on PATH (looked for ${NAMES.join(', ')}); install Debian's chromium or set CHROMIUM_PATH`);
}

/** Set to 1 (as .ci/run does) to make a missing Chromium fail the browser checks instead of skipping them. */
export const REQUIRE_BROWSER = 'AUGKIT_REQUIRE_BROWSER';

/**
 * Why the browser checks `what` are skipped — no Chromium found, and ${REQUIRE_BROWSER} not set — as the one
 * line to print, with how to install one; null when they run (a Chromium is found, or one is required, so that
 * its absence fails them).
 */
export function browserSkipReason(what) {
  if (process.env[REQUIRE_BROWSER] === '1') return null;
  try {
    findChromium();
    return null;
  } catch {
    return (
      `SKIPPED ${what}: no Chromium found; install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH ` +
      `(with ${REQUIRE_BROWSER}=1, as in CI, a missing Chromium fails instead)`
    );
  }
}

/** `Chromium 156.0.8078.108 built on Debian …` → `Chromium 156.0.8078.108`. */
export function chromiumVersion(executable) {
  const line = execFileSync(executable, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return line.match(/^[\w ]*?\d+(\.\d+)+/)?.[0] ?? line;
}

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Starts Chromium with a fresh profile in the system's temp directory and resolves to
 * `{ context, version, close }`; `close()` ends the browser and removes the profile.
 */
export async function launchChromium() {
  const executablePath = findChromium();
  const profile = mkdtempSync(join(tmpdir(), 'augkit-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: FLAGS,
      viewport: { width: 1100, height: 760 },
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    version: chromiumVersion(executablePath),
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
