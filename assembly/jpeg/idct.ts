// Dequantisation and inverse DCT of one 8×8 block, a port of jpeg-js's quantizeAndInverse (poppler's
// integer IDCT after Loeffler, Ligtenberg and Moschytz, 12-bit constants). JavaScript computes each step
// exactly in doubles (every intermediate stays below 2^53) and wraps it to 32 bits where it shifts or stores
// into its Int32Array; wrapping commutes with + − ×, so 32-bit integer arithmetic gives the same values
// for every input, the SIMD build four lanes at a time.
import {
  C_BLOCKS_PER_COLUMN, C_BLOCKS_PER_LINE, C_COEFFICIENTS, C_PADDED_PER_LINE, C_PLANE, C_QUANT, component, F_ISLOW,
} from './layout';
import { islowBlock } from './islow';
import { transposed } from './transpose';
import { transformOrder } from './zigzag';

const COS1: i32 = 4017; // cos(pi/16)
const SIN1: i32 = 799; // sin(pi/16)
const COS3: i32 = 3406; // cos(3*pi/16)
const SIN3: i32 = 2276; // sin(3*pi/16)
const COS6: i32 = 1567; // cos(6*pi/16)
const SIN6: i32 = 3784; // sin(6*pi/16)
const SQRT2: i32 = 5793; // sqrt(2)
const SQRT1D2: i32 = 2896; // sqrt(2) / 2

/** The dequantised block between the two passes, 64 × i32. */
const P: usize = memory.data(256, 16);

/**
 * One 1-D pass over 8 values `step` bytes apart from `p`: rows (`step` 4) round stage 4 by 8 bits and scale the
 * odd inputs by 16; columns (`step` 32) round by 12 bits. Rows and columns whose AC values are all zero take
 * jpeg-js's shortcut, whose rounding differs from the full butterfly.
 */
@inline
function pass(p: usize, step: usize, column: bool): void {
  const x0 = load<i32>(p);
  const x1 = load<i32>(p + step);
  const x2 = load<i32>(p + 2 * step);
  const x3 = load<i32>(p + 3 * step);
  const x4 = load<i32>(p + 4 * step);
  const x5 = load<i32>(p + 5 * step);
  const x6 = load<i32>(p + 6 * step);
  const x7 = load<i32>(p + 7 * step);
  if ((x1 | x2 | x3 | x4 | x5 | x6 | x7) == 0) {
    const t = column ? (SQRT2 * x0 + 8192) >> 14 : (SQRT2 * x0 + 512) >> 10;
    for (let i: usize = 0; i < 8; i++) store<i32>(p + i * step, t);
    return;
  }
  const round = column ? 2048 : 128;
  const shift = column ? 12 : 8;
  // stage 4
  let v0 = (SQRT2 * x0 + round) >> shift;
  let v1 = (SQRT2 * x4 + round) >> shift;
  let v2 = x2;
  let v3 = x6;
  let v4 = (SQRT1D2 * (x1 - x7) + round) >> shift;
  let v7 = (SQRT1D2 * (x1 + x7) + round) >> shift;
  let v5 = column ? x3 : x3 << 4;
  let v6 = column ? x5 : x5 << 4;
  // stage 3
  let t = (v0 - v1 + 1) >> 1;
  v0 = (v0 + v1 + 1) >> 1;
  v1 = t;
  t = (v2 * SIN6 + v3 * COS6 + round) >> shift;
  v2 = (v2 * COS6 - v3 * SIN6 + round) >> shift;
  v3 = t;
  t = (v4 - v6 + 1) >> 1;
  v4 = (v4 + v6 + 1) >> 1;
  v6 = t;
  t = (v7 + v5 + 1) >> 1;
  v5 = (v7 - v5 + 1) >> 1;
  v7 = t;
  // stage 2
  t = (v0 - v3 + 1) >> 1;
  v0 = (v0 + v3 + 1) >> 1;
  v3 = t;
  t = (v1 - v2 + 1) >> 1;
  v1 = (v1 + v2 + 1) >> 1;
  v2 = t;
  t = (v4 * SIN3 + v7 * COS3 + 2048) >> 12;
  v4 = (v4 * COS3 - v7 * SIN3 + 2048) >> 12;
  v7 = t;
  t = (v5 * SIN1 + v6 * COS1 + 2048) >> 12;
  v5 = (v5 * COS1 - v6 * SIN1 + 2048) >> 12;
  v6 = t;
  // stage 1
  store<i32>(p, v0 + v7);
  store<i32>(p + 7 * step, v0 - v7);
  store<i32>(p + step, v1 + v6);
  store<i32>(p + 6 * step, v1 - v6);
  store<i32>(p + 2 * step, v2 + v5);
  store<i32>(p + 5 * step, v2 - v5);
  store<i32>(p + 3 * step, v3 + v4);
  store<i32>(p + 4 * step, v3 - v4);
}

