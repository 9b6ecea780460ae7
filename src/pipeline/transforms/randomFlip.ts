import { flipHorizontalOp, flipVerticalOp } from '../../ops/flip.js';
import { probability } from '../../ops/params.js';
import type { AppliedOp } from '../catalogue.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random flip, defined once (see src/pipeline/defineTransform.ts).
 *
 * @example
 * randomFlipTransform.params.horizontal.default; // 0.5
 */
export const randomFlipTransform = defineTransform({
  name: 'randomFlip',
  doc: 'Mirrors left-right with probability `horizontal` and top-bottom with probability `vertical` (drawn independently).',
  example: { horizontal: 1 },
  equivalents: { keras: 'layers.RandomFlip(mode)', torchvision: 'v2.RandomHorizontalFlip(p), v2.RandomVerticalFlip(p)', albumentations: 'A.HorizontalFlip(p), A.VerticalFlip(p)' },
  params: {
    horizontal: probability({ doc: 'Probability of a horizontal (left-right) flip.', default: 0.5 }),
    vertical: probability({ doc: 'Probability of a vertical (top-bottom) flip: off unless asked.', default: 0 }),
  },
  draw: ({ horizontal, vertical }, { random }) => {
    const flipH = random.chance(horizontal);
    const flipV = random.chance(vertical);
    const ops: AppliedOp[] = [];
    if (flipH) ops.push(applied(flipHorizontalOp, {}));
    if (flipV) ops.push(applied(flipVerticalOp, {}));
    return ops;
  },
});

/**
 * Options of {@link randomFlip}: `horizontal` (0.5), `vertical` (0), `p` (1).
 *
 * @example
 * const options: RandomFlipOptions = { horizontal: 1 };
 */
export type RandomFlipOptions = TransformOptions<typeof randomFlipTransform>;

/**
 * Flips left-right with probability `horizontal` and top-bottom with probability `vertical`, drawn independently.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const { image, applied } = randomFlip({ horizontal: 0.5 })(img, { seed: 1 });
 */
export function randomFlip(options?: RandomFlipOptions): Transform {
  return createTransform(randomFlipTransform, options);
}
