import { invalidArgument } from '../errors.js';
import type { AugkitImage, RgbaImage } from '../image.js';
import { checkIntegerInRange, checkOptions, checkPositiveNumber, checkImage } from '../validate.js';
import { runKernel, type KernelStep } from '../wasm/run.js';
import { sameSize, type OutputOptions } from './pixelSteps.js';

/** The largest kernel size (assembly/filter/gaussianBlur.ts: it keeps the 16-bit fixed point in range). */
export const GAUSSIAN_MAX_KERNEL_SIZE = 129;

export interface GaussianBlurOptions extends OutputOptions {
  /** Standard deviation in pixels, > 0. */
  sigma: number;
  /** Taps per axis: an odd integer 1..129 (default `2·⌈3σ⌉ + 1`). */
  kernelSize?: number;
}

/**
 * The blur as a kernel step, its options validated.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad sigma or kernelSize (even, < 1, > 129, or a default
 *   size over 129 because sigma > 21.33).
 */
export function gaussianBlurStep(options: GaussianBlurOptions): KernelStep {
  const opts = checkOptions(options);
  const sigma = checkPositiveNumber(opts.sigma, 'options.sigma');
  let kernelSize: number;
  if (opts.kernelSize === undefined) {
    kernelSize = 2 * Math.ceil(3 * sigma) + 1;
    if (kernelSize > GAUSSIAN_MAX_KERNEL_SIZE) {
      throw invalidArgument('options.sigma', `a sigma whose default kernelSize 2·⌈3σ⌉+1 is at most ${GAUSSIAN_MAX_KERNEL_SIZE} (σ ≤ 21.33), or an explicit kernelSize`, sigma);
    }
  } else {
    kernelSize = checkIntegerInRange(opts.kernelSize, 'options.kernelSize', 1, GAUSSIAN_MAX_KERNEL_SIZE);
    if (kernelSize % 2 === 0) throw invalidArgument('options.kernelSize', 'an odd integer', kernelSize);
  }
  return {
    op: 'gaussianBlur',
    outputSize: sameSize,
    scratchBytes: (k, width) => k.gaussianBlurScratch(width, kernelSize),
    run: (k, b, width, height) => k.gaussianBlur(b.src, width, height, b.dst, sigma, kernelSize, b.scratch),
  };
}

/**
 * Blurs all four channels with a Gaussian: separable, weights `exp(−i²/2σ²)` normalised in float64,
 * border `'reflect'` (= OpenCV BORDER_REFLECT_101), horizontal pass then vertical. The arithmetic is 16-bit
 * fixed point (Q15 weights, 1/64-level intermediate) with SIMD: within ±1 of the float64 formula.
 * = `cv2.GaussianBlur(img, (k, k), σ)` within 1; = torchvision `gaussian_blur` on floats within 1.
 *
 * @param options - `sigma` (> 0), `kernelSize` (odd, 1..129, default `2·⌈3σ⌉ + 1`), `out`
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, option or `out`.
 * @example
 * const soft = gaussianBlur(img, { sigma: 2 });
 */
export function gaussianBlur(img: RgbaImage, options: GaussianBlurOptions): AugkitImage {
  const src = checkImage(img);
  return runKernel(src, gaussianBlurStep(options), options.out);
}
