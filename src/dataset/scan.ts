import type { Dirent } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readHeader } from '../codecs/index.js';
import type { ImageFormat } from '../codecs/sniff.js';
import { AugkitError, invalidArgument } from '../errors.js';
import { ioError } from './files.js';

/** An image found in a class folder (its header read, its pixels not yet decoded). */
export interface SourceImage {
  /** Path relative to the input folder, '/'-separated and NFC-normalised: the image's identity in seeds and manifests. */
  readonly path: string;
  /** Absolute path on disk. */
  readonly fsPath: string;
  /** The first-level folder it sits in. */
  readonly className: string;
  readonly format: ImageFormat;
  /** Width and height as displayed, i.e. after the EXIF orientation is applied. */
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

/** A file that is not used, and why. `bad` marks files that look like images but cannot be read. */
export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
  readonly bad: boolean;
}

/** What a class-per-folder data set holds. */
export interface DatasetScan {
  readonly root: string;
  /** First-level folder names, sorted (code-unit order, the same on every machine and locale). */
  readonly classes: readonly string[];
  /** Every image, sorted by `path`. */
  readonly images: readonly SourceImage[];
  /** Hidden files, non-images, files outside class folders and unreadable images, sorted by `path`. */
  readonly skipped: readonly SkippedFile[];
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const READ_CONCURRENCY = 8;

interface Candidate {
  readonly path: string;
  readonly fsPath: string;
  readonly className: string;
}

/** Lists `folder` recursively into `found` (files) and `skipped` (hidden entries, folder links). */
async function walk(folder: string, rel: string, className: string, found: Candidate[], skipped: SkippedFile[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (cause) {
    throw ioError(`could not list ${folder}`, cause);
  }
  entries.sort((a, b) => byCodeUnits(a.name, b.name));
  for (const entry of entries) {
    const path = `${rel}/${entry.name.normalize('NFC')}`;
    const fsPath = join(folder, entry.name);
    if (entry.name.startsWith('.')) {
      skipped.push({ path, reason: entry.isDirectory() ? 'hidden folder' : 'hidden file', bad: false });
      continue;
    }
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(fsPath).catch(() => undefined);
      if (target?.isDirectory()) {
        skipped.push({ path, reason: 'link to a folder (not followed)', bad: false });
        continue;
      }
      isDirectory = false;
      isFile = target?.isFile() ?? false;
    }
    if (isDirectory) await walk(fsPath, path, className, found, skipped);
    else if (isFile) found.push({ path, fsPath, className });
    else skipped.push({ path, reason: 'not a regular file', bad: false });
  }
}

/** Enough bytes for nearly every header (a JPEG's EXIF block comes before its frame header). */
const HEAD_BYTES = 256 * 1024;

/** The first `HEAD_BYTES` of a file (all of it when smaller) and the file's size. */
async function readHead(path: string): Promise<{ head: Uint8Array; size: number }> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = new Uint8Array(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return { head: head.subarray(0, bytesRead), size };
  } finally {
    await file.close();
  }
}

function headerOf(bytes: Uint8Array): ReturnType<typeof readHeader> | AugkitError {
  try {
    return readHeader(bytes);
  } catch (e) {
    if (e instanceof AugkitError) return e;
    throw e;
  }
}

/** Reads a file's header (from its first bytes; all of it only when needed): an image, or why it is skipped. */
async function examine(candidate: Candidate): Promise<SourceImage | SkippedFile> {
  let header: ReturnType<typeof readHeader> | AugkitError;
  let size: number;
  try {
    const start = await readHead(candidate.fsPath);
    size = start.size;
    header = headerOf(start.head);
    if (header instanceof AugkitError && header.code === 'CORRUPT_IMAGE' && start.head.length < size) {
      header = headerOf(await readFile(candidate.fsPath)); // a header beyond the first bytes
    }
  } catch (cause) {
    return { path: candidate.path, reason: `unreadable: ${(cause as Error).message}`, bad: true };
  }
  if (header instanceof AugkitError) {
    if (header.code === 'UNSUPPORTED_FORMAT') return { path: candidate.path, reason: 'not a PNG or JPEG', bad: false };
    return { path: candidate.path, reason: `${header.code}: ${header.message}`, bad: true };
  }
  const swapped = header.orientation >= 5;
  return {
    ...candidate,
    format: header.format,
    width: swapped ? header.height : header.width,
    height: swapped ? header.width : header.height,
    bytes: size,
  };
}

/** Runs `fn` over `items` with at most `limit` promises pending, keeping the results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * Lists a class-per-folder data set: `<root>/<class>/**` — the class is the first-level folder name
 * (spaces allowed), files may sit at any depth below it. Files are recognised by content (PNG or JPEG
 * signature and a readable header), never by extension. Hidden files and folders (names starting with
 * '.'), files directly in `root`, and non-images are listed in `skipped`; so are images whose header is
 * broken (`bad: true`). Only headers are read here (the first 256 KiB of each file), no pixels.
 *
 * @throws {AugkitError} INVALID_ARGUMENT when `root` is not a folder; IO_ERROR when a folder cannot be listed.
 * @example
 * const { classes, images, skipped } = await scanDataset('data');
 */
export async function scanDataset(root: string): Promise<DatasetScan> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw invalidArgument('input', 'a folder with one sub-folder per class', root);
  let top: Dirent[];
  try {
    top = await readdir(root, { withFileTypes: true });
  } catch (cause) {
    throw ioError(`could not list ${root}`, cause);
  }
  top.sort((a, b) => byCodeUnits(a.name, b.name));
  const classes: string[] = [];
  const candidates: Candidate[] = [];
  const skipped: SkippedFile[] = [];
  for (const entry of top) {
    const name = entry.name.normalize('NFC');
    const fsPath = join(root, entry.name);
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(fsPath).catch(() => undefined))?.isDirectory());
    if (name.startsWith('.')) {
      skipped.push({ path: name, reason: isDirectory ? 'hidden folder' : 'hidden file', bad: false });
    } else if (isDirectory) {
      classes.push(name);
      await walk(fsPath, name, name, candidates, skipped);
    } else {
      skipped.push({ path: name, reason: 'not inside a class folder', bad: false });
    }
  }
  const examined = await mapLimited(candidates, READ_CONCURRENCY, examine);
  const images = examined.filter((e): e is SourceImage => 'format' in e);
  skipped.push(...examined.filter((e): e is SkippedFile => 'reason' in e));
  images.sort((a, b) => byCodeUnits(a.path, b.path));
  skipped.sort((a, b) => byCodeUnits(a.path, b.path));
  return { root, classes, images, skipped };
}

export { byCodeUnits };
