import type { AugkitImage, RgbaImage } from '../image.js';
import { checkNonNegativeNumber } from '../validate.js';
import type { KernelStep } from '../wasm/run.js';
import { runOp, wholeImageStep, type OutputOptions } from './pixelSteps.js';

/** The sharpness change as a kernel step. @throws {AugkitError} INVALID_ARGUMENT for a bad factor. */
export function adjustSharpnessStep(factor: number): KernelStep {
  checkNonNegativeNumber(factor, 'factor');
  return wholeImageStep('adjustSharpness', () => 0, (k, src, width, height, dst) =>
    k.adjustSharpness(src, width, height, dst, factor));
}

/**
 * Sharpens (`factor` > 1) or softens (< 1) R, G, B: `S + factor · (v − S)` with `S` the value smoothed
 * by Pillow's SMOOTH kernel `[1 1 1; 1 5 1; 1 1 1] / 13` rounded to 8 bits; the 1-pixel border keeps
 * `S = v` (unchanged). 0 = the smoothed image, 1 = unchanged. = Pillow `ImageEnhance.Sharpness` and
 * torchvision `adjust_sharpness` (uint8) up to their truncation.
 *
 * @param factor - a finite number ≥ 0
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, factor or `out`.
 * @example
 * const crisp = adjustSharpness(img, 2);
 */
export function adjustSharpness(img: RgbaImage, factor: number, options?: OutputOptions): AugkitImage {
  return runOp(img, () => adjustSharpnessStep(factor), options);
}
