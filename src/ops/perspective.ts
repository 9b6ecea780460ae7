import { invalidArgument } from '../errors.js';
import type { AugkitImage, RgbaImage } from '../image.js';
import { checkDimension, checkImage, checkOptions, isFiniteNumber } from '../validate.js';
import { runKernel, type KernelStep } from '../wasm/run.js';
import { FARTHEST_SOURCE } from './affineForm.js';
import { borderParam, checkSampling, fillParam, interpolationParam, type WarpOptions } from './border.js';
import { homographyForward, solveHomography } from './homography.js';
import { defineOp } from './define.js';
import { outputDimension } from './geometryParams.js';

import { param } from './params.js';

/**
 * Four points `[x, y]` in pixel-centre coordinates (the corners of a W×H image are `[0, 0]` … `[W−1, H−1]`).
 *
 * @example
 * const [w, h] = [img.width - 1, img.height - 1];
 * const corners: Quad = [[0, 0], [w, 0], [w, h], [0, h]];
 * const leaning: Quad = [[8, 4], [w - 8, 0], [w, h], [0, h]];
 * const tilted = perspective(img, corners, leaning);
 */
export type Quad = readonly [readonly [number, number], readonly [number, number], readonly [number, number], readonly [number, number]];

/**
 * The options of {@link perspective}: the output `width` and `height` (default: the input's) and the
 * sampling options every warp takes (`interpolation`, `border`, `fill`, `out`).
 *
 * @example
 * const options: PerspectiveOptions = { width: 200, height: 100, border: 'edge' };
 * const rectified = perspective(img, [[34, 20], [410, 52], [398, 260], [20, 230]], [[0, 0], [199, 0], [199, 99], [0, 99]], options);
 */
export interface PerspectiveOptions extends WarpOptions {
  /** Output width (default: the input's). */
  width?: number;
  /** Output height (default: the input's). */
  height?: number;
}

function checkQuad(value: unknown, param: string): Quad {
  const point = (p: unknown) =>
    Array.isArray(p) && p.length === 2 && p.every((v) => isFiniteNumber(v) && Math.abs(v) <= FARTHEST_SOURCE);
  if (!Array.isArray(value) || value.length !== 4 || !value.every(point)) {
    throw invalidArgument(param, 'an array of 4 points [x, y] of finite numbers within ±2^30', value);
  }
  // no three corners on a line (twice the triangle's area, relative to the quad's extent squared)
  const q = value as unknown as Quad;
  const extent = Math.max(...q.flatMap(([x, y]) => [Math.abs(x - q[0][0]), Math.abs(y - q[0][1])]));
  for (let i = 0; i < 4; i++) {
    const [a, b, c] = [q[i]!, q[(i + 1) % 4]!, q[(i + 2) % 4]!];
    const area = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    if (!(Math.abs(area) > 1e-9 * extent * extent)) {
      throw invalidArgument(param, 'four corners of which no three are on one line (degenerate quadrilateral)', value);
    }
  }
  return q;
}

/**
 * The homography the kernel samples with: output (`to`) → source (`from`), h0..h7 with h8 = 1.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming `to` when the system is singular.
 */
function outputToSource(from: Quad, to: Quad): number[] {
  const h = solveHomography(to, from);
  if (!h || !h.every(isFiniteNumber)) {
    throw invalidArgument('to', 'corners that a homography can map onto `from` (the system is singular)', to);
  }
  return h;
}

/**
 * The perspective warp as a kernel step (see src/wasm/run.ts), its arguments validated.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for bad or degenerate corners or a bad option.
 */
