// Pillow's separable resampling (Image.resize with BILINEAR), per channel, in Pillow's fixed point:
// weights are normalised in float64, then stored as integers scaled by 2^22; each pass rounds
// half up to 8 bits. Ported from Pillow's libImaging/Resample.c so results match it exactly.

const PRECISION_BITS = 22;
const HALF: i32 = 1 << (PRECISION_BITS - 1);
/** A weight w is split as `hi · 2^15 + lo` (lo < 2^15, hi ≤ 2^7) for 16-bit multiplies. */
const LOW_BITS = 15;

/** Triangle filter widened by `scale` when shrinking: the kernel size Pillow allocates per output. */
function kernelSize(inSize: i32, outSize: i32): i32 {
  const support = Math.max(<f64>inSize / <f64>outSize, 1.0);
  return <i32>Math.ceil(support) * 2 + 1;
}

/** Bytes of one table entry: [first source index, count, kernelSize weights], all i32. */
function entryBytes(inSize: i32, outSize: i32): usize {
  return <usize>(2 + kernelSize(inSize, outSize)) << 2;
}

/**
 * Bytes of one entry of the horizontal pass's table in pair form: [first, count], then per pair of taps two
 * i32, each two i16: the pair's low parts and its high parts.
 */
function pairEntryBytes(inSize: i32, outSize: i32): usize {
  return 8 + (<usize>((kernelSize(inSize, outSize) + 1) >> 1) << 3);
}

function tableBytes(inSize: i32, outSize: i32): usize {
  return inSize == outSize ? 0 : entryBytes(inSize, outSize) * <usize>outSize;
}

/** The horizontal table: in pair form for the SIMD build, room enough for the plain form too. */
function horizontalTableBytes(inSize: i32, outSize: i32): usize {
  return inSize == outSize ? 0 : pairEntryBytes(inSize, outSize) * <usize>outSize;
}

/** Bytes of scratch `resizeAntialias` needs: both weight tables and the intermediate image. */
export function resizeAntialiasScratch(sw: i32, sh: i32, dw: i32, dh: i32): usize {
  const intermediate: usize = sw != dw && sh != dh ? (<usize>dw * <usize>sh) << 2 : 0;
  return horizontalTableBytes(sw, dw) + tableBytes(sh, dh) + intermediate;
}

// @ts-ignore: decorator
@inline
function triangle(x: f64): f64 {
  const a = Math.abs(x);
  return a < 1.0 ? 1.0 - a : 0.0;
}

/**
 * Output index i's first source index and count (Pillow's precompute_coeffs: the triangle of radius
 * `support` = max(inSize / outSize, 1) about (i + 0.5) · inSize / outSize), stored at `entry`; returns the
 * sum of its raw weights.
 */
function span(inSize: i32, outSize: i32, i: i32, entry: usize): f64 {
  const scale = <f64>inSize / <f64>outSize;
  const support = Math.max(scale, 1.0);
  const inverseScale = 1.0 / support;
  const center = (<f64>i + 0.5) * scale;
  let first = <i32>(center - support + 0.5);
  if (first < 0) first = 0;
  let end = <i32>(center + support + 0.5);
  if (end > inSize) end = inSize;
  const count = end - first;
  let sum = 0.0;
  for (let j = 0; j < count; j++) sum += triangle((<f64>(j + first) - center + 0.5) * inverseScale);
  store<i32>(entry, first);
  store<i32>(entry, count, 4);
  return sum;
}

/** Tap j's weight of output index i (its span stored at `entry`), normalised by `sum`, in fixed point. */
function weight(inSize: i32, outSize: i32, i: i32, entry: usize, j: i32, sum: f64): i32 {
  const scale = <f64>inSize / <f64>outSize;
  const inverseScale = 1.0 / Math.max(scale, 1.0);
  const center = (<f64>i + 0.5) * scale;
  let w = triangle((<f64>(j + load<i32>(entry)) - center + 0.5) * inverseScale);
  if (sum != 0.0) w /= sum;
  return <i32>(0.5 + w * <f64>(1 << PRECISION_BITS));
}

/** Fills `table` with each output index's source span and fixed-point weights (Pillow's precompute_coeffs). */
function precomputeWeights(inSize: i32, outSize: i32, table: usize): void {
  const stride = entryBytes(inSize, outSize);
  for (let i = 0; i < outSize; i++) {
    const entry = table + <usize>i * stride;
    const sum = span(inSize, outSize, i, entry);
    const count = load<i32>(entry, 4);
    for (let j = 0; j < count; j++) store<i32>(entry + 8 + (<usize>j << 2), weight(inSize, outSize, i, entry, j, sum));
  }
}

/**
 * The same weights in pair form (see {@link pairEntryBytes}): taps 2k and 2k + 1 as the i16 pairs
 * [lo0, lo1] and [hi0, hi1], a missing last tap weighing 0.
 */
