import { readFile } from 'node:fs/promises';
import type { JpegMode } from '../codecs/index.js';
import { decodeTransient } from '../codecs/decode.js';
import { AugkitError } from '../errors.js';
import { opStep } from '../ops/define.js';
import { scaledResizeStep } from '../ops/resize.js';
import type { AppliedOp } from '../pipeline/catalogue.js';
// the op definitions alone: a worker thread need not load the transforms, the recipe parser and its validator
import { opDefinition } from '../pipeline/opCatalogue.js';
import { runKernelSequence, type KernelStep } from '../wasm/run.js';
import { systemErrorText } from './files.js';
import { blockView, packImage, type BlockTarget, type PackSettings } from './flowPack.js';

/**
 * One image for a batch: read, decode, resize to the batch size, run `ops`, resize again if they changed the
 * size, and pack as `pack` says into its block of the batch, `into`.
 */
export interface FlowJob {
  readonly id: number;
  readonly fsPath: string;
  /** The recipe's draw for this image and epoch; empty without augmentation. */
  readonly ops: readonly AppliedOp[];
  /** How a JPEG decodes (default 'jpeg-js'). */
  readonly jpeg?: JpegMode;
  /** The batch size (`width` × `height`), layout and values. */
  readonly pack: PackSettings;
  /** Where the image's values go (a SharedArrayBuffer when the job runs in a worker thread). */
  readonly into: BlockTarget;
}

/** The image is packed into `into`, or why the image cannot be used (`into` is then left as it was). */
export type FlowJobResult =
  | { readonly id: number }
  | { readonly id: number; readonly failure: { readonly code: string; readonly message: string } };

/**
 * The kernel steps from a decoded sw×sh image to the batch size: the antialiased resize, `ops`, and the
 * resize again when the ops end at another size. They run in one sequence, so the pixels stay in WebAssembly
 * memory from the resize to the last op (the bytes of calling `resize` and then `runOps`).
 */
function jobSteps(job: FlowJob, sw: number, sh: number): KernelStep[] {
  const { width, height } = job.pack;
  const toBatchSize = scaledResizeStep('resize', () => [width, height], true);
  const steps = [toBatchSize, ...job.ops.map((op) => opStep(opDefinition(op.op), op))];
  const [w, h] = steps.reduce<readonly [number, number]>(([w, h], step) => step.outputSize(w, h), [sw, sh]);
  if (w !== width || h !== height) steps.push(toBatchSize);
  return steps;
}

/**
 * Runs one {@link FlowJob}; never throws for a bad image (the failure is in the result). The same function
 * runs on the calling thread and in flow worker threads, so every worker count yields the same bytes.
 *
 * @example
 * const pack = { width: 64, height: 64, channels: 3, dtype: 'float32', layout: 'nhwc', rescale: 1 / 255, mean: [0, 0, 0], std: [1, 1, 1] } as const;
 * const result = await loadFlowImage({ id: 0, fsPath: 'data/cat/1.jpg', ops: [], pack, into: { buffer: new ArrayBuffer(64 * 64 * 3 * 4), offset: 0 } });
 */
export async function loadFlowImage(job: FlowJob): Promise<FlowJobResult> {
  try {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(job.fsPath);
    } catch (cause) {
      throw new AugkitError('IO_ERROR', `unreadable: ${systemErrorText(cause)}`, { cause });
    }
    // a view of the decoder's memory at most: the sequence copies it into the kernels' memory first
    const decoded = decodeTransient(bytes, { jpeg: job.jpeg });
    const img = runKernelSequence(decoded, jobSteps(job, decoded.width, decoded.height));
    packImage(img.data, job.pack, blockView(job.into, job.pack));
    return { id: job.id };
  } catch (e) {
    // a decoding or file error leaves the image out; anything else is a bug and must surface
    if (!(e instanceof AugkitError) || e.code === 'INTERNAL') throw e;
    return { id: job.id, failure: { code: e.code, message: e.message } };
  }
}