export function perspectiveStep(from: Quad, to: Quad, options?: PerspectiveOptions): KernelStep {
  const h = outputToSource(checkQuad(from, 'from'), checkQuad(to, 'to'));
  const checked = checkOptions(options);
  const width = checked.width === undefined ? undefined : checkDimension(checked.width, 'options.width');
  const height = checked.height === undefined ? undefined : checkDimension(checked.height, 'options.height');
  const { border, nearest, fill } = checkSampling(checked);
  const [h0, h1, h2, h3, h4, h5, h6, h7] = h;
  return {
    op: 'perspective',
    outputSize: (sw, sh) => [width ?? sw, height ?? sh],
    // three f64 column tables, computed here: the kernel's usize would wrap for the widest outputs
    scratchBytes: (_k, _sw, _sh, dw) => dw * 24 + 16,
    run: (k, b, sw, sh, dw, dh) =>
      k.warpPerspective(b.src, sw, sh, b.dst, dw, dh, h0!, h1!, h2!, h3!, h4!, h5!, h6!, h7!, border, nearest, fill, b.scratch),
  };
}

/**
 * A perspective (projective) warp: the four source corners `from` land on `to`. The homography mapping
 * `to` → `from` is solved in float64 (8×8 system, partial pivoting); each output pixel samples
 * `sx = (h0·x + h1·y + h2) / (h6·x + h7·y + 1)` (likewise `sy`), bilinear or nearest, neighbours outside
 * following `border`; where the denominator is ≤ 0 (behind the horizon) the output is `fill`, whatever
 * the border. As OpenCV's `getPerspectiveTransform(to, from)` + `warpPerspective(WARP_INVERSE_MAP)`, with
 * exact coordinates; torchvision's corners are pixel corners (0.5 more).
 *
 * @param img - the source image (not modified)
 * @param from - four points of the source, e.g. its corners `[[0, 0], [w−1, 0], [w−1, h−1], [0, h−1]]`
 * @param to - where they land in the output
 * @param options - `width`/`height` (default: the input's), `interpolation` (`'bilinear'`), `border`
 *   (`'constant'`), `fill` (`[0, 0, 0, 0]`), `out`
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, option or `out`, or corners that are not four
 *   finite points or are degenerate; TOO_LARGE when the output exceeds the pixel limit.
 * @example
 * const [w, h] = [img.width - 1, img.height - 1];
 * const tilted = perspective(img, [[0, 0], [w, 0], [w, h], [0, h]], [[8, 4], [w - 8, 0], [w, h], [0, h]]);
 */
export function perspective(img: RgbaImage, from: Quad, to: Quad, options?: PerspectiveOptions): AugkitImage {
  const src = checkImage(img);
  return runKernel(src, perspectiveStep(from, to, options), options?.out);
}

const quadParam = (doc: string) =>
  param<Quad>({
    doc,
    schema: {
      type: 'array',
      minItems: 4,
      maxItems: 4,
      items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number' } },
      'x-expected': 'an array of 4 points [x, y] of finite numbers within ±2^30',
    },
    check: checkQuad,
  });

/**
 * The perspective warp, defined once (see src/ops/define.ts).
 *
 * @example
 * const square = [[0, 0], [9, 0], [9, 9], [0, 9]] as const;
 * perspectiveOp.mapPoint!({ from: square, to: square, interpolation: 'bilinear', border: 'constant', fill: [0, 0, 0, 0] }, 10, 10)(3, 4); // [3, 4]
 */
export const perspectiveOp = defineOp({
  name: 'perspective',
  doc: 'A projective warp: the four source corners `from` land on `to` (homography solved in float64); output pixels behind the horizon take `fill`.',
  example: { from: [[0, 0], [143, 0], [143, 95], [0, 95]], to: [[20, 10], [123, 0], [143, 95], [0, 85]] },
  equivalents: { torchvision: 'F.perspective(img, startpoints, endpoints) (pixel corners)', albumentations: 'A.Perspective' },
  positional: ['from', 'to'],
  params: {
    from: quadParam('Four source points [x, y] (pixel centres).'),
    to: quadParam('Where they land in the output.'),
    width: outputDimension('Output width (default: the input width).'),
    height: outputDimension('Output height (default: the input height).'),
    interpolation: interpolationParam,
    border: borderParam,
    fill: fillParam,
  },
  step: ({ from, to, ...options }) => perspectiveStep(from, to, options),
  caption: () => 'perspective',
  mapPoint: ({ from, to }) => homographyForward(outputToSource(from, to)),
});
