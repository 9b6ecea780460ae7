import { mkdir, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { threadId } from 'node:worker_threads';
import { AugkitError } from '../errors.js';

/** A temporary file next to `path`: hidden, and named after its target so a resumed run can find and remove it. */
function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${threadId}.tmp`);
}

/** Matches the temporary files `tempPath` makes; group 1 is the target's name. */
const TEMP_FILE = /^\.(.+)\.\d+-\d+\.tmp$/;

/** The target's name when `name` is a temporary file of `writeFileAtomic`, else null. */
export function tempTarget(name: string): string | null {
  return TEMP_FILE.exec(name)?.[1] ?? null;
}

/**
 * Writes `bytes` to `path` atomically: into a temporary file in the same folder, then renamed over the
 * target, so a reader (or a resumed run) never sees a half-written file.
 *
 * @throws {AugkitError} IO_ERROR when the folder cannot be created or the file written.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const temp = tempPath(path);
  try {
    await writeFile(temp, bytes).catch(async (cause: NodeJS.ErrnoException) => {
      if (cause.code !== 'ENOENT') throw cause;
      // the folder is not there yet (the first file of a folder): creating it only then spares a call per file
      await mkdir(dirname(path), { recursive: true });
      await writeFile(temp, bytes);
    });
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw ioError(`could not write ${path}`, cause);
  }
}

/**
 * Removes temporary files left in `folder` by an interrupted run, but only those whose target is in
 * `targets` (file names in that folder): another shard writing into the same folder keeps its own.
 */
export async function removeStaleTemps(folder: string, targets: ReadonlySet<string>): Promise<number> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return 0; // not created yet: nothing to clean
  }
  let removed = 0;
  for (const name of entries) {
    const target = tempTarget(name);
    if (target !== null && targets.has(target)) {
      await rm(join(folder, name), { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * A file-system error without the path Node puts in its message: `EACCES: permission denied, open '/x/y'` →
 * `EACCES: permission denied`. Reasons recorded in summaries and skipped lists name files relative to the input,
 * so they read the same on every machine.
 */
export function systemErrorText(cause: unknown): string {
  const e = cause as NodeJS.ErrnoException | undefined;
  if (typeof e?.code === 'string' && typeof e.message === 'string') {
    if (!e.message.startsWith(`${e.code}:`)) return `${e.code}: ${e.message}`;
    const comma = e.message.indexOf(', ');
    return comma === -1 ? e.message : e.message.slice(0, comma);
  }
  return cause instanceof Error ? cause.message : String(cause);
}

export function ioError(what: string, cause: unknown): AugkitError {
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return new AugkitError('IO_ERROR', `${what}${detail}`, { cause });
}

/** The real path of `path`, or of its deepest existing ancestor joined with the rest (for folders not created yet). */
export async function realPathOrPlanned(path: string): Promise<string> {
  const absolute = resolve(path);
  let existing = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      return join(await realpath(existing), ...rest.reverse());
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return absolute;
      rest.push(basename(existing));
      existing = parent;
    }
  }
}

/** True when `inner` is `outer` or lies inside it (both absolute, resolved). */
export function isInside(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..');
}
