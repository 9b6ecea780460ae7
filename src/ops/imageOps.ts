// Pillow's ImageOps on R, G, B, byte for byte (alpha is never changed): invert, solarize, posterize,
// equalize and autocontrast (cutoff 0), each per channel.
import type { AugkitImage, RgbaImage } from '../image.js';
import { applyOp, defineOp } from './define.js';
import { integer } from './params.js';
import { lutStep, wholeImageStep, type OutputOptions } from './pixelSteps.js';

/** The inversion, defined once (see src/ops/define.ts). @example invertOp.caption({}); // 'invert' */
export const invertOp = defineOp({
  name: 'invert',
  doc: 'Replaces R, G and B by 255 − v (= Pillow ImageOps.invert); alpha kept.',
  example: {},
  equivalents: { torchvision: 'F.invert(img)', albumentations: 'A.InvertImg(p=1)' },
  params: {},
  step: () => lutStep('invert', (k, table) => k.invertTable(table)),
  caption: () => 'invert',
});

/**
 * `255 − v` for R, G, B (= Pillow `ImageOps.invert`, torchvision `invert`).
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image or `out`.
 * @example
 * const negative = invert(img);
 */
export function invert(img: RgbaImage, options?: OutputOptions): AugkitImage {
  return applyOp(invertOp, img, {}, options);
}

/** The solarization, defined once. @example solarizeOp.caption({ threshold: 128 }); // 'solarize ≥128' */
export const solarizeOp = defineOp({
  name: 'solarize',
  doc: 'Inverts the values at or above the threshold: v ≥ t ? 255 − v : v (= Pillow ImageOps.solarize).',
  example: { threshold: 128 },
  equivalents: { torchvision: 'F.solarize(img, threshold)', albumentations: 'A.Solarize' },
  positional: ['threshold'],
  params: { threshold: integer({ doc: 'Values from this one up are inverted (0 = all, 256 = none).', min: 0, max: 256, default: 128 }) },
  step: ({ threshold }) => lutStep('solarize', (k, table) => k.solarizeTable(table, threshold)),
  caption: ({ threshold }) => `solarize ≥${threshold}`,
});

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
  return applyOp(solarizeOp, img, { threshold }, options);
}

/** The posterization, defined once. @example posterizeOp.caption({ bits: 3 }); // 'posterize 3 bits' */
export const posterizeOp = defineOp({
  name: 'posterize',
  doc: 'Keeps the top `bits` bits of R, G, B: v & (0xFF << (8 − bits)) (= Pillow ImageOps.posterize).',
  example: { bits: 2 },
  equivalents: { torchvision: 'F.posterize(img, bits)', albumentations: 'A.Posterize' },
  positional: ['bits'],
  params: { bits: integer({ doc: 'Bits kept per channel; 8 is the identity.', min: 1, max: 8 }) },
  step: ({ bits }) => lutStep('posterize', (k, table) => k.posterizeTable(table, bits)),
  caption: ({ bits }) => `posterize ${bits} bits`,
});

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
  return applyOp(posterizeOp, img, { bits }, options);
}

/** The histogram equalization, defined once. @example equalizeOp.caption({}); // 'equalize' */
export const equalizeOp = defineOp({
  name: 'equalize',
  doc: "Equalizes each channel's histogram exactly as Pillow ImageOps.equalize does.",
  example: {},
  equivalents: { torchvision: 'F.equalize(img)', albumentations: 'A.Equalize' },
  params: {},
  step: () => wholeImageStep('equalize', (k) => k.histogramOpScratch(), (k, src, width, height, dst, scratch) =>
    k.equalize(src, width * height, dst, scratch)),
  caption: () => 'equalize',
});

/**
 * Equalizes each channel's histogram exactly as Pillow `ImageOps.equalize` does (its integer step and
 * its table clipped at 255; identity for a channel with one value or too few pixels).
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image or `out`.
 * @example
 * const even = equalize(img);
 */
export function equalize(img: RgbaImage, options?: OutputOptions): AugkitImage {
  return applyOp(equalizeOp, img, {}, options);
}

/** The autocontrast, defined once. @example autocontrastOp.caption({}); // 'autocontrast' */
export const autocontrastOp = defineOp({
  name: 'autocontrast',
  doc: 'Stretches each channel from its min..max to 0..255 exactly as Pillow ImageOps.autocontrast (cutoff 0).',
  example: {},
  equivalents: { torchvision: 'F.autocontrast(img)', albumentations: 'A.AutoContrast' },
  params: {},
  step: () => wholeImageStep('autocontrast', (k) => k.histogramOpScratch(), (k, src, width, height, dst, scratch) =>
    k.autocontrast(src, width * height, dst, scratch)),
  caption: () => 'autocontrast',
});

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
  return applyOp(autocontrastOp, img, {}, options);
}
