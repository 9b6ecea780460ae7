import { AugkitError } from '../../errors.js';
import { cropOp } from '../../ops/crop.js';
import { offset } from '../../ops/geometryParams.js';
import { padOp } from '../../ops/pad.js';
import { boolean, dimension } from '../../ops/params.js';
import type { AppliedOp } from '../catalogue.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random crop, defined once (see src/pipeline/defineTransform.ts): an optional `pad`, then a `crop` at a
 * drawn position, both recorded in pixels.
 *
 * @example
 * randomCrop(32, 32, { padding: 4 }).draw(3, { width: 32, height: 32 }).map((op) => op.op); // ['pad', 'crop']
 */
export const randomCropTransform = defineTransform({
  name: 'randomCrop',
  doc: "Crops width × height at a uniformly drawn position (torchvision RandomCrop): `padding` pixels are added on every side first; with `padIfNeeded` a smaller image is padded to fit (by the shortfall on both sides, as torchvision).",
  example: { width: 96, height: 64, padding: 8 },
  equivalents: { keras: 'layers.RandomCrop(height, width)', torchvision: 'v2.RandomCrop(size, padding)', albumentations: 'A.RandomCrop(height, width)' },
  positional: ['width', 'height'],
  params: {
    width: dimension({ doc: 'Crop width in pixels.' }),
    height: dimension({ doc: 'Crop height in pixels.' }),
    padding: { ...offset('Pixels added on every side before cropping.'), default: 0 },
    padIfNeeded: boolean({ doc: 'Pad an image smaller than the crop instead of failing.', default: false }),
    border: padOp.params.border,
    fill: padOp.params.fill,
  },
  draw: ({ width, height, padding, padIfNeeded, border, fill }, { random, requireSize }) => {
    const size = requireSize();
    let [top, right, bottom, left] = [padding, padding, padding, padding];
    const shortX = width - (size.width + 2 * padding);
    const shortY = height - (size.height + 2 * padding);
    if (padIfNeeded && shortX > 0) [left, right] = [left + shortX, right + shortX];
    if (padIfNeeded && shortY > 0) [top, bottom] = [top + shortY, bottom + shortY];
    const [W, H] = [size.width + left + right, size.height + top + bottom];
    if (width > W || height > H) {
      throw new AugkitError(
        'INVALID_ARGUMENT',
        `randomCrop of ${width}×${height} does not fit the ${W}×${H} (padded) image: set padIfNeeded, a larger padding or a smaller crop`,
      );
    }
    const ops: AppliedOp[] = [];
    if (top + right + bottom + left > 0) ops.push(applied(padOp, { top, right, bottom, left, border, fill: [...fill] }));
    ops.push(applied(cropOp, { x: random.integer(0, W - width), y: random.integer(0, H - height), width, height }));
    return ops;
  },
});

/**
 * Options of {@link randomCrop}: `padding` (0), `padIfNeeded` (false), `border` ('constant'), `fill` ([0, 0, 0, 0]), `p` (1).
 *
 * @example
 * const options: RandomCropOptions = { padding: 8 }; // with randomCrop(96, 64, options)
 */
export type RandomCropOptions = TransformOptions<typeof randomCropTransform, 'width' | 'height'>;

/**
 * Crops `width`×`height` at a random position (torchvision's RandomCrop); records the pad (if any) and the
 * crop rectangle in pixels.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad size or option; when drawn, for a crop larger than the (padded) image.
 * @example
 * const cifar = compose([randomCrop(32, 32, { padding: 4, border: 'reflect' }), randomFlip()]);
 */
export function randomCrop(width: number, height: number, options?: RandomCropOptions): Transform {
  return createTransform(randomCropTransform, options, { width, height });
}
