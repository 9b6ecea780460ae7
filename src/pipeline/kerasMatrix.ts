import type { AffineMatrix } from '../ops/warpAffine.js';
import { kernels } from '../wasm/kernels.js';

/** One draw of Keras' ImageDataGenerator.get_random_transform (the affine part). */
export interface KerasAffine {
  /** Rotation in degrees. */
  readonly theta: number;
  /** Shift of rows (vertical), in pixels. */
  readonly tx: number;
  /** Shift of columns (horizontal), in pixels. */
  readonly ty: number;
  /** Shear angle in degrees. */
  readonly shear: number;
  /** Zoom of rows and of columns (Keras' inverse map: 0.8 enlarges). */
  readonly zx: number;
  readonly zy: number;
}

/** [cos θ, sin θ] of `degrees`, from the kernels' rotation matrix (no transcendental math in JavaScript). */
function cosSin(degrees: number): [number, number] {
  const at = kernels.affineInverse(degrees, 0, 0, 1, 1);
  const [cos, , sin] = new Float64Array(kernels.memory.buffer, at, 4) as unknown as [number, number, number];
  return [cos, sin];
}

type M3 = [[number, number, number], [number, number, number], [number, number, number]];

function multiply(a: M3, b: M3): M3 {
  const m = (i: number, j: number) => a[i]![0]! * b[0]![j]! + a[i]![1]! * b[1]![j]! + a[i]![2]! * b[2]![j]!;
  return [
    [m(0, 0), m(0, 1), m(0, 2)],
    [m(1, 0), m(1, 1), m(1, 2)],
    [m(2, 0), m(2, 1), m(2, 2)],
  ];
}

/**
 * Keras' `apply_affine_transform` as a warpAffine matrix. Keras composes, in (row, column) coordinates,
 * `M = R·T·Sh·Z` with `R = [[cos θ, −sin θ], [sin θ, cos θ]]`, `T` the shift `(tx, ty)`,
 * `Sh = [[1, −sin s], [0, cos s]]`, `Z = diag(zx, zy)`, moves it to the centre `o` (`M' = O·M·O⁻¹`) and
 * samples the input at `M'·(row, col, 1)`. The centre is the image's, `((h−1)/2, (w−1)/2)`; with
 * `kerasCentre` Keras' own `(h/2 + 0.5, w/2 + 0.5)`. Returned as `[a, b, c, d, e, f]` in (x = col, y = row).
 *
 * @example
 * kerasWarpMatrix({ theta: 0, tx: 0, ty: 0, shear: 0, zx: 1, zy: 1 }, 64, 48, false); // [1, 0, 0, 0, 1, 0]
 */
export function kerasWarpMatrix(p: KerasAffine, width: number, height: number, kerasCentre: boolean): AffineMatrix {
  const [c, s] = cosSin(p.theta);
  const [cs, ss] = cosSin(p.shear);
  const rotation: M3 = [[c, -s, 0], [s, c, 0], [0, 0, 1]];
  const shift: M3 = [[1, 0, p.tx], [0, 1, p.ty], [0, 0, 1]];
  const shear: M3 = [[1, -ss, 0], [0, cs, 0], [0, 0, 1]];
  const zoom: M3 = [[p.zx, 0, 0], [0, p.zy, 0], [0, 0, 1]];
  const [or, oc] = kerasCentre ? [height / 2 + 0.5, width / 2 + 0.5] : [(height - 1) / 2, (width - 1) / 2];
  const offset: M3 = [[1, 0, or], [0, 1, oc], [0, 0, 1]];
  const reset: M3 = [[1, 0, -or], [0, 1, -oc], [0, 0, 1]];
  const m = multiply(multiply(offset, multiply(multiply(multiply(rotation, shift), shear), zoom)), reset);
  // (row, col) → (x, y): sx = col_in = m10·row + m11·col + m12, sy = row_in = m00·row + m01·col + m02
  return [m[1][1], m[1][0], m[1][2], m[0][1], m[0][0], m[0][2]];
}
