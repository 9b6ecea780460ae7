import { posterizeOp } from '../../ops/imageOps.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random posterization, defined once (see src/pipeline/defineTransform.ts): records `posterize` with
 * the bits when its `p` gate passes.
 *
 * @example
 * randomPosterize({ bits: 3 }).draw(1); // [{ op: 'posterize', bits: 3 }]
 */
export const randomPosterizeTransform = defineTransform({
  name: 'randomPosterize',
  doc: 'Keeps the top `bits` bits of R, G, B with probability `p` (= torchvision RandomPosterize).',
  example: { bits: 3 },
  equivalents: { torchvision: 'RandomPosterize', albumentations: 'Posterize' },
  params: { bits: posterizeOp.params.bits },
  draw: ({ bits }) => [applied(posterizeOp, { bits })],
});

/**
 * Options of {@link randomPosterize}: `bits` (required, 1..8), `p` (1; torchvision's RandomPosterize defaults to 0.5).
 *
 * @example
 * const options: RandomPosterizeOptions = { bits: 3 };
 */
export type RandomPosterizeOptions = TransformOptions<typeof randomPosterizeTransform>;

/**
 * Posterizes (see `posterize`) with probability `p`; records the op it applied.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const sometimes = randomPosterize({ bits: 4, p: 0.5 });
 */
export function randomPosterize(options: RandomPosterizeOptions): Transform {
  return createTransform(randomPosterizeTransform, options);
}
