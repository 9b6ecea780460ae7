import { toByte } from '../rounding';

// @ts-ignore: decorator
@inline
function channel(word: u32, shift: u32): f64 {
  return <f64>((word >>> shift) & 0xff);
}

/**
 * Bilinear blend of four RGBA pixels (packed little-endian u32), each channel independently in
 * float64: `top = p00(1-fx) + p01 fx`, `bottom = p10(1-fx) + p11 fx`, `out = top(1-fy) + bottom fy`,
 * rounded half away from zero.
 */
// @ts-ignore: decorator
@inline
export function blend(p00: u32, p01: u32, p10: u32, p11: u32, fx: f64, fy: f64): u32 {
  const gx = 1.0 - fx;
  const gy = 1.0 - fy;
  let out: u32 = 0;
  for (let shift: u32 = 0; shift < 32; shift += 8) {
    const top = channel(p00, shift) * gx + channel(p01, shift) * fx;
    const bottom = channel(p10, shift) * gx + channel(p11, shift) * fx;
    out |= toByte(top * gy + bottom * fy) << shift;
  }
  return out;
}
