import { blend, blendConstant, blendWordsV, COLUMN_ROUND, ONE, PAIR_HIGH, PAIR_LOW, ROW_ROUND } from './bilinear';
import { BORDER_CONSTANT, fillRun, pixelAt } from './border';

// Warps by inverse mapping: each output pixel (x, y) takes the source position (sx, sy), computed in
// float64, sampled bilinearly (the fixed point of bilinear.ts) or at the nearest pixel, with neighbours
// outside the source read through the border mode (border.ts). Two families:
//
// affine (warpAffine, affine, rotate), per pixel, with u = (x − ox) − tx, v = (y − oy) − ty:
//
//     sx = ((cx + m00·u) + m01·v) + c0,   sy = ((cy + m10·u) + m11·v) + c1
//
// which is warpAffine's (a·x + b·y) + c with ox = tx = cx = 0, and the centred forms of affine and rotate
// with c0 = c1 = 0. The parts that depend only on the column are tabulated once per call.
//
// perspective: sx = ((h0·x + h1·y) + h2) / den, sy = ((h3·x + h4·y) + h5) / den, den = (h6·x + h7·y) + 1;
// den ≤ 0 (behind the horizon) takes the fill colour whatever the border.

/**
 * 2^52 + 2^51: added to an integer-valued f64 of magnitude below 2^51 it gives a sum whose low 32 bits
 * are that integer (two's complement), exactly. Cheaper than f64 → i32 conversion, which engines check
 * for overflow; the binding keeps coordinates within ±2^30.
 */
const MAGIC: f64 = 6755399441055744.0;

/** Source coordinates beyond ±2^30 are clamped there (only perspective can reach them). */
const FAR: f64 = 1073741824.0;

// @ts-ignore: decorator
@inline
function toInt(integral: f64): i32 {
  return <i32>reinterpret<i64>(integral + MAGIC);
}

/** The bilinear sample whose upper-left neighbour is (x0, y0), with weights wx, wy, under `border`. */
// @ts-ignore: decorator
@inline
function sampleAt(src: usize, w: i32, h: i32, x0: i32, y0: i32, wx: i32, wy: i32, border: i32, fill: u32): u32 {
  if (<u32>x0 < <u32>(w - 1) && <u32>y0 < <u32>(h - 1)) {
    // all four neighbours inside: the fast path
    const rowBytes = <usize>w << 2;
    const p = src + <usize>y0 * rowBytes + (<usize>x0 << 2);
    return blend(load<u32>(p), load<u32>(p, 4), load<u32>(p + rowBytes), load<u32>(p + rowBytes, 4), wx, wy);
  }
  return sampleBorder(src, w, h, x0, y0, wx, wy, border, fill);
}

/** `sampleAt` where some neighbour is outside: each neighbour through the border rule. */
function sampleBorder(src: usize, w: i32, h: i32, x0: i32, y0: i32, wx: i32, wy: i32, border: i32, fill: u32): u32 {
  return blend(
    pixelAt(src, w, h, x0, y0, border, fill),
    pixelAt(src, w, h, x0 + 1, y0, border, fill),
    pixelAt(src, w, h, x0, y0 + 1, border, fill),
    pixelAt(src, w, h, x0 + 1, y0 + 1, border, fill),
    wx,
    wy,
  );
}

/** The output pixel for source position (sx, sy): bilinear or nearest, under `border`. */
// @ts-ignore: decorator
@inline
function pixelFor(src: usize, w: i32, h: i32, sx: f64, sy: f64, border: i32, nearest: bool, fill: u32): u32 {
  if (nearest) return pixelAt(src, w, h, toInt(Math.floor(sx + 0.5)), toInt(Math.floor(sy + 0.5)), border, fill);
  const fx0 = Math.floor(sx);
  const fy0 = Math.floor(sy);
  // weight(f) = trunc(f · 2^14 + 0.5), i.e. floor for these positive values
  const wx = toInt(Math.floor((sx - fx0) * 16384.0 + 0.5));
  const wy = toInt(Math.floor((sy - fy0) * 16384.0 + 0.5));
  return sampleAt(src, w, h, toInt(fx0), toInt(fy0), wx, wy, border, fill);
}