/** The row pass's results (SIMD build): 2 groups of rows × 8 outputs. */
const Q: usize = memory.data(256, 16);

/** jpeg-js's final step for one value: 128 + ((v + 8) >> 4), clamped to a byte. */
@inline
function toSample(v: i32): u8 {
  const sample = 128 + ((v + 8) >> 4);
  return <u8>(sample < 0 ? 0 : sample > 255 ? 255 : sample);
}

/**
 * The SIMD build's 1-D pass over eight vectors `x0`..`x7` (four independent lanes), `column` choosing the
 * rounding as in {@link pass}, lanes whose inputs 1..7 are all zero taking the shortcut. Writes the eight
 * outputs to `dst`, 16 bytes apart. `sparse`: `x4`..`x7` are zero (not read), and the terms they would
 * add are left out — the same values with fewer operations.
 */
@inline
function passV(
  x0: v128, x1: v128, x2: v128, x3: v128, x4: v128, x5: v128, x6: v128, x7: v128, column: bool, sparse: bool, dst: usize,
): void {
  const round = i32x4.splat(column ? 2048 : 128);
  const shift = column ? 12 : 8;
  const one = i32x4.splat(1);
  const r12 = i32x4.splat(2048);
  const sqrt2 = i32x4.splat(SQRT2);
  const sqrt1d2 = i32x4.splat(SQRT1D2);
  let v0 = i32x4.shr_s(i32x4.add(i32x4.mul(sqrt2, x0), round), shift);
  let v2 = x2;
  let v5 = column ? x3 : i32x4.shl(x3, 4);
  let v1: v128, v3: v128, v4: v128, v6: v128, v7: v128, t: v128;
  if (sparse) {
    // stage 4 gives v1 = v3 = v6 = 0 (the rounding of zero is zero) and v4 = v7
    v7 = i32x4.shr_s(i32x4.add(i32x4.mul(sqrt1d2, x1), round), shift);
    // stage 3
    v0 = i32x4.shr_s(i32x4.add(v0, one), 1);
    v1 = v0;
    v3 = i32x4.shr_s(i32x4.add(i32x4.mul(v2, i32x4.splat(SIN6)), round), shift);
    v2 = i32x4.shr_s(i32x4.add(i32x4.mul(v2, i32x4.splat(COS6)), round), shift);
    v4 = i32x4.shr_s(i32x4.add(v7, one), 1);
    v6 = v4;
  } else {
    v1 = i32x4.shr_s(i32x4.add(i32x4.mul(sqrt2, x4), round), shift);
    v3 = x6;
    v4 = i32x4.shr_s(i32x4.add(i32x4.mul(sqrt1d2, i32x4.sub(x1, x7)), round), shift);
    v7 = i32x4.shr_s(i32x4.add(i32x4.mul(sqrt1d2, i32x4.add(x1, x7)), round), shift);
    v6 = column ? x5 : i32x4.shl(x5, 4);
    // stage 3
    t = i32x4.shr_s(i32x4.add(i32x4.sub(v0, v1), one), 1);
    v0 = i32x4.shr_s(i32x4.add(i32x4.add(v0, v1), one), 1);
    v1 = t;
    t = i32x4.shr_s(i32x4.add(i32x4.add(i32x4.mul(v2, i32x4.splat(SIN6)), i32x4.mul(v3, i32x4.splat(COS6))), round), shift);
    v2 = i32x4.shr_s(i32x4.add(i32x4.sub(i32x4.mul(v2, i32x4.splat(COS6)), i32x4.mul(v3, i32x4.splat(SIN6))), round), shift);
    v3 = t;
    t = i32x4.shr_s(i32x4.add(i32x4.sub(v4, v6), one), 1);
    v4 = i32x4.shr_s(i32x4.add(i32x4.add(v4, v6), one), 1);
    v6 = t;
  }
  t = i32x4.shr_s(i32x4.add(i32x4.add(v7, v5), one), 1);
  v5 = i32x4.shr_s(i32x4.add(i32x4.sub(v7, v5), one), 1);
  v7 = t;
  // stage 2
  t = i32x4.shr_s(i32x4.add(i32x4.sub(v0, v3), one), 1);
  v0 = i32x4.shr_s(i32x4.add(i32x4.add(v0, v3), one), 1);
  v3 = t;
  t = i32x4.shr_s(i32x4.add(i32x4.sub(v1, v2), one), 1);
  v1 = i32x4.shr_s(i32x4.add(i32x4.add(v1, v2), one), 1);
  v2 = t;
  t = i32x4.shr_s(i32x4.add(i32x4.add(i32x4.mul(v4, i32x4.splat(SIN3)), i32x4.mul(v7, i32x4.splat(COS3))), r12), 12);
  v4 = i32x4.shr_s(i32x4.add(i32x4.sub(i32x4.mul(v4, i32x4.splat(COS3)), i32x4.mul(v7, i32x4.splat(SIN3))), r12), 12);
  v7 = t;
  t = i32x4.shr_s(i32x4.add(i32x4.add(i32x4.mul(v5, i32x4.splat(SIN1)), i32x4.mul(v6, i32x4.splat(COS1))), r12), 12);
  v5 = i32x4.shr_s(i32x4.add(i32x4.sub(i32x4.mul(v5, i32x4.splat(COS1)), i32x4.mul(v6, i32x4.splat(SIN1))), r12), 12);
  v6 = t;
  // the shortcut for lanes without AC values
  const high = sparse ? x3 : v128.or(v128.or(x3, x4), v128.or(v128.or(x5, x6), x7));
  const flat = i32x4.eq(v128.or(v128.or(x1, x2), high), i32x4.splat(0));
  const short = column
    ? i32x4.shr_s(i32x4.add(i32x4.mul(sqrt2, x0), i32x4.splat(8192)), 14)
    : i32x4.shr_s(i32x4.add(i32x4.mul(sqrt2, x0), i32x4.splat(512)), 10);
  // stage 1
  v128.store(dst, v128.bitselect(short, i32x4.add(v0, v7), flat));
  v128.store(dst, v128.bitselect(short, i32x4.add(v1, v6), flat), 16);
  v128.store(dst, v128.bitselect(short, i32x4.add(v2, v5), flat), 32);
  v128.store(dst, v128.bitselect(short, i32x4.add(v3, v4), flat), 48);
  v128.store(dst, v128.bitselect(short, i32x4.sub(v3, v4), flat), 64);
  v128.store(dst, v128.bitselect(short, i32x4.sub(v2, v5), flat), 80);
  v128.store(dst, v128.bitselect(short, i32x4.sub(v1, v6), flat), 96);
  v128.store(dst, v128.bitselect(short, i32x4.sub(v0, v7), flat), 112);
}

