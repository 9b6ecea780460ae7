import { invalidArgument } from '../errors.js';
import type { KernelStep } from '../wasm/run.js';
import type { Sampling } from './border.js';
import type { PointMap } from './define.js';

/**
 * The coefficients of the affine warp kernel (assembly/geometry/warp.ts): per output pixel (x, y), with
 * u = (x − ox) − tx and v = (y − oy) − ty, the source position is
 * sx = ((cx + m00·u) + m01·v) + c0, sy = ((cy + m10·u) + m11·v) + c1, in float64, in that order.
 */
export interface AffineForm {
  readonly ox: number;
  readonly oy: number;
  readonly tx: number;
  readonly ty: number;
  readonly cx: number;
  readonly cy: number;
  readonly m00: number;
  readonly m01: number;
  readonly m10: number;
  readonly m11: number;
  readonly c0: number;
  readonly c1: number;
}

/** How far from the image a source position may be: the kernels index pixels with 32-bit integers. */
export const FARTHEST_SOURCE = 2 ** 30;

/** The source position of output pixel (x, y) under `f`, as the kernel computes it. */
export function affineSource(f: AffineForm, x: number, y: number): [number, number] {
  const u = x - f.ox - f.tx;
  const v = y - f.oy - f.ty;
  return [f.cx + f.m00 * u + f.m01 * v + f.c0, f.cy + f.m10 * u + f.m11 * v + f.c1];
}

/**
 * The forward map of `f`: where source point (x, y) lands in the output, the exact inverse of
 * {@link affineSource} (so a geometric op's `mapPoint` comes from the very coefficients its kernel runs).
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming `matrix` for a singular map (which no point can be mapped through).
 * @example
 * affineForward({ ox: 0, oy: 0, tx: 0, ty: 0, cx: 0, cy: 0, m00: 1, m01: 0, m10: 0, m11: 1, c0: -10, c1: -5 })(0, 0); // [10, 5]
 */
export function affineForward(f: AffineForm): PointMap {
  const det = f.m00 * f.m11 - f.m01 * f.m10;
  if (!(det !== 0 && Number.isFinite(det))) {
    throw invalidArgument('matrix', 'an invertible map (determinant ≠ 0) to map points forward', [f.m00, f.m01, f.m10, f.m11]);
  }
  return (x, y) => {
    const a = x - f.cx - f.c0;
    const b = y - f.cy - f.c1;
    return [(f.m11 * a - f.m01 * b) / det + f.tx + f.ox, (f.m00 * b - f.m10 * a) / det + f.ty + f.oy];
  };
}

/**
 * Throws INVALID_ARGUMENT naming `param` unless every output pixel of a dw×dh output maps to a finite
 * source position within ±2^30 (an affine map reaches its extremes at the corners).
 */
function checkReach(f: AffineForm, dw: number, dh: number, param: string, value: unknown): void {
  for (const [x, y] of [[0, 0], [dw - 1, 0], [0, dh - 1], [dw - 1, dh - 1]] as const) {
    const [sx, sy] = affineSource(f, x, y);
    if (!(Math.abs(sx) <= FARTHEST_SOURCE && Math.abs(sy) <= FARTHEST_SOURCE)) {
      throw invalidArgument(param, `a map whose source positions stay finite and within ±2^30 px (output pixel (${x}, ${y}) maps to (${sx}, ${sy}))`, value);
    }
  }
}

/**
 * A kernel step running the affine warp kernel with the coefficients `form(sw, sh, dw, dh)` and output
 * size `outputSize(sw, sh)`; `param`/`value` name what an out-of-reach map is blamed on.
 */
export function affineFormStep(
  op: string,
  form: (sw: number, sh: number, dw: number, dh: number) => AffineForm,
  outputSize: (sw: number, sh: number) => readonly [number, number],
  sampling: Sampling,
  param: string,
  value: unknown,
): KernelStep {
  const { border, nearest, fill } = sampling;
  return {
    op,
    outputSize: (sw, sh) => {
      const [dw, dh] = outputSize(sw, sh);
      checkReach(form(sw, sh, dw, dh), dw, dh, param, value);
      return [dw, dh];
    },
    // two f64 column tables, computed here: the kernel's usize would wrap for the widest outputs
    scratchBytes: (_k, _sw, _sh, dw) => dw * 16 + 16,
    run: (k, b, sw, sh, dw, dh) => {
      const f = form(sw, sh, dw, dh);
      k.warpAffine(
        b.src, sw, sh, b.dst, dw, dh, f.ox, f.oy, f.tx, f.ty, f.cx, f.cy, f.m00, f.m01, f.m10, f.m11, f.c0, f.c1,
        border, nearest, fill, b.scratch,
      );
    },
  };
}
