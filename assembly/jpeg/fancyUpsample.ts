// libjpeg's chroma upsampling with do_fancy_upsampling on, its default (libjpeg-turbo src/jdsample.c,
// jinit_upsampler; merged upsampling, jdmerge.c, is only used with fancy upsampling off): a component at
// full size is copied; half width (2h1v) and half width and height (2h2v) take the triangle filter —
// 3/4 of the nearer sample, 1/4 of the further — when it is more than 2 samples wide, else boxes; half
// height alone (1h2v) always the triangle; any other integral ratio boxes (int_upsample). Beyond its
// downsampled size (⌈image size × factor / max factor⌉) a component repeats its last column and row, and
// the row above the first is the first (jdmainct.c's context rows).
import { C_BLOCKS_PER_LINE, C_H, C_PLANE, C_V } from './layout';

/** How a component is upsampled; the binding refuses ratios libjpeg cannot upsample (FRACTIONAL). */
export const FULL: i32 = 0;
export const H2V1_FANCY: i32 = 1;
export const H1V2_FANCY: i32 = 2;
export const H2V2_FANCY: i32 = 3;
export const BOX: i32 = 4;
export const FRACTIONAL: i32 = -1;

/** Which of libjpeg's upsamplers component `c` uses in a frame of `width` samples per line. */
export function upsampler(c: usize, maxH: i32, maxV: i32, width: i32): i32 {
  const h = load<i32>(c, C_H);
  const v = load<i32>(c, C_V);
  const wide = downsampled(width, h, maxH) > 2;
  if (h == maxH && v == maxV) return FULL;
  if (h * 2 == maxH && v == maxV) return wide ? H2V1_FANCY : BOX;
  if (h == maxH && v * 2 == maxV) return H1V2_FANCY;
  if (h * 2 == maxH && v * 2 == maxV) return wide ? H2V2_FANCY : BOX;
  return maxH % h == 0 && maxV % v == 0 ? BOX : FRACTIONAL;
}

/** libjpeg's downsampled_width / _height: ⌈size × factor / max factor⌉. */
@inline
function downsampled(size: i32, factor: i32, maxFactor: i32): i32 {
  return <i32>((<i64>size * factor + maxFactor - 1) / maxFactor);
}

/**
 * The samples of component `c` on output row `y` of a `width`×`height` frame, upsampled by `method`
 * ({@link upsampler}): the plane's own line at full size, else written to `out` (≥ width + 1 bytes).
 */
export function upsampleLine(c: usize, method: i32, maxH: i32, maxV: i32, y: i32, width: i32, height: i32, out: usize): usize {
  const h = load<i32>(c, C_H);
  const v = load<i32>(c, C_V);
  const stride = load<i32>(c, C_BLOCKS_PER_LINE) << 3;
  const plane = <usize>load<i32>(c, C_PLANE);
  if (method == FULL) return plane + <usize>(y * stride);
  const dw = downsampled(width, h, maxH);
  const dh = downsampled(height, v, maxV);
  if (method == BOX) {
    const hx = maxH / h;
    const line = plane + <usize>((y / (maxV / v)) * stride);
    for (let x = 0; x < width; x++) store<u8>(out + <usize>x, load<u8>(line + <usize>(x / hx)));
    return out;
  }
  if (method == H2V1_FANCY) {
    const line = plane + <usize>(y * stride);
    triangle(line, line, out, dw, false);
    return out;
  }
  // vertical triangle: the nearer input row and the one above (even output rows) or below (odd)
  const row = y >> 1;
  const upper = (y & 1) == 0;
  const other = upper ? max(row - 1, 0) : min(row + 1, dh - 1);
  const near = plane + <usize>(row * stride);
  const far = plane + <usize>(other * stride);
  if (method == H1V2_FANCY) {
    const bias = upper ? 1 : 2;
    for (let x = 0; x < width; x++) {
      store<u8>(out + <usize>x, (3 * <i32>load<u8>(near + <usize>x) + <i32>load<u8>(far + <usize>x) + bias) >> 2);
    }
    return out;
  }
  triangle(near, far, out, dw, true);
  return out;
}

/** Column `i` (clamped to 0..dw − 1) of the rows' sums: the near row's sample, or 3 × it plus the far row's. */
@inline
function sumAt(near: usize, far: usize, i: i32, dw: i32, vertical: bool): i32 {
  const at = <usize>min(max(i, 0), dw - 1);
  const n = <i32>load<u8>(near + at);
  return vertical ? 3 * n + <i32>load<u8>(far + at) : n;
}

/** Eight sums from column `at` (the SIMD build). */
@inline
function sums8(near: usize, far: usize, at: usize, vertical: bool): v128 {
  const n = i16x8.extend_low_i8x16_u(v128.load64_zero(near + at));
  if (!vertical) return n;
  return i16x8.add(i16x8.mul(n, i16x8.splat(3)), i16x8.extend_low_i8x16_u(v128.load64_zero(far + at)));
}

/**
 * The horizontal triangle across `dw` sums to 2 · dw samples at `out`: 3/4 of the nearer, 1/4 of the further,
 * with h2v1's rounding (+1, +2, ÷ 4) on single rows, h2v2's (+8, +7, ÷ 16) on `vertical` sums.
 */
function triangle(near: usize, far: usize, out: usize, dw: i32, vertical: bool): void {
  const shift = vertical ? 4 : 2;
  const evenBias = vertical ? 8 : 1;
  const oddBias = vertical ? 7 : 2;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const three = i16x8.splat(3);
    for (i = 1; i + 8 < dw; i += 8) {
      const mid = i16x8.mul(sums8(near, far, <usize>i, vertical), three);
      const even = i16x8.shr_u(i16x8.add(i16x8.add(mid, sums8(near, far, <usize>(i - 1), vertical)), i16x8.splat(<i16>evenBias)), shift);
      const odd = i16x8.shr_u(i16x8.add(i16x8.add(mid, sums8(near, far, <usize>(i + 1), vertical)), i16x8.splat(<i16>oddBias)), shift);
      const bytes = i8x16.narrow_i16x8_u(even, odd);
      v128.store(out + <usize>(2 * i), i8x16.shuffle(bytes, bytes, 0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15));
    }
    scalarTriangle(near, far, out, 0, 1, dw, vertical, shift, evenBias, oddBias);
  }
  scalarTriangle(near, far, out, i, dw, dw, vertical, shift, evenBias, oddBias);
}

@inline
function scalarTriangle(
  near: usize, far: usize, out: usize, from: i32, to: i32, dw: i32, vertical: bool, shift: i32, evenBias: i32, oddBias: i32,
): void {
  for (let i = from; i < to; i++) {
    const mid = 3 * sumAt(near, far, i, dw, vertical);
    store<u8>(out + <usize>(2 * i), (mid + sumAt(near, far, i - 1, dw, vertical) + evenBias) >> shift);
    store<u8>(out + <usize>(2 * i + 1), (mid + sumAt(near, far, i + 1, dw, vertical) + oddBias) >> shift);
  }
}
