import { blend, blendConstant, blendWordsV, COLUMN_ROUND, ONE, PAIR_HIGH, PAIR_LOW, ROW_ROUND } from './bilinear';
import { roundHalfUp } from '../rounding';

// Rotation counter-clockwise on screen by `degrees` about the image centre ((w-1)/2, (h-1)/2),
// by inverse mapping with bilinear sampling (the fixed point of bilinear.ts); neighbours outside the
// source take the fill colour. Angles reduce modulo 360 and the four quarter turns use exact cosines
// and sines. Source coordinates are computed in float64 exactly as the formula says, per pixel:
//
//     sx = (cx + dx·c) − dy·s,   sy = (cy + dx·s) + dy·c,   dx = x − ox, dy = y − oy
//
// with the parts that depend only on the column (cx + dx·c, cy + dx·s) tabulated once per call.

let cosine: f64 = 1.0;
let sine: f64 = 0.0;

function setAngle(degrees: f64): void {
  let d = degrees % 360.0;
  if (d < 0.0) d += 360.0;
  if (d >= 360.0) d -= 360.0;
  if (d == 0.0) { cosine = 1.0; sine = 0.0; }
  else if (d == 90.0) { cosine = 0.0; sine = 1.0; }
  else if (d == 180.0) { cosine = -1.0; sine = 0.0; }
  else if (d == 270.0) { cosine = 0.0; sine = -1.0; }
  else {
    const t = d * Math.PI / 180.0;
    cosine = Math.cos(t);
    sine = Math.sin(t);
  }
}

/** Output width: `w` unless `expand`, then round(|(w-1)cos| + |(h-1)sin|) + 1. */
export function rotatedWidth(w: i32, h: i32, degrees: f64, expand: bool): i32 {
  if (!expand) return w;
  setAngle(degrees);
  return <i32>roundHalfUp(Math.abs(<f64>(w - 1) * cosine) + Math.abs(<f64>(h - 1) * sine)) + 1;
}

/** Output height: `h` unless `expand`, then round(|(w-1)sin| + |(h-1)cos|) + 1. */
export function rotatedHeight(w: i32, h: i32, degrees: f64, expand: bool): i32 {
  if (!expand) return h;
  setAngle(degrees);
  return <i32>roundHalfUp(Math.abs(<f64>(w - 1) * sine) + Math.abs(<f64>(h - 1) * cosine)) + 1;
}

/**
 * Bytes of scratch `rotate` needs for an output width of `dw`: the column tables cx + dx·c and
 * cy + dx·s, one f64 per column each (plus one vector of slack for the two-pixel loop).
 */
export function rotateScratch(dw: i32): usize {
  return (<usize>dw << 4) + 16;
}

// @ts-ignore: decorator
@inline
function pixelOrFill(src: usize, w: i32, h: i32, x: i32, y: i32, fill: u32): u32 {
  return x >= 0 && x < w && y >= 0 && y < h ? load<u32>(src + ((<usize>y * <usize>w + <usize>x) << 2)) : fill;
}

/**
 * 2^52 + 2^51: added to an integer-valued f64 of magnitude below 2^51 it gives a sum whose low 32 bits
 * are that integer (two's complement), exactly. Cheaper than f64 → i32 conversion, which engines check
 * for overflow; coordinates stay far below 2^51 for any image within the pixel limit.
 */
const MAGIC: f64 = 6755399441055744.0;

// @ts-ignore: decorator
@inline
function toInt(integral: f64): i32 {
  return <i32>reinterpret<i64>(integral + MAGIC);
}

/**
 * Rotates `src` (w×h) into `dst` (dw×dh, see rotatedWidth/rotatedHeight); `fill` is packed RGBA;
 * `scratch` holds rotateScratch(dw) bytes.
 */
