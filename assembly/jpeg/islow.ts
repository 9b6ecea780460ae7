// libjpeg's "islow" inverse DCT (libjpeg-turbo src/jidctint.c, jpeg_idct_islow: the Loeffler–Ligtenberg–
// Moschytz butterfly, 13-bit constants, 2 extra bits between the passes), what Pillow, OpenCV, torchvision
// and sharp decode with by default. Columns first, then rows; the coefficients are JCOEF (16-bit), the
// arithmetic 32-bit as in libjpeg-turbo's SIMD builds. The final range limit is libjpeg's
// `range_limit[x & RANGE_MASK]` table: x wrapped to −512..511, plus 128, clamped to a byte. Its zero-AC
// shortcuts equal the full butterfly, so the SIMD build (four columns or rows a lane each) skips them.

import { transposed } from './transpose';

const FIX_0_298631336: i32 = 2446;
const FIX_0_390180644: i32 = 3196;
const FIX_0_541196100: i32 = 4433;
const FIX_0_765366865: i32 = 6270;
const FIX_0_899976223: i32 = 7373;
const FIX_1_175875602: i32 = 9633;
const FIX_1_501321110: i32 = 12299;
const FIX_1_847759065: i32 = 15137;
const FIX_1_961570560: i32 = 16069;
const FIX_2_053119869: i32 = 16819;
const FIX_2_562915447: i32 = 20995;
const FIX_3_072711026: i32 = 25172;
const CONST_BITS: i32 = 13;
const PASS1_BITS: i32 = 2;

/** The workspace between the passes, 64 × i32 (the SIMD build: the transposed copy follows). */
const W: usize = memory.data(512, 16);

/** libjpeg's post-IDCT range limit of a value already descaled. */
@inline
function rangeLimit(x: i32): u8 {
  const s = ((x & 1023) ^ 512) - 384;
  return <u8>(s < 0 ? 0 : s > 255 ? 255 : s);
}

/**
 * One 1-D pass over 8 values `step` bytes apart from `src`, results `step` bytes apart from `dst`, unscaled
 * (the caller descales by `shift`, rounding with `round`).
 */
@inline
function pass(src: usize, dst: usize, step: usize, round: i32, shift: i32): void {
  const i0 = load<i32>(src);
  const i1 = load<i32>(src + step);
  const i2 = load<i32>(src + 2 * step);
  const i3 = load<i32>(src + 3 * step);
  const i4 = load<i32>(src + 4 * step);
  const i5 = load<i32>(src + 5 * step);
  const i6 = load<i32>(src + 6 * step);
  const i7 = load<i32>(src + 7 * step);
  // even part
  let z1 = (i2 + i6) * FIX_0_541196100;
  const t2 = z1 - i6 * FIX_1_847759065;
  const t3 = z1 + i2 * FIX_0_765366865;
  const t0 = (i0 + i4) << CONST_BITS;
  const t1 = (i0 - i4) << CONST_BITS;
  const t10 = t0 + t3;
  const t13 = t0 - t3;
  const t11 = t1 + t2;
  const t12 = t1 - t2;
  // odd part: i7, i5, i3, i1 are libjpeg's tmp0..tmp3
  z1 = i7 + i1;
  let z2 = i5 + i3;
  let z3 = i7 + i3;
  let z4 = i5 + i1;
  const z5 = (z3 + z4) * FIX_1_175875602;
  z1 *= -FIX_0_899976223;
  z2 *= -FIX_2_562915447;
  z3 = z3 * -FIX_1_961570560 + z5;
  z4 = z4 * -FIX_0_390180644 + z5;
  const o0 = i7 * FIX_0_298631336 + z1 + z3;
  const o1 = i5 * FIX_2_053119869 + z2 + z4;
  const o2 = i3 * FIX_3_072711026 + z2 + z3;
  const o3 = i1 * FIX_1_501321110 + z1 + z4;
  store<i32>(dst, (t10 + o3 + round) >> shift);
  store<i32>(dst + 7 * step, (t10 - o3 + round) >> shift);
  store<i32>(dst + step, (t11 + o2 + round) >> shift);
  store<i32>(dst + 6 * step, (t11 - o2 + round) >> shift);
  store<i32>(dst + 2 * step, (t12 + o1 + round) >> shift);
  store<i32>(dst + 5 * step, (t12 - o1 + round) >> shift);
  store<i32>(dst + 3 * step, (t13 + o0 + round) >> shift);
  store<i32>(dst + 4 * step, (t13 - o0 + round) >> shift);
}