/**
 * Two bilinear output pixels (8 bytes, in the low half) for source positions sx, sy (f64x2 [a, b]) whose
 * four neighbours are all inside the source: the arithmetic of `pixelFor`, two pixels at a time.
 */
// @ts-ignore: decorator
@inline
function blendPairV(
  src: usize, rowBytes: usize, stride: v128, sx: v128, sy: v128,
  pairLow: v128, pairHigh: v128, rowRound: v128, columnRound: v128,
): v128 {
  const fx = f64x2.floor(sx);
  const fy = f64x2.floor(sy);
  const wx = f64x2.floor(f64x2.add(f64x2.mul(f64x2.sub(sx, fx), f64x2.splat(16384.0)), f64x2.splat(0.5)));
  const wy = f64x2.floor(f64x2.add(f64x2.mul(f64x2.sub(sy, fy), f64x2.splat(16384.0)), f64x2.splat(0.5)));
  const magic = f64x2.splat(MAGIC);
  // [x0a x0b y0a y0b] and [wxa wxb wya wyb] from the low words of the magic sums
  const corners = i32x4.shuffle(f64x2.add(fx, magic), f64x2.add(fy, magic), 0, 2, 4, 6);
  const weights = i32x4.shuffle(f64x2.add(wx, magic), f64x2.add(wy, magic), 0, 2, 4, 6);
  const pairs = v128.or(i32x4.shl(weights, 16), i32x4.sub(i32x4.splat(ONE), weights)); // weightPair per lane
  // byte offsets (y0·w + x0)·4 of the upper-left neighbours, in lanes 2 and 3
  const offsets = i32x4.shl(i32x4.add(i32x4.mul(corners, stride), i32x4.shuffle(corners, corners, 0, 1, 0, 1)), 2);
  const pa = src + <usize>i32x4.extract_lane(offsets, 2);
  const pb = src + <usize>i32x4.extract_lane(offsets, 3);
  const va = v128.load64_lane(pa + rowBytes, v128.load64_zero(pa), 1);
  const vb = v128.load64_lane(pb + rowBytes, v128.load64_zero(pb), 1);
  const a = blendWordsV(va, i32x4.shuffle(pairs, pairs, 0, 0, 0, 0), i32x4.shuffle(pairs, pairs, 2, 2, 2, 2), pairLow, pairHigh, rowRound, columnRound);
  const b = blendWordsV(vb, i32x4.shuffle(pairs, pairs, 1, 1, 1, 1), i32x4.shuffle(pairs, pairs, 3, 3, 3, 3), pairLow, pairHigh, rowRound, columnRound);
  const words = i16x8.narrow_i32x4_s(a, b);
  return i8x16.narrow_i16x8_u(words, words);
}

/** Bytes of scratch an affine warp needs for an output width of `dw`: two f64 column tables (plus a vector of slack). */
export function warpAffineScratch(dw: i32): usize {
  return (<usize>dw << 4) + 16;
}

// The row being warped: its offsets m01·v, m11·v and the constants c0, c1.
let offsetX: f64 = 0.0;
let offsetY: f64 = 0.0;
let shiftX: f64 = 0.0;
let shiftY: f64 = 0.0;

/**
 * The affine warp (see the top of this file) of `src` (w×h) into `dst` (dw×dh); `border` is a border
 * code, `fill` packed RGBA, `scratch` warpAffineScratch(dw) bytes.
 */
export function warpAffine(
  src: usize, w: i32, h: i32, dst: usize, dw: i32, dh: i32,
  ox: f64, oy: f64, tx: f64, ty: f64, cx: f64, cy: f64,
  m00: f64, m01: f64, m10: f64, m11: f64, c0: f64, c1: f64,
  border: i32, nearest: bool, fill: u32, scratch: usize,
): void {
  const columnsX = scratch; // cx + m00·u per output column
  const columnsY = scratch + (<usize>dw << 3) + 8; // cy + m10·u
  for (let x = 0; x < dw; x++) {
    const u = (<f64>x - ox) - tx;
    store<f64>(columnsX + (<usize>x << 3), cx + m00 * u);
    store<f64>(columnsY + (<usize>x << 3), cy + m10 * u);
  }
  shiftX = c0;
  shiftY = c1;
  const rowBytes = <usize>dw << 2;
  for (let y = 0; y < dh; y++) {
    const v = (<f64>y - oy) - ty;
    offsetX = m01 * v;
    offsetY = m11 * v;
    const row = dst + <usize>y * rowBytes;
    if (nearest) affineRun(src, w, h, row, columnsX, columnsY, 0, dw, border, true, fill);
    else affineBilinearRow(src, w, h, row, columnsX, columnsY, dw, m00 >= 0.0, m10 >= 0.0, border, fill);
  }
}

