import { eraseOp } from '../../ops/erase.js';
import { range } from '../../ops/params.js';
import { drawSides, logRange } from '../areaRatio.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * Random erasing, defined once (see src/pipeline/defineTransform.ts): torchvision's RandomErasing.get_params,
 * seeded — up to 10 attempts of area `W·H·U(scale)` and ratio `r = exp(U(ln ratio))` (ln and exp in
 * WebAssembly), height `round(√(A·r))` and width `round(√(A/r))`, accepted when `h < H` and `w < W`, then
 * `y ~ U{0..H−h}`, `x ~ U{0..W−w}` (and a noise seed for `'noise'`). Records one `erase`, or nothing when no
 * attempt fits (as torchvision, which then returns the image).
 *
 * @example
 * randomErasing().draw(3, { width: 64, height: 48 })[0]?.op; // 'erase'
 */
export const randomErasingTransform = defineTransform({
  name: 'randomErasing',
  doc: "torchvision's RandomErasing, seeded: a rectangle of random area (`scale`, fraction of the image) and aspect ratio (`ratio` = height / width, log-uniform) set to `value`; nothing when 10 attempts do not fit.",
  example: { scale: [0.1, 0.2], value: [127, 127, 127] },
  equivalents: { torchvision: 'RandomErasing', albumentations: '≈ CoarseDropout' },
  params: {
    scale: range({ doc: 'Range of the erased area as a fraction of the image area.', min: 0, max: 1, default: [0.02, 0.33] }),
    ratio: range({ doc: "Range of the rectangle's aspect ratio height / width (drawn log-uniformly), both > 0.", min: 0.001, max: 1000, default: [0.3, 3.3] }),
    value: eraseOp.params.value,
  },
  draw: ({ scale, ratio, value }, { random, requireSize }) => {
    const { width: W, height: H } = requireSize();
    const logRatio = logRange(ratio);
    for (let attempt = 0; attempt < 10; attempt++) {
      const [h, w] = drawSides(random, W * H, scale, logRatio);
      if (!(h < H && w < W)) continue;
      const y = random.integer(0, H - h);
      const x = random.integer(0, W - w);
      const seed = value === 'noise' ? random.nextSeed() : 0;
      const fill = value === 'noise' ? value : ([...value] as unknown as typeof value);
      return [applied(eraseOp, { x, y, width: w, height: h, value: fill, seed })];
    }
    return [];
  },
});

/**
 * Options of {@link randomErasing}: `scale` ([0.02, 0.33]), `ratio` ([0.3, 3.3]), `value` ([0, 0, 0]), `p` (1; torchvision's RandomErasing defaults to 0.5).
 *
 * @example
 * const options: RandomErasingOptions = { scale: [0.1, 0.2], value: [127, 127, 127] };
 */
export type RandomErasingOptions = TransformOptions<typeof randomErasingTransform>;

/**
 * Erases a rectangle of random area and aspect ratio (torchvision's RandomErasing, seeded); records the
 * rectangle in pixels, the value and the noise seed.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const occlude = randomErasing({ value: 'noise', p: 0.5 });
 */
export function randomErasing(options?: RandomErasingOptions): Transform {
  return createTransform(randomErasingTransform, options);
}