/**
 * Both passes four lanes at a time on the coefficients `zz` (stored transposed, see {@link transformBlock}),
 * dequantised with `quant` on the way in (and cleared); the samples to `out`.
 */
function transformSimd(zz: usize, quant: usize, out: usize, stride: i32): void {
  const zero = i32x4.splat(0);
  // rows: lanes are four rows, vector j their element j — in the transposed block, column j's half g
  let lowerZero = false;
  for (let g: usize = 0; g < 2; g++) {
    const at = g << 4;
    const x0 = i32x4.mul(v128.load(zz + at), v128.load(quant + at));
    const x1 = i32x4.mul(v128.load(zz + at, 32), v128.load(quant + at, 32));
    const x2 = i32x4.mul(v128.load(zz + at, 64), v128.load(quant + at, 64));
    const x3 = i32x4.mul(v128.load(zz + at, 96), v128.load(quant + at, 96));
    const x4 = i32x4.mul(v128.load(zz + at, 128), v128.load(quant + at, 128));
    const x5 = i32x4.mul(v128.load(zz + at, 160), v128.load(quant + at, 160));
    const x6 = i32x4.mul(v128.load(zz + at, 192), v128.load(quant + at, 192));
    const x7 = i32x4.mul(v128.load(zz + at, 224), v128.load(quant + at, 224));
    for (let j: usize = 0; j < 256; j += 32) v128.store(zz + at + j, zero);
    const rows = Q + (g << 7);
    const high = v128.any_true(v128.or(v128.or(x4, x5), v128.or(x6, x7)));
    if (!high && !v128.any_true(v128.or(v128.or(x0, x1), v128.or(x2, x3)))) {
      // four rows of zeros transform to zeros
      for (let j: usize = 0; j < 128; j += 16) v128.store(rows + j, zero);
      lowerZero = g == 1;
      continue;
    }
    if (high) passV(x0, x1, x2, x3, x4, x5, x6, x7, false, false, rows);
    else passV(x0, x1, x2, x3, zero, zero, zero, zero, false, true, rows);
  }
  // columns: lanes are four columns, vector r their row r; the row results of group g hold rows 4g..4g+3
  for (let half: usize = 0; half < 2; half++) {
    const upper = Q + (half << 6);
    const a = v128.load(upper), b = v128.load(upper, 16), c = v128.load(upper, 32), d = v128.load(upper, 48);
    const x0 = transposed(a, b, c, d, 0), x1 = transposed(a, b, c, d, 1);
    const x2 = transposed(a, b, c, d, 2), x3 = transposed(a, b, c, d, 3);
    if (lowerZero) {
      passV(x0, x1, x2, x3, zero, zero, zero, zero, true, true, P + (half << 7));
    } else {
      const lower = upper + 128;
      const e = v128.load(lower), f = v128.load(lower, 16), g = v128.load(lower, 32), h = v128.load(lower, 48);
      passV(
        x0, x1, x2, x3, transposed(e, f, g, h, 0), transposed(e, f, g, h, 1), transposed(e, f, g, h, 2),
        transposed(e, f, g, h, 3), true, false, P + (half << 7),
      );
    }
  }
  // P now holds, for half h, row r at P + h·128 + r·16 (four columns); 128 + ((v + 8) >> 4) = (v + 2056) >> 4
  const bias = i32x4.splat(2056);
  for (let r: usize = 0; r < 8; r++) {
    const left = i32x4.shr_s(i32x4.add(v128.load(P + (r << 4)), bias), 4);
    const right = i32x4.shr_s(i32x4.add(v128.load(P + 128 + (r << 4)), bias), 4);
    const words = i16x8.narrow_i32x4_s(left, right);
    store<u64>(out + r * <usize>stride, i64x2.extract_lane(i8x16.narrow_i16x8_u(words, words), 0));
  }
}