export function rotate(
  src: usize, w: i32, h: i32, dst: usize, dw: i32, dh: i32, degrees: f64, fill: u32, scratch: usize,
): void {
  setAngle(degrees);
  const c = cosine;
  const s = sine;
  const cx = <f64>(w - 1) * 0.5;
  const cy = <f64>(h - 1) * 0.5;
  const ox = <f64>(dw - 1) * 0.5;
  const oy = <f64>(dh - 1) * 0.5;
  const columnsX = scratch; // cx + dx·c per output column
  const columnsY = scratch + (<usize>dw << 3) + 8; // cy + dx·s
  for (let x = 0; x < dw; x++) {
    const dx = <f64>x - ox;
    store<f64>(columnsX + (<usize>x << 3), cx + dx * c);
    store<f64>(columnsY + (<usize>x << 3), cy + dx * s);
  }
  const rowBytes = <usize>dw << 2;
  for (let y = 0; y < dh; y++) {
    const dy = <f64>y - oy;
    // sx = (cx + dx·c) + (−dy·s): the same bits as (cx + dx·c) − dy·s
    const offsetX = -(dy * s);
    const offsetY = dy * c;
    // Along the row x0 and y0 are monotonic, so the columns split into five runs: all neighbours
    // outside (fill), some inside (edge), all inside (interior), some inside, all outside.
    span(columnsX, columnsY, dw, offsetX, offsetY, -1, w - 1, -1, h - 1, c >= 0.0, s >= 0.0);
    const outerStart = spanStart;
    const outerEnd = spanEnd;
    span(columnsX, columnsY, dw, offsetX, offsetY, 0, w - 2, 0, h - 2, c >= 0.0, s >= 0.0);
    let innerStart = spanStart;
    let innerEnd = spanEnd;
    if (innerStart >= innerEnd) innerStart = innerEnd = outerEnd; // no interior: one edge run
    const row = dst + <usize>y * rowBytes;
    fillRun(row, 0, outerStart, fill);
    rotateEdge(src, w, h, row, columnsX, columnsY, outerStart, innerStart, offsetX, offsetY, fill);
    if (ASC_FEATURE_SIMD) rotateInteriorV(src, w, h, row, columnsX, columnsY, innerStart, innerEnd, offsetX, offsetY);
    else rotateEdge(src, w, h, row, columnsX, columnsY, innerStart, innerEnd, offsetX, offsetY, fill);
    rotateEdge(src, w, h, row, columnsX, columnsY, innerEnd, outerEnd, offsetX, offsetY, fill);
    fillRun(row, outerEnd, dw, fill);
  }
}

/** Writes the packed colour `fill` to output columns [from, to) of a row. */
function fillRun(row: usize, from: i32, to: i32, fill: u32): void {
  let p = row + (<usize>from << 2);
  const end = row + (<usize>to << 2);
  if (ASC_FEATURE_SIMD) {
    const v = i32x4.splat(fill);
    for (; p + 16 <= end; p += 16) v128.store(p, v);
  }
  for (; p < end; p += 4) store<u32>(p, fill);
}

/**
 * Sets [spanStart, spanEnd) to the columns of a row where x0 is within [x0Low, x0High] and y0 within
 * [y0Low, y0High] (an empty span may have spanStart >= spanEnd).
 */
function span(
  columnsX: usize, columnsY: usize, n: i32, offsetX: f64, offsetY: f64,
  x0Low: i32, x0High: i32, y0Low: i32, y0High: i32, ascendingX: bool, ascendingY: bool,
): void {
  interval(columnsX, n, offsetX, x0Low, x0High, ascendingX);
  const start = spanStart;
  const end = spanEnd;
  interval(columnsY, n, offsetY, y0Low, y0High, ascendingY);
  if (start > spanStart) spanStart = start;
  if (end < spanEnd) spanEnd = end;
}

let spanStart = 0;
let spanEnd = 0;

/** floor(table[x] + offset), as the row loops compute it. */
// @ts-ignore: decorator
@inline
function floorAt(table: usize, x: i32, offset: f64): f64 {
  return Math.floor(load<f64>(table + (<usize>x << 3)) + offset);
}

/**
 * Sets [spanStart, spanEnd) to the x in [0, n) with first <= floor(table[x] + offset) <= last, where
 * the table is non-decreasing (`ascending`) or non-increasing in x, so the floors are too (IEEE
 * addition and floor are monotonic): two binary searches on the exact values the row loops use.
 */
function interval(table: usize, n: i32, offset: f64, first: i32, last: i32, ascending: bool): void {
  const low = <f64>first;
  const high = <f64>last;
  // first x where the floor has passed `low` (ascending) or come down to `high` (descending)
  let a = 0, b = n;
  while (a < b) {
    const m = (a + b) >>> 1;
    const v = floorAt(table, m, offset);
    if (ascending ? v >= low : v <= high) b = m;
    else a = m + 1;
  }
  spanStart = a;
  // first x (from there) where the floor has gone past `high` (ascending) or below `low` (descending)
  b = n;
  while (a < b) {
    const m = (a + b) >>> 1;
    const v = floorAt(table, m, offset);
    if (ascending ? v > high : v < low) b = m;
    else a = m + 1;
  }
  spanEnd = a;
}

