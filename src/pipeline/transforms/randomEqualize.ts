import { equalizeOp } from '../../ops/imageOps.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random histogram equalization, defined once (see src/pipeline/defineTransform.ts): records `equalize` when its `p` gate passes.
 *
 * @example
 * randomEqualize({ p: 0.5 }).draw(1).map((op) => op.op); // [] or ['equalize']
 */
export const randomEqualizeTransform = defineTransform({
  name: 'randomEqualize',
  doc: "Equalizes each channel's histogram as Pillow does with probability `p` (= torchvision RandomEqualize).",
  example: {},
  equivalents: { torchvision: 'RandomEqualize', albumentations: 'Equalize' },
  params: {},
  draw: () => [applied(equalizeOp, {})],
});

/**
 * Options of {@link randomEqualize}: `p` (1; torchvision's RandomEqualize defaults to 0.5).
 *
 * @example
 * const options: RandomEqualizeOptions = {};
 */
export type RandomEqualizeOptions = TransformOptions<typeof randomEqualizeTransform>;

/**
 * Equalizes each channel's histogram as Pillow does with probability `p` (see `equalize`); records the op it applied.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const sometimes = randomEqualize({ p: 0.5 });
 */
export function randomEqualize(options?: RandomEqualizeOptions): Transform {
  return createTransform(randomEqualizeTransform, options);
}