/**
 * Dequantises the coefficients `zz` (64 × i32, stored transposed: coefficient (u, v) of row u, column v at
 * index 8v + u, cleared to zero on the way) with `quant` (64 × i32, the same order), transforms them and
 * writes the 8×8 samples, clamped to 0..255, to `out` (rows `stride` bytes apart). `dcOnly` (no AC
 * coefficient is non-zero) takes the passes' shortcuts at once: every sample equal.
 */
export function transformBlock(zz: usize, quant: usize, out: usize, stride: i32, dcOnly: bool): void {
  if (dcOnly) {
    const row = (SQRT2 * (load<i32>(zz) * load<i32>(quant)) + 512) >> 10;
    const value = <u64>toSample((SQRT2 * row + 8192) >> 14) * 0x0101010101010101;
    store<i32>(zz, 0);
    for (let y: usize = 0; y < 8; y++) store<u64>(out + y * <usize>stride, value);
    return;
  }
  if (ASC_FEATURE_SIMD) {
    transformSimd(zz, quant, out, stride);
    return;
  }
  for (let i: usize = 0; i < 256; i += 4) {
    store<i32>(P + i, load<i32>(zz + i) * load<i32>(quant + i));
    store<i32>(zz + i, 0);
  }
  for (let row: usize = 0; row < 8; row++) pass(P + (row << 2), 32, false);
  for (let col: usize = 0; col < 8; col++) pass(P + (col << 5), 4, true);
  for (let y: usize = 0; y < 8; y++) {
    const line = out + y * <usize>stride;
    for (let x: usize = 0; x < 8; x++) store<u8>(line + x, toSample(load<i32>(P + ((x << 5) + (y << 2)))));
  }
}

