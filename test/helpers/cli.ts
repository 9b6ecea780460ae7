import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SAMPLE = join(ROOT, 'examples/sample');
export const RECIPES = join(ROOT, 'examples/recipes');
/** The built CLI: the tests run the package as users get it (npm test builds first). */
export const BIN = join(ROOT, 'dist/cli/bin.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `augkit <args>` from dist and waits for it. */
export function runCli(args: readonly string[]): CliResult {
  if (!existsSync(BIN)) throw new Error(`${BIN} missing: run npm run build (npm test does)`);
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `augkit <args>` without waiting (for kill tests). */
export function startCli(args: readonly string[]) {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: 'ignore' });
}

export function tempDir(prefix = 'augkit-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A copy of the sample set in a temp folder, to add junk to. */
export function copySample(): string {
  const dir = join(tempDir(), 'data');
  cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` (hidden ones too) → sha256 of its bytes, keyed by '/'-separated relative path. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p).split('\\').join('/')] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** The parsed lines of a manifest.jsonl. */
export function readManifest(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
