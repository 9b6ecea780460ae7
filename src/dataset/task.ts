import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { decode, encodeJpeg, encodePng, type JpegMode } from '../codecs/index.js';
import { AugkitError } from '../errors.js';
import type { AugkitImage } from '../image.js';
import { runOps, type AppliedOp } from '../pipeline/execute.js';
import { differenceHash } from './fingerprint.js';
import { systemErrorText, writeFileAtomic } from './files.js';
import type { OutputFormat } from './plan.js';

export interface EncodeSettings {
  readonly format: OutputFormat;
  /** JPEG quality 1..100. */
  readonly quality: number;
  /** PNG zlib level 0..9. */
  readonly pngLevel: number;
}

/** Decode one source, write every output made from it (skipping those already complete). */
export interface AugmentTask {
  readonly kind: 'augment';
  readonly index: number;
  readonly fsPath: string;
  readonly baseOps: readonly AppliedOp[];
  /** Absolute output paths and the ops after `baseOps` (empty for an original). */
  readonly outputs: readonly { readonly path: string; readonly ops: readonly AppliedOp[] }[];
  /** How a JPEG source is decoded (default 'jpeg-js'). */
  readonly jpeg?: JpegMode;
  readonly encode: EncodeSettings;
}

/** Decode one source fully, to find out whether it is readable, and fingerprint it. */
export interface CheckTask {
  readonly kind: 'check';
  readonly index: number;
  readonly fsPath: string;
}

export type Task = AugmentTask | CheckTask;

/**
 * What a check finds out about a source that decodes.
 *
 * @example
 * const checked = await checkDataset(await scanDataset('data'), 4);
 * const fingerprint: SourceFingerprint = checked.fingerprints.get('cat/cat_01.jpg')!;
 * // e.g. { sha256: '98525e0f0dad7a13527bfac41464bff282763d0946a8d15a10ce2ca377eb7072', dHash: 'db6b65eda434b0f8' }
 */
export interface SourceFingerprint {
  /** sha256 of the file's bytes, hex: equal for byte-identical files. */
  readonly sha256: string;
  /** The 64-bit difference hash of the decoded pixels (see `differenceHash`). */
  readonly dHash: string;
}

export interface TaskError {
  readonly code: string;
  readonly message: string;
}

/** An output file as it is on disk: its size and content hash (recorded in the manifest, checked by `merge`). */
export interface WrittenFile {
  readonly bytes: number;
  /** Lower-case hex. */
  readonly sha256: string;
}

export interface TaskResult {
  readonly index: number;
  /** Per output of the task, in order: what is on disk now (empty when the source failed). */
  readonly files: readonly WrittenFile[];
  /** Files written by this task. */
  readonly written: number;
  /** Outputs already complete from an earlier run, left as they were. */
  readonly existing: number;
  /** The source could not be used (unreadable, corrupt …): reported, the run goes on; none of its outputs is left. */
  readonly failure?: TaskError;
  /** The run cannot go on (an output could not be written, a bug). */
  readonly fatal?: TaskError;
  /** A check task's findings, when the source decodes. */
  readonly fingerprint?: SourceFingerprint;
}

function describeFile(bytes: Uint8Array): WrittenFile {
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** An output already complete from an earlier run, or undefined when it is missing. */
async function existingFile(path: string): Promise<WrittenFile | undefined> {
  return readFile(path).then(describeFile, () => undefined);
}

function asTaskError(e: unknown): TaskError {
  return e instanceof AugkitError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: String((e as Error)?.stack ?? e) };
}

async function readSource(fsPath: string): Promise<Uint8Array> {
  try {
    return await readFile(fsPath);
  } catch (cause) {
    // no path in the message: reasons name sources relative to the input (see systemErrorText)
    throw new AugkitError('IO_ERROR', `unreadable: ${systemErrorText(cause)}`, { cause });
  }
}

/** PNGs as OpenCV writes them: RGB (or grey) when the image has no transparency, RGBA otherwise. */
function encode(img: AugkitImage, settings: EncodeSettings): Uint8Array {
  return settings.format === 'png'
    ? encodePng(img, { level: settings.pngLevel, colorType: 'auto' })
    : encodeJpeg(img, { quality: settings.quality });
}

async function runAugment(task: AugmentTask): Promise<TaskResult> {
  const files: (WrittenFile | undefined)[] = [];
  for (const output of task.outputs) files.push(await existingFile(output.path));
  const pending = task.outputs.flatMap((output, i) => (files[i] === undefined ? [{ ...output, i }] : []));
  const existing = task.outputs.length - pending.length;
  const done = () => files as WrittenFile[];
  if (pending.length === 0) return { index: task.index, files: done(), written: 0, existing };

  let base: AugkitImage;
  try {
    base = runOps(decode(await readSource(task.fsPath), { jpeg: task.jpeg }), task.baseOps);
  } catch (e) {
    return { index: task.index, files: [], written: 0, existing, failure: asTaskError(e) };
  }
  // outputs with the same ops (the original in every recipe's folder, or two recipes drawing the same ops)
  // are encoded once
  const encoded = new Map<string, Uint8Array>();
  let written = 0;
  for (const output of pending) {
    const key = JSON.stringify(output.ops);
    let bytes = encoded.get(key);
    try {
      if (bytes === undefined) {
        bytes = encode(runOps(base, output.ops), task.encode);
        encoded.set(key, bytes);
      }
    } catch (e) {
      if (e instanceof AugkitError && e.code !== 'INTERNAL') {
        // the source leaves no manifest line, so it must leave no file either (nor one from an earlier run)
        await Promise.all(task.outputs.map((o) => rm(o.path, { force: true })));
        return { index: task.index, files: [], written: 0, existing: 0, failure: asTaskError(e) };
      }
      return { index: task.index, files: [], written, existing, fatal: asTaskError(e) };
    }
    try {
      await writeFileAtomic(output.path, bytes);
    } catch (e) {
      return { index: task.index, files: [], written, existing, fatal: asTaskError(e) };
    }
    files[output.i] = describeFile(bytes);
    written++;
  }
  return { index: task.index, files: done(), written, existing };
}

async function runCheck(task: CheckTask): Promise<TaskResult> {
  try {
    const bytes = await readSource(task.fsPath);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const dHash = differenceHash(decode(bytes));
    return { index: task.index, files: [], written: 0, existing: 0, fingerprint: { sha256, dHash } };
  } catch (e) {
    return { index: task.index, files: [], written: 0, existing: 0, failure: asTaskError(e) };
  }
}

/** Runs one task; never throws (failures are in the result), so a worker thread never dies of a bad image. */
export async function runTask(task: Task): Promise<TaskResult> {
  try {
    return task.kind === 'augment' ? await runAugment(task) : await runCheck(task);
  } catch (e) {
    return { index: task.index, files: [], written: 0, existing: 0, fatal: asTaskError(e) };
  }
}