/** Coefficients `at` bytes into the block `zz` dequantised with `quant`: four JCOEF (16-bit) times their steps. */
@inline
function dequantised(zz: usize, quant: usize, at: usize): v128 {
  return i32x4.mul(i32x4.shr_s(i32x4.shl(v128.load(zz + at), 16), 16), v128.load(quant + at));
}

/**
 * {@link pass} on four lanes: the vectors `i0`..`i7`, results `step` bytes apart to `dst`; `sparse`: `i4`..`i7`
 * are zero and the terms they would add are left out (wrapping products distribute over sums, so the values
 * are the same).
 */
@inline
function passValues(
  i0: v128, i1: v128, i2: v128, i3: v128, i4: v128, i5: v128, i6: v128, i7: v128, dst: usize, step: usize, round: i32,
  shift: i32, sparse: bool,
): void {
  const r = i32x4.splat(round);
  let t0: v128, t1: v128, t2: v128, t3: v128, o0: v128, o1: v128, o2: v128, o3: v128;
  if (sparse) {
    t2 = i32x4.mul(i2, i32x4.splat(FIX_0_541196100));
    t3 = i32x4.mul(i2, i32x4.splat(FIX_0_541196100 + FIX_0_765366865));
    t0 = i32x4.shl(i0, CONST_BITS);
    t1 = t0;
    const z5 = i32x4.mul(i32x4.add(i3, i1), i32x4.splat(FIX_1_175875602));
    const z1 = i32x4.mul(i1, i32x4.splat(-FIX_0_899976223));
    const z2 = i32x4.mul(i3, i32x4.splat(-FIX_2_562915447));
    const z3 = i32x4.add(i32x4.mul(i3, i32x4.splat(-FIX_1_961570560)), z5);
    const z4 = i32x4.add(i32x4.mul(i1, i32x4.splat(-FIX_0_390180644)), z5);
    o0 = i32x4.add(z1, z3);
    o1 = i32x4.add(z2, z4);
    o2 = i32x4.add(i32x4.mul(i3, i32x4.splat(FIX_3_072711026)), i32x4.add(z2, z3));
    o3 = i32x4.add(i32x4.mul(i1, i32x4.splat(FIX_1_501321110)), i32x4.add(z1, z4));
  } else {
    const z0 = i32x4.mul(i32x4.add(i2, i6), i32x4.splat(FIX_0_541196100));
    t2 = i32x4.sub(z0, i32x4.mul(i6, i32x4.splat(FIX_1_847759065)));
    t3 = i32x4.add(z0, i32x4.mul(i2, i32x4.splat(FIX_0_765366865)));
    t0 = i32x4.shl(i32x4.add(i0, i4), CONST_BITS);
    t1 = i32x4.shl(i32x4.sub(i0, i4), CONST_BITS);
    // odd part: i7, i5, i3, i1 are libjpeg's tmp0..tmp3
    let z1 = i32x4.add(i7, i1);
    let z2 = i32x4.add(i5, i3);
    let z3 = i32x4.add(i7, i3);
    let z4 = i32x4.add(i5, i1);
    const z5 = i32x4.mul(i32x4.add(z3, z4), i32x4.splat(FIX_1_175875602));
    z1 = i32x4.mul(z1, i32x4.splat(-FIX_0_899976223));
    z2 = i32x4.mul(z2, i32x4.splat(-FIX_2_562915447));
    z3 = i32x4.add(i32x4.mul(z3, i32x4.splat(-FIX_1_961570560)), z5);
    z4 = i32x4.add(i32x4.mul(z4, i32x4.splat(-FIX_0_390180644)), z5);
    o0 = i32x4.add(i32x4.mul(i7, i32x4.splat(FIX_0_298631336)), i32x4.add(z1, z3));
    o1 = i32x4.add(i32x4.mul(i5, i32x4.splat(FIX_2_053119869)), i32x4.add(z2, z4));
    o2 = i32x4.add(i32x4.mul(i3, i32x4.splat(FIX_3_072711026)), i32x4.add(z2, z3));
    o3 = i32x4.add(i32x4.mul(i1, i32x4.splat(FIX_1_501321110)), i32x4.add(z1, z4));
  }
  const t10 = i32x4.add(i32x4.add(t0, t3), r);
  const t13 = i32x4.add(i32x4.sub(t0, t3), r);
  const t11 = i32x4.add(i32x4.add(t1, t2), r);
  const t12 = i32x4.add(i32x4.sub(t1, t2), r);
  v128.store(dst, i32x4.shr_s(i32x4.add(t10, o3), shift));
  v128.store(dst + 7 * step, i32x4.shr_s(i32x4.sub(t10, o3), shift));
  v128.store(dst + step, i32x4.shr_s(i32x4.add(t11, o2), shift));
  v128.store(dst + 6 * step, i32x4.shr_s(i32x4.sub(t11, o2), shift));
  v128.store(dst + 2 * step, i32x4.shr_s(i32x4.add(t12, o1), shift));
  v128.store(dst + 5 * step, i32x4.shr_s(i32x4.sub(t12, o1), shift));
  v128.store(dst + 3 * step, i32x4.shr_s(i32x4.add(t13, o0), shift));
  v128.store(dst + 4 * step, i32x4.shr_s(i32x4.sub(t13, o0), shift));
}

