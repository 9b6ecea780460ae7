import { resizeOp } from '../../ops/resize.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The resize as a step, defined once (see src/pipeline/defineTransform.ts).
 *
 * @example
 * resizeTo(224, 224).draw(0); // [{ op: 'resize', width: 224, height: 224, antialias: false }]
 */
export const resizeToTransform = defineTransform({
  name: 'resizeTo',
  doc: 'Resizes to width × height (see `resize`); not random, but a step like the others.',
  example: { width: 96, height: 96, fit: 'cover' },
  equivalents: { keras: 'layers.Resizing(height, width, crop_to_aspect_ratio=True)', torchvision: 'v2.Resize + v2.CenterCrop', albumentations: 'A.Resize(height, width)' },
  positional: ['width', 'height'],
  params: resizeOp.params,
  draw: (values) => [applied(resizeOp, values)],
});

/**
 * Options of {@link resizeTo}: `antialias` (false), `p` (1).
 *
 * @example
 * const options: ResizeToOptions = { fit: 'cover' }; // with resizeTo(96, 96, options)
 */
export type ResizeToOptions = TransformOptions<typeof resizeToTransform, 'width' | 'height'>;

/**
 * Resizes to `width`×`height` (see `resize`); not random, but a step like the others.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad size or option.
 * @example
 * const pipeline = compose([resizeTo(400, 400, { antialias: true }), randomFlip()]);
 */
export function resizeTo(width: number, height: number, options?: ResizeToOptions): Transform {
  return createTransform(resizeToTransform, options, { width, height });
}
