// Colour adjustments on R, G, B (alpha is never changed), with the formulas of DESIGN-ops.md. L is Pillow's
// integer luma (19595·R + 38470·G + 7471·B + 32768) >> 16; every result is rounded half away from zero and
// clamped to 0..255.
import type { AugkitImage, RgbaImage } from '../image.js';
import { invalidArgument } from '../errors.js';
import { checkNonNegativeNumber, checkNumberInRange, checkPositiveNumber, isFiniteNumber } from '../validate.js';
import type { KernelStep } from '../wasm/run.js';
import { lutStep, pixelwiseStep, runOp, wholeImageStep, type OutputOptions } from './pixelSteps.js';

/** The grey conversion as a kernel step: R = G = B = L. */
export function grayscaleStep(): KernelStep {
  return pixelwiseStep('grayscale', (k, src, pixels, dst) => k.grayscale(src, pixels, dst));
}

/**
 * Sets R, G and B to Pillow's luma `L = (19595·R + 38470·G + 7471·B + 32768) >> 16` (= Pillow
 * `convert('L')`, exactly); alpha unchanged. torchvision's `rgb_to_grayscale` and OpenCV's
 * `COLOR_RGB2GRAY` use other weights (within 1).
 *
 * @param img - the source image (not modified unless it is `options.out`)
 * @param options - `out`: an array to write the result into
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image or `out`.
 * @example
 * const grey = grayscale(img);
 */
export function grayscale(img: RgbaImage, options?: OutputOptions): AugkitImage {
  return runOp(img, grayscaleStep, options);
}

/** The brightness change as a kernel step (a table `v · factor`). @throws {AugkitError} INVALID_ARGUMENT for a bad factor. */
export function adjustBrightnessStep(factor: number): KernelStep {
  checkNonNegativeNumber(factor, 'factor');
  return lutStep('adjustBrightness', (k, table) => k.brightnessTable(table, factor));
}

/**
 * Multiplies R, G, B by `factor` (0 = black, 1 = unchanged); alpha unchanged. = torchvision
 * `adjust_brightness` and Pillow `ImageEnhance.Brightness` up to their rounding (they truncate).
 *
 * @param factor - a finite number ≥ 0
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, factor or `out`.
 * @example
 * const brighter = adjustBrightness(img, 1.3);
 */
export function adjustBrightness(img: RgbaImage, factor: number, options?: OutputOptions): AugkitImage {
  return runOp(img, () => adjustBrightnessStep(factor), options);
}

/** The contrast change as a kernel step. @throws {AugkitError} INVALID_ARGUMENT for a bad factor. */
export function adjustContrastStep(factor: number): KernelStep {
  checkNonNegativeNumber(factor, 'factor');
  return wholeImageStep('adjustContrast', (k) => k.colorLutScratch(), (k, src, width, height, dst, scratch) =>
    k.adjustContrast(src, width * height, dst, factor, scratch));
}

/**
 * Blends R, G, B with the image's mean grey: `m + factor · (v − m)`, `m` the mean of L over all pixels
 * (transparent ones included; float64, not rounded). 0 = flat grey, 1 = unchanged. Pillow
 * `ImageEnhance.Contrast` rounds `m` to an integer; torchvision uses other grey weights.
 *
 * @param factor - a finite number ≥ 0
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, factor or `out`.
 * @example
 * const punchy = adjustContrast(img, 1.5);
 */
export function adjustContrast(img: RgbaImage, factor: number, options?: OutputOptions): AugkitImage {
  return runOp(img, () => adjustContrastStep(factor), options);
}

/** The saturation change as a kernel step. @throws {AugkitError} INVALID_ARGUMENT for a bad factor. */
export function adjustSaturationStep(factor: number): KernelStep {
  checkNonNegativeNumber(factor, 'factor');
  return pixelwiseStep('adjustSaturation', (k, src, pixels, dst) => k.adjustSaturation(src, pixels, dst, factor));
}

