import { AugkitError } from '../../errors.js';
import { affineOp } from '../../ops/affine.js';
import { pair } from '../../ops/geometryParams.js';
import { range } from '../../ops/params.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random affine transform, defined once (see src/pipeline/defineTransform.ts). It records an `affine`
 * op with the drawn angle, translation in pixels, scale pair and shear pair.
 *
 * @example
 * randomAffine({ degrees: 10, translate: [0.1, 0.1] }).draw(1, { width: 100, height: 50 })[0]!.op; // 'affine'
 */
export const randomAffineTransform = defineTransform({
  name: 'randomAffine',
  doc: 'Rotates, translates, scales and shears about the centre by amounts drawn uniformly (torchvision RandomAffine): angle from `degrees`, tx from [−fx·W, fx·W), ty from [−fy·H, fy·H), one scale for both axes, shear per axis.',
  example: { degrees: 20, translate: 0.1, scale: [0.8, 1.2], shear: 10 },
  equivalents: { keras: 'ImageDataGenerator(rotation_range, width_shift_range, shear_range, zoom_range)', torchvision: 'v2.RandomAffine(degrees, translate, scale, shear)', albumentations: 'A.Affine' },
  params: {
    degrees: range({ doc: 'Angle range in degrees: d (0..360) for [−d, d], or a [min, max] pair.', min: -360, max: 360, symmetric: true, default: [0, 0] }),
    translate: pair({ doc: 'Largest shift as fractions [fx, fy] of the width and height (0..1).', default: [0, 0], min: 0, max: 1, valid: (v) => v >= 0 && v <= 1, expected: 'a number 0..1 or a pair [fx, fy] of them' }),
    scale: range({ doc: 'Scale range [min, max] (both > 0), one factor drawn for both axes.', min: 0, max: 100, default: [1, 1] }),
    shear: range({ doc: 'Horizontal shear range in degrees: s for [−s, s], or [min, max], within (−90, 90).', min: -89.99, max: 89.99, symmetric: true, default: [0, 0] }),
    shearY: range({ doc: 'Vertical shear range in degrees, as `shear`.', min: -89.99, max: 89.99, symmetric: true, default: [0, 0] }),
    interpolation: affineOp.params.interpolation,
    border: affineOp.params.border,
    fill: affineOp.params.fill,
  },
  complete: (values, nameOf) => {
    if (!(values.scale[0] > 0)) {
      throw new AugkitError('INVALID_ARGUMENT', `Expected a scale range above 0 for ${nameOf('scale')} but received [${values.scale.join(', ')}]`);
    }
    return values;
  },
  draw: ({ degrees, translate, scale, shear, shearY, interpolation, border, fill }, { random, requireSize }) => {
    const { width, height } = requireSize();
    const angle = random.between(degrees[0], degrees[1]);
    const tx = random.between(-translate[0] * width, translate[0] * width);
    const ty = random.between(-translate[1] * height, translate[1] * height);
    const s = random.between(scale[0], scale[1]);
    const shx = random.between(shear[0], shear[1]);
    const shy = random.between(shearY[0], shearY[1]);
    return [applied(affineOp, { degrees: angle, translate: [tx, ty], scale: [s, s], shear: [shx, shy], interpolation, border, fill: [...fill] })];
  },
});

/**
 * Options of {@link randomAffine}: `degrees` (0), `translate` ([0, 0]), `scale` ([1, 1]), `shear` (0), `shearY` (0), `interpolation`, `border`, `fill`, `p`.
 *
 * @example
 * const options: RandomAffineOptions = { degrees: 20, translate: 0.1, scale: [0.8, 1.2], shear: 10 };
 */
export type RandomAffineOptions = TransformOptions<typeof randomAffineTransform>;

/**
 * A random affine transform about the centre (torchvision's RandomAffine, with pixel-centre coordinates and
 * continuous translations); records the concrete `affine` op.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const jitter = randomAffine({ degrees: 15, translate: [0.1, 0.1], scale: [0.9, 1.1], shear: 5, border: 'reflect' });
 */
export function randomAffine(options?: RandomAffineOptions): Transform {
  return createTransform(randomAffineTransform, options);
}