/** A progressive block in the order of the frame's transform, between its coefficients and the transform. */
const ORDERED: usize = memory.data(256, 16);

/** Transforms one block with the frame's inverse DCT (F_ISLOW): jpeg-js's or libjpeg's islow. */
@inline
export function transformBlockOf(frame: usize, zz: usize, quant: usize, out: usize, stride: i32, dcOnly: bool): void {
  if (load<i32>(frame, F_ISLOW) != 0) islowBlock(zz, quant, out, stride, dcOnly);
  else transformBlock(zz, quant, out, stride, dcOnly);
}

/**
 * Transforms every block of component `index` of a progressive frame from its coefficients (in zigzag order,
 * see zigzag.ts) into its samples, after the last scan (as jpeg-js's buildComponentData does, with the
 * quantisation tables as they are then).
 */
export function transformComponent(frame: usize, index: i32): void {
  const c = component(frame, index);
  const perLine = load<i32>(c, C_BLOCKS_PER_LINE);
  const perColumn = load<i32>(c, C_BLOCKS_PER_COLUMN);
  const padded = <usize>load<i32>(c, C_PADDED_PER_LINE);
  const coefficients = <usize>load<i32>(c, C_COEFFICIENTS);
  const quant = <usize>load<i32>(c, C_QUANT);
  const plane = <usize>load<i32>(c, C_PLANE);
  const order = transformOrder(load<i32>(frame, F_ISLOW) != 0);
  const stride = perLine << 3;
  for (let row = 0; row < perColumn; row++) {
    for (let col = 0; col < perLine; col++) {
      const zz = coefficients + ((<usize>row * padded + <usize>col) << 8);
      // ORDERED is all zeros here (the transforms clear what they read)
      store<i32>(ORDERED, load<i32>(zz));
      let ac = 0;
      for (let k: usize = 1; k < 64; k++) {
        const value = load<i32>(zz + (k << 2));
        store<i32>(ORDERED + (<usize>load<u8>(order + k) << 2), value);
        ac |= value;
      }
      transformBlockOf(frame, ORDERED, quant, plane + <usize>((row << 3) * stride + (col << 3)), stride, ac == 0);
    }
  }
}
