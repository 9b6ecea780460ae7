import type { AugkitImage, Rgba, RgbaImage } from '../image.js';
import { flipHorizontal, flipVertical } from '../ops/flip.js';
import { resize } from '../ops/resize.js';
import { rotate } from '../ops/rotate.js';
import { saltAndPepper } from '../ops/saltAndPepper.js';

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

function applyOp(img: RgbaImage, op: AppliedOp): AugkitImage {
  switch (op.op) {
    case 'resize':
      return resize(img, op.width, op.height, { antialias: op.antialias });
    case 'flipHorizontal':
      return flipHorizontal(img);
    case 'flipVertical':
      return flipVertical(img);
    case 'rotate':
      return rotate(img, op.degrees, { expand: op.expand, fill: op.fill });
    case 'saltAndPepper': {
      const { amount, saltVsPepper, perChannel, seed } = op;
      const { width, height, data } = saltAndPepper(img, { amount, saltVsPepper, perChannel, seed });
      return { width, height, data };
    }
  }
}

/**
 * Runs `ops` in order, each through the public op, and returns a new image (a copy when `ops` is empty).
 *
 * This is the only place where pixels move from one step to the next, so a binding that chains kernels
 * inside WebAssembly memory (no copy out between steps) replaces this loop and nothing else.
 */
export function runOps(img: RgbaImage, ops: readonly AppliedOp[]): AugkitImage {
  if (ops.length === 0) return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
  let out: RgbaImage = img;
  for (const op of ops) out = applyOp(out, op);
  return out as AugkitImage;
}
