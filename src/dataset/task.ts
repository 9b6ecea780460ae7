import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { decode, encodeJpeg, encodePng, type JpegMode } from '../codecs/index.js';
import { sniffFormat } from '../codecs/sniff.js';
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
  /** Whether outputs may be complete from an earlier run of the job (a resume): each is looked for first. */
  readonly resume: boolean;
  /** How a JPEG source is decoded (default 'jpeg-js'). */
  readonly jpeg?: JpegMode;
  readonly encode: EncodeSettings;
  /** The source decoded (as `jpeg` says) and run through `baseOps` already, by its check: then it is not read again. */
  readonly base?: AugkitImage;
}

/**
 * What a check keeps for the write phase: the decoded source after these ops (see {@link CheckTask.keep}).
 *
 * @example
 * const keep: BaseRecipe = { baseOps: baseOpsFor({ width: 400, height: 400 }), jpeg: 'jpeg-js' };
 */
export interface BaseRecipe {
  readonly baseOps: readonly AppliedOp[];
  /** How a JPEG source is decoded, as the write phase would (default 'jpeg-js'). */
  readonly jpeg?: JpegMode;
}

/** Decode one source fully, to find out whether it is readable, and fingerprint it. */
export interface CheckTask {
  readonly kind: 'check';
  readonly index: number;
  readonly fsPath: string;
  /** Also compute the dHash of the decoded pixels (for near-duplicates); the sha256 is always computed. */
  readonly dHash: boolean;
  /**
   * Also return the decoded source run through `keep.baseOps` (the image an augment task starts from) as the
   * result's `base`. Whether the source decodes is decided as without it, by the default decoder; a JPEG to be
   * kept in the other mode (`keep.jpeg: 'libjpeg'`) is decoded a second time in that mode.
   */
  readonly keep?: BaseRecipe;
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
  /** The 64-bit difference hash of the decoded pixels (see `differenceHash`); absent when the check was not asked for it. */
  readonly dHash?: string;
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
  /** A check task's kept image (see {@link CheckTask.keep}), unless its base ops refused it (the write phase reports that). */
  readonly base?: AugkitImage;
}

/**
 * The buffers that move (not copy) with a message: the image a task or result carries.
 *
 * @example
 * thread.postMessage(task, taskTransfers(task));
 */
export function taskTransfers(message: Task | TaskResult): ArrayBuffer[] {
  const base = 'base' in message ? message.base : undefined;
  return base === undefined ? [] : [base.data.buffer as ArrayBuffer];
}

/** `img` with pixels that own their whole buffer (copied when they are a view into a larger one), so it can be transferred and its size counted. */
function standalone(img: AugkitImage): AugkitImage {
  const { data } = img;
  if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer) return img;
  return { width: img.width, height: img.height, data: data.slice() };
}

/** `img` after `ops`; `img` itself for no ops (running none would only copy it through WebAssembly memory). */
function withOps(img: AugkitImage, ops: readonly AppliedOp[]): AugkitImage {
  return ops.length === 0 ? img : runOps(img, ops);
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
  const files: (WrittenFile | undefined)[] = task.resume
    ? await Promise.all(task.outputs.map((output) => existingFile(output.path)))
    : task.outputs.map(() => undefined);
  const pending = task.outputs.flatMap((output, i) => (files[i] === undefined ? [{ ...output, i }] : []));
  const existing = task.outputs.length - pending.length;
  const done = () => files as WrittenFile[];
  if (pending.length === 0) return { index: task.index, files: done(), written: 0, existing };

  let base: AugkitImage;
  try {
    base = task.base ?? withOps(decode(await readSource(task.fsPath), { jpeg: task.jpeg }), task.baseOps);
  } catch (e) {
    return { index: task.index, files: [], written: 0, existing, failure: asTaskError(e) };
  }
  // outputs with the same ops (the original in every recipe's folder, or two recipes drawing the same ops)
  // are encoded once; each file is written while the next one is computed
  const encoded = new Map<string, Uint8Array>();
  const writes: Promise<void>[] = [];
  const finished = async () => {
    const outcomes = await Promise.allSettled(writes);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    return { written: outcomes.filter((o) => o.status === 'fulfilled').length, failed };
  };
  for (const output of pending) {
    const key = JSON.stringify(output.ops);
    let bytes = encoded.get(key);
    try {
      if (bytes === undefined) {
        bytes = encode(withOps(base, output.ops), task.encode);
        encoded.set(key, bytes);
      }
    } catch (e) {
      const { written } = await finished();
      if (e instanceof AugkitError && e.code !== 'INTERNAL') {
        // the source leaves no manifest line, so it must leave no file either (nor one from an earlier run)
        await Promise.all(task.outputs.map((o) => rm(o.path, { force: true })));
        return { index: task.index, files: [], written: 0, existing: 0, failure: asTaskError(e) };
      }
      return { index: task.index, files: [], written, existing, fatal: asTaskError(e) };
    }
    const file = describeFile(bytes);
    writes.push(writeFileAtomic(output.path, bytes).then(() => void (files[output.i] = file)));
  }
  const { written, failed } = await finished();
  if (failed) return { index: task.index, files: [], written, existing, fatal: asTaskError(failed.reason) };
  return { index: task.index, files: done(), written, existing };
}

/**
 * The image the write phase would start from: the source decoded as `keep.jpeg` says (`decoded`, the default
 * decoder's pixels, unless that is another mode for a JPEG) run through `keep.baseOps` — or undefined when that
 * fails (an op refuses the image, the other mode refuses the file): the write phase then decodes again and
 * reports why, as it does without a kept image.
 */
function keptBase(bytes: Uint8Array, decoded: AugkitImage, keep: BaseRecipe): AugkitImage | undefined {
  try {
    const otherMode = (keep.jpeg ?? 'jpeg-js') !== 'jpeg-js' && sniffFormat(bytes) === 'jpeg';
    return standalone(withOps(otherMode ? decode(bytes, { jpeg: keep.jpeg }) : decoded, keep.baseOps));
  } catch {
    return undefined;
  }
}

async function runCheck(task: CheckTask): Promise<TaskResult> {
  try {
    const bytes = await readSource(task.fsPath);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // the JPEG modes refuse a few different rare files: the default decoder decides, as it always has
    const decoded = decode(bytes);
    const fingerprint = task.dHash ? { sha256, dHash: differenceHash(decoded) } : { sha256 };
    const base = task.keep && keptBase(bytes, decoded, task.keep);
    return { index: task.index, files: [], written: 0, existing: 0, fingerprint, ...(base && { base }) };
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