function precomputePairWeights(inSize: i32, outSize: i32, table: usize): void {
  const stride = pairEntryBytes(inSize, outSize);
  for (let i = 0; i < outSize; i++) {
    const entry = table + <usize>i * stride;
    const sum = span(inSize, outSize, i, entry);
    const count = load<i32>(entry, 4);
    for (let j = 0; j < count; j += 2) {
      const w0 = weight(inSize, outSize, i, entry, j, sum);
      const w1 = j + 1 < count ? weight(inSize, outSize, i, entry, j + 1, sum) : 0;
      const pair = entry + 8 + (<usize>j << 2);
      store<i32>(pair, (w0 & ((1 << LOW_BITS) - 1)) | ((w1 & ((1 << LOW_BITS) - 1)) << 16));
      store<i32>(pair, (w0 >> LOW_BITS) | ((w1 >> LOW_BITS) << 16), 4);
    }
  }
}

// @ts-ignore: decorator
@inline
function clip8(v: i32): u32 {
  if (v >= 1 << (PRECISION_BITS + 8)) return 255;
  if (v <= 0) return 0;
  return <u32>(v >> PRECISION_BITS);
}

/**
 * One output pixel: the weighted sum of `count` source pixels `step` bytes apart, per channel.
 */
// @ts-ignore: decorator
@inline
function convolve(p: usize, step: usize, entry: usize): u32 {
  const count = load<i32>(entry, 4);
  let w = entry + 8;
  if (ASC_FEATURE_SIMD) {
    // the four channels of a pixel in the four i32 lanes; the same integers as the scalar loop
    let sum = i32x4.splat(HALF);
    for (let j = 0; j < count; j++) {
      const px = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(p)));
      sum = i32x4.add(sum, i32x4.mul(px, i32x4.splat(load<i32>(w))));
      p += step;
      w += 4;
    }
    return clip8V(sum);
  }
  let r = HALF, g = HALF, b = HALF, a = HALF;
  for (let j = 0; j < count; j++) {
    const px = load<u32>(p);
    const k = load<i32>(w);
    r += <i32>(px & 0xff) * k;
    g += <i32>((px >>> 8) & 0xff) * k;
    b += <i32>((px >>> 16) & 0xff) * k;
    a += <i32>(px >>> 24) * k;
    p += step;
    w += 4;
  }
  return clip8(r) | (clip8(g) << 8) | (clip8(b) << 16) | (clip8(a) << 24);
}

/**
 * `clip8` of four sums at once, packed: v >> 22 then saturating narrows to 0..255 give exactly
 * clip8's 255 for v >= 2^30 and 0 for v <= 0.
 */
// @ts-ignore: decorator
@inline
function clip8V(sum: v128): u32 {
  const shifted = i32x4.shr_s(sum, PRECISION_BITS);
  const words = i16x8.narrow_i32x4_s(shifted, shifted);
  return i32x4.extract_lane(i8x16.narrow_i16x8_u(words, words), 0);
}

/** The horizontal pass's table: in pair form for the SIMD pass, plain for the scalar one. */
function precomputeHorizontal(sw: i32, dw: i32, table: usize): void {
  if (ASC_FEATURE_SIMD) precomputePairWeights(sw, dw, table);
  else precomputeWeights(sw, dw, table);
}

function horizontalPass(src: usize, sw: i32, h: i32, dst: usize, dw: i32, table: usize): void {
  if (ASC_FEATURE_SIMD) {
    horizontalPassPairs(src, sw, h, dst, dw, table);
    return;
  }
  const stride = entryBytes(sw, dw);
  let d = dst;
  for (let y = 0; y < h; y++) {
    const row = src + ((<usize>y * <usize>sw) << 2);
    for (let x = 0; x < dw; x++) {
      const entry = table + <usize>x * stride;
      store<u32>(d, convolve(row + (<usize>load<i32>(entry) << 2), 4, entry));
      d += 4;
    }
  }
}

/**
 * The horizontal pass with weights in pair form: per pair of taps, two 16-bit dot products (the weights'
 * low and high parts) give each channel's `Σ px·w = 2^15·Σ px·hi + Σ px·lo`, the same integer the scalar
 * loop sums (it stays below 2^31: px ≤ 255 and the weights sum to about 2^22), so the same bytes.
 */
