// The angles and matrices of the affine family (rotate, affine), with the trigonometry inside
// WebAssembly so every engine computes the same bits (DESIGN-ops.md, "Geometric ops").

/** cos and sin of the angle last given to setAngle. */
export let cosine: f64 = 1.0;
export let sine: f64 = 0.0;

/** Sets cosine and sine for `degrees` reduced modulo 360; the four quarter turns are exact. */
export function setAngle(degrees: f64): void {
  let d = degrees % 360.0;
  if (d < 0.0) d += 360.0;
  if (d >= 360.0) d -= 360.0;
  if (d == 0.0) { cosine = 1.0; sine = 0.0; }
  else if (d == 90.0) { cosine = 0.0; sine = 1.0; }
  else if (d == 180.0) { cosine = -1.0; sine = 0.0; }
  else if (d == 270.0) { cosine = 0.0; sine = -1.0; }
  else {
    const t = d * Math.PI / 180.0;
    cosine = Math.cos(t);
    sine = Math.sin(t);
  }
}

/** The output→source 2×2 matrix of the last affineInverse call: [i00, i01, i10, i11]. */
const INVERSE = memory.data(32, 8);

/**
 * The inverse of M = R·Sh·S for `affine` (R the rotation by `degrees`, Sh = [[1, 0], [ky, 1]]·[[1, kx], [0, 1]]
 * with kx = tan(shearX°), ky = tan(shearY°), S = diag(scaleX, scaleY)), built in float64 in the order
 * DESIGN-ops.md gives; with scale 1 and no shear it is Rᵀ, rotate's own coefficients. Writes
 * [i00, i01, i10, i11] (f64) to static memory and returns their address.
 */
export function affineInverse(degrees: f64, shearX: f64, shearY: f64, scaleX: f64, scaleY: f64): usize {
  setAngle(degrees);
  const c = cosine;
  const s = sine;
  if (scaleX == 1.0 && scaleY == 1.0 && shearX == 0.0 && shearY == 0.0) {
    store<f64>(INVERSE, c);
    store<f64>(INVERSE, -s, 8);
    store<f64>(INVERSE, s, 16);
    store<f64>(INVERSE, c, 24);
    return INVERSE;
  }
  const kx = Math.tan(shearX * Math.PI / 180.0);
  const ky = Math.tan(shearY * Math.PI / 180.0);
  const sh11 = ky * kx + 1.0;
  const r00 = c * 1.0 + s * ky;
  const r01 = c * kx + s * sh11;
  const r10 = -s * 1.0 + c * ky;
  const r11 = -s * kx + c * sh11;
  const m00 = r00 * scaleX;
  const m01 = r01 * scaleY;
  const m10 = r10 * scaleX;
  const m11 = r11 * scaleY;
  const det = m00 * m11 - m01 * m10;
  store<f64>(INVERSE, m11 / det);
  store<f64>(INVERSE, -m01 / det, 8);
  store<f64>(INVERSE, -m10 / det, 16);
  store<f64>(INVERSE, m00 / det, 24);
  return INVERSE;
}