/**
 * One bilinear row. Along the row x0 and y0 are monotonic, so the columns split into five runs: all
 * neighbours outside, some inside (edge), all inside (interior, SIMD), some inside, all outside; the
 * outer runs are the fill colour under a constant border.
 */
function affineBilinearRow(
  src: usize, w: i32, h: i32, row: usize, columnsX: usize, columnsY: usize, dw: i32,
  ascendingX: bool, ascendingY: bool, border: i32, fill: u32,
): void {
  span(columnsX, columnsY, dw, -1, w - 1, -1, h - 1, ascendingX, ascendingY);
  let outerStart = spanStart;
  let outerEnd = spanEnd;
  span(columnsX, columnsY, dw, 0, w - 2, 0, h - 2, ascendingX, ascendingY);
  let innerStart = spanStart;
  let innerEnd = spanEnd;
  if (innerStart >= innerEnd) innerStart = innerEnd = outerEnd; // no interior: one edge run
  if (border == BORDER_CONSTANT) {
    fillRun(row, 0, outerStart, fill);
    fillRun(row, outerEnd, dw, fill);
  } else {
    outerStart = 0;
    outerEnd = dw;
  }
  affineRun(src, w, h, row, columnsX, columnsY, outerStart, innerStart, border, false, fill);
  if (ASC_FEATURE_SIMD) affineInteriorV(src, w, h, row, columnsX, columnsY, innerStart, innerEnd);
  else affineRun(src, w, h, row, columnsX, columnsY, innerStart, innerEnd, border, false, fill);
  affineRun(src, w, h, row, columnsX, columnsY, innerEnd, outerEnd, border, false, fill);
}

/**
 * Sets [spanStart, spanEnd) to the columns of the current row where x0 is within [x0Low, x0High] and y0
 * within [y0Low, y0High] (an empty span may have spanStart >= spanEnd).
 */
function span(
  columnsX: usize, columnsY: usize, n: i32, x0Low: i32, x0High: i32, y0Low: i32, y0High: i32,
  ascendingX: bool, ascendingY: bool,
): void {
  interval(columnsX, n, offsetX, shiftX, x0Low, x0High, ascendingX);
  const start = spanStart;
  const end = spanEnd;
  interval(columnsY, n, offsetY, shiftY, y0Low, y0High, ascendingY);
  if (start > spanStart) spanStart = start;
  if (end < spanEnd) spanEnd = end;
}

let spanStart = 0;
let spanEnd = 0;

/** floor((table[x] + offset) + shift), as the row loops compute it. */
// @ts-ignore: decorator
@inline
function floorAt(table: usize, x: i32, offset: f64, shift: f64): f64 {
  return Math.floor((load<f64>(table + (<usize>x << 3)) + offset) + shift);
}

/**
 * Sets [spanStart, spanEnd) to the x in [0, n) with first <= floor((table[x] + offset) + shift) <= last,
 * where the table is non-decreasing (`ascending`) or non-increasing in x, so the floors are too (IEEE
 * addition and floor are monotonic): two binary searches on the exact values the row loops use.
 */
function interval(table: usize, n: i32, offset: f64, shift: f64, first: i32, last: i32, ascending: bool): void {
  const low = <f64>first;
  const high = <f64>last;
  // first x where the floor has passed `low` (ascending) or come down to `high` (descending)
  let a = 0, b = n;
  while (a < b) {
    const m = (a + b) >>> 1;
    const v = floorAt(table, m, offset, shift);
    if (ascending ? v >= low : v <= high) b = m;
    else a = m + 1;
  }
  spanStart = a;
  // first x (from there) where the floor has gone past `high` (ascending) or below `low` (descending)
  b = n;
  while (a < b) {
    const m = (a + b) >>> 1;
    const v = floorAt(table, m, offset, shift);
    if (ascending ? v > high : v < low) b = m;
    else a = m + 1;
  }
  spanEnd = a;
}

