// The shapes shared by the colour, noise and occlusion ops: same-size kernel steps that map pixels
// independently (so alone they stream in place through one strip), and the public call around a step.
import type { AugkitImage } from '../image.js';
import { checkImage, checkOptions } from '../validate.js';
import type { Kernels } from '../wasm/kernels.js';
import { runKernel, type KernelStep } from '../wasm/run.js';

/** The options every same-size op takes. */
export interface OutputOptions {
  /** Where to write the result: a Uint8ClampedArray of exactly width × height × 4 bytes (may be `img.data`). A new array by default. */
  out?: Uint8ClampedArray;
}

export const sameSize = (width: number, height: number) => [width, height] as const;

/**
 * Validates the image, then builds the step (which validates the op's own arguments) and runs it: the
 * public call of every op here. The image is checked first, so a too-large image is TOO_LARGE whatever
 * the other arguments.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, argument or `out`; TOO_LARGE for an image over the limit.
 */
export function runOp(img: unknown, step: () => KernelStep, options: OutputOptions | undefined): AugkitImage {
  const src = checkImage(img);
  const { out } = checkOptions(options);
  return runKernel(src, step(), out);
}

/**
 * A step whose kernel maps each pixel on its own: `map(k, src, pixels, dst)` (`dst` may equal `src`).
 * `begin` (optional) runs once per image before any pixel, e.g. to seed a stream.
 */
export function pixelwiseStep(
  op: string, map: (k: Kernels, src: number, pixels: number, dst: number) => void, begin?: (k: Kernels) => void,
): KernelStep {
  return {
    op,
    outputSize: sameSize,
    run: (k, b, width, height) => {
      begin?.(k);
      map(k, b.src, width * height, b.dst);
    },
    strips: {
      begin: begin && ((k) => begin(k)),
      rows: (k, pointer, _scratch, width, _first, rows) => map(k, pointer, width * rows, pointer),
    },
  };
}

/**
 * A table-driven step: `fill(k, table)` writes the three 256-entry tables (R, G, B) once per call, then
 * every pixel goes through them.
 */
export function lutStep(op: string, fill: (k: Kernels, table: number) => void): KernelStep {
  return {
    op,
    outputSize: sameSize,
    scratchBytes: (k) => k.colorLutScratch(),
    run: (k, b, width, height) => {
      fill(k, b.scratch);
      k.applyLut(b.src, width * height, b.dst, b.scratch);
    },
    strips: {
      begin: (k, _width, _height, scratch) => fill(k, scratch),
      rows: (k, pointer, scratch, width, _first, rows) => k.applyLut(pointer, width * rows, pointer, scratch),
    },
  };
}

/** A step whose kernel needs the whole image at once (a histogram, a mean, neighbours): `run` only. */
export function wholeImageStep(
  op: string, scratchBytes: (k: Kernels, width: number, height: number) => number,
  run: (k: Kernels, src: number, width: number, height: number, dst: number, scratch: number) => void,
): KernelStep {
  return {
    op,
    outputSize: sameSize,
    scratchBytes: (k, width, height) => scratchBytes(k, width, height),
    run: (k, b, width, height) => run(k, b.src, width, height, b.dst, b.scratch),
  };
}
