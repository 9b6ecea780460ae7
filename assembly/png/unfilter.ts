// Reverses PNG row filtering (PNG spec, clause 9) in place. Rows are `1 + rowBytes` bytes: the filter
// type, then the filtered bytes; each row is reconstructed against the reconstructed row before it.
// With SIMD, Sub, Average and Paeth on 3-, 4-, 6- and 8-byte pixels run a whole pixel per step in vector
// lanes (each pixel depends on the one to its left, so the lanes are the bytes of one pixel).

const NONE: u8 = 0;
const SUB: u8 = 1;
const UP: u8 = 2;
const AVERAGE: u8 = 3;
const PAETH: u8 = 4;

import { paethPredictor } from './paeth';

function unfilterUp(row: usize, prior: usize, n: usize): void {
  let i: usize = 0;
  if (ASC_FEATURE_SIMD) {
    for (; i + 16 <= n; i += 16) v128.store(row + i, i8x16.add(v128.load(row + i), v128.load(prior + i)));
  }
  for (; i < n; i++) store<u8>(row + i, load<u8>(row + i) + load<u8>(prior + i));
}

function unfilterBytes(type: u8, row: usize, prior: usize, n: usize, bpp: usize): void {
  if (type == SUB) {
    for (let i = bpp; i < n; i++) store<u8>(row + i, load<u8>(row + i) + load<u8>(row + i - bpp));
  } else if (type == AVERAGE) {
    for (let i: usize = 0; i < bpp; i++) store<u8>(row + i, load<u8>(row + i) + (load<u8>(prior + i) >> 1));
    for (let i = bpp; i < n; i++) {
      store<u8>(row + i, load<u8>(row + i) + <u8>((<u32>load<u8>(row + i - bpp) + <u32>load<u8>(prior + i)) >> 1));
    }
  } else {
    for (let i: usize = 0; i < bpp; i++) store<u8>(row + i, load<u8>(row + i) + load<u8>(prior + i));
    for (let i = bpp; i < n; i++) {
      const p = paethPredictor(load<u8>(row + i - bpp), load<u8>(prior + i), load<u8>(prior + i - bpp));
      store<u8>(row + i, load<u8>(row + i) + <u8>p);
    }
  }
}

// @ts-ignore: decorator
@inline
function loadPixel(p: usize, bpp: usize): v128 {
  return bpp <= 4 ? v128.load32_zero(p) : v128.load64_zero(p);
}

// @ts-ignore: decorator
@inline
function storePixel(p: usize, v: v128, bpp: usize): void {
  if (bpp == 4) v128.store32_lane(p, v, 0);
  else if (bpp == 8) v128.store64_lane(p, v, 0);
  else if (bpp == 3) {
    v128.store16_lane(p, v, 0);
    v128.store8_lane(p, v, 2, 2);
  } else {
    v128.store32_lane(p, v, 0);
    v128.store16_lane(p, v, 2, 4);
  }
}

/** One row of Sub, Average or Paeth with a whole pixel per step; `row` may be read 5 bytes past its end. */
// @ts-ignore: decorator
@inline
function unfilterPixels(type: u8, row: usize, prior: usize, n: usize, bpp: usize): void {
  let a = i64x2.splat(0); // left, reconstructed
  let c = i64x2.splat(0); // above left
  const mask = i16x8.splat(0xff);
  for (let i: usize = 0; i < n; i += bpp) {
    const x = loadPixel(row + i, bpp);
    let r: v128;
    if (type == SUB) {
      r = i8x16.add(x, a);
    } else if (type == AVERAGE) {
      const b = loadPixel(prior + i, bpp);
      const floorAverage = i8x16.sub(i8x16.avgr_u(a, b), v128.and(v128.xor(a, b), i8x16.splat(1)));
      r = i8x16.add(x, floorAverage);
    } else {
      const b = loadPixel(prior + i, bpp);
      const a16 = i16x8.extend_low_i8x16_u(a);
      const b16 = i16x8.extend_low_i8x16_u(b);
      const c16 = i16x8.extend_low_i8x16_u(c);
      const bc = i16x8.sub(b16, c16);
      const ac = i16x8.sub(a16, c16);
      const pa = i16x8.abs(bc);
      const pb = i16x8.abs(ac);
      const pc = i16x8.abs(i16x8.add(bc, ac));
      const useA = v128.and(i16x8.le_s(pa, pb), i16x8.le_s(pa, pc));
      const predicted = v128.bitselect(a16, v128.bitselect(b16, c16, i16x8.le_s(pb, pc)), useA);
      const sum = v128.and(i16x8.add(i16x8.extend_low_i8x16_u(x), predicted), mask);
      r = i8x16.narrow_i16x8_u(sum, sum);
      c = b;
    }
    storePixel(row + i, r, bpp);
    a = r;
  }
}

/**
 * Unfilters `rows` rows of `rowBytes` bytes (plus one filter byte each) at `data`, `bpp` bytes per complete
 * pixel (1 for depths below 8). Returns false at the first filter type above 4.
 */
export function unfilter(data: usize, rowBytes: usize, rows: usize, bpp: usize): bool {
  const stride = rowBytes + 1;
  const simdPixels = ASC_FEATURE_SIMD && (bpp == 3 || bpp == 4 || bpp == 6 || bpp == 8);
  for (let y: usize = 0; y < rows; y++) {
    const row = data + y * stride + 1;
    let type = load<u8>(row - 1);
    if (type > PAETH) return false;
    if (y == 0) {
      // the row above the first is all zeros: Up is None, Paeth is Sub, Average halves only the left byte
      if (type == UP) type = NONE;
      else if (type == PAETH) type = SUB;
      if (type == SUB) unfilterBytes(SUB, row, row, rowBytes, bpp);
      else if (type == AVERAGE) {
        for (let i = bpp; i < rowBytes; i++) store<u8>(row + i, load<u8>(row + i) + (load<u8>(row + i - bpp) >> 1));
      }
      continue;
    }
    const prior = row - stride;
    if (type == NONE) continue;
    if (type == UP) unfilterUp(row, prior, rowBytes);
    else if (simdPixels) {
      if (bpp == 3) unfilterPixels(type, row, prior, rowBytes, 3);
      else if (bpp == 4) unfilterPixels(type, row, prior, rowBytes, 4);
      else if (bpp == 6) unfilterPixels(type, row, prior, rowBytes, 6);
      else unfilterPixels(type, row, prior, rowBytes, 8);
    } else unfilterBytes(type, row, prior, rowBytes, bpp);
  }
  return true;
}
