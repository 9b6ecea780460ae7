// Upsampling and colour conversion to RGBA, a port of jpeg-js's getData and copyToImageData: nearest-neighbour
// chroma (sample ⌊x · h / maxH⌋ of a line, line ⌊y · v / maxV⌋, in doubles as jpeg-js computes them),
// then YCbCr → RGB. jpeg-js converts in doubles, R = Y + 1.402 (Cr − 128) and so on, truncated into a
// Uint8Array; the integer forms below equal that for all 2^24 (Y, Cb, Cr) (test/codecs/jpegWasm.test.ts
// checks them all). CMYK, rare, keeps jpeg-js's doubles.
import { C_H, C_PLANE, C_BLOCKS_PER_LINE, C_V, component, maxFactor } from './layout';

/** R = Y + (22970 (Cr − 128)) >> 14, B = Y + (29032 (Cb − 128)) >> 14, G = Y + (−1443412 (Cb − 128) − 2995305 (Cr − 128)) >> 22. */
const R_CR: i32 = 22970;
const B_CB: i32 = 29032;
const G_CB: i32 = -1443412;
const G_CR: i32 = -2995305;

@inline
function clamp(v: i32): i32 {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/**
 * The samples of component `c` on output row `y`, one per output column: the plane's own line when the
 * component is not subsampled horizontally, else gathered into `scratch` (≥ width + 16 bytes).
 */
function upsampledLine(c: usize, maxH: i32, maxV: i32, y: i32, width: i32, scratch: usize): usize {
  const h = load<i32>(c, C_H);
  const stride = load<i32>(c, C_BLOCKS_PER_LINE) << 3;
  const row = <i32>(<f64>y * (<f64>load<i32>(c, C_V) / <f64>maxV));
  const line = <usize>load<i32>(c, C_PLANE) + <usize>(row * stride);
  if (h == maxH) return line;
  if (h * 2 == maxH) {
    let x = 0;
    if (ASC_FEATURE_SIMD) {
      for (; x + 16 <= width; x += 16) {
        const half = v128.load(line + <usize>(x >> 1));
        v128.store(scratch + <usize>x, i8x16.shuffle(half, half, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7));
      }
    }
    for (; x < width; x++) store<u8>(scratch + <usize>x, load<u8>(line + <usize>(x >> 1)));
    return scratch;
  }
  const scale = <f64>h / <f64>maxH;
  for (let x = 0; x < width; x++) store<u8>(scratch + <usize>x, load<u8>(line + <usize>(<i32>(<f64>x * scale))));
  return scratch;
}

/** Converts one row of Y, Cb, Cr samples to RGBA. */
function ycbcrRow(yLine: usize, cbLine: usize, crLine: usize, out: usize, width: i32): void {
  let x = 0;
  if (ASC_FEATURE_SIMD) {
    const c128 = i32x4.splat(128);
    const rCr = i32x4.splat(R_CR);
    const bCb = i32x4.splat(B_CB);
    const gCb = i32x4.splat(G_CB);
    const gCr = i32x4.splat(G_CR);
    const alpha = i8x16.splat(-1);
    for (; x + 16 <= width; x += 16) {
      const y8 = v128.load(yLine + <usize>x);
      const cb8 = v128.load(cbLine + <usize>x);
      const cr8 = v128.load(crLine + <usize>x);
      const yLo = i16x8.extend_low_i8x16_u(y8);
      const yHi = i16x8.extend_high_i8x16_u(y8);
      const cbLo = i16x8.extend_low_i8x16_u(cb8);
      const cbHi = i16x8.extend_high_i8x16_u(cb8);
      const crLo = i16x8.extend_low_i8x16_u(cr8);
      const crHi = i16x8.extend_high_i8x16_u(cr8);
      // four groups of four pixels as i32
      const y0 = i32x4.extend_low_i16x8_u(yLo), y1 = i32x4.extend_high_i16x8_u(yLo);
      const y2 = i32x4.extend_low_i16x8_u(yHi), y3 = i32x4.extend_high_i16x8_u(yHi);
      const b0 = i32x4.sub(i32x4.extend_low_i16x8_u(cbLo), c128), b1 = i32x4.sub(i32x4.extend_high_i16x8_u(cbLo), c128);
      const b2 = i32x4.sub(i32x4.extend_low_i16x8_u(cbHi), c128), b3 = i32x4.sub(i32x4.extend_high_i16x8_u(cbHi), c128);
      const r0 = i32x4.sub(i32x4.extend_low_i16x8_u(crLo), c128), r1 = i32x4.sub(i32x4.extend_high_i16x8_u(crLo), c128);
      const r2 = i32x4.sub(i32x4.extend_low_i16x8_u(crHi), c128), r3 = i32x4.sub(i32x4.extend_high_i16x8_u(crHi), c128);
      const red = i8x16.narrow_i16x8_u(
        i16x8.narrow_i32x4_s(i32x4.add(y0, i32x4.shr_s(i32x4.mul(r0, rCr), 14)), i32x4.add(y1, i32x4.shr_s(i32x4.mul(r1, rCr), 14))),
        i16x8.narrow_i32x4_s(i32x4.add(y2, i32x4.shr_s(i32x4.mul(r2, rCr), 14)), i32x4.add(y3, i32x4.shr_s(i32x4.mul(r3, rCr), 14))),
      );
      const blue = i8x16.narrow_i16x8_u(
        i16x8.narrow_i32x4_s(i32x4.add(y0, i32x4.shr_s(i32x4.mul(b0, bCb), 14)), i32x4.add(y1, i32x4.shr_s(i32x4.mul(b1, bCb), 14))),
        i16x8.narrow_i32x4_s(i32x4.add(y2, i32x4.shr_s(i32x4.mul(b2, bCb), 14)), i32x4.add(y3, i32x4.shr_s(i32x4.mul(b3, bCb), 14))),
      );
      const green = i8x16.narrow_i16x8_u(
        i16x8.narrow_i32x4_s(
          i32x4.add(y0, i32x4.shr_s(i32x4.add(i32x4.mul(b0, gCb), i32x4.mul(r0, gCr)), 22)),
          i32x4.add(y1, i32x4.shr_s(i32x4.add(i32x4.mul(b1, gCb), i32x4.mul(r1, gCr)), 22)),
        ),
        i16x8.narrow_i32x4_s(
          i32x4.add(y2, i32x4.shr_s(i32x4.add(i32x4.mul(b2, gCb), i32x4.mul(r2, gCr)), 22)),
          i32x4.add(y3, i32x4.shr_s(i32x4.add(i32x4.mul(b3, gCb), i32x4.mul(r3, gCr)), 22)),
        ),
      );
      storeRgba(out + (<usize>x << 2), red, green, blue, alpha);
    }
  }
  for (; x < width; x++) {
    const yv = <i32>load<u8>(yLine + <usize>x);
    const cb = <i32>load<u8>(cbLine + <usize>x) - 128;
    const cr = <i32>load<u8>(crLine + <usize>x) - 128;
    const o = out + (<usize>x << 2);
    store<u8>(o, clamp(yv + ((R_CR * cr) >> 14)));
    store<u8>(o, clamp(yv + ((G_CB * cb + G_CR * cr) >> 22)), 1);
    store<u8>(o, clamp(yv + ((B_CB * cb) >> 14)), 2);
    store<u8>(o, 255, 3);
  }
}

/**
 * The chroma terms of one line of half-width Cb and Cr samples, `count` of them: for each sample the i16 that
 * R, G and B add to Y ({@link ycbcrRow}'s integer forms), to `terms` (three arrays of `stride` bytes).
 */
function chromaTerms(cbLine: usize, crLine: usize, count: i32, terms: usize, stride: usize): void {
  let x = 0;
  if (ASC_FEATURE_SIMD) {
    const c128 = i32x4.splat(128);
    for (; x < count; x += 8) {
      const cb = i16x8.extend_low_i8x16_u(v128.load64_zero(cbLine + <usize>x));
      const cr = i16x8.extend_low_i8x16_u(v128.load64_zero(crLine + <usize>x));
      const b0 = i32x4.sub(i32x4.extend_low_i16x8_u(cb), c128), b1 = i32x4.sub(i32x4.extend_high_i16x8_u(cb), c128);
      const r0 = i32x4.sub(i32x4.extend_low_i16x8_u(cr), c128), r1 = i32x4.sub(i32x4.extend_high_i16x8_u(cr), c128);
      const at = terms + (<usize>x << 1);
      v128.store(at, i16x8.narrow_i32x4_s(
        i32x4.shr_s(i32x4.mul(r0, i32x4.splat(R_CR)), 14), i32x4.shr_s(i32x4.mul(r1, i32x4.splat(R_CR)), 14),
      ));
      v128.store(at + stride, i16x8.narrow_i32x4_s(
        i32x4.shr_s(i32x4.add(i32x4.mul(b0, i32x4.splat(G_CB)), i32x4.mul(r0, i32x4.splat(G_CR))), 22),
        i32x4.shr_s(i32x4.add(i32x4.mul(b1, i32x4.splat(G_CB)), i32x4.mul(r1, i32x4.splat(G_CR))), 22),
      ));
      v128.store(at + 2 * stride, i16x8.narrow_i32x4_s(
        i32x4.shr_s(i32x4.mul(b0, i32x4.splat(B_CB)), 14), i32x4.shr_s(i32x4.mul(b1, i32x4.splat(B_CB)), 14),
      ));
    }
    return;
  }
  for (; x < count; x++) {
    const cb = <i32>load<u8>(cbLine + <usize>x) - 128;
    const cr = <i32>load<u8>(crLine + <usize>x) - 128;
    const at = terms + (<usize>x << 1);
    store<i16>(at, <i16>((R_CR * cr) >> 14));
    store<i16>(at + stride, <i16>((G_CB * cb + G_CR * cr) >> 22));
    store<i16>(at + 2 * stride, <i16>((B_CB * cb) >> 14));
  }
}

/** Y plus a chroma term, clamped to a byte. */
@inline
function plus(y: i32, terms: usize, at: usize): i32 {
  return clamp(y + <i32>load<i16>(terms + at));
}

/**
 * One row of RGBA from Y samples and the chroma terms of half-width chroma (pixel x takes sample x / 2, as
 * jpeg-js's nearest-neighbour upsampling does): Y plus each term, clamped.
 */
function ycbcrHalfRow(yLine: usize, terms: usize, stride: usize, out: usize, width: i32): void {
  let x = 0;
  if (ASC_FEATURE_SIMD) {
    const alpha = i8x16.splat(-1);
    for (; x + 16 <= width; x += 16) {
      const y8 = v128.load(yLine + <usize>x);
      const yLo = i16x8.extend_low_i8x16_u(y8);
      const yHi = i16x8.extend_high_i8x16_u(y8);
      const at = terms + <usize>x; // eight terms of 2 bytes for 16 pixels
      const r = v128.load(at);
      const g = v128.load(at + stride);
      const b = v128.load(at + 2 * stride);
      storeRgba(
        out + (<usize>x << 2), doubledPlus(yLo, yHi, r), doubledPlus(yLo, yHi, g), doubledPlus(yLo, yHi, b), alpha,
      );
    }
  }
  for (; x < width; x++) {
    const yv = <i32>load<u8>(yLine + <usize>x);
    const at = <usize>(x >> 1) << 1;
    const o = out + (<usize>x << 2);
    store<u8>(o, plus(yv, terms, at));
    store<u8>(o, plus(yv, terms + stride, at), 1);
    store<u8>(o, plus(yv, terms + 2 * stride, at), 2);
    store<u8>(o, 255, 3);
  }
}

/** 16 Y values (two i16x8) plus eight terms each repeated twice, clamped to bytes. */
@inline
function doubledPlus(yLo: v128, yHi: v128, terms: v128): v128 {
  const lo = i8x16.shuffle(terms, terms, 0, 1, 0, 1, 2, 3, 2, 3, 4, 5, 4, 5, 6, 7, 6, 7);
  const hi = i8x16.shuffle(terms, terms, 8, 9, 8, 9, 10, 11, 10, 11, 12, 13, 12, 13, 14, 15, 14, 15);
  return i8x16.narrow_i16x8_u(i16x8.add(yLo, lo), i16x8.add(yHi, hi));
}

/** Interleaves 16 pixels' R, G, B and A bytes into 64 bytes of RGBA at `out`. */
@inline
export function storeRgba(out: usize, r: v128, g: v128, b: v128, a: v128): void {
  const rgLo = i8x16.shuffle(r, g, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
  const rgHi = i8x16.shuffle(r, g, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
  const baLo = i8x16.shuffle(b, a, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
  const baHi = i8x16.shuffle(b, a, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
  v128.store(out, i8x16.shuffle(rgLo, baLo, 0, 1, 16, 17, 2, 3, 18, 19, 4, 5, 20, 21, 6, 7, 22, 23));
  v128.store(out, i8x16.shuffle(rgLo, baLo, 8, 9, 24, 25, 10, 11, 26, 27, 12, 13, 28, 29, 14, 15, 30, 31), 16);
  v128.store(out, i8x16.shuffle(rgHi, baHi, 0, 1, 16, 17, 2, 3, 18, 19, 4, 5, 20, 21, 6, 7, 22, 23), 32);
  v128.store(out, i8x16.shuffle(rgHi, baHi, 8, 9, 24, 25, 10, 11, 26, 27, 12, 13, 28, 29, 14, 15, 30, 31), 48);
}

/** Grey: RGBA = (Y, Y, Y, 255). */
function greyRow(yLine: usize, out: usize, width: i32): void {
  let x = 0;
  if (ASC_FEATURE_SIMD) {
    const alpha = i8x16.splat(-1);
    for (; x + 16 <= width; x += 16) {
      const y8 = v128.load(yLine + <usize>x);
      storeRgba(out + (<usize>x << 2), y8, y8, y8, alpha);
    }
  }
  for (; x < width; x++) {
    const v = <u32>load<u8>(yLine + <usize>x);
    store<u32>(out + (<usize>x << 2), v | (v << 8) | (v << 16) | 0xff000000);
  }
}

@inline
function clampF(v: f64): f64 {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/** jpeg-js's Uint8Array store of a value in 0..255: truncation. */
@inline
function byteOf(v: f64): u8 {
  return <u8>(<i32>v);
}

/** Adobe CMYK (`transform`: YCCK) to RGBA, in jpeg-js's doubles. */
function cmykRow(l0: usize, l1: usize, l2: usize, l3: usize, out: usize, width: i32, transform: bool): void {
  for (let x = 0; x < width; x++) {
    const a = <f64>load<u8>(l0 + <usize>x);
    const b = <f64>load<u8>(l1 + <usize>x);
    const c = <f64>load<u8>(l2 + <usize>x);
    const k = <f64>load<u8>(l3 + <usize>x);
    let cyan: f64 = a, magenta: f64 = b, yellow: f64 = c;
    if (transform) {
      cyan = 255 - clampF(a + 1.402 * (c - 128));
      magenta = 255 - clampF(a - 0.3441363 * (b - 128) - 0.71413636 * (c - 128));
      yellow = 255 - clampF(a + 1.772 * (b - 128));
    }
    // getData stores 255 − C… into a Uint8Array; copyToImageData then removes the black
    const C = <f64>byteOf(255 - cyan);
    const M = <f64>byteOf(255 - magenta);
    const Y = <f64>byteOf(255 - yellow);
    const K = <f64>byteOf(255 - k);
    const o = out + (<usize>x << 2);
    store<u8>(o, byteOf(255 - clampF(C * (1 - K / 255) + K)));
    store<u8>(o, byteOf(255 - clampF(M * (1 - K / 255) + K)), 1);
    store<u8>(o, byteOf(255 - clampF(Y * (1 - K / 255) + K)), 2);
    store<u8>(o, 255, 3);
  }
}

/**
 * Writes the frame's `count` (1, 3 or 4) component planes as `width`×`height` RGBA to `out`; `transform`
 * says whether four components are YCCK (Adobe transform code ≠ 0) rather than CMYK. `scratch` holds four
 * lines of width + 16 bytes.
 */
export function convert(frame: usize, count: i32, transform: bool, out: usize, width: i32, height: i32, scratch: usize): void {
  const maxH = maxFactor(frame, count, C_H);
  const maxV = maxFactor(frame, count, C_V);
  const lineBytes = <usize>((width + 31) & ~15);
  const rowBytes = <usize>width << 2;
  if (count == 3 && halfWidthChroma(frame, maxH)) {
    convertHalfChroma(frame, maxH, maxV, out, width, height, scratch, lineBytes);
    return;
  }
  for (let y = 0; y < height; y++) {
    const l0 = upsampledLine(component(frame, 0), maxH, maxV, y, width, scratch);
    const o = out + <usize>y * rowBytes;
    if (count == 1) {
      greyRow(l0, o, width);
      continue;
    }
    const l1 = upsampledLine(component(frame, 1), maxH, maxV, y, width, scratch + lineBytes);
    const l2 = upsampledLine(component(frame, 2), maxH, maxV, y, width, scratch + 2 * lineBytes);
    if (count == 3) {
      ycbcrRow(l0, l1, l2, o, width);
    } else {
      const l3 = upsampledLine(component(frame, 3), maxH, maxV, y, width, scratch + 3 * lineBytes);
      cmykRow(l0, l1, l2, l3, o, width, transform);
    }
  }
}

/** Whether Cb and Cr (components 1 and 2) are sampled alike, at half the width of the widest component. */
function halfWidthChroma(frame: usize, maxH: i32): bool {
  const cb = component(frame, 1);
  const cr = component(frame, 2);
  return load<i32>(cb, C_H) * 2 == maxH && load<i32>(cr, C_H) == load<i32>(cb, C_H) && load<i32>(cr, C_V) == load<i32>(cb, C_V);
}

/**
 * {@link convert} for YCbCr with half-width chroma (4:2:0, 4:2:2): the chroma terms are computed once per
 * chroma sample and line, not per pixel. `scratch`: Y's line, then the three term arrays.
 */
function convertHalfChroma(
  frame: usize, maxH: i32, maxV: i32, out: usize, width: i32, height: i32, scratch: usize, lineBytes: usize,
): void {
  const cb = component(frame, 1);
  const cr = component(frame, 2);
  const chromaStride = load<i32>(cb, C_BLOCKS_PER_LINE) << 3;
  const chromaScale = <f64>load<i32>(cb, C_V) / <f64>maxV;
  const samples = (width + 1) >> 1;
  const terms = scratch + lineBytes;
  const termStride = <usize>(((samples + 7) & ~7) << 1);
  let termRow = -1;
  for (let y = 0; y < height; y++) {
    const row = <i32>(<f64>y * chromaScale); // as upsampledLine picks it
    if (row != termRow) {
      const at = <usize>(row * chromaStride);
      chromaTerms(<usize>load<i32>(cb, C_PLANE) + at, <usize>load<i32>(cr, C_PLANE) + at, samples, terms, termStride);
      termRow = row;
    }
    const yLine = upsampledLine(component(frame, 0), maxH, maxV, y, width, scratch);
    ycbcrHalfRow(yLine, terms, termStride, out + <usize>y * (<usize>width << 2), width);
  }
}
