// Pillow's ImageOps on R, G, B, byte for byte (alpha is never changed): invert, solarize, posterize,
// equalize and autocontrast (cutoff 0), each per channel.
import type { AugkitImage, RgbaImage } from '../image.js';
import { checkIntegerInRange } from '../validate.js';
import type { KernelStep } from '../wasm/run.js';
import { lutStep, runOp, wholeImageStep, type OutputOptions } from './pixelSteps.js';

/** The inversion as a kernel step: `255 − v`. */
export function invertStep(): KernelStep {
  return lutStep('invert', (k, table) => k.invertTable(table));
}

/**
 * `255 − v` for R, G, B (= Pillow `ImageOps.invert`, torchvision `invert`).
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image or `out`.
 * @example
 * const negative = invert(img);
 */
export function invert(img: RgbaImage, options?: OutputOptions): AugkitImage {
  return runOp(img, invertStep, options);
}

/** The solarization as a kernel step. @throws {AugkitError} INVALID_ARGUMENT for a threshold that is not an integer 0..256. */
export function solarizeStep(threshold = 128): KernelStep {
  checkIntegerInRange(threshold, 'threshold', 0, 256);
  return lutStep('solarize', (k, table) => k.solarizeTable(table, threshold));
}

/**
 * Inverts the values at or above `threshold`: `v ≥ threshold ? 255 − v : v` (= Pillow
 * `ImageOps.solarize`; 0 inverts everything, 256 nothing).
 *
 * @param threshold - an integer 0..256 (default 128, as Pillow)
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, threshold or `out`.
 * @example
 * const solarized = solarize(img, 192);
 */
export function solarize(img: RgbaImage, threshold = 128, options?: OutputOptions): AugkitImage {
  return runOp(img, () => solarizeStep(threshold), options);
}

/** The posterization as a kernel step. @throws {AugkitError} INVALID_ARGUMENT for bits that are not an integer 1..8. */
export function posterizeStep(bits: number): KernelStep {
  checkIntegerInRange(bits, 'bits', 1, 8);
  return lutStep('posterize', (k, table) => k.posterizeTable(table, bits));
}

/**
 * Keeps the top `bits` bits of each value: `v & (0xFF << (8 − bits))` (= Pillow `ImageOps.posterize`);
 * 8 is the identity.
 *
 * @param bits - an integer 1..8
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, bits or `out`.
 * @example
 * const poster = posterize(img, 3);
 */
export function posterize(img: RgbaImage, bits: number, options?: OutputOptions): AugkitImage {
  return runOp(img, () => posterizeStep(bits), options);
}

/** The histogram equalization as a kernel step. */
export function equalizeStep(): KernelStep {
  return wholeImageStep('equalize', (k) => k.histogramOpScratch(), (k, src, width, height, dst, scratch) =>
    k.equalize(src, width * height, dst, scratch));
}

/**
 * Equalizes each channel's histogram exactly as Pillow `ImageOps.equalize` does (its integer step and
 * its table clipped at 255; identity for a channel with one value or too few pixels).
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image or `out`.
 * @example
 * const even = equalize(img);
 */
export function equalize(img: RgbaImage, options?: OutputOptions): AugkitImage {
  return runOp(img, equalizeStep, options);
}

/** The autocontrast as a kernel step. */
export function autocontrastStep(): KernelStep {
  return wholeImageStep('autocontrast', (k) => k.histogramOpScratch(), (k, src, width, height, dst, scratch) =>
    k.autocontrast(src, width * height, dst, scratch));
}

/**
 * Stretches each channel from its own min..max to 0..255 exactly as Pillow `ImageOps.autocontrast`
 * (cutoff 0) does: `trunc(v · scale + offset)` in float64, so e.g. 0..100 maps 100 to 254. A flat
 * channel is unchanged.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image or `out`.
 * @example
 * const stretched = autocontrast(img);
 */
export function autocontrast(img: RgbaImage, options?: OutputOptions): AugkitImage {
  return runOp(img, autocontrastStep, options);
}
