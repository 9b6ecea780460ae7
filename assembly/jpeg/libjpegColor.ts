// libjpeg's output stage to RGBA (libjpeg-turbo src/jdcolor.c): upsampling (fancyUpsample.ts), then its
// integer YCbCr → RGB tables (16-bit fixed point, build_ycc_rgb_table), RGB copied, grey repeated. Four
// components: libjpeg's CMYK samples (YCCK converted with the same tables, inverted), then Pillow's
// "CMYK;I" reading and CMYK → RGB (Adobe's inverted CMYK, R = K' − K'·C'/255 with its MULDIV255 rounding).
import { storeRgba } from './color';
import { component, C_H, C_V, maxFactor } from './layout';
import { FRACTIONAL, upsampleLine, upsampler } from './fancyUpsample';

/** The colour spaces of libjpeg's default_decompress_parms (the binding picks one, as jdapimin.c does). */
export const GREY: i32 = 0;
export const YCBCR: i32 = 1;
export const RGB: i32 = 2;
export const CMYK: i32 = 3;
export const YCCK: i32 = 4;

const SCALEBITS: i32 = 16;
const ONE_HALF: i32 = 1 << (SCALEBITS - 1);
/** FIX(1.40200), FIX(1.77200), FIX(0.71414), FIX(0.34414): round(x · 2^16). */
const FIX_R_CR: i32 = 91881;
const FIX_B_CB: i32 = 116130;
const FIX_G_CR: i32 = 46802;
const FIX_G_CB: i32 = 22554;

/** Each component's upsampler and its upsampled line on the current row. */
const METHODS: usize = memory.data(16, 4);
const LINES: usize = memory.data(16, 4);

