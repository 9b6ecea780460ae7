import type { PointMap } from './define.js';
import type { Quad } from './perspective.js';

/**
 * The homography h0..h7 (h8 = 1) mapping each point of `a` to the same-index point of `b`: for each
 * pair (x, y) → (X, Y) the rows `[x, y, 1, 0, 0, 0, −X·x, −X·y]·h = X` and
 * `[0, 0, 0, x, y, 1, −Y·x, −Y·y]·h = Y`, solved in float64 by Gaussian elimination with partial
 * pivoting. Undefined when the system is singular. Only + − × ÷: the same bits in every engine.
 */
export function solveHomography(a: Quad, b: Quad): number[] | undefined {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = a[i]!;
    const [X, Y] = b[i]!;
    rows.push([x, y, 1, 0, 0, 0, -X * x, -X * y, X]);
    rows.push([0, 0, 0, x, y, 1, -Y * x, -Y * y, Y]);
  }
  for (let k = 0; k < 8; k++) {
    let pivot = k;
    for (let i = k + 1; i < 8; i++) if (Math.abs(rows[i]![k]!) > Math.abs(rows[pivot]![k]!)) pivot = i;
    if (rows[pivot]![k] === 0) return undefined;
    [rows[k], rows[pivot]] = [rows[pivot]!, rows[k]!];
    const r = rows[k]!;
    for (let i = k + 1; i < 8; i++) {
      const row = rows[i]!;
      const factor = row[k]! / r[k]!;
      for (let j = k; j < 9; j++) row[j]! -= factor * r[j]!;
    }
  }
  const h = new Array<number>(8).fill(0);
  for (let i = 7; i >= 0; i--) {
    let sum = rows[i]![8]!;
    for (let j = i + 1; j < 8; j++) sum -= rows[i]![j]! * h[j]!;
    h[i] = sum / rows[i]![i]!;
  }
  return h;
}

/**
 * The forward map of the output → source homography `h` (h0..h7, h8 = 1): where source point (x, y)
 * lands, through the adjugate of the 3×3 matrix (the inverse up to a scale, which the division cancels).
 * A point on the horizon maps to ±Infinity or NaN.
 *
 * @example
 * homographyForward([1, 0, -10, 0, 1, -5, 0, 0])(0, 0); // [10, 5]
 */
export function homographyForward(h: readonly number[]): PointMap {
  const [h0, h1, h2, h3, h4, h5, h6, h7] = h as [number, number, number, number, number, number, number, number];
  const [a00, a01, a02] = [h4 - h5 * h7, h2 * h7 - h1, h1 * h5 - h2 * h4];
  const [a10, a11, a12] = [h5 * h6 - h3, h0 - h2 * h6, h2 * h3 - h0 * h5];
  const [a20, a21, a22] = [h3 * h7 - h4 * h6, h1 * h6 - h0 * h7, h0 * h4 - h1 * h3];
  return (x, y) => {
    const w = a20 * x + a21 * y + a22;
    return [(a00 * x + a01 * y + a02) / w, (a10 * x + a11 * y + a12) / w];
  };
}
