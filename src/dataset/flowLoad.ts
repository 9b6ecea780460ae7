import { readFile } from 'node:fs/promises';
import { decode, type JpegMode } from '../codecs/index.js';
import { AugkitError } from '../errors.js';
import { resize } from '../ops/resize.js';
import { runOps, type AppliedOp } from '../pipeline/execute.js';
import { systemErrorText } from './files.js';

/** One image for a batch: read, decode, resize to the batch size, run `ops`, resize again if they changed the size. */
export interface FlowJob {
  readonly id: number;
  readonly fsPath: string;
  readonly width: number;
  readonly height: number;
  /** The recipe's draw for this image and epoch; empty without augmentation. */
  readonly ops: readonly AppliedOp[];
  /** How a JPEG decodes (default 'jpeg-js'). */
  readonly jpeg?: JpegMode;
}

/** The RGBA pixels (width × height × 4) of a job, or why the image cannot be used. */
export type FlowJobResult =
  | { readonly id: number; readonly pixels: Uint8Array | Uint8ClampedArray }
  | { readonly id: number; readonly failure: { readonly code: string; readonly message: string } };

/**
 * Runs one {@link FlowJob}; never throws for a bad image (the failure is in the result). The same function
 * runs on the calling thread and in flow worker threads, so every worker count yields the same bytes.
 *
 * @example
 * const result = await loadFlowImage({ id: 0, fsPath: 'data/cat/1.jpg', width: 64, height: 64, ops: [] });
 */
export async function loadFlowImage(job: FlowJob): Promise<FlowJobResult> {
  try {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(job.fsPath);
    } catch (cause) {
      throw new AugkitError('IO_ERROR', `unreadable: ${systemErrorText(cause)}`, { cause });
    }
    let img = resize(decode(bytes, { jpeg: job.jpeg }), job.width, job.height, { antialias: true });
    if (job.ops.length > 0) {
      img = runOps(img, job.ops);
      if (img.width !== job.width || img.height !== job.height) img = resize(img, job.width, job.height, { antialias: true });
    }
    return { id: job.id, pixels: img.data };
  } catch (e) {
    // a decoding or file error leaves the image out; anything else is a bug and must surface
    if (!(e instanceof AugkitError) || e.code === 'INTERNAL') throw e;
    return { id: job.id, failure: { code: e.code, message: e.message } };
  }
}
