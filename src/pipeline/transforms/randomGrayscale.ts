import { grayscaleOp } from '../../ops/color.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random grey conversion, defined once (see src/pipeline/defineTransform.ts): records `grayscale` when its `p` gate passes.
 *
 * @example
 * randomGrayscale({ p: 0.5 }).draw(1).map((op) => op.op); // [] or ['grayscale']
 */
export const randomGrayscaleTransform = defineTransform({
  name: 'randomGrayscale',
  doc: "Sets R, G and B to Pillow's luma with probability `p` (= torchvision RandomGrayscale).",
  example: {},
  equivalents: { torchvision: 'RandomGrayscale', albumentations: 'ToGray' },
  params: {},
  draw: () => [applied(grayscaleOp, {})],
});

/**
 * Options of {@link randomGrayscale}: `p` (1; torchvision's RandomGrayscale defaults to 0.1).
 *
 * @example
 * const options: RandomGrayscaleOptions = {};
 */
export type RandomGrayscaleOptions = TransformOptions<typeof randomGrayscaleTransform>;

/**
 * Sets R, G and B to Pillow's luma with probability `p` (see `grayscale`); records the op it applied.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const sometimes = randomGrayscale({ p: 0.1 });
 */
export function randomGrayscale(options?: RandomGrayscaleOptions): Transform {
  return createTransform(randomGrayscaleTransform, options);
}