/** libjpeg's range limit of eight descaled values, two vectors of four: 16-bit lanes, before the byte clamp. */
@inline
function rangeLimited(a: v128, b: v128): v128 {
  const mask = i32x4.splat(1023);
  const flip = i32x4.splat(512);
  const bias = i32x4.splat(384);
  return i16x8.narrow_i32x4_s(
    i32x4.sub(v128.xor(v128.and(a, mask), flip), bias),
    i32x4.sub(v128.xor(v128.and(b, mask), flip), bias),
  );
}

/** Bytes of columns `c` and `c + 1` (rows 0..7 each) from the row pass's results in `t` (see {@link islowSimd}). */
@inline
function columnPair(t: usize, c: usize): v128 {
  const at = t + (c << 5);
  return i8x16.narrow_i16x8_u(rangeLimited(v128.load(at), v128.load(at, 16)), rangeLimited(v128.load(at, 32), v128.load(at, 48)));
}

/** Both passes four lanes at a time on the block `zz`, dequantised with `quant` on the way in (and cleared); the samples to `out`. */
function islowSimd(zz: usize, quant: usize, out: usize, stride: i32): void {
  const T: usize = W + 256;
  const zero = i32x4.splat(0);
  // columns: vector r of a half is row r of its four columns; columns 4..7 all zero transform to zeros
  let rightZero = false;
  for (let half: usize = 0; half < 2; half++) {
    const at = half << 4;
    const i0 = dequantised(zz, quant, at);
    const i1 = dequantised(zz, quant, at + 32);
    const i2 = dequantised(zz, quant, at + 64);
    const i3 = dequantised(zz, quant, at + 96);
    const i4 = dequantised(zz, quant, at + 128);
    const i5 = dequantised(zz, quant, at + 160);
    const i6 = dequantised(zz, quant, at + 192);
    const i7 = dequantised(zz, quant, at + 224);
    const lower = v128.any_true(v128.or(v128.or(i4, i5), v128.or(i6, i7)));
    const columnShift = CONST_BITS - PASS1_BITS;
    if (half == 1 && !lower && !v128.any_true(v128.or(v128.or(i0, i1), v128.or(i2, i3)))) rightZero = true;
    else if (lower) passValues(i0, i1, i2, i3, i4, i5, i6, i7, W + at, 32, 1 << (columnShift - 1), columnShift, false);
    else passValues(i0, i1, i2, i3, zero, zero, zero, zero, W + at, 32, 1 << (columnShift - 1), columnShift, true);
  }
  for (let i: usize = 0; i < 256; i += 16) v128.store(zz + i, zero);
  // rows: vector j of a half is element j of its four rows, transposed in registers (columns 4..7 unread when
  // zero); the results to T, column c of the half's rows at T + 32c + 16 · half
  const rowShift = CONST_BITS + PASS1_BITS + 3;
  for (let half: usize = 0; half < 2; half++) {
    const rows = W + (half << 7);
    const a = v128.load(rows), b = v128.load(rows, 32), c = v128.load(rows, 64), d = v128.load(rows, 96);
    const x0 = transposed(a, b, c, d, 0), x1 = transposed(a, b, c, d, 1);
    const x2 = transposed(a, b, c, d, 2), x3 = transposed(a, b, c, d, 3);
    const dst = T + (half << 4);
    if (rightZero) {
      passValues(x0, x1, x2, x3, zero, zero, zero, zero, dst, 32, 1 << (rowShift - 1), rowShift, true);
    } else {
      const e = v128.load(rows, 16), f = v128.load(rows, 48), g = v128.load(rows, 80), h = v128.load(rows, 112);
      passValues(
        x0, x1, x2, x3, transposed(e, f, g, h, 0), transposed(e, f, g, h, 1), transposed(e, f, g, h, 2),
        transposed(e, f, g, h, 3), dst, 32, 1 << (rowShift - 1), rowShift, false,
      );
    }
  }
  // T holds column c of rows 0..3 at T + 32c, of rows 4..7 at T + 32c + 16: range limit, bytes, transposed
  const c01 = columnPair(T, 0);
  const c23 = columnPair(T, 2);
  const c45 = columnPair(T, 4);
  const c67 = columnPair(T, 6);
  // columns 0..3 of rows 0..3, of rows 4..7; columns 4..7 likewise
  const left03 = i8x16.shuffle(c01, c23, 0, 8, 16, 24, 1, 9, 17, 25, 2, 10, 18, 26, 3, 11, 19, 27);
  const left47 = i8x16.shuffle(c01, c23, 4, 12, 20, 28, 5, 13, 21, 29, 6, 14, 22, 30, 7, 15, 23, 31);
  const right03 = i8x16.shuffle(c45, c67, 0, 8, 16, 24, 1, 9, 17, 25, 2, 10, 18, 26, 3, 11, 19, 27);
  const right47 = i8x16.shuffle(c45, c67, 4, 12, 20, 28, 5, 13, 21, 29, 6, 14, 22, 30, 7, 15, 23, 31);
  const s = <usize>stride;
  storeRowPair(out, s, i8x16.shuffle(left03, right03, 0, 1, 2, 3, 16, 17, 18, 19, 4, 5, 6, 7, 20, 21, 22, 23));
  storeRowPair(out + 2 * s, s, i8x16.shuffle(left03, right03, 8, 9, 10, 11, 24, 25, 26, 27, 12, 13, 14, 15, 28, 29, 30, 31));
  storeRowPair(out + 4 * s, s, i8x16.shuffle(left47, right47, 0, 1, 2, 3, 16, 17, 18, 19, 4, 5, 6, 7, 20, 21, 22, 23));
  storeRowPair(out + 6 * s, s, i8x16.shuffle(left47, right47, 8, 9, 10, 11, 24, 25, 26, 27, 12, 13, 14, 15, 28, 29, 30, 31));
}

