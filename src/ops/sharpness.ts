import type { AugkitImage, RgbaImage } from '../image.js';
import { applyOp, defineOp } from './define.js';
import { nonNegative, wholeImageStep, type OutputOptions } from './pixelSteps.js';

/** The sharpness change, defined once (see src/ops/define.ts). @example adjustSharpnessOp.caption({ factor: 2 }); // 'sharpness ×2.00' */
export const adjustSharpnessOp = defineOp({
  name: 'adjustSharpness',
  doc: "Blends R, G, B with Pillow's SMOOTH-filtered value S: S + factor·(v − S); the 1-pixel border is kept.",
  example: { factor: 4 },
  equivalents: { torchvision: 'F.adjust_sharpness(img, factor)', albumentations: '≈ A.Sharpen' },
  positional: ['factor'],
  params: { factor: nonNegative({ doc: 'Blend factor, ≥ 0 (0 = smoothed, 1 = unchanged, > 1 sharper).' }) },
  step: ({ factor }) => wholeImageStep('adjustSharpness', () => 0, (k, src, width, height, dst) =>
    k.adjustSharpness(src, width, height, dst, factor)),
  caption: ({ factor }) => `sharpness ×${factor.toFixed(2)}`,
});

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
  return applyOp(adjustSharpnessOp, img, { factor }, options);
}
