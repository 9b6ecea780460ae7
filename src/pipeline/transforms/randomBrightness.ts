import { adjustBrightnessOp } from '../../ops/color.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { factorRange } from '../rangeParams.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random brightness change, defined once (see src/pipeline/defineTransform.ts): records
 * `adjustBrightness` with the drawn factor.
 *
 * @example
 * randomBrightness({ factor: 0.2 }).spec.factor; // [0.8, 1.2]
 */
export const randomBrightnessTransform = defineTransform({
  name: 'randomBrightness',
  doc: "Multiplies R, G, B by a factor drawn uniformly from `factor` (torchvision ColorJitter's brightness alone; Keras brightness_range).",
  example: { factor: [1.4, 1.5] },
  equivalents: { keras: '≈ brightness_range', albumentations: '≈ RandomBrightnessContrast' },
  params: {
    factor: factorRange({ doc: 'Factor range: b (≥ 0) for [max(0, 1 − b), 1 + b], or a [min, max] pair of numbers ≥ 0.' }),
  },
  draw: ({ factor }, { random }) => [applied(adjustBrightnessOp, { factor: random.between(factor[0], factor[1]) })],
});

/**
 * Options of {@link randomBrightness}: `factor` (required), `p` (1).
 *
 * @example
 * const options: RandomBrightnessOptions = { factor: [1.4, 1.5] };
 */
export type RandomBrightnessOptions = TransformOptions<typeof randomBrightnessTransform>;

/**
 * Multiplies R, G, B by a factor drawn uniformly from `factor` (see `adjustBrightness`); records the factor.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const lighting = randomBrightness({ factor: [0.7, 1.3] });
 */
export function randomBrightness(options: RandomBrightnessOptions): Transform {
  return createTransform(randomBrightnessTransform, options);
}
