// Gaussian blur: separable, border 'reflect' (period 2n − 2, edge not repeated), all four channels.
//
// Weights w_i = exp(−i² / (2σ²)) for i = −r..r, divided by their sum in float64, become Q15 integers:
// q_i = floor(32768 · w_i + 0.5) for i ≠ 0 and q_0 = 32768 − 2 · Σ q_i, so they sum to exactly 1.
// Horizontal pass (per value, in 1/64 units): t = mulr(p(x) · 64, q_0) + Σ_i mulr((p(x−i) + p(x+i)) · 64, q_i);
// vertical pass on t: a = mulr(t(y), q_0) + Σ_i mulr(t(y−i) + t(y+i), q_i); out = min(255, (a + 32) >> 6),
// where mulr(a, b) = (a · b + 2^14) >> 15 is WebAssembly's i16x8.q15mulr_sat_s (no value saturates: every t
// stays ≤ 255 · 64 + r/2 and kernelSize ≤ 129 keeps every pair sum below 2^15). The result is within ±1 of
// the float64 formula. The SIMD build computes eight values per instruction, the scalar build one; both
// give the same bytes. Horizontal rows live in a ring of kernelSize rows: row s in slot s mod kernelSize.

/** The largest kernel size: 2 · 64 + 1 keeps every 16-bit sum in range (see above). */
export const GAUSSIAN_MAX_KERNEL = 129;

// @ts-ignore: decorator
@inline
function mulr(a: i32, b: i32): i32 {
  return (a * b + 0x4000) >> 15;
}

/** Mirror without repeating the edge, period 2n − 2 (n = 1 → 0). */
// @ts-ignore: decorator
@inline
function reflect(i: i32, n: i32): i32 {
  if (n == 1) return 0;
  const period = 2 * n - 2;
  let m = i % period;
  if (m < 0) m += period;
  return m < n ? m : period - m;
}

/** Ring rows hold `paddedWidth` pixels (a multiple of 4) of four i16 values. */
// @ts-ignore: decorator
@inline
function paddedWidth(width: i32): i32 {
  return (width + 3) & ~3;
}

/** Scratch bytes of gaussianBlur: weights, row pointers, one reflected source row, the ring of rows. */
export function gaussianBlurScratch(width: i32, kernelSize: i32): usize {
  const r = kernelSize >> 1;
  const w4 = <usize>paddedWidth(width);
  return 256 + 4 * <usize>kernelSize + (<usize>(w4 + 2 * r) << 2) + <usize>kernelSize * (w4 << 3);
}

/**
 * Blurs `src` (width × height) into `dst` with a Gaussian of standard deviation `sigma` over `kernelSize`
 * (odd, 1..GAUSSIAN_MAX_KERNEL) taps. `dst` must not overlap `src`.
 */
export function gaussianBlur(
  src: usize, width: i32, height: i32, dst: usize, sigma: f64, kernelSize: i32, scratch: usize,
): void {
  const r = kernelSize >> 1;
  const weights = scratch; // q_0 .. q_r as i16
  const rows = scratch + 256; // 2r + 1 ring-row pointers (u32) for the output row at hand
  const padded = rows + 4 * <usize>kernelSize; // one source row with r reflected pixels each side
  const w4 = paddedWidth(width);
  const ring = padded + (<usize>(w4 + 2 * r) << 2);
  const ringStride = <usize>w4 << 3;
  if (!gaussianWeights(sigma, r, weights)) {
    memory.copy(dst, src, <usize>width * <usize>height << 2);
    return;
  }
  let computed = -1; // the last source row in the ring
  for (let y = 0; y < height; y++) {
    const needed = min(height - 1, y + r);
    while (computed < needed) {
      computed++;
      reflectRow(src + <usize>computed * (<usize>width << 2), width, r, w4, padded);
      horizontal(padded, w4, r, weights, ring + <usize>(computed % kernelSize) * ringStride);
    }
    for (let i = -r; i <= r; i++) {
      store<u32>(rows + (<usize>(i + r) << 2), <u32>(ring + <usize>(reflect(y + i, height) % kernelSize) * ringStride));
    }
    vertical(rows, r, weights, w4, width, dst + <usize>y * (<usize>width << 2));
  }
}

/** The Q15 weights q_0..q_r at `out`; false when they are the identity (r = 0 or every q_i, i ≥ 1, rounds to 0). */
function gaussianWeights(sigma: f64, r: i32, out: usize): bool {
  if (r == 0) return false;
  const denominator = 2.0 * sigma * sigma;
  let sum = 1.0; // exp(0)
  for (let i = 1; i <= r; i++) sum += 2.0 * Math.exp(-<f64>(i * i) / denominator);
  let outer = 0;
  for (let i = 1; i <= r; i++) {
    const q = <i32>Math.floor((Math.exp(-<f64>(i * i) / denominator) / sum) * 32768.0 + 0.5);
    store<i16>(out + (<usize>i << 1), <i16>q);
    outer += q;
  }
  if (outer == 0) return false;
  store<i16>(out, <i16>(32768 - 2 * outer));
  return true;
}

