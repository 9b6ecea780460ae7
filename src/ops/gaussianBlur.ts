import { invalidArgument } from '../errors.js';
import type { AugkitImage, RgbaImage } from '../image.js';
import { checkIntegerInRange } from '../validate.js';
import { applyOp, defineOp } from './define.js';
import { param } from './params.js';
import { positive, sameSize, type OutputOptions } from './pixelSteps.js';

/** The largest kernel size (assembly/filter/gaussianBlur.ts: it keeps the 16-bit fixed point in range). */
export const MAX_KERNEL_SIZE = 129;

/**
 * The options of {@link gaussianBlur}: `sigma` (required), `kernelSize` (`2·⌈3σ⌉ + 1`) and `out`.
 *
 * @example
 * const options: GaussianBlurOptions = { sigma: 1.5, kernelSize: 7 };
 * const soft = gaussianBlur(img, options);
 */
export interface GaussianBlurOptions extends OutputOptions {
  /** Standard deviation in pixels, > 0. */
  sigma: number;
  /** Taps per axis: an odd integer 1..129 (default `2·⌈3σ⌉ + 1`). */
  kernelSize?: number;
}

const KERNEL_EXPECTED = `an odd integer between 1 and ${MAX_KERNEL_SIZE}`;

/** The blur, defined once (see src/ops/define.ts). @example gaussianBlurOp.caption({ sigma: 2, kernelSize: undefined }); // 'blur σ2.00' */
export const gaussianBlurOp = defineOp({
  name: 'gaussianBlur',
  doc: 'Gaussian blur of all four channels: separable, weights exp(−i²/2σ²) normalised, border reflect; within ±1 of float64.',
  example: { sigma: 2 },
  equivalents: { torchvision: 'F.gaussian_blur(img, kernel_size, sigma)', albumentations: 'A.GaussianBlur' },
  params: {
    sigma: positive({ doc: 'Standard deviation in pixels, > 0 (at most 21.33 with the default kernel size).' }),
    kernelSize: param({
      doc: `Taps per axis, odd, 1..${MAX_KERNEL_SIZE}; omitted: 2·⌈3σ⌉ + 1.`,
      optional: true,
      schema: { type: 'integer', minimum: 1, maximum: MAX_KERNEL_SIZE, 'x-expected': KERNEL_EXPECTED },
      check: (value: unknown, name: string): number | undefined => {
        if (value === undefined) return undefined;
        const k = checkIntegerInRange(value, name, 1, MAX_KERNEL_SIZE);
        if (k % 2 === 0) throw invalidArgument(name, KERNEL_EXPECTED, value);
        return k;
      },
    }),
  },
  step: ({ sigma, kernelSize }) => {
    const size = kernelSize ?? 2 * Math.ceil(3 * sigma) + 1;
    if (size > MAX_KERNEL_SIZE) {
      throw invalidArgument('sigma', `a sigma whose default kernelSize 2·⌈3σ⌉+1 is at most ${MAX_KERNEL_SIZE} (σ ≤ 21.33), or a kernelSize`, sigma);
    }
    return {
      op: 'gaussianBlur',
      outputSize: sameSize,
      scratchBytes: (k, width) => k.gaussianBlurScratch(width, size),
      run: (k, b, width, height) => k.gaussianBlur(b.src, width, height, b.dst, sigma, size, b.scratch),
    };
  },
  caption: ({ sigma, kernelSize }) => `blur σ${sigma.toFixed(2)}${kernelSize === undefined ? '' : ` k${kernelSize}`}`,
});

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
  return applyOp(gaussianBlurOp, img, {}, options);
}
