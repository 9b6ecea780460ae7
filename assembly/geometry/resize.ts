import {
  blendConstant, COLUMN_ROUND, lerpColumn, lerpColumnV, lerpRow, lerpRowV, PAIR_LOW, ROW_ROUND, weight, weightPair,
} from './bilinear';

// Bilinear resize with half-pixel centres (OpenCV INTER_LINEAR convention), separable and in the
// fixed point of bilinear.ts: each needed source row is blended horizontally once into a row buffer
// (16-bit channels, 1/128 of a level), then pairs of row buffers are blended vertically into the
// output. Consecutive output rows share source rows when enlarging, so the row buffers are reused.

/** Bytes of one column-table entry: [byte offset of x0 within a row, weightPair(wx)], two i32. */
const ENTRY: usize = 8;

/** Bytes of one row buffer: four i16 channels per output pixel, rounded up to whole vectors. */
function rowBufferBytes(dw: i32): usize {
  return ((<usize>dw << 3) + 15) & ~15;
}

/** Bytes of scratch `resizeBilinear` needs for a target width of `dw`: the column table and two row buffers. */
export function resizeBilinearScratch(dw: i32): usize {
  return <usize>dw * ENTRY + 2 * rowBufferBytes(dw);
}

/**
 * Source coordinate of output index `i` with half-pixel centres, clamped to [0, sn - 1]:
 * `(i + 0.5) * (sn / dn) - 0.5` (the ratio first, as OpenCV and the golden data).
 */
// @ts-ignore: decorator
@inline
function sourceCoordinate(i: i32, sn: i32, dn: i32): f64 {
  const s = (<f64>i + 0.5) * (<f64>sn / <f64>dn) - 0.5;
  return s < 0.0 ? 0.0 : s > <f64>(sn - 1) ? <f64>(sn - 1) : s;
}

/**
 * Blends source row `row` horizontally into `out` (dw pixels of four i16 channels). Where x0 is the last
 * column its weight is 0, so the pixel read after it (inside the binding's over-read margin) never counts.
 */
function horizontalPass(row: usize, table: usize, dw: i32, out: usize): void {
  let x = 0;
  if (ASC_FEATURE_SIMD) {
    const pairs = blendConstant(PAIR_LOW);
    const round = blendConstant(ROW_ROUND);
    for (; x + 2 <= dw; x += 2) {
      const e = table + <usize>x * ENTRY;
      const pa = i8x16.swizzle(v128.load64_zero(row + <usize>load<i32>(e)), pairs);
      const pb = i8x16.swizzle(v128.load64_zero(row + <usize>load<i32>(e, 8)), pairs);
      const a = lerpRowV(pa, i32x4.splat(load<i32>(e, 4)), round);
      const b = lerpRowV(pb, i32x4.splat(load<i32>(e, 12)), round);
      v128.store(out + (<usize>x << 3), i16x8.narrow_i32x4_s(a, b));
    }
  }
  for (; x < dw; x++) {
    const e = table + <usize>x * ENTRY;
    const p = row + <usize>load<i32>(e);
    const w = load<i32>(e, 4) >>> 16;
    const p0 = load<u32>(p);
    const p1 = load<u32>(p, 4);
    const o = out + (<usize>x << 3);
    for (let c: usize = 0; c < 4; c++) {
      const shift = <u32>c << 3;
      store<u16>(o + (c << 1), <u16>lerpRow((p0 >>> shift) & 0xff, (p1 >>> shift) & 0xff, w));
    }
  }
}

/** Blends row buffers `top` and `bottom` with weight `wy` into `dw` output pixels at `dst`. */
function verticalPass(top: usize, bottom: usize, wy: i32, dw: i32, dst: usize): void {
  let x = 0;
  if (ASC_FEATURE_SIMD) {
    const w = i32x4.splat(weightPair(wy));
    const round = blendConstant(COLUMN_ROUND);
    for (; x + 4 <= dw; x += 4) {
      const o = <usize>x << 3;
      const t0 = v128.load(top + o);
      const b0 = v128.load(bottom + o);
      const t1 = v128.load(top + o, 16);
      const b1 = v128.load(bottom + o, 16);
      const p0 = lerpColumnV(i16x8.shuffle(t0, b0, 0, 8, 1, 9, 2, 10, 3, 11), w, round);
      const p1 = lerpColumnV(i16x8.shuffle(t0, b0, 4, 12, 5, 13, 6, 14, 7, 15), w, round);
      const p2 = lerpColumnV(i16x8.shuffle(t1, b1, 0, 8, 1, 9, 2, 10, 3, 11), w, round);
      const p3 = lerpColumnV(i16x8.shuffle(t1, b1, 4, 12, 5, 13, 6, 14, 7, 15), w, round);
      v128.store(dst + (<usize>x << 2), i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(p0, p1), i16x8.narrow_i32x4_s(p2, p3)));
    }
  }
  for (; x < dw; x++) {
    const t = top + (<usize>x << 3);
    const b = bottom + (<usize>x << 3);
    let out: u32 = 0;
    for (let c: usize = 0; c < 4; c++) {
      out |= lerpColumn(<i32>load<u16>(t + (c << 1)), <i32>load<u16>(b + (c << 1)), wy) << (<u32>c << 3);
    }
    store<u32>(dst + (<usize>x << 2), out);
  }
}

/**
 * Bilinear resize of `src` (sw×sh) into `dst` (dw×dh); `scratch` holds resizeBilinearScratch(dw) bytes.
 * Same size is an exact copy (every weight is 0 then, so the general path would copy too).
 */
export function resizeBilinear(src: usize, sw: i32, sh: i32, dst: usize, dw: i32, dh: i32, scratch: usize): void {
  if (sw == dw && sh == dh) {
    memory.copy(dst, src, (<usize>sw * <usize>sh) << 2);
    return;
  }
  const table = scratch;
  for (let x = 0; x < dw; x++) {
    const sx = sourceCoordinate(x, sw, dw);
    const x0 = <i32>Math.floor(sx);
    const e = table + <usize>x * ENTRY;
    store<i32>(e, x0 << 2);
    store<i32>(e, weightPair(weight(sx - <f64>x0)), 4);
  }
  const srcRowBytes = <usize>sw << 2;
  const dstRowBytes = <usize>dw << 2;
  // two row buffers and the source rows they hold (-1: none yet)
  let bufferA = table + <usize>dw * ENTRY;
  let bufferB = bufferA + rowBufferBytes(dw);
  let rowA = -1;
  let rowB = -1;
  for (let y = 0; y < dh; y++) {
    const sy = sourceCoordinate(y, sh, dh);
    const y0 = <i32>Math.floor(sy);
    const y1 = y0 + 1 < sh ? y0 + 1 : sh - 1;
    const wy = weight(sy - <f64>y0);
    if (rowA != y0) {
      if (rowB == y0) {
        const buffer = bufferA;
        bufferA = bufferB;
        bufferB = buffer;
        rowB = rowA;
      } else {
        horizontalPass(src + <usize>y0 * srcRowBytes, table, dw, bufferA);
      }
      rowA = y0;
    }
    let bottom = bufferA; // a zero weight makes the lower row irrelevant: no need to blend it
    if (wy != 0 && y1 != y0) {
      if (rowB != y1) {
        horizontalPass(src + <usize>y1 * srcRowBytes, table, dw, bufferB);
        rowB = y1;
      }
      bottom = bufferB;
    }
    verticalPass(bufferA, bottom, wy, dw, dst + <usize>y * dstRowBytes);
  }
}
