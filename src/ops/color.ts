// Colour adjustments on R, G, B (alpha is never changed), with the formulas of DESIGN-ops.md. L is Pillow's
// integer luma (19595·R + 38470·G + 7471·B + 32768) >> 16; every result is rounded half away from zero and
// clamped to 0..255.
import type { AugkitImage, RgbaImage } from '../image.js';
import { applyOp, defineOp } from './define.js';
import { number } from './params.js';
import { channelShifts, lutStep, nonNegative, pixelwiseStep, positive, wholeImageStep, type OutputOptions } from './pixelSteps.js';

/** The grey conversion, defined once (see src/ops/define.ts). @example grayscaleOp.caption({}); // 'grayscale' */
export const grayscaleOp = defineOp({
  name: 'grayscale',
  doc: "Sets R, G and B to Pillow's luma L = (19595·R + 38470·G + 7471·B + 32768) >> 16 (= Pillow convert('L'), exactly); alpha kept.",
  example: {},
  equivalents: { keras: 'tf.image.rgb_to_grayscale(img)', torchvision: 'F.rgb_to_grayscale(img, num_output_channels=3)', albumentations: 'A.ToGray(p=1)' },
  params: {},
  step: () => pixelwiseStep('grayscale', (k, src, pixels, dst) => k.grayscale(src, pixels, dst)),
  caption: () => 'grayscale',
});

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
  return applyOp(grayscaleOp, img, {}, options);
}

/** The brightness change, defined once. @example adjustBrightnessOp.caption({ factor: 1.2 }); // 'brightness ×1.20' */
export const adjustBrightnessOp = defineOp({
  name: 'adjustBrightness',
  doc: 'Multiplies R, G, B by `factor` (a 256-entry table); 0 = black, 1 = unchanged.',
  example: { factor: 1.6 },
  equivalents: { keras: '≈ ImageDataGenerator(brightness_range=…)', torchvision: 'F.adjust_brightness(img, factor)', albumentations: '≈ A.ColorJitter(brightness=…)' },
  positional: ['factor'],
  params: { factor: nonNegative({ doc: 'Multiplier, ≥ 0.' }) },
  step: ({ factor }) => lutStep('adjustBrightness', (k, table) => k.brightnessTable(table, factor)),
  caption: ({ factor }) => `brightness ×${factor.toFixed(2)}`,
});

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
  return applyOp(adjustBrightnessOp, img, { factor }, options);
}

/** The contrast change, defined once. @example adjustContrastOp.caption({ factor: 0.5 }); // 'contrast ×0.50' */
export const adjustContrastOp = defineOp({
  name: 'adjustContrast',
  doc: 'Blends R, G, B with the mean grey m (mean of L over all pixels, float64): m + factor·(v − m); 0 = flat grey, 1 = unchanged.',
  example: { factor: 2 },
  equivalents: { keras: '≈ layers.RandomContrast (per-channel mean)', torchvision: 'F.adjust_contrast(img, factor)', albumentations: '≈ A.ColorJitter(contrast=…)' },
  positional: ['factor'],
  params: { factor: nonNegative({ doc: 'Blend factor, ≥ 0.' }) },
  step: ({ factor }) => wholeImageStep('adjustContrast', (k) => k.colorLutScratch(), (k, src, width, height, dst, scratch) =>
    k.adjustContrast(src, width * height, dst, factor, scratch)),
  caption: ({ factor }) => `contrast ×${factor.toFixed(2)}`,
});

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
  return applyOp(adjustContrastOp, img, { factor }, options);
}

