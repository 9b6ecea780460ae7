/** Rounds to nearest, ties away from zero, for v >= 0 (exact: no `v + 0.5` carry error). */
// @ts-ignore: decorator
@inline
export function roundHalfUp(v: f64): f64 {
  const r = Math.floor(v);
  return v - r >= 0.5 ? r + 1.0 : r;
}

/** Rounds a blended channel value to a byte (inputs are already within 0..255). */
// @ts-ignore: decorator
@inline
export function toByte(v: f64): u32 {
  const r = roundHalfUp(v);
  return r <= 0.0 ? 0 : r >= 255.0 ? 255 : <u32>r;
}