/**
 * Blends each pixel with its own grey: `L + factor · (v − L)`. 0 = `grayscale` exactly, 1 = unchanged,
 * 2 = twice as colourful. = Pillow `ImageEnhance.Color` up to its truncation.
 *
 * @param factor - a finite number ≥ 0
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, factor or `out`.
 * @example
 * const muted = adjustSaturation(img, 0.5);
 */
export function adjustSaturation(img: RgbaImage, factor: number, options?: OutputOptions): AugkitImage {
  return runOp(img, () => adjustSaturationStep(factor), options);
}

/** The hue rotation as a kernel step. @throws {AugkitError} INVALID_ARGUMENT for a hue outside [−0.5, 0.5]. */
export function adjustHueStep(hue: number): KernelStep {
  checkNumberInRange(hue, 'hue', -0.5, 0.5);
  return pixelwiseStep('adjustHue', (k, src, pixels, dst) => k.adjustHue(src, pixels, dst, hue));
}

/**
 * Rotates the hue by `hue` turns (0.5 = 180°): per pixel `v/255` to HSV with Python's `colorsys`
 * formulas (float64), `H' = (H + hue) mod 1` (floored), back to RGB, `255 · x` rounded. = torchvision
 * `adjust_hue` on floats within 1.
 *
 * @param hue - a number in [−0.5, 0.5]
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, hue or `out`.
 * @example
 * const shifted = adjustHue(img, 0.1);
 */
export function adjustHue(img: RgbaImage, hue: number, options?: OutputOptions): AugkitImage {
  return runOp(img, () => adjustHueStep(hue), options);
}

/** The gamma correction as a kernel step. @throws {AugkitError} INVALID_ARGUMENT for a bad gamma or gain. */
export function adjustGammaStep(gamma: number, gain = 1): KernelStep {
  checkPositiveNumber(gamma, 'gamma');
  checkNonNegativeNumber(gain, 'gain');
  return lutStep('adjustGamma', (k, table) => k.gammaTable(table, gamma, gain));
}

/**
 * Gamma correction `255 · gain · (v/255)^gamma` (< 1 brightens, > 1 darkens), as a 256-entry table
 * whose `pow` runs in WebAssembly. = torchvision `adjust_gamma` on floats; scikit-image truncates.
 *
 * @param gamma - a finite number > 0
 * @param gain - a finite number ≥ 0 (default 1)
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, gamma, gain or `out`.
 * @example
 * const lifted = adjustGamma(img, 0.8);
 */
export function adjustGamma(img: RgbaImage, gamma: number, gain = 1, options?: OutputOptions): AugkitImage {
  return runOp(img, () => adjustGammaStep(gamma, gain), options);
}

/** Three finite numbers `[dr, dg, db]`. */
function checkShift(value: unknown, param: string): [number, number, number] {
  if (!Array.isArray(value) || value.length !== 3 || !value.every(isFiniteNumber)) {
    throw invalidArgument(param, 'an array of three finite numbers [dr, dg, db]', value);
  }
  return [value[0], value[1], value[2]];
}

/** The channel shift as a kernel step. @throws {AugkitError} INVALID_ARGUMENT for a bad shift. */
export function channelShiftStep(shift: readonly [number, number, number]): KernelStep {
  const [dr, dg, db] = checkShift(shift, 'shift');
  return lutStep('channelShift', (k, table) => k.channelShiftTable(table, dr, dg, db));
}

/**
 * Adds `dr` to R, `dg` to G and `db` to B (fractional shifts allowed), rounded half away from zero and
 * clamped to 0..255 (= `cv2.add` for integer shifts). Keras' `apply_channel_shift` adds one value to all
 * channels and clips to the image's own min/max instead.
 *
 * @param shift - `[dr, dg, db]`, finite numbers
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, shift or `out`.
 * @example
 * const warmer = channelShift(img, [12, 0, -12]);
 */
export function channelShift(img: RgbaImage, shift: readonly [number, number, number], options?: OutputOptions): AugkitImage {
  return runOp(img, () => channelShiftStep(shift), options);
}
