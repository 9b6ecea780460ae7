import { number } from '../../ops/params.js';
import { perspectiveOp, type Quad } from '../../ops/perspective.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random perspective, defined once (see src/pipeline/defineTransform.ts): records a `perspective` op
 * with the image's corners and where they were drawn to land.
 *
 * @example
 * randomPerspective({ distortion: 0.3 }).draw(2, { width: 64, height: 48 })[0]!.op; // 'perspective'
 */
export const randomPerspectiveTransform = defineTransform({
  name: 'randomPerspective',
  doc: "torchvision's RandomPerspective scheme: each corner moves inwards by integers drawn from U{0..⌊distortion·W/2⌋} (x) and U{0..⌊distortion·H/2⌋} (y), top-left, top-right, bottom-right, bottom-left.",
  example: { distortion: 0.5 },
  equivalents: { torchvision: 'v2.RandomPerspective(distortion_scale)', albumentations: 'A.Perspective' },
  params: {
    distortion: number({ doc: 'How far corners may move, as a fraction of half the width / height (0..1).', min: 0, max: 1, default: 0.5 }),
    interpolation: perspectiveOp.params.interpolation,
    border: perspectiveOp.params.border,
    fill: perspectiveOp.params.fill,
  },
  draw: ({ distortion, interpolation, border, fill }, { random, requireSize }) => {
    const { width, height } = requireSize();
    const [dx, dy] = [Math.floor((distortion * width) / 2), Math.floor((distortion * height) / 2)];
    const [r, b] = [width - 1, height - 1];
    const move = () => [random.integer(0, dx), random.integer(0, dy)] as const;
    const [tl, tr, br, bl] = [move(), move(), move(), move()];
    const from: Quad = [[0, 0], [r, 0], [r, b], [0, b]];
    const to: Quad = [[tl[0], tl[1]], [r - tr[0], tr[1]], [r - br[0], b - br[1]], [bl[0], b - bl[1]]];
    return [applied(perspectiveOp, { from, to, interpolation, border, fill: [...fill] })];
  },
});

/**
 * Options of {@link randomPerspective}: `distortion` (0.5), `interpolation`, `border`, `fill`, `p` (1; torchvision's default is 0.5).
 *
 * @example
 * const options: RandomPerspectiveOptions = { distortion: 0.5 };
 */
export type RandomPerspectiveOptions = TransformOptions<typeof randomPerspectiveTransform>;

/**
 * A random perspective warp (torchvision's RandomPerspective scheme); records the concrete corners.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const tilt = randomPerspective({ distortion: 0.3, p: 0.5 });
 */
export function randomPerspective(options?: RandomPerspectiveOptions): Transform {
  return createTransform(randomPerspectiveTransform, options);
}
