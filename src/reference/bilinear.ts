// Plain-TypeScript statement of the fixed-point bilinear blend of assembly/geometry/bilinear.ts,
// shared by the resize and rotate references. Integer arithmetic: exact in JavaScript numbers.

/** 2^14, the fixed-point one of the weights. */
export const ONE = 1 << 14;

/** The weight of a fraction f in [0, 1): round(f · 2^14), computed as the kernel does (trunc of f·2^14 + 0.5). */
export function weight(f: number): number {
  return Math.trunc(f * 16384 + 0.5);
}

/**
 * One channel of the 2×2 neighbourhood p00 p01 (upper row) p10 p11 (lower row) with fixed-point
 * weights wx, wy: rows blended to 1/128 of a level (rounded half up), then the column, rounded half up.
 */
export function blendChannel(p00: number, p01: number, p10: number, p11: number, wx: number, wy: number): number {
  const top = (p00 * (ONE - wx) + p01 * wx + 64) >> 7;
  const bottom = (p10 * (ONE - wx) + p11 * wx + 64) >> 7;
  return (top * (ONE - wy) + bottom * wy + (1 << 20)) >> 21;
}
