import { cropOp, type Rect } from '../../ops/crop.js';
import { boolean, dimension, range } from '../../ops/params.js';
import { resizeOp } from '../../ops/resize.js';
import { drawSides, logRange, roundHalfAway } from '../areaRatio.js';
import type { AppliedOp } from '../catalogue.js';
import { applied, defineTransform, type Size, type TransformOptions } from '../defineTransform.js';
import type { SeedStream } from '../seed.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * torchvision's RandomResizedCrop.get_params, seeded: up to 10 attempts of area `W·H·U(scale)` and aspect
 * ratio `exp(U(ln ratio))` (ln and exp in WebAssembly), sides `round(√(A·r))` × `round(√(A/r))`, accepted
 * when inside the image, then `x ~ U{0..W−w}`, `y ~ U{0..H−h}`; otherwise the centre crop with the image's
 * ratio clamped into `ratio`.
 */
function resizedCropRect(random: SeedStream, size: Size, scale: readonly [number, number], ratio: readonly [number, number]): Rect {
  const { width: W, height: H } = size;
  const area = W * H;
  const logRatio = logRange(ratio);
  for (let attempt = 0; attempt < 10; attempt++) {
    const [w, h] = drawSides(random, area, scale, logRatio);
    if (w > 0 && w <= W && h > 0 && h <= H) return { x: random.integer(0, W - w), y: random.integer(0, H - h), width: w, height: h };
  }
  const imageRatio = W / H;
  let [w, h] = [W, H];
  if (imageRatio < ratio[0]) h = Math.max(1, Math.min(H, roundHalfAway(W / ratio[0])));
  else if (imageRatio > ratio[1]) w = Math.max(1, Math.min(W, roundHalfAway(H * ratio[1])));
  return { x: Math.floor((W - w) / 2), y: Math.floor((H - h) / 2), width: w, height: h };
}

/**
 * The random resized crop, defined once (see src/pipeline/defineTransform.ts): records a `crop` (the drawn
 * rectangle in pixels) and a `resize` to width × height.
 *
 * @example
 * randomResizedCrop(224, 224).draw(7, { width: 640, height: 480 }).map((op) => op.op); // ['crop', 'resize']
 */
export const randomResizedCropTransform = defineTransform({
  name: 'randomResizedCrop',
  doc: "torchvision's RandomResizedCrop, seeded: a crop of random area (`scale`, fraction of the image) and aspect ratio (`ratio`, log-uniform), resized to width × height.",
  example: { width: 96, height: 96 },
  equivalents: { torchvision: 'v2.RandomResizedCrop(size, scale, ratio)', albumentations: 'A.RandomResizedCrop' },
  positional: ['width', 'height'],
  params: {
    width: dimension({ doc: 'Output width in pixels.' }),
    height: dimension({ doc: 'Output height in pixels.' }),
    scale: range({ doc: 'Range of the crop area as a fraction of the image area.', min: 0, max: 1, default: [0.08, 1] }),
    ratio: range({ doc: 'Range of the crop aspect ratio width / height (drawn log-uniformly), both > 0.', min: 0.001, max: 1000, default: [3 / 4, 4 / 3] }),
    antialias: boolean({ doc: 'Widen the resize filter when shrinking (Pillow BILINEAR, as torchvision).', default: true }),
  },
  draw: ({ width, height, scale, ratio, antialias }, { random, requireSize }): AppliedOp[] => {
    const rect = resizedCropRect(random, requireSize(), scale, ratio);
    return [applied(cropOp, rect), applied(resizeOp, { width, height, antialias })];
  },
});

/**
 * Options of {@link randomResizedCrop}: `scale` ([0.08, 1]), `ratio` ([3/4, 4/3]), `antialias` (true), `p` (1).
 *
 * @example
 * const options: RandomResizedCropOptions = { scale: [0.08, 1], ratio: [3 / 4, 4 / 3] }; // with randomResizedCrop(224, 224, options)
 */
export type RandomResizedCropOptions = TransformOptions<typeof randomResizedCropTransform, 'width' | 'height'>;

/**
 * A crop of random area and aspect ratio, resized to `width`×`height` (torchvision's RandomResizedCrop,
 * seeded); records the crop rectangle in pixels and the resize.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad size or option.
 * @example
 * const imagenet = compose([randomResizedCrop(224, 224), randomFlip()]);
 */
export function randomResizedCrop(width: number, height: number, options?: RandomResizedCropOptions): Transform {
  return createTransform(randomResizedCropTransform, options, { width, height });
}