/** Output columns [from, to) of the current row, one pixel at a time. */
function affineRun(
  src: usize, w: i32, h: i32, row: usize, columnsX: usize, columnsY: usize, from: i32, to: i32,
  border: i32, nearest: bool, fill: u32,
): void {
  const ox = offsetX;
  const oy = offsetY;
  const c0 = shiftX;
  const c1 = shiftY;
  for (let x = from; x < to; x++) {
    const sx = (load<f64>(columnsX + (<usize>x << 3)) + ox) + c0;
    const sy = (load<f64>(columnsY + (<usize>x << 3)) + oy) + c1;
    store<u32>(row + (<usize>x << 2), pixelFor(src, w, h, sx, sy, border, nearest, fill));
  }
}

/** Output columns [from, to) of the current row whose four neighbours are all inside: two pixels at a time. */
function affineInteriorV(src: usize, w: i32, h: i32, row: usize, columnsX: usize, columnsY: usize, from: i32, to: i32): void {
  const pairLow = blendConstant(PAIR_LOW);
  const pairHigh = blendConstant(PAIR_HIGH);
  const rowRound = blendConstant(ROW_ROUND);
  const columnRound = blendConstant(COLUMN_ROUND);
  const ox = f64x2.splat(offsetX);
  const oy = f64x2.splat(offsetY);
  const c0 = f64x2.splat(shiftX);
  const c1 = f64x2.splat(shiftY);
  const rowBytes = <usize>w << 2;
  const stride = i32x4.splat(w);
  let x = from;
  for (; x + 2 <= to; x += 2) {
    const sx = f64x2.add(f64x2.add(v128.load(columnsX + (<usize>x << 3)), ox), c0);
    const sy = f64x2.add(f64x2.add(v128.load(columnsY + (<usize>x << 3)), oy), c1);
    const pixels = blendPairV(src, rowBytes, stride, sx, sy, pairLow, pairHigh, rowRound, columnRound);
    v128.store64_lane(row + (<usize>x << 2), pixels, 0);
  }
  if (x < to) affineRun(src, w, h, row, columnsX, columnsY, x, to, BORDER_CONSTANT, false, 0);
}


/**
 * The perspective warp (see the top of this file) of `src` (w×h) into `dst` (dw×dh) with the homography
 * h0..h7 (output → source); `border` a border code, `fill` packed RGBA, `scratch`
 * 24·dw + 16 bytes (three f64 column tables). Source coordinates beyond ±2^30 are clamped there.
 */
export function warpPerspective(
  src: usize, w: i32, h: i32, dst: usize, dw: i32, dh: i32,
  h0: f64, h1: f64, h2: f64, h3: f64, h4: f64, h5: f64, h6: f64, h7: f64,
  border: i32, nearest: bool, fill: u32, scratch: usize,
): void {
  const columnsX = scratch; // h0·x
  const columnsY = scratch + (<usize>dw << 3) + 8; // h3·x
  const columnsD = columnsY + (<usize>dw << 3); // h6·x
  for (let x = 0; x < dw; x++) {
    store<f64>(columnsX + (<usize>x << 3), h0 * <f64>x);
    store<f64>(columnsY + (<usize>x << 3), h3 * <f64>x);
    store<f64>(columnsD + (<usize>x << 3), h6 * <f64>x);
  }
  const rowBytes = <usize>dw << 2;
  for (let y = 0; y < dh; y++) {
    const fy = <f64>y;
    const row = dst + <usize>y * rowBytes;
    const rx = h1 * fy;
    const ry = h4 * fy;
    const rd = h7 * fy;
    if (ASC_FEATURE_SIMD && !nearest) {
      perspectiveRowV(src, w, h, row, columnsX, columnsY, columnsD, dw, rx, ry, rd, h2, h5, border, fill);
    } else {
      perspectiveRun(src, w, h, row, columnsX, columnsY, columnsD, 0, dw, rx, ry, rd, h2, h5, border, nearest, fill);
    }
  }
}

