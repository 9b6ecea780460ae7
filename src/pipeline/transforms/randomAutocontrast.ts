import { autocontrastOp } from '../../ops/imageOps.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random autocontrast, defined once (see src/pipeline/defineTransform.ts): records `autocontrast` when its `p` gate passes.
 *
 * @example
 * randomAutocontrast({ p: 0.5 }).draw(1).map((op) => op.op); // [] or ['autocontrast']
 */
export const randomAutocontrastTransform = defineTransform({
  name: 'randomAutocontrast',
  doc: "Stretches each channel from its min..max to 0..255 as Pillow does with probability `p` (= torchvision RandomAutocontrast).",
  example: {},
  equivalents: { torchvision: 'RandomAutocontrast', albumentations: '≈ AutoContrast' },
  params: {},
  draw: () => [applied(autocontrastOp, {})],
});

/**
 * Options of {@link randomAutocontrast}: `p` (1; torchvision's RandomAutocontrast defaults to 0.5).
 *
 * @example
 * const options: RandomAutocontrastOptions = {};
 */
export type RandomAutocontrastOptions = TransformOptions<typeof randomAutocontrastTransform>;

/**
 * Stretches each channel from its min..max to 0..255 as Pillow does with probability `p` (see `autocontrast`); records the op it applied.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const sometimes = randomAutocontrast({ p: 0.5 });
 */
export function randomAutocontrast(options?: RandomAutocontrastOptions): Transform {
  return createTransform(randomAutocontrastTransform, options);
}
