import { solarizeOp } from '../../ops/imageOps.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random solarization, defined once (see src/pipeline/defineTransform.ts): records `solarize` with the
 * threshold when its `p` gate passes.
 *
 * @example
 * randomSolarize({ threshold: 192 }).draw(1); // [{ op: 'solarize', threshold: 192 }]
 */
export const randomSolarizeTransform = defineTransform({
  name: 'randomSolarize',
  doc: 'Inverts the values at or above `threshold` with probability `p` (= torchvision RandomSolarize on uint8).',
  example: { threshold: 128 },
  equivalents: { torchvision: 'RandomSolarize', albumentations: 'Solarize' },
  params: { threshold: solarizeOp.params.threshold },
  draw: ({ threshold }) => [applied(solarizeOp, { threshold })],
});

/**
 * Options of {@link randomSolarize}: `threshold` (128), `p` (1; torchvision's RandomSolarize defaults to 0.5).
 *
 * @example
 * const options: RandomSolarizeOptions = { threshold: 128 };
 */
export type RandomSolarizeOptions = TransformOptions<typeof randomSolarizeTransform>;

/**
 * Solarizes (see `solarize`) with probability `p`; records the op it applied.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const sometimes = randomSolarize({ threshold: 192, p: 0.5 });
 */
export function randomSolarize(options?: RandomSolarizeOptions): Transform {
  return createTransform(randomSolarizeTransform, options);
}