/** The output pixel at column x of a perspective row (row terms rx, ry, rd; constants h2, h5). */
// @ts-ignore: decorator
@inline
function perspectivePixel(
  src: usize, w: i32, h: i32, columnsX: usize, columnsY: usize, columnsD: usize, x: i32,
  rx: f64, ry: f64, rd: f64, h2: f64, h5: f64, border: i32, nearest: bool, fill: u32,
): u32 {
  const den = (load<f64>(columnsD + (<usize>x << 3)) + rd) + 1.0;
  const sx = ((load<f64>(columnsX + (<usize>x << 3)) + rx) + h2) / den;
  const sy = ((load<f64>(columnsY + (<usize>x << 3)) + ry) + h5) / den;
  if (!(den > 0.0) || sx != sx || sy != sy) return fill;
  return pixelFor(src, w, h, Math.min(Math.max(sx, -FAR), FAR), Math.min(Math.max(sy, -FAR), FAR), border, nearest, fill);
}

/** Columns [from, to) of a perspective row, one pixel at a time. */
function perspectiveRun(
  src: usize, w: i32, h: i32, row: usize, columnsX: usize, columnsY: usize, columnsD: usize, from: i32, to: i32,
  rx: f64, ry: f64, rd: f64, h2: f64, h5: f64, border: i32, nearest: bool, fill: u32,
): void {
  for (let x = from; x < to; x++) {
    const pixel = perspectivePixel(src, w, h, columnsX, columnsY, columnsD, x, rx, ry, rd, h2, h5, border, nearest, fill);
    store<u32>(row + (<usize>x << 2), pixel);
  }
}

/**
 * A bilinear perspective row, two pixels at a time: pairs whose eight neighbours are all inside in
 * SIMD, the others (and an odd last pixel) one at a time.
 */
function perspectiveRowV(
  src: usize, w: i32, h: i32, row: usize, columnsX: usize, columnsY: usize, columnsD: usize, dw: i32,
  rx: f64, ry: f64, rd: f64, h2: f64, h5: f64, border: i32, fill: u32,
): void {
  const pairLow = blendConstant(PAIR_LOW);
  const pairHigh = blendConstant(PAIR_HIGH);
  const rowRound = blendConstant(ROW_ROUND);
  const columnRound = blendConstant(COLUMN_ROUND);
  const rxv = f64x2.splat(rx);
  const ryv = f64x2.splat(ry);
  const rdv = f64x2.splat(rd);
  const h2v = f64x2.splat(h2);
  const h5v = f64x2.splat(h5);
  const one = f64x2.splat(1.0);
  const zero = f64x2.splat(0.0);
  const lastX = f64x2.splat(<f64>(w - 1));
  const lastY = f64x2.splat(<f64>(h - 1));
  const rowBytes = <usize>w << 2;
  const stride = i32x4.splat(w);
  let x = 0;
  for (; x + 2 <= dw; x += 2) {
    const den = f64x2.add(f64x2.add(v128.load(columnsD + (<usize>x << 3)), rdv), one);
    const sx = f64x2.div(f64x2.add(f64x2.add(v128.load(columnsX + (<usize>x << 3)), rxv), h2v), den);
    const sy = f64x2.div(f64x2.add(f64x2.add(v128.load(columnsY + (<usize>x << 3)), ryv), h5v), den);
    const fx = f64x2.floor(sx);
    const fy = f64x2.floor(sy);
    const inside = v128.and(
      v128.and(f64x2.gt(den, zero), v128.and(f64x2.ge(fx, zero), f64x2.lt(fx, lastX))),
      v128.and(f64x2.ge(fy, zero), f64x2.lt(fy, lastY)),
    );
    if (i64x2.all_true(inside)) {
      const pixels = blendPairV(src, rowBytes, stride, sx, sy, pairLow, pairHigh, rowRound, columnRound);
      v128.store64_lane(row + (<usize>x << 2), pixels, 0);
    } else {
      perspectiveRun(src, w, h, row, columnsX, columnsY, columnsD, x, x + 2, rx, ry, rd, h2, h5, border, false, fill);
    }
  }
  perspectiveRun(src, w, h, row, columnsX, columnsY, columnsD, x, dw, rx, ry, rd, h2, h5, border, false, fill);
}
