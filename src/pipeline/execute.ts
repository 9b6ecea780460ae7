import type { AugkitImage, RgbaImage } from '../image.js';
import { opStep } from '../ops/define.js';
import { checkImage } from '../validate.js';
import { runKernelSequence } from '../wasm/run.js';
import { opDefinition, type AppliedOp } from './catalogue.js';

export type { AppliedOp } from './catalogue.js';

/**
 * Runs `ops` in order and returns a new image (a copy when `ops` is empty). The pipeline layer's way to
 * run applied records: each becomes its op definition's kernel step (its values checked again), and the
 * pixels stay in WebAssembly memory from the first op to the last: one copy in, one copy out, the same
 * bytes as calling the public ops one after another.
 */
export function runOps(img: RgbaImage, ops: readonly AppliedOp[]): AugkitImage {
  return runKernelSequence(checkImage(img), ops.map((op) => opStep(opDefinition(op.op), op)));
}