/** Output columns [from, to) of one row, each pixel checked against the source bounds. */
function rotateEdge(
  src: usize, w: i32, h: i32, row: usize, columnsX: usize, columnsY: usize, from: i32, to: i32,
  offsetX: f64, offsetY: f64, fill: u32,
): void {
  for (let x = from; x < to; x++) {
    const sx = load<f64>(columnsX + (<usize>x << 3)) + offsetX;
    const sy = load<f64>(columnsY + (<usize>x << 3)) + offsetY;
    const fx0 = Math.floor(sx);
    const fy0 = Math.floor(sy);
    // weight(f) = trunc(f · 2^14 + 0.5), i.e. floor for these positive values
    const wx = toInt(Math.floor((sx - fx0) * 16384.0 + 0.5));
    const wy = toInt(Math.floor((sy - fy0) * 16384.0 + 0.5));
    store<u32>(row + (<usize>x << 2), sample(src, w, h, toInt(fx0), toInt(fy0), wx, wy, fill));
  }
}

/**
 * Output columns [from, to) of one row whose four neighbours are all inside the source: the same
 * arithmetic as rotateEdge, two pixels at a time, coordinates as f64x2 [pixel a, pixel b].
 */
function rotateInteriorV(
  src: usize, w: i32, h: i32, row: usize, columnsX: usize, columnsY: usize, from: i32, to: i32, offsetX: f64, offsetY: f64,
): void {
  const pairLow = blendConstant(PAIR_LOW);
  const pairHigh = blendConstant(PAIR_HIGH);
  const rowRound = blendConstant(ROW_ROUND);
  const columnRound = blendConstant(COLUMN_ROUND);
  const ox = f64x2.splat(offsetX);
  const oy = f64x2.splat(offsetY);
  const rowBytes = <usize>w << 2;
  const stride = i32x4.splat(w);
  let x = from;
  for (; x + 2 <= to; x += 2) {
    const sx = f64x2.add(v128.load(columnsX + (<usize>x << 3)), ox);
    const sy = f64x2.add(v128.load(columnsY + (<usize>x << 3)), oy);
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
    v128.store64_lane(row + (<usize>x << 2), i8x16.narrow_i16x8_u(words, words), 0);
  }
  if (x < to) rotateEdge(src, w, h, row, columnsX, columnsY, x, to, offsetX, offsetY, 0);
}
/** The output pixel whose upper-left source neighbour is (x0, y0), with weights wx, wy. */
// @ts-ignore: decorator
@inline
function sample(src: usize, w: i32, h: i32, x0: i32, y0: i32, wx: i32, wy: i32, fill: u32): u32 {
  if (<u32>x0 < <u32>(w - 1) && <u32>y0 < <u32>(h - 1)) {
    // all four neighbours inside: the fast path
    const rowBytes = <usize>w << 2;
    const p = src + <usize>y0 * rowBytes + (<usize>x0 << 2);
    return blend(load<u32>(p), load<u32>(p, 4), load<u32>(p + rowBytes), load<u32>(p + rowBytes, 4), wx, wy);
  }
  return sampleEdge(src, w, h, x0, y0, wx, wy, fill);
}

/** `sample` where not all four neighbours are inside: those outside take the fill (all of them: fill). */
function sampleEdge(src: usize, w: i32, h: i32, x0: i32, y0: i32, wx: i32, wy: i32, fill: u32): u32 {
  if (<u32>(x0 + 1) <= <u32>w && <u32>(y0 + 1) <= <u32>h) {
    // x0 and y0 within -1 .. size - 1: some neighbours inside, the others take the fill
    return blend(
      pixelOrFill(src, w, h, x0, y0, fill),
      pixelOrFill(src, w, h, x0 + 1, y0, fill),
      pixelOrFill(src, w, h, x0, y0 + 1, fill),
      pixelOrFill(src, w, h, x0 + 1, y0 + 1, fill),
      wx,
      wy,
    );
  }
  return fill;
}
