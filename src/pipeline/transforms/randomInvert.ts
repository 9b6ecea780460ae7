import { invertOp } from '../../ops/imageOps.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random inversion, defined once (see src/pipeline/defineTransform.ts): records `invert` when its `p` gate passes.
 *
 * @example
 * randomInvert({ p: 0.5 }).draw(1).map((op) => op.op); // [] or ['invert']
 */
export const randomInvertTransform = defineTransform({
  name: 'randomInvert',
  doc: "Inverts R, G and B (255 − v) with probability `p` (= torchvision RandomInvert).",
  example: {},
  equivalents: { torchvision: 'RandomInvert', albumentations: 'InvertImg' },
  params: {},
  draw: () => [applied(invertOp, {})],
});

/**
 * Options of {@link randomInvert}: `p` (1; torchvision's RandomInvert defaults to 0.5).
 *
 * @example
 * const options: RandomInvertOptions = {};
 */
export type RandomInvertOptions = TransformOptions<typeof randomInvertTransform>;

/**
 * Inverts R, G and B (255 − v) with probability `p` (see `invert`); records the op it applied.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const sometimes = randomInvert({ p: 0.5 });
 */
export function randomInvert(options?: RandomInvertOptions): Transform {
  return createTransform(randomInvertTransform, options);
}
