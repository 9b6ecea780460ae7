import { constants, type Dirent, type Stats } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readHeader } from '../codecs/index.js';
import type { ImageFormat } from '../codecs/sniff.js';
import { AugkitError, invalidArgument } from '../errors.js';
import { ioError, isInside, systemErrorText } from './files.js';

/**
 * An image found in a class folder (its header read, its pixels not yet decoded).
 *
 * @example
 * const { images } = await scanDataset('data');
 * const first: SourceImage = images[0]!;
 * // e.g. { path: 'cat/cat_01.jpg', fsPath: <its path on disk>, className: 'cat', format: 'jpeg', width: 403, height: 240, bytes: 24151 }
 */
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

/**
 * A file (or folder) that is not used, and why. `bad` marks what may be a lost image: a file or folder that
 * cannot be read, an empty file, a broken link or link loop, a PNG/JPEG that cannot be decoded.
 *
 * @example
 * const { skipped } = await scanDataset('data');
 * const bad: SkippedFile[] = skipped.filter((file) => file.bad);
 * for (const { path, reason } of bad) console.warn(`${path}: ${reason}`); // e.g. 'cat/x.jpg: empty file'
 * // not bad: { path: 'README.md', reason: 'not inside a class folder', bad: false }
 */
export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
  readonly bad: boolean;
}

/**
 * What a class-per-folder data set holds.
 *
 * @example
 * const scan: DatasetScan = await scanDataset('data');
 * scan.classes; // e.g. ['cat', 'coffee', 'rocket']
 * scan.images.length; // e.g. 15, before any image is decoded (see checkDataset)
 */
