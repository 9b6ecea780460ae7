import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AugkitError, invalidArgument } from '../errors.js';
import { systemErrorText } from './files.js';
import { byCodeUnits, examineCandidates, type Candidate, type DatasetScan, type SkippedFile } from './scan.js';

/**
 * Reads a list of sources: one path a line, relative to the input folder, '/'-separated, `<class>/…/<file>`.
 * Blank lines are ignored; a trailing '\r' is dropped (lists written on Windows).
 *
 * @throws {AugkitError} INVALID_ARGUMENT for an absolute path, a `.` or `..` segment or a path listed twice,
 *   naming the line, or when the list cannot be read.
 * @example
 * const paths = await readFileList('list.txt'); // ['cat/001.jpg', 'dog/a/002.png', …]
 */
export async function readFileList(listFile: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(listFile, 'utf8');
  } catch (cause) {
    throw new AugkitError('INVALID_ARGUMENT', `Expected a readable file list for files but ${listFile} cannot be read: ${systemErrorText(cause)}`, { cause });
  }
  const seen = new Map<string, number>();
  const paths: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const where = `files (${listFile} line ${i + 1})`;
    const path = line.normalize('NFC');
    if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.includes('\\')) {
      throw invalidArgument(where, "a '/'-separated path relative to the input folder", line);
    }
    if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
      throw invalidArgument(where, "a path without empty, '.' or '..' segments", line);
    }
    const first = seen.get(path);
    if (first !== undefined) {
      throw new AugkitError('INVALID_ARGUMENT', `Expected each source once in ${listFile} but "${line}" is on lines ${first} and ${i + 1}`);
    }
    seen.set(path, i + 1);
    paths.push(path);
  });
  return paths;
}

/** Why a listed path is not a candidate (as the folder walk would say), or null. */
function notACandidate(path: string): SkippedFile | null {
  const segments = path.split('/');
  if (segments.length === 1) return { path, reason: 'not inside a class folder', bad: false };
  const hidden = segments.findIndex((s) => s.startsWith('.'));
  if (hidden === -1) return null;
  return { path, reason: hidden === segments.length - 1 ? 'hidden file' : 'hidden folder', bad: false };
}

/**
 * Like `scanDataset`, but the sources come from a list (see {@link readFileList}) instead of a walk of
 * `root`: the class of a source is its first path segment, the classes are those that have a listed
 * file. Each listed file is opened for its header, as in a scan; a listed file that is missing or
 * unreadable is skipped as bad. For object storage mounted as a folder, where listing is slow: write the
 * list once from the bucket's own listing or inventory.
 *
 * @throws {AugkitError} INVALID_ARGUMENT when `root` is not a folder, or the list is malformed or cannot be read.
 * @example
 * const { classes, images, skipped } = await scanFileList('/mnt/bucket/data', 'list.txt');
 */
export async function scanFileList(root: string, listFile: string): Promise<DatasetScan> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw invalidArgument('input', 'a folder with one sub-folder per class', root);
  const paths = await readFileList(listFile);
  const skipped: SkippedFile[] = [];
  const candidates: Candidate[] = [];
  for (const path of paths) {
    const reason = notACandidate(path);
    if (reason !== null) skipped.push(reason);
    else candidates.push({ path, fsPath: join(root, ...path.split('/')), className: path.slice(0, path.indexOf('/')) });
  }
  const classes = [...new Set(candidates.map((c) => c.className))].sort(byCodeUnits);
  return examineCandidates(root, classes, candidates, skipped);
}
