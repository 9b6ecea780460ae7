import { invalidArgument } from '../errors.js';
import type { AugkitImage, RgbaImage } from '../image.js';
import { checkDimension, checkImage, checkOptions, isFiniteNumber } from '../validate.js';
import { runKernel, type KernelStep } from '../wasm/run.js';
import { affineForward, affineFormStep, type AffineForm } from './affineForm.js';
import { borderParam, checkSampling, fillParam, interpolationParam, type WarpOptions } from './border.js';
import { defineOp } from './define.js';
import { outputDimension } from './geometryParams.js';

import { param } from './params.js';

/**
 * An output → source affine matrix `[a, b, c, d, e, f]`: `sx = (a·x + b·y) + c`, `sy = (d·x + e·y) + f`.
 *
 * @example
 * const shiftRight: AffineMatrix = [1, 0, -10, 0, 1, 0]; // output x reads source x − 10: content moves 10 px right
 * const moved = warpAffine(img, shiftRight, { border: 'edge' });
 */
export type AffineMatrix = readonly [number, number, number, number, number, number];

/**
 * The options of {@link warpAffine}: the output `width` and `height` (default: the input's) and the
 * sampling options every warp takes (`interpolation`, `border`, `fill`, `out`).
 *
 * @example
 * const options: WarpAffineOptions = { width: 320, height: 240, interpolation: 'nearest', border: 'wrap' };
 * const half = warpAffine(img, [2, 0, 0.5, 0, 2, 0.5], options); // a 640×480 image at half size
 */
export interface WarpAffineOptions extends WarpOptions {
  /** Output width (default: the input's). */
  width?: number;
  /** Output height (default: the input's). */
  height?: number;
}

function checkMatrix(value: unknown): AffineMatrix {
  if (!Array.isArray(value) || value.length !== 6 || !value.every(isFiniteNumber)) {
    throw invalidArgument('matrix', 'an array of 6 finite numbers [a, b, c, d, e, f]', value);
  }
  return [value[0], value[1], value[2], value[3], value[4], value[5]];
}

/** The warp kernel's coefficients for `matrix` (no centring: the matrix is used as it stands). */
const matrixForm = ([a, b, c, d, e, f]: AffineMatrix): AffineForm => ({ ox: 0, oy: 0, tx: 0, ty: 0, cx: 0, cy: 0, m00: a, m01: b, m10: d, m11: e, c0: c, c1: f });

/**
 * The affine warp as a kernel step (see src/wasm/run.ts), its arguments validated.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad matrix or option (also, when the step runs, for a matrix
 *   mapping some output pixel more than 2^30 px away).
 */
export function warpAffineStep(matrix: AffineMatrix, options?: WarpAffineOptions): KernelStep {
  const form = matrixForm(checkMatrix(matrix));
  const checked = checkOptions(options);
  const width = checked.width === undefined ? undefined : checkDimension(checked.width, 'options.width');
  const height = checked.height === undefined ? undefined : checkDimension(checked.height, 'options.height');
  return affineFormStep(
    'warpAffine',
    () => form,
    (sw, sh) => [width ?? sw, height ?? sh],
    checkSampling(checked),
    'matrix',
    matrix,
  );
}

/**
 * Warps by an affine matrix that maps each **output** pixel (x, y) to its **source** position
 * `sx = (a·x + b·y) + c`, `sy = (d·x + e·y) + f` (float64, as OpenCV's `warpAffine` with
 * `WARP_INVERSE_MAP`, but with exact coordinates), sampled bilinearly (fixed-point blend within ±1 of the
 * float64 result) or at the nearest pixel; neighbours outside the source follow `border`.
 * `[1, 0, 0, 0, 1, 0]` is an exact copy.
 *
 * @param img - the source image (not modified)
 * @param matrix - `[a, b, c, d, e, f]`, finite numbers
 * @param options - `width`/`height` (default: the input's), `interpolation` (default `'bilinear'`),
 *   `border` (default `'constant'`), `fill` (default `[0, 0, 0, 0]`), `out`
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, matrix, option or `out`, or a matrix mapping an
 *   output pixel more than 2^30 px away; TOO_LARGE when the output exceeds the pixel limit.
 * @example
 * // shift 10 px right and 5 px down, the uncovered area mirrored
 * const moved = warpAffine(img, [1, 0, -10, 0, 1, -5], { border: 'reflect' });
 */
export function warpAffine(img: RgbaImage, matrix: AffineMatrix, options?: WarpAffineOptions): AugkitImage {
  const src = checkImage(img);
  return runKernel(src, warpAffineStep(matrix, options), options?.out);
}

/**
 * The affine warp, defined once (see src/ops/define.ts).
 *
 * @example
 * warpAffineOp.mapPoint!({ matrix: [1, 0, -10, 0, 1, -5], interpolation: 'bilinear', border: 'constant', fill: [0, 0, 0, 0] }, 64, 48)(0, 0); // [10, 5]
 */
export const warpAffineOp = defineOp({
  name: 'warpAffine',
  doc: 'Warps by a matrix [a, b, c, d, e, f] mapping each output pixel to its source: sx = (a·x + b·y) + c, sy = (d·x + e·y) + f (float64); neighbours outside follow `border`.',
  example: { matrix: [1, 0.3, -14, 0, 1, 0], border: 'wrap' },
  positional: ['matrix'],
  params: {
    matrix: param<AffineMatrix>({
      doc: 'The output → source matrix [a, b, c, d, e, f].',
      schema: { type: 'array', minItems: 6, maxItems: 6, items: { type: 'number' }, 'x-expected': 'an array of 6 finite numbers [a, b, c, d, e, f]' },
      check: (value, name) => {
        if (!Array.isArray(value) || value.length !== 6 || !value.every(isFiniteNumber)) {
          throw invalidArgument(name, 'an array of 6 finite numbers [a, b, c, d, e, f]', value);
        }
        return [value[0], value[1], value[2], value[3], value[4], value[5]];
      },
    }),
    width: outputDimension('Output width (default: the input width).'),
    height: outputDimension('Output height (default: the input height).'),
    interpolation: interpolationParam,
    border: borderParam,
    fill: fillParam,
  },
  step: ({ matrix, ...options }) => warpAffineStep(matrix, options),
  caption: ({ matrix }) => `warp [${matrix.map((v) => Number(v.toFixed(2))).join(' ')}]`,
  mapPoint: ({ matrix }) => affineForward(matrixForm(matrix)),
});
