import { centerCropOp } from '../../ops/centerCrop.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The centre crop as a step, defined once (see src/pipeline/defineTransform.ts).
 *
 * @example
 * centerCropTo(224, 224).draw(0); // [{ op: 'centerCrop', width: 224, height: 224 }]
 */
export const centerCropTransform = defineTransform({
  name: 'centerCrop',
  doc: 'Crops width × height out of the middle (see `centerCrop`); not random, but a step like the others.',
  example: { width: 96, height: 64 },
  equivalents: { keras: 'layers.CenterCrop(height, width)', torchvision: 'v2.CenterCrop(size)', albumentations: 'A.CenterCrop(height, width)' },
  positional: ['width', 'height'],
  params: centerCropOp.params,
  draw: (values) => [applied(centerCropOp, values)],
});

/**
 * Options of {@link centerCropTo}: `p` (1).
 *
 * @example
 * const options: CenterCropToOptions = { p: 1 }; // with centerCropTo(96, 64, options)
 */
export type CenterCropToOptions = TransformOptions<typeof centerCropTransform, 'width' | 'height'>;

/**
 * The `centerCrop` step: crops `width`×`height` out of the middle (the functional op is `centerCrop`).
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad size or option; when run, for a crop larger than the image.
 * @example
 * const evaluation = compose([resizeTo(256, 256), centerCropTo(224, 224)]);
 */
export function centerCropTo(width: number, height: number, options?: CenterCropToOptions): Transform {
  return createTransform(centerCropTransform, options, { width, height });
}
