// Bilinear blending in fixed point, shared by resize and rotate. Integer arithmetic gives the same
// bytes in the scalar and SIMD builds (and in the plain-TS references) by construction.
//
// A fraction f in [0, 1) becomes the weight w = round(f · 2^14) (see `weight`); then per channel
//
//     top    = (p00 · (2^14 − wx) + p01 · wx + 2^6) >> 7     // 1/128 of a level, at most 32640
//     bottom = (p10 · (2^14 − wx) + p11 · wx + 2^6) >> 7
//     out    = (top · (2^14 − wy) + bottom · wy + 2^20) >> 21 // rounded half up, 0..255
//
// The result is within 0.02 of the exact float64 blend, so it rounds to the exact result or next to
// it (the golden tolerance is 1); weights of 0 and 1/2 are exact, so copies and quarter turns stay exact.

/** 2^14: the fixed-point one of the weights (fits a signed 16-bit lane). */
export const ONE: i32 = 1 << 14;

/** The fixed-point weight of a fraction `f` in [0, 1): round(f · 2^14), an integer 0..16384. */
// @ts-ignore: decorator
@inline
export function weight(f: f64): i32 {
  return <i32>(f * 16384.0 + 0.5);
}

/**
 * A weight pair packed for `i32x4.dot_i16x8_s` against channel pairs (c at x0, c at x1):
 * low half 2^14 − w, high half w.
 */
// @ts-ignore: decorator
@inline
export function weightPair(w: i32): i32 {
  return (w << 16) | (ONE - w);
}

/** One channel blended along a row, in 1/128 of a level. */
// @ts-ignore: decorator
@inline
export function lerpRow(a: u32, b: u32, wx: i32): i32 {
  return (<i32>a * (ONE - wx) + <i32>b * wx + 64) >> 7;
}

/** Two row blends (1/128 units) blended down a column, rounded to a byte. */
// @ts-ignore: decorator
@inline
export function lerpColumn(top: i32, bottom: i32, wy: i32): u32 {
  return <u32>((top * (ONE - wy) + bottom * wy + (1 << 20)) >> 21);
}

/** Scalar bilinear blend of four packed RGBA pixels (little-endian u32), each channel independently. */
// @ts-ignore: decorator
@inline
export function blend(p00: u32, p01: u32, p10: u32, p11: u32, wx: i32, wy: i32): u32 {
  let out: u32 = 0;
  for (let shift: u32 = 0; shift < 32; shift += 8) {
    const top = lerpRow((p00 >>> shift) & 0xff, (p01 >>> shift) & 0xff, wx);
    const bottom = lerpRow((p10 >>> shift) & 0xff, (p11 >>> shift) & 0xff, wx);
    out |= lerpColumn(top, bottom, wy) << shift;
  }
  return out;
}

/**
 * The constant vectors of the SIMD blend, in memory: engines rebuild a v128.const at every use inside
 * a loop (several instructions each), but keep a vector loaded once before the loop in a register.
 * Load them with `blendConstant` outside hot loops and pass them in.
 */
const CONSTANTS = memory.data<u8>([
  // PAIR_LOW: bytes 0..7 (two pixels) as u16 channel pairs [r0 r1 g0 g1 b0 b1 a0 a1]; indices >= 16 give 0
  0, 16, 4, 16, 1, 16, 5, 16, 2, 16, 6, 16, 3, 16, 7, 16,
  // PAIR_HIGH: the same for bytes 8..15
  8, 16, 12, 16, 9, 16, 13, 16, 10, 16, 14, 16, 11, 16, 15, 16,
  // ROW_ROUND: i32x4.splat(64)
  64, 0, 0, 0, 64, 0, 0, 0, 64, 0, 0, 0, 64, 0, 0, 0,
  // COLUMN_ROUND: i32x4.splat(1 << 20)
  0, 0, 16, 0, 0, 0, 16, 0, 0, 0, 16, 0, 0, 0, 16, 0,
], 16);

/** One of the blend's constant vectors, loaded from memory (see CONSTANTS). */
// @ts-ignore: decorator
@inline
export function blendConstant(index: i32): v128 {
  return v128.load(CONSTANTS + (<usize>index << 4));
}
export const PAIR_LOW = 0;
export const PAIR_HIGH = 1;
export const ROW_ROUND = 2;
export const COLUMN_ROUND = 3;

/** `lerpRow` on four channels at once: channel pairs · weight pair, in 1/128 of a level (i32x4). */
// @ts-ignore: decorator
@inline
export function lerpRowV(pairs: v128, weights: v128, rowRound: v128): v128 {
  return i32x4.shr_s(i32x4.add(i32x4.dot_i16x8_s(pairs, weights), rowRound), 7);
}

/** `lerpColumn` on the channel pairs [top bottom] of one pixel (i16 lanes), as i32x4 bytes 0..255. */
// @ts-ignore: decorator
@inline
export function lerpColumnV(pairs: v128, weights: v128, columnRound: v128): v128 {
  return i32x4.shr_s(i32x4.add(i32x4.dot_i16x8_s(pairs, weights), columnRound), 21);
}

/**
 * SIMD bilinear blend of the 2×2 neighbourhood `v` = [p00 p01 p10 p11] (16 bytes: two pixels of the
 * upper row, then two of the lower), with the weights as splatted weightPairs. Same arithmetic as
 * `blend`; returns the four channels as i32x4 (0..255). The last four arguments are the
 * blendConstant vectors PAIR_LOW, PAIR_HIGH, ROW_ROUND, COLUMN_ROUND.
 */
// @ts-ignore: decorator
@inline
export function blendWordsV(
  v: v128, horizontal: v128, vertical: v128, pairLow: v128, pairHigh: v128, rowRound: v128, columnRound: v128,
): v128 {
  const top = lerpRowV(i8x16.swizzle(v, pairLow), horizontal, rowRound);
  const bottom = lerpRowV(i8x16.swizzle(v, pairHigh), horizontal, rowRound);
  // [top.r bottom.r top.g bottom.g ...] as i16, then down the column
  const rows = i16x8.narrow_i32x4_s(top, bottom);
  return lerpColumnV(i16x8.shuffle(rows, rows, 0, 4, 1, 5, 2, 6, 3, 7), vertical, columnRound);
}
