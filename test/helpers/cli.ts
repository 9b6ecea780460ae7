import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SAMPLE = join(ROOT, 'examples/sample');
export const RECIPES = join(ROOT, 'examples/recipes');
/** The built CLI: the tests run the package as users get it (npm test builds first). */
export const BIN = join(ROOT, 'dist/cli/bin.js');

/**
 * Per-test time limit for tests that run the CLI: every augment run decodes its sources before planning, and on
 * a loaded machine one run of the sample takes seconds, several in one test more than vitest's 5 s default.
 */
export const CLI_TIMEOUT = 120_000;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A user to run the CLI as (spawn's `uid`/`gid`). */
export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/** Runs `augkit <args>` from dist and waits for it; `as` runs it as another user (needs root). */
export function runCli(args: readonly string[], as?: RunAs): CliResult {
  if (!existsSync(BIN)) throw new Error(`${BIN} missing: run npm run build (npm test does)`);
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, ...as });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `augkit <args>` without waiting (for kill tests). */
export function startCli(args: readonly string[], as?: RunAs) {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: 'ignore', ...as });
}

const NOBODY: RunAs = { uid: 65534, gid: 65534 };
let permissions: { enforced: boolean; as?: RunAs } | undefined;

/**
 * How to run the CLI so that file permissions apply to it. Root reads and writes files whatever their mode
 * (CI runs as root), so as root the CLI runs as `nobody` (uid/gid 65534), if that user can run it (it needs
 * to read the repository); as any other user, permissions apply already. `enforced` is false where neither
 * works (Windows, or root without the right to change user): tests that need an unreadable file skip it.
 */
export function permissionModel(): { enforced: boolean; as?: RunAs } {
  if (permissions !== undefined) return permissions;
  if (process.platform === 'win32' || typeof process.getuid !== 'function') permissions = { enforced: false };
  else if (process.getuid() !== 0) permissions = { enforced: true };
  else {
    const probe = spawnSync(process.execPath, [BIN, '--version'], { cwd: ROOT, ...NOBODY, encoding: 'utf8' });
    permissions = probe.status === 0 ? { enforced: true, as: NOBODY } : { enforced: false };
  }
  return permissions;
}

/** A temp folder that `as` (when given) may enter and write in. */
export function tempDirFor(as?: RunAs): string {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  if (as !== undefined) chownSync(dir, as.uid, as.gid);
  return dir;
}

/** Removes a tree made by a test, including folders and files it made read-only or unreadable. */
export function removeTree(dir: string): void {
  if (!existsSync(dir)) return;
  const unlock = (p: string) => {
    const info = lstatSync(p);
    if (!info.isDirectory()) return;
    chmodSync(p, 0o755);
    for (const name of readdirSync(p)) unlock(join(p, name));
  };
  unlock(dir);
  rmSync(dir, { recursive: true, force: true });
}

/** Temp folders made by this test file, removed when it ends. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) removeTree(dir);
});

/** A new temp folder, removed with everything in it when the test file ends. */
export function tempDir(prefix = 'augkit-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
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

/** What `snapshotTree` records of one entry. */
export interface EntrySnapshot {
  readonly type: 'file' | 'folder' | 'link' | 'other';
  readonly mode: number;
  readonly size: number;
  readonly mtimeMs: number;
  /** Changes with any metadata change (mode, owner, links, rename), unlike atime which reading may bump. */
  readonly ctimeMs: number;
  /** sha256 of a file, the sorted names in a folder, the target of a link; null when it cannot be read. */
  readonly content: string | null;
}

/**
 * Every entry under `dir` (hidden ones, folders, links and special files too), without following links or
 * opening anything but regular files: a FIFO or a link loop cannot block or break it. Two equal snapshots mean
 * nothing was added, removed, renamed, rewritten, touched or re-permissioned.
 */
export function snapshotTree(dir: string): Record<string, EntrySnapshot> {
  const out: Record<string, EntrySnapshot> = {};
  const visit = (p: string) => {
    const info = lstatSync(p);
    const rel = relative(dir, p).split('\\').join('/') || '.';
    const base = { mode: info.mode, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
    const tryRead = (read: () => string) => {
      try {
        return read();
      } catch {
        return null; // unreadable for this user (tests that run as non-root)
      }
    };
    if (info.isDirectory()) {
      const names = tryRead(() => readdirSync(p).sort().join('\n'));
      out[rel] = { type: 'folder', ...base, content: names };
      if (names !== null) for (const name of names.split('\n').filter((n) => n !== '')) visit(join(p, name));
    } else if (info.isSymbolicLink()) {
      out[rel] = { type: 'link', ...base, content: readlinkSync(p) };
    } else if (info.isFile()) {
      out[rel] = { type: 'file', ...base, content: tryRead(() => createHash('sha256').update(readFileSync(p)).digest('hex')) };
    } else {
      out[rel] = { type: 'other', ...base, content: null };
    }
  };
  visit(dir);
  return out;
}

/** The parsed lines of a manifest.jsonl. */
export function readManifest(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
