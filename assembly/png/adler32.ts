// Adler-32 (RFC 1950, 8.2), the checksum at the end of every zlib stream.

/** The most bytes summed before the sums must be reduced modulo 65521 to stay within 32 bits (zlib's NMAX). */
const NMAX: usize = 5552;
const BASE: u32 = 65521;

// @ts-ignore: decorator
@inline
function lanes(x: v128): u64 {
  return <u64>i32x4.extract_lane(x, 0) + <u64>i32x4.extract_lane(x, 1) + <u64>i32x4.extract_lane(x, 2) + <u64>i32x4.extract_lane(x, 3);
}

/**
 * With SIMD, 16 bytes per step: over a chunk of n bytes x₀…xₙ₋₁, a grows by Σxᵢ and b by n·a + Σ(n − i)·xᵢ.
 * Per vector k the lanes keep Σ of the bytes so far (`sums`), the running total of those sums before each
 * vector (`prefix`, worth 16 each) and Σ (16 − j)·x₁₆ₖ₊ⱼ (`weighted`). Returns the bytes consumed (a multiple
 * of 16) and leaves a, b in `state`.
 */
function adler32Simd(pointer: usize, length: usize, state: usize): usize {
  let a = <u64>load<u32>(state);
  let b = <u64>load<u32>(state, 4);
  const weightsHigh = i16x8(16, 15, 14, 13, 12, 11, 10, 9);
  const weightsLow = i16x8(8, 7, 6, 5, 4, 3, 2, 1);
  let done: usize = 0;
  while (done + 16 <= length) {
    const chunk = min(length - done, NMAX) & ~15;
    let sums = i32x4.splat(0);
    let prefix = i32x4.splat(0);
    let weighted = i32x4.splat(0);
    const end = pointer + done + chunk;
    for (let p = pointer + done; p < end; p += 16) {
      const v = v128.load(p);
      prefix = i32x4.add(prefix, sums);
      sums = i32x4.add(sums, i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(v)));
      weighted = i32x4.add(weighted, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(v), weightsHigh));
      weighted = i32x4.add(weighted, i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_u(v), weightsLow));
    }
    b = (b + <u64>chunk * a + 16 * lanes(prefix) + lanes(weighted)) % BASE;
    a = (a + lanes(sums)) % BASE;
    done += chunk;
  }
  store<u32>(state, <u32>a);
  store<u32>(state, <u32>b, 4);
  return done;
}

const simdState = memory.data(8, 8);

/** The Adler-32 of `length` bytes at `pointer`. */
export function adler32(pointer: usize, length: usize): u32 {
  let a: u32 = 1;
  let b: u32 = 0;
  let p = pointer;
  const end = pointer + length;
  if (ASC_FEATURE_SIMD) {
    store<u32>(simdState, a);
    store<u32>(simdState, b, 4);
    p += adler32Simd(pointer, length, simdState);
    a = load<u32>(simdState);
    b = load<u32>(simdState, 4);
  }
  while (p < end) {
    const chunkEnd = min(end, p + NMAX);
    for (; p + 8 <= chunkEnd; p += 8) {
      a += load<u8>(p); b += a;
      a += load<u8>(p, 1); b += a;
      a += load<u8>(p, 2); b += a;
      a += load<u8>(p, 3); b += a;
      a += load<u8>(p, 4); b += a;
      a += load<u8>(p, 5); b += a;
      a += load<u8>(p, 6); b += a;
      a += load<u8>(p, 7); b += a;
    }
    for (; p < chunkEnd; p++) {
      a += load<u8>(p);
      b += a;
    }
    a %= BASE;
    b %= BASE;
  }
  return (b << 16) | a;
}