export interface DatasetScan {
  readonly root: string;
  /** First-level folder names, sorted (code-unit order, the same on every machine and locale). */
  readonly classes: readonly string[];
  /** Every image, sorted by `path`. */
  readonly images: readonly SourceImage[];
  /** Hidden files, non-images, files outside class folders, unreadable files and folders, sorted by `path`. */
  readonly skipped: readonly SkippedFile[];
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const READ_CONCURRENCY = 8;

/** A file to examine: where it is and which class it belongs to. */
export interface Candidate {
  readonly path: string;
  readonly fsPath: string;
  readonly className: string;
}

/** What a directory entry or link target is, when it is neither a file nor a folder. */
function kindOf(entry: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'neither file nor folder';
}

/** Why a link cannot be followed: a loop, a missing target, or a target that cannot be reached. */
function brokenLink(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ELOOP') return 'link loop (ELOOP)';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'broken link (no target)';
  return `unreadable link: ${systemErrorText(cause)}`;
}

/**
 * Lists `folder` recursively into `found` (files) and `skipped` (hidden entries, folder links, broken links,
 * special files, folders that cannot be listed). Links to folders are never followed, so a link loop cannot
 * make the walk endless.
 */
async function walk(folder: string, rel: string, className: string, found: Candidate[], skipped: SkippedFile[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (cause) {
    // the rest of the data set is still usable: report the folder, as an unreadable file is
    skipped.push({ path: rel, reason: `unreadable folder: ${systemErrorText(cause)}`, bad: true });
    return;
  }
  entries.sort((a, b) => byCodeUnits(a.name, b.name));
  for (const entry of entries) {
    const path = `${rel}/${entry.name.normalize('NFC')}`;
    const fsPath = join(folder, entry.name);
    if (entry.name.startsWith('.')) {
      skipped.push({ path, reason: entry.isDirectory() ? 'hidden folder' : 'hidden file', bad: false });
      continue;
    }
    if (entry.isSymbolicLink()) {
      let target: Stats;
      try {
        target = await stat(fsPath);
      } catch (cause) {
        skipped.push({ path, reason: brokenLink(cause), bad: true });
        continue;
      }
      if (target.isDirectory()) skipped.push({ path, reason: 'link to a folder (not followed)', bad: false });
      else if (target.isFile()) found.push({ path, fsPath, className });
      else skipped.push({ path, reason: `not a regular file (link to ${kindOf(target)})`, bad: false });
    } else if (entry.isDirectory()) {
      await walk(fsPath, path, className, found, skipped);
    } else if (entry.isFile()) {
      found.push({ path, fsPath, className });
    } else {
      skipped.push({ path, reason: `not a regular file (${kindOf(entry)})`, bad: false });
    }
  }
}

/** Enough bytes for nearly every header (a JPEG's EXIF block comes before its frame header). */
const HEAD_BYTES = 256 * 1024;

/** The first `HEAD_BYTES` of a file (all of it when smaller) and the file's size. */
async function readHead(path: string): Promise<{ head: Uint8Array; size: number }> {
  // O_NONBLOCK: a file replaced by a FIFO since the listing must not block the scan
  const file = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await file.stat();
    if (!info.isFile()) throw new Error('no longer a regular file');
    const { size } = info;
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
    return { path: candidate.path, reason: `unreadable: ${systemErrorText(cause)}`, bad: true };
  }
  // a zero-byte file in a class folder is an image lost on the way (an interrupted copy or download)
  if (size === 0) return { path: candidate.path, reason: 'empty file', bad: true };
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

/**
 * Runs `fn` over `items` with at most `limit` promises pending, keeping the results in order.
 *
 * @example
 * const sizes = await mapLimited(paths, 8, async (p) => (await stat(p)).size);
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
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
 * '.'), files directly in `root`, non-images, special files (FIFOs, sockets, devices) and links to folders
 * below a class folder are listed in `skipped`; so are files and folders that cannot be read, empty files,
 * broken links, link loops and images whose header is broken (`bad: true`). Only regular files are opened
 * (without blocking, should one turn into a FIFO meanwhile), and links to folders are not followed, so the
 * walk ends on any tree. Only headers are read
 * here (the first 256 KiB of each file), no pixels.
 *
 * @throws {AugkitError} INVALID_ARGUMENT when `root` is not a folder; IO_ERROR when `root` itself cannot be listed.
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
  let rootReal: string | undefined;
  for (const entry of top) {
    const name = entry.name.normalize('NFC');
    const fsPath = join(root, entry.name);
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(fsPath).catch(() => undefined))?.isDirectory());
    if (name.startsWith('.')) {
      skipped.push({ path: name, reason: isDirectory ? 'hidden folder' : 'hidden file', bad: false });
    } else if (isDirectory && entry.isSymbolicLink() && isInside((rootReal ??= await realpath(root)), await realpath(fsPath))) {
      // a class link to the input itself or a folder above it would list every class again inside it
      skipped.push({ path: name, reason: 'link to a folder holding the input (not followed)', bad: false });
    } else if (isDirectory) {
      classes.push(name);
      await walk(fsPath, name, name, candidates, skipped);
    } else {
      skipped.push({ path: name, reason: 'not inside a class folder', bad: false });
    }
  }
  return examineCandidates(root, classes, candidates, skipped);
}

/**
 * The scan of listed candidates: each file's header read (see `scanDataset`), the images and the skipped
 * files sorted by path. Shared by the folder walk and the file list (`scanFileList`).
 */
export async function examineCandidates(
  root: string,
  classes: readonly string[],
  candidates: readonly Candidate[],
  skipped: SkippedFile[],
): Promise<DatasetScan> {
  const examined = await mapLimited(candidates, READ_CONCURRENCY, examine);
  const images = examined.filter((e): e is SourceImage => 'format' in e);
  skipped.push(...examined.filter((e): e is SkippedFile => 'reason' in e));
  images.sort((a, b) => byCodeUnits(a.path, b.path));
  skipped.sort((a, b) => byCodeUnits(a.path, b.path));
  return { root, classes, images, skipped };
}

export { byCodeUnits };