/** Copies a source row to `padded` with `r` reflected pixels before it and `w4 − width + r` after it. */
function reflectRow(row: usize, width: i32, r: i32, w4: i32, padded: usize): void {
  const total = w4 + 2 * r;
  for (let j = 0; j < total; j++) {
    store<u32>(padded + (<usize>j << 2), load<u32>(row + (<usize>reflect(j - r, width) << 2)));
  }
}

/** The horizontal pass of one padded row into one ring row (w4 pixels of four i16). */
function horizontal(padded: usize, w4: i32, r: i32, weights: usize, out: usize): void {
  if (ASC_FEATURE_SIMD) {
    const q0 = v128.load16_splat(weights);
    for (let x = 0; x < w4; x += 2) {
      const c = padded + (<usize>(x + r) << 2);
      let acc = i16x8.q15mulr_sat_s(i16x8.shl(v128.load8x8_u(c), 6), q0);
      for (let i = 1; i <= r; i++) {
        const o = <usize>i << 2;
        const pair = i16x8.add(v128.load8x8_u(c - o), v128.load8x8_u(c + o));
        acc = i16x8.add(acc, i16x8.q15mulr_sat_s(i16x8.shl(pair, 6), v128.load16_splat(weights + (<usize>i << 1))));
      }
      v128.store(out + (<usize>x << 3), acc);
    }
  } else {
    const q0 = <i32>load<i16>(weights);
    for (let x = 0; x < w4; x++) {
      const c = padded + (<usize>(x + r) << 2);
      for (let ch: usize = 0; ch < 4; ch++) {
        let acc = mulr(<i32>load<u8>(c + ch) << 6, q0);
        for (let i = 1; i <= r; i++) {
          const o = <usize>i << 2;
          const pair = <i32>load<u8>(c - o + ch) + <i32>load<u8>(c + o + ch);
          acc += mulr(pair << 6, <i32>load<i16>(weights + (<usize>i << 1)));
        }
        store<i16>(out + (<usize>x << 3) + (ch << 1), <i16>acc);
      }
    }
  }
}

/** The vertical pass for one output row: ring rows at `rows` (row y + i at index i + r), `width` pixels to `out`. */
function vertical(rows: usize, r: i32, weights: usize, w4: i32, width: i32, out: usize): void {
  const centre = <usize>load<u32>(rows + (<usize>r << 2));
  if (ASC_FEATURE_SIMD) {
    const q0 = v128.load16_splat(weights);
    const half = i16x8.splat(32);
    for (let x = 0; x < w4; x += 4) {
      const o = <usize>x << 3;
      let lo = i16x8.q15mulr_sat_s(v128.load(centre + o), q0);
      let hi = i16x8.q15mulr_sat_s(v128.load(centre + o, 16), q0);
      for (let i = 1; i <= r; i++) {
        const above = <usize>load<u32>(rows + (<usize>(r - i) << 2)) + o;
        const below = <usize>load<u32>(rows + (<usize>(r + i) << 2)) + o;
        const q = v128.load16_splat(weights + (<usize>i << 1));
        lo = i16x8.add(lo, i16x8.q15mulr_sat_s(i16x8.add(v128.load(above), v128.load(below)), q));
        hi = i16x8.add(hi, i16x8.q15mulr_sat_s(i16x8.add(v128.load(above, 16), v128.load(below, 16)), q));
      }
      const bytes = i8x16.narrow_i16x8_u(i16x8.shr_s(i16x8.add(lo, half), 6), i16x8.shr_s(i16x8.add(hi, half), 6));
      const d = out + (<usize>x << 2);
      const left = width - x;
      if (left >= 4) {
        v128.store(d, bytes);
      } else {
        store<u32>(d, i32x4.extract_lane(bytes, 0));
        if (left > 1) store<u32>(d, i32x4.extract_lane(bytes, 1), 4);
        if (left > 2) store<u32>(d, i32x4.extract_lane(bytes, 2), 8);
      }
    }
  } else {
    const q0 = <i32>load<i16>(weights);
    const values = width << 2;
    for (let v = 0; v < values; v++) {
      const o = <usize>v << 1;
      let acc = mulr(<i32>load<i16>(centre + o), q0);
      for (let i = 1; i <= r; i++) {
        const above = <usize>load<u32>(rows + (<usize>(r - i) << 2));
        const below = <usize>load<u32>(rows + (<usize>(r + i) << 2));
        acc += mulr(<i32>load<i16>(above + o) + <i32>load<i16>(below + o), <i32>load<i16>(weights + (<usize>i << 1)));
      }
      store<u8>(out + v, min(255, (acc + 32) >> 6));
    }
  }
}
