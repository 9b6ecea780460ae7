import { range } from '../../ops/params.js';
import { rotateOp } from '../../ops/rotate.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random rotation, defined once (see src/pipeline/defineTransform.ts).
 *
 * @example
 * randomRotation({ degrees: 20 }).spec.degrees; // [-20, 20]
 */
export const randomRotationTransform = defineTransform({
  name: 'randomRotation',
  doc: 'Rotates counter-clockwise by an angle drawn uniformly from `degrees` (see `rotate`).',
  example: { degrees: 30 },
  equivalents: { keras: 'layers.RandomRotation(factor)', torchvision: 'v2.RandomRotation(degrees)', albumentations: 'A.Rotate(limit)' },
  params: {
    degrees: range({ doc: 'Angle range in degrees: d (0..360) for [−d, d], or a [min, max] pair within −360..360.', min: -360, max: 360, symmetric: true }),
    expand: rotateOp.params.expand,
    fill: rotateOp.params.fill,
    interpolation: rotateOp.params.interpolation,
    border: rotateOp.params.border,
  },
  draw: ({ degrees, expand, fill, interpolation, border }, { random }) => [
    applied(rotateOp, { degrees: random.between(degrees[0], degrees[1]), expand, fill: [...fill], interpolation, border }),
  ],
});

/**
 * Options of {@link randomRotation}: `degrees` (required), `expand` (false), `fill` ([0, 0, 0, 0]), `interpolation` ('bilinear'), `border` ('constant'), `p` (1).
 *
 * @example
 * const options: RandomRotationOptions = { degrees: 30 };
 */
export type RandomRotationOptions = TransformOptions<typeof randomRotationTransform>;

/**
 * Rotates counter-clockwise by an angle drawn uniformly from `degrees` (see `rotate`).
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const tilt = randomRotation({ degrees: [-20, 20], fill: [255, 255, 255, 255] });
 */
export function randomRotation(options: RandomRotationOptions): Transform {
  return createTransform(randomRotationTransform, options);
}
