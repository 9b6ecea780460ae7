import type { AugkitImage, Rgba, RgbaImage } from '../image.js';
import { flipHorizontalStep, flipVerticalStep } from '../ops/flip.js';
import { resizeStep } from '../ops/resize.js';
import { rotateStep } from '../ops/rotate.js';
import { saltAndPepperStep } from '../ops/saltAndPepper.js';
import { checkImage } from '../validate.js';
import { runKernelSequence, type KernelStep } from '../wasm/run.js';

/**
 * One operation as a pipeline applied it, with every parameter fixed: the functional op's name and
 * arguments. A list of these (`applied`) is what `replay` runs and what the dataset manifest records.
 */
export type AppliedOp =
  | { readonly op: 'resize'; readonly width: number; readonly height: number; readonly antialias: boolean }
  | { readonly op: 'flipHorizontal' }
  | { readonly op: 'flipVertical' }
  | { readonly op: 'rotate'; readonly degrees: number; readonly expand: boolean; readonly fill: Rgba }
  | {
      readonly op: 'saltAndPepper';
      readonly amount: number;
      readonly saltVsPepper: number;
      readonly perChannel: boolean;
      readonly seed: number;
    };

/** The kernel step of one applied op; its arguments are validated as the public op would. */
function stepOf(op: AppliedOp): KernelStep {
  switch (op.op) {
    case 'resize':
      return resizeStep(op.width, op.height, { antialias: op.antialias });
    case 'flipHorizontal':
      return flipHorizontalStep;
    case 'flipVertical':
      return flipVerticalStep;
    case 'rotate':
      return rotateStep(op.degrees, { expand: op.expand, fill: op.fill });
    case 'saltAndPepper': {
      const { amount, saltVsPepper, perChannel, seed } = op;
      return saltAndPepperStep({ amount, saltVsPepper, perChannel, seed }).step;
    }
  }
}

/**
 * Runs `ops` in order and returns a new image (a copy when `ops` is empty). The pixels stay in
 * WebAssembly memory from the first op to the last: one copy in, one copy out, the same bytes as
 * calling the public ops one after another.
 */
export function runOps(img: RgbaImage, ops: readonly AppliedOp[]): AugkitImage {
  return runKernelSequence(checkImage(img), ops.map(stepOf));
}
