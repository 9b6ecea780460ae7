// PNG encoding in WebAssembly: the colour type an RGBA image needs, and the Paeth filter on every row of
// the image packed to that type, row by row (PNG spec, 9.4). Encoding knows every byte in advance, so Paeth runs 16 bytes
// per vector step (decoding cannot: each byte there depends on the one just reconstructed).

import { paethPredictor } from './paeth';

/** Paeth's predictor on 8 lanes of 16-bit values. */
// @ts-ignore: decorator
@inline
function paeth16(a: v128, b: v128, c: v128): v128 {
  const bc = i16x8.sub(b, c);
  const ac = i16x8.sub(a, c);
  const pa = i16x8.abs(bc);
  const pb = i16x8.abs(ac);
  const pc = i16x8.abs(i16x8.add(bc, ac));
  const useA = v128.and(i16x8.le_s(pa, pb), i16x8.le_s(pa, pc));
  return v128.bitselect(a, v128.bitselect(b, c, i16x8.le_s(pb, pc)), useA);
}

/** Writes one row of `rowBytes` bytes as a Paeth scanline at `out`: the filter type, then the differences; `prior` is 0 for the first row. */
function filterRow(row: usize, prior: usize, rowBytes: usize, bpp: usize, out: usize): void {
  store<u8>(out, 4);
  if (prior == 0) {
    // above is zero: Paeth predicts the left byte
    for (let i: usize = 0; i < min(bpp, rowBytes); i++) store<u8>(out + 1 + i, load<u8>(row + i));
    let i = bpp;
    if (ASC_FEATURE_SIMD) {
      for (; i + 16 <= rowBytes; i += 16) v128.store(out + 1 + i, i8x16.sub(v128.load(row + i), v128.load(row + i - bpp)));
    }
    for (; i < rowBytes; i++) store<u8>(out + 1 + i, load<u8>(row + i) - load<u8>(row + i - bpp));
    return;
  }
  // the first pixel has no left neighbour: Paeth predicts the byte above
  for (let i: usize = 0; i < min(bpp, rowBytes); i++) store<u8>(out + 1 + i, load<u8>(row + i) - load<u8>(prior + i));
  let i = bpp;
  if (ASC_FEATURE_SIMD) {
    for (; i + 16 <= rowBytes; i += 16) {
      const a = v128.load(row + i - bpp);
      const b = v128.load(prior + i);
      const c = v128.load(prior + i - bpp);
      const low = paeth16(i16x8.extend_low_i8x16_u(a), i16x8.extend_low_i8x16_u(b), i16x8.extend_low_i8x16_u(c));
      const high = paeth16(i16x8.extend_high_i8x16_u(a), i16x8.extend_high_i8x16_u(b), i16x8.extend_high_i8x16_u(c));
      v128.store(out + 1 + i, i8x16.sub(v128.load(row + i), i8x16.narrow_i16x8_u(low, high)));
    }
  }
  for (; i < rowBytes; i++) {
    const p = paethPredictor(load<u8>(row + i - bpp), load<u8>(prior + i), load<u8>(prior + i - bpp));
    store<u8>(out + 1 + i, load<u8>(row + i) - <u8>p);
  }
}

/**
 * Writes the `rows` rows of `width` RGBA pixels at `rgba` to `dst` as PNG scanlines of `channels` bytes per
 * pixel (4: RGBA; 3: RGB; 1: grey, the R of each pixel) with filter type 4 (Paeth): each row is the filter
 * type byte and then `x − Paeth(left, above, above-left)` per byte, the row above the first being zeros.
 * Rows to pack go through `ring` (two rows of width × channels + 16 bytes), so the packed image is never
 * written out whole.
 */
export function filterPaeth(rgba: usize, width: usize, rows: usize, channels: u32, dst: usize, ring: usize): void {
  const bpp = <usize>channels;
  const rowBytes = width * bpp;
  const ringRow = rowBytes + 16;
  for (let y: usize = 0; y < rows; y++) {
    const out = dst + y * (rowBytes + 1);
    if (channels == 4) {
      const row = rgba + y * rowBytes;
      filterRow(row, y == 0 ? 0 : row - rowBytes, rowBytes, bpp, out);
    } else {
      const row = ring + (y & 1) * ringRow;
      packRow(rgba + y * (width << 2), width, channels, row);
      filterRow(row, y == 0 ? 0 : ring + ((y + 1) & 1) * ringRow, rowBytes, bpp, out);
    }
  }
}

/** The PNG colour type `pixels` RGBA pixels at `src` need: 6 (RGBA) unless every alpha is 255, then 0 (grey) when R = G = B everywhere, else 2 (RGB). */
export function colorTypeOf(src: usize, pixels: usize): u32 {
  let alpha: u32 = 0xffffffff;
  let colour: u32 = 0; // any bit set: some pixel has R ≠ G or G ≠ B
  let i: usize = 0;
  if (ASC_FEATURE_SIMD) {
    let alphas = i32x4.splat(-1);
    let colours = i32x4.splat(0);
    const low = i32x4.splat(0xff);
    for (; i + 4 <= pixels; i += 4) {
      const v = v128.load(src + (i << 2));
      alphas = v128.and(alphas, v);
      colours = v128.or(colours, v128.and(v128.or(v128.xor(v, i32x4.shr_u(v, 8)), v128.xor(v, i32x4.shr_u(v, 16))), low));
    }
    alpha = i32x4.extract_lane(alphas, 0) & i32x4.extract_lane(alphas, 1) & i32x4.extract_lane(alphas, 2) & i32x4.extract_lane(alphas, 3);
    colour = i32x4.extract_lane(colours, 0) | i32x4.extract_lane(colours, 1) | i32x4.extract_lane(colours, 2) | i32x4.extract_lane(colours, 3);
  }
  for (; i < pixels; i++) {
    const v = load<u32>(src + (i << 2));
    alpha &= v;
    colour |= ((v ^ (v >>> 8)) | (v ^ (v >>> 16))) & 0xff;
  }
  if (alpha >>> 24 != 0xff) return 6;
  return colour == 0 ? 0 : 2;
}

/** Packs `pixels` RGBA pixels at `src` to `channels` (3: RGB, 1: the R of each pixel) bytes per pixel at `dst`; `dst` may be written 4 bytes past its end. */
function packRow(src: usize, pixels: usize, channels: u32, dst: usize): void {
  let i: usize = 0;
  if (channels == 3) {
    if (ASC_FEATURE_SIMD) {
      for (; i + 4 <= pixels; i += 4) {
        v128.store(dst + i * 3, i8x16.swizzle(v128.load(src + (i << 2)), i8x16(0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1, -1, -1)));
      }
    }
    for (; i < pixels; i++) {
      store<u16>(dst + i * 3, load<u16>(src + (i << 2)));
      store<u8>(dst + i * 3 + 2, load<u8>(src + (i << 2) + 2));
    }
  } else {
    if (ASC_FEATURE_SIMD) {
      for (; i + 4 <= pixels; i += 4) {
        v128.store32_lane(dst + i, i8x16.swizzle(v128.load(src + (i << 2)), i8x16(0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1)), 0);
      }
    }
    for (; i < pixels; i++) store<u8>(dst + i, load<u8>(src + (i << 2)));
  }
}
