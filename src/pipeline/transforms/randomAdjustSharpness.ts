import { adjustSharpnessOp } from '../../ops/sharpness.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random sharpness change, defined once (see src/pipeline/defineTransform.ts): records
 * `adjustSharpness` with the factor when its `p` gate passes.
 *
 * @example
 * randomAdjustSharpness({ factor: 2 }).draw(1); // [{ op: 'adjustSharpness', factor: 2 }]
 */
export const randomAdjustSharpnessTransform = defineTransform({
  name: 'randomAdjustSharpness',
  doc: 'Sharpens (factor > 1) or softens (< 1) with probability `p` (= torchvision RandomAdjustSharpness).',
  example: { factor: 4 },
  equivalents: { torchvision: 'RandomAdjustSharpness', albumentations: '≈ Sharpen' },
  params: { factor: adjustSharpnessOp.params.factor },
  draw: ({ factor }) => [applied(adjustSharpnessOp, { factor })],
});

/**
 * Options of {@link randomAdjustSharpness}: `factor` (required, ≥ 0), `p` (1; torchvision's RandomAdjustSharpness defaults to 0.5).
 *
 * @example
 * const options: RandomAdjustSharpnessOptions = { factor: 4 };
 */
export type RandomAdjustSharpnessOptions = TransformOptions<typeof randomAdjustSharpnessTransform>;

/**
 * Changes the sharpness by `factor` (see `adjustSharpness`) with probability `p`; records the op it applied.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const sometimes = randomAdjustSharpness({ factor: 2, p: 0.5 });
 */
export function randomAdjustSharpness(options: RandomAdjustSharpnessOptions): Transform {
  return createTransform(randomAdjustSharpnessTransform, options);
}