/** Two rows of eight samples, the low and high halves of `rows`, to `out` and `out + stride`. */
@inline
function storeRowPair(out: usize, stride: usize, rows: v128): void {
  v128.store64_lane(out, rows, 0);
  v128.store64_lane(out + stride, rows, 1);
}

/**
 * Dequantises the coefficients `zz` (64 × i32, natural order, read as 16-bit JCOEF, cleared to zero on the
 * way) with `quant` (64 × i32), transforms them as libjpeg's islow IDCT does and writes the 8×8 samples to
 * `out` (rows `stride` bytes apart). `dcOnly` (no AC coefficient is non-zero): every sample equal.
 */
export function islowBlock(zz: usize, quant: usize, out: usize, stride: i32, dcOnly: bool): void {
  if (dcOnly) {
    const dc = (<i32><i16>load<i32>(zz) * load<i32>(quant)) << PASS1_BITS;
    const value = <u64>rangeLimit((dc + (1 << (PASS1_BITS + 2))) >> (PASS1_BITS + 3)) * 0x0101010101010101;
    store<i32>(zz, 0);
    for (let y: usize = 0; y < 8; y++) store<u64>(out + y * <usize>stride, value);
    return;
  }
  if (ASC_FEATURE_SIMD) {
    islowSimd(zz, quant, out, stride);
    return;
  }
  for (let i: usize = 0; i < 256; i += 4) {
    store<i32>(W + i, <i32><i16>load<i32>(zz + i) * load<i32>(quant + i));
    store<i32>(zz + i, 0);
  }
  for (let col: usize = 0; col < 8; col++) {
    pass(W + (col << 2), W + (col << 2), 32, 1 << (CONST_BITS - PASS1_BITS - 1), CONST_BITS - PASS1_BITS);
  }
  const rowShift = CONST_BITS + PASS1_BITS + 3;
  for (let row: usize = 0; row < 8; row++) {
    const line = W + (row << 5);
    pass(line, line, 4, 1 << (rowShift - 1), rowShift);
    const o = out + row * <usize>stride;
    for (let x: usize = 0; x < 8; x++) store<u8>(o + x, rangeLimit(load<i32>(line + (x << 2))));
  }
}