@inline
function clamp(v: i32): i32 {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/** Cr_r_tab, Cb_b_tab: the nearest integer to 1.402 (Cr − 128), 1.772 (Cb − 128). */
@inline
function crToR(cr: i32): i32 {
  return (FIX_R_CR * (cr - 128) + ONE_HALF) >> SCALEBITS;
}

@inline
function cbToB(cb: i32): i32 {
  return (FIX_B_CB * (cb - 128) + ONE_HALF) >> SCALEBITS;
}

/** (Cb_g_tab[cb] + Cr_g_tab[cr]) >> 16. */
@inline
function chromaToG(cb: i32, cr: i32): i32 {
  return (-FIX_G_CB * (cb - 128) + ONE_HALF - FIX_G_CR * (cr - 128)) >> SCALEBITS;
}

/** Pillow's MULDIV255: a · b / 255, rounded its way. */
@inline
function mulDiv255(a: i32, b: i32): i32 {
  const t = a * b + 128;
  return ((t >> 8) + t) >> 8;
}

/**
 * The table value R, G or B (`channel` 0, 1, 2) adds to Y for four pixels, from their Cb − 128 and Cr − 128
 * (i32 lanes): at most 227 in size.
 */
@inline
function termOf(channel: i32, b: v128, r: v128): v128 {
  const term = channel == 0
    ? i32x4.mul(r, i32x4.splat(FIX_R_CR))
    : channel == 2
      ? i32x4.mul(b, i32x4.splat(FIX_B_CB))
      : i32x4.sub(i32x4.mul(b, i32x4.splat(-FIX_G_CB)), i32x4.mul(r, i32x4.splat(FIX_G_CR)));
  return i32x4.shr_s(i32x4.add(term, i32x4.splat(ONE_HALF)), SCALEBITS);
}

/**
 * `channel` of 16 pixels as clamped bytes: Y (two u16 vectors) plus the terms of the four vectors of
 * Cb − 128 and Cr − 128 each (i32), added in 16 bits (no sum leaves −227..482).
 */
@inline
function channel16(
  channel: i32, yLo: v128, yHi: v128, b0: v128, b1: v128, b2: v128, b3: v128, r0: v128, r1: v128, r2: v128, r3: v128,
): v128 {
  return i8x16.narrow_i16x8_u(
    i16x8.add(yLo, i16x8.narrow_i32x4_s(termOf(channel, b0, r0), termOf(channel, b1, r1))),
    i16x8.add(yHi, i16x8.narrow_i32x4_s(termOf(channel, b2, r2), termOf(channel, b3, r3))),
  );
}

/** The SIMD build's YCbCr → RGBA, 16 pixels at a time; returns how many pixels it converted. */
function ycbcrSimd(l0: usize, l1: usize, l2: usize, o: usize, width: i32): i32 {
  let x = 0;
  const alpha = i8x16.splat(-1);
  const c128 = i16x8.splat(128);
  for (; x + 16 <= width; x += 16) {
    const y = v128.load(l0 + <usize>x);
    const cb = v128.load(l1 + <usize>x);
    const cr = v128.load(l2 + <usize>x);
    const yLo = i16x8.extend_low_i8x16_u(y), yHi = i16x8.extend_high_i8x16_u(y);
    const bLo = i16x8.sub(i16x8.extend_low_i8x16_u(cb), c128), bHi = i16x8.sub(i16x8.extend_high_i8x16_u(cb), c128);
    const rLo = i16x8.sub(i16x8.extend_low_i8x16_u(cr), c128), rHi = i16x8.sub(i16x8.extend_high_i8x16_u(cr), c128);
    const b0 = i32x4.extend_low_i16x8_s(bLo), b1 = i32x4.extend_high_i16x8_s(bLo);
    const b2 = i32x4.extend_low_i16x8_s(bHi), b3 = i32x4.extend_high_i16x8_s(bHi);
    const r0 = i32x4.extend_low_i16x8_s(rLo), r1 = i32x4.extend_high_i16x8_s(rLo);
    const r2 = i32x4.extend_low_i16x8_s(rHi), r3 = i32x4.extend_high_i16x8_s(rHi);
    storeRgba(
      o + (<usize>x << 2), channel16(0, yLo, yHi, b0, b1, b2, b3, r0, r1, r2, r3),
      channel16(1, yLo, yHi, b0, b1, b2, b3, r0, r1, r2, r3), channel16(2, yLo, yHi, b0, b1, b2, b3, r0, r1, r2, r3), alpha,
    );
  }
  return x;
}

/** One row of `space` samples (lines `l0`..`l3`) to RGBA at `o`. */
function convertRow(space: i32, l0: usize, l1: usize, l2: usize, l3: usize, o: usize, width: i32): void {
  let x = 0;
  if (ASC_FEATURE_SIMD && space == YCBCR) x = ycbcrSimd(l0, l1, l2, o, width);
  for (; x < width; x++) {
    const p = o + (<usize>x << 2);
    const a = <i32>load<u8>(l0 + <usize>x);
    store<u8>(p, 255, 3);
    if (space == GREY) {
      store<u8>(p, a);
      store<u8>(p, a, 1);
      store<u8>(p, a, 2);
      continue;
    }
    const b = <i32>load<u8>(l1 + <usize>x);
    const c = <i32>load<u8>(l2 + <usize>x);
    if (space == RGB) {
      store<u8>(p, a);
      store<u8>(p, b, 1);
      store<u8>(p, c, 2);
      continue;
    }
    let r = clamp(a + crToR(c));
    let g = clamp(a + chromaToG(b, c));
    let bl = clamp(a + cbToB(b));
    if (space == YCBCR) {
      store<u8>(p, r);
      store<u8>(p, g, 1);
      store<u8>(p, bl, 2);
      continue;
    }
    if (space == CMYK) {
      r = a;
      g = b;
      bl = c;
    } else {
      // ycck_cmyk_convert: range_limit[MAXJSAMPLE − (y + …)]
      r = 255 - r;
      g = 255 - g;
      bl = 255 - bl;
    }
    // Pillow reads libjpeg's CMYK as inverted ("CMYK;I"): C' = 255 − c, and K' = 255 − k, so 255 − K' = k
    const k = <i32>load<u8>(l3 + <usize>x);
    store<u8>(p, clamp(k - mulDiv255(255 - r, k)));
    store<u8>(p, clamp(k - mulDiv255(255 - g, k)), 1);
    store<u8>(p, clamp(k - mulDiv255(255 - bl, k)), 2);
  }
}

/**
 * Writes the frame's `count` (1, 3 or 4) component planes, in colour space `space`, as `width`×`height`
 * RGBA to `out` the way libjpeg (and Pillow for CMYK) outputs them. `scratch` holds four lines of
 * width + 16 bytes. Returns 0, or FRACTIONAL when a sampling ratio is one libjpeg cannot upsample.
 */
export function convertLibjpeg(frame: usize, count: i32, space: i32, out: usize, width: i32, height: i32, scratch: usize): i32 {
  const maxH = maxFactor(frame, count, C_H);
  const maxV = maxFactor(frame, count, C_V);
  for (let i = 0; i < count; i++) {
    const method = upsampler(component(frame, i), maxH, maxV, width);
    if (method == FRACTIONAL) return FRACTIONAL;
    store<i32>(METHODS + (<usize>i << 2), method);
  }
  const lineBytes = <usize>((width + 31) & ~15);
  for (let y = 0; y < height; y++) {
    for (let i = 0; i < count; i++) {
      const at = <usize>i << 2;
      const c = component(frame, i);
      store<usize>(LINES + at, upsampleLine(c, load<i32>(METHODS + at), maxH, maxV, y, width, height, scratch + <usize>i * lineBytes));
    }
    const o = out + <usize>y * (<usize>width << 2);
    convertRow(space, load<usize>(LINES), load<usize>(LINES, 4), load<usize>(LINES, 8), load<usize>(LINES, 12), o, width);
  }
  return 0;
}