/** The saturation change, defined once. @example adjustSaturationOp.caption({ factor: 2 }); // 'saturation ×2.00' */
export const adjustSaturationOp = defineOp({
  name: 'adjustSaturation',
  doc: "Blends each pixel with its own grey L: L + factor·(v − L); 0 = grayscale, 1 = unchanged.",
  example: { factor: 2.5 },
  equivalents: { keras: '≈ tf.image.adjust_saturation(img, factor)', torchvision: 'F.adjust_saturation(img, factor)', albumentations: '≈ A.ColorJitter(saturation=…)' },
  positional: ['factor'],
  params: { factor: nonNegative({ doc: 'Blend factor, ≥ 0.' }) },
  step: ({ factor }) => pixelwiseStep('adjustSaturation', (k, src, pixels, dst) => k.adjustSaturation(src, pixels, dst, factor)),
  caption: ({ factor }) => `saturation ×${factor.toFixed(2)}`,
});

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
  return applyOp(adjustSaturationOp, img, { factor }, options);
}

/** The hue rotation, defined once. @example adjustHueOp.caption({ hue: 0.1 }); // 'hue +0.100' */
export const adjustHueOp = defineOp({
  name: 'adjustHue',
  doc: "Rotates the hue by `hue` turns through HSV (Python colorsys formulas, float64; floored modulo).",
  example: { hue: 0.25 },
  equivalents: { keras: 'tf.image.adjust_hue(img, delta)', torchvision: 'F.adjust_hue(img, hue_factor)', albumentations: '≈ A.ColorJitter(hue=…)' },
  positional: ['hue'],
  params: { hue: number({ doc: 'Hue shift in turns (0.5 = 180°).', min: -0.5, max: 0.5 }) },
  step: ({ hue }) => pixelwiseStep('adjustHue', (k, src, pixels, dst) => k.adjustHue(src, pixels, dst, hue)),
  caption: ({ hue }) => `hue ${hue >= 0 ? '+' : ''}${hue.toFixed(3)}`,
});

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
  return applyOp(adjustHueOp, img, { hue }, options);
}

/** The gamma correction, defined once. @example adjustGammaOp.caption({ gamma: 2.2, gain: 1 }); // 'gamma 2.20' */
export const adjustGammaOp = defineOp({
  name: 'adjustGamma',
  doc: 'Gamma correction 255·gain·(v/255)^gamma, as a 256-entry table whose pow runs in WebAssembly.',
  example: { gamma: 0.5 },
  equivalents: { keras: 'tf.image.adjust_gamma(img, gamma, gain)', torchvision: 'F.adjust_gamma(img, gamma, gain)', albumentations: 'A.RandomGamma' },
  positional: ['gamma', 'gain'],
  params: {
    gamma: positive({ doc: 'Exponent, > 0 (< 1 brightens, > 1 darkens).' }),
    gain: nonNegative({ doc: 'Multiplier, ≥ 0.', default: 1 }),
  },
  step: ({ gamma, gain }) => lutStep('adjustGamma', (k, table) => k.gammaTable(table, gamma, gain)),
  caption: ({ gamma, gain }) => `gamma ${gamma.toFixed(2)}${gain !== 1 ? ` gain ${gain.toFixed(2)}` : ''}`,
});

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
  return applyOp(adjustGammaOp, img, { gamma, gain }, options);
}

/** The channel shift, defined once. @example channelShiftOp.caption({ shift: [10, 0, -5] }); // 'shift 10,0,-5' */
export const channelShiftOp = defineOp({
  name: 'channelShift',
  doc: 'Adds dr to R, dg to G and db to B (fractional allowed), rounded half away from zero, clamped to 0..255.',
  example: { shift: [60, -20, -40] },
  equivalents: { keras: 'apply_channel_shift(x, intensity) (one shift for all channels)', albumentations: 'A.RGBShift' },
  positional: ['shift'],
  params: { shift: channelShifts({ doc: '[dr, dg, db], finite numbers.' }) },
  step: ({ shift: [dr, dg, db] }) => lutStep('channelShift', (k, table) => k.channelShiftTable(table, dr, dg, db)),
  caption: ({ shift }) => `shift ${shift.join(',')}`,
});

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
  return applyOp(channelShiftOp, img, { shift }, options);
}