function horizontalPassPairs(src: usize, sw: i32, h: i32, dst: usize, dw: i32, table: usize): void {
  const stride = pairEntryBytes(sw, dw);
  // bytes 0–7 (pixels a and b) as the i16 lanes [a.r, b.r, a.g, b.g, a.b, b.b, a.a, b.a]: indices ≥ 16 give 0
  const lanes = i8x16(0, -1, 4, -1, 1, -1, 5, -1, 2, -1, 6, -1, 3, -1, 7, -1);
  let d = dst;
  for (let y = 0; y < h; y++) {
    const row = src + ((<usize>y * <usize>sw) << 2);
    for (let x = 0; x < dw; x++) {
      const entry = table + <usize>x * stride;
      let p = row + (<usize>load<i32>(entry) << 2);
      const count = load<i32>(entry, 4);
      let w = entry + 8;
      let low = i32x4.splat(0);
      let high = low;
      let j = 0;
      for (; j + 2 <= count; j += 2) {
        const px = i8x16.swizzle(v128.load64_zero(p), lanes);
        low = i32x4.add(low, i32x4.dot_i16x8_s(px, v128.load32_splat(w)));
        high = i32x4.add(high, i32x4.dot_i16x8_s(px, v128.load32_splat(w, 4)));
        p += 8;
        w += 8;
      }
      if (j < count) {
        // the last tap alone: its pair's second pixel reads as 0 (and weighs 0)
        const px = i8x16.swizzle(v128.load32_zero(p), lanes);
        low = i32x4.add(low, i32x4.dot_i16x8_s(px, v128.load32_splat(w)));
        high = i32x4.add(high, i32x4.dot_i16x8_s(px, v128.load32_splat(w, 4)));
      }
      const sum = i32x4.add(i32x4.add(i32x4.shl(high, LOW_BITS), low), i32x4.splat(HALF));
      store<u32>(d, clip8V(sum));
      d += 4;
    }
  }
}

function verticalPass(src: usize, w: i32, sh: i32, dst: usize, dh: i32, table: usize): void {
  const stride = entryBytes(sh, dh);
  const rowBytes = <usize>w << 2;
  let d = dst;
  for (let y = 0; y < dh; y++) {
    const entry = table + <usize>y * stride;
    const first = src + <usize>load<i32>(entry) * rowBytes;
    let x = 0;
    if (ASC_FEATURE_SIMD) {
      // every pixel of the row has the same weights: four pixels (16 channels) per step
      const count = load<i32>(entry, 4);
      for (; x + 4 <= w; x += 4) {
        let s0 = i32x4.splat(HALF), s1 = s0, s2 = s0, s3 = s0;
        let p = first + (<usize>x << 2);
        let k = entry + 8;
        for (let j = 0; j < count; j++) {
          const v = v128.load(p);
          const weight = i32x4.splat(load<i32>(k));
          const low = i16x8.extend_low_i8x16_u(v);
          const high = i16x8.extend_high_i8x16_u(v);
          s0 = i32x4.add(s0, i32x4.mul(i32x4.extend_low_i16x8_u(low), weight));
          s1 = i32x4.add(s1, i32x4.mul(i32x4.extend_high_i16x8_u(low), weight));
          s2 = i32x4.add(s2, i32x4.mul(i32x4.extend_low_i16x8_u(high), weight));
          s3 = i32x4.add(s3, i32x4.mul(i32x4.extend_high_i16x8_u(high), weight));
          p += rowBytes;
          k += 4;
        }
        const words01 = i16x8.narrow_i32x4_s(i32x4.shr_s(s0, PRECISION_BITS), i32x4.shr_s(s1, PRECISION_BITS));
        const words23 = i16x8.narrow_i32x4_s(i32x4.shr_s(s2, PRECISION_BITS), i32x4.shr_s(s3, PRECISION_BITS));
        v128.store(d, i8x16.narrow_i16x8_u(words01, words23));
        d += 16;
      }
    }
    for (; x < w; x++) {
      store<u32>(d, convolve(first + (<usize>x << 2), rowBytes, entry));
      d += 4;
    }
  }
}

/**
 * Resize with a triangle filter widened when shrinking (antialiased bilinear), horizontal pass first.
 * An axis whose size does not change is not resampled; same size in both is a copy.
 */
export function resizeAntialias(src: usize, sw: i32, sh: i32, dst: usize, dw: i32, dh: i32, scratch: usize): void {
  if (sw == dw && sh == dh) {
    memory.copy(dst, src, (<usize>sw * <usize>sh) << 2);
    return;
  }
  const horizontalTable = scratch;
  const verticalTable = horizontalTable + horizontalTableBytes(sw, dw);
  const intermediate = verticalTable + tableBytes(sh, dh);
  if (sw == dw) {
    precomputeWeights(sh, dh, verticalTable);
    verticalPass(src, sw, sh, dst, dh, verticalTable);
  } else if (sh == dh) {
    precomputeHorizontal(sw, dw, horizontalTable);
    horizontalPass(src, sw, sh, dst, dw, horizontalTable);
  } else {
    precomputeHorizontal(sw, dw, horizontalTable);
    precomputeWeights(sh, dh, verticalTable);
    horizontalPass(src, sw, sh, intermediate, dw, horizontalTable);
    verticalPass(intermediate, dw, sh, dst, dh, verticalTable);
  }
}
