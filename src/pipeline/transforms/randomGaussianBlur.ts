import { AugkitError } from '../../errors.js';
import { gaussianBlurOp, MAX_KERNEL_SIZE } from '../../ops/gaussianBlur.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { positiveRange } from '../rangeParams.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random blur, defined once (see src/pipeline/defineTransform.ts): records `gaussianBlur` with the drawn
 * sigma (and the kernel size when one is given).
 *
 * @example
 * randomGaussianBlur().spec.sigma; // [0.1, 2]
 */
export const randomGaussianBlurTransform = defineTransform({
  name: 'randomGaussianBlur',
  doc: 'Gaussian blur with a sigma drawn uniformly from `sigma` (= torchvision GaussianBlur, whose kernel_size is required; here it defaults to 2·⌈3σ⌉ + 1 of the drawn σ).',
  example: { sigma: [2, 2.5] },
  equivalents: { torchvision: 'GaussianBlur', albumentations: 'GaussianBlur' },
  params: {
    sigma: positiveRange({ doc: 'Sigma range in pixels, values > 0: s for [s, s] or [min, max].', max: 1000, default: [0.1, 2] }),
    kernelSize: gaussianBlurOp.params.kernelSize,
  },
  complete: (values, nameOf) => {
    const largest = 2 * Math.ceil(3 * values.sigma[1]) + 1;
    if (values.kernelSize === undefined && largest > MAX_KERNEL_SIZE) {
      throw new AugkitError(
        'INVALID_ARGUMENT',
        `Expected a sigma range up to ${(MAX_KERNEL_SIZE - 1) / 6} (default kernel size 2·⌈3σ⌉+1 ≤ ${MAX_KERNEL_SIZE}), or a kernelSize, for ${nameOf('sigma')} but received [${values.sigma.join(', ')}]`,
      );
    }
    return values;
  },
  draw: ({ sigma, kernelSize }, { random }) => [applied(gaussianBlurOp, { sigma: random.between(sigma[0], sigma[1]), kernelSize })],
});

/**
 * Options of {@link randomGaussianBlur}: `sigma` ([0.1, 2], torchvision's default), `kernelSize` (2·⌈3σ⌉ + 1), `p` (1).
 *
 * @example
 * const options: RandomGaussianBlurOptions = { sigma: [2, 2.5] };
 */
export type RandomGaussianBlurOptions = TransformOptions<typeof randomGaussianBlurTransform>;

/**
 * Blurs (see `gaussianBlur`) with a sigma drawn uniformly from `sigma`; records the sigma.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const defocus = randomGaussianBlur({ sigma: [0.1, 2], p: 0.5 });
 */
export function randomGaussianBlur(options?: RandomGaussianBlurOptions): Transform {
  return createTransform(randomGaussianBlurTransform, options);
}
