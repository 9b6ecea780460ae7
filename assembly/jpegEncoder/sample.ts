// RGBA → the level-shifted Y, Cb, Cr samples of the blocks of one group (fdct.ts's pairs), with jpeg-js's
// integer colour conversion (16-bit fixed-point BT.601, full range). Pixels past the right and bottom edges
// repeat the last column and row, as in jpeg-js and libjpeg.
//
// 4:4:4 — a group is two MCUs of 8×8 pixels: blocks Y Cb Cr Y Cb Cr.
// 4:2:0 — a group is one MCU of 16×16 pixels: blocks Y Y Y Y Cb Cr (Y in raster order). Each chroma sample is
// the mean of its 2×2 pixels' Cb (Cr) values in 0..255, rounded as libjpeg's h2v2 downsampler rounds:
// (sum + 1) >> 2 in even columns, (sum + 2) >> 2 in odd ones, so that halves do not all round one way. Chroma
// samples past the edge of the chroma plane (⌈width/2⌉ × ⌈height/2⌉) repeat its last column and row.
import { PAIR_BYTES } from './fdct';

@inline
function luma(r: i32, g: i32, b: i32): i32 {
  return (19595 * r + 38470 * g + 7471 * b + 0x8000) >> 16;
}

@inline
function blueDifference(r: i32, g: i32, b: i32): i32 {
  return (-11059 * r - 21709 * g + 32768 * b + 0x807fff) >> 16;
}

@inline
function redDifference(r: i32, g: i32, b: i32): i32 {
  return (32768 * r - 27439 * g - 5329 * b + 0x807fff) >> 16;
}

/** Where sample k of block `block` of a group goes. */
@inline
function slot(pairs: usize, block: usize, k: usize): usize {
  return pairs + (block >> 1) * PAIR_BYTES + k * 16 + ((block & 1) << 3);
}

/** The three blocks of the 8×8 MCU at pixel (x0, y0), as blocks `first`..`first + 2` of the group. */
export function sampleFull(pairs: usize, first: usize, src: usize, width: i32, height: i32, x0: i32, y0: i32): void {
  for (let row = 0; row < 8; row++) {
    const line = src + <usize>(min(y0 + row, height - 1) * width) * 4;
    for (let col = 0; col < 8; col++) {
      const p = line + (<usize>min(x0 + col, width - 1) << 2);
      const r = <i32>load<u8>(p);
      const g = <i32>load<u8>(p, 1);
      const b = <i32>load<u8>(p, 2);
      const k = <usize>(row * 8 + col);
      store<f64>(slot(pairs, first, k), <f64>(luma(r, g, b) - 128));
      store<f64>(slot(pairs, first + 1, k), <f64>(blueDifference(r, g, b) - 128));
      store<f64>(slot(pairs, first + 2, k), <f64>(redDifference(r, g, b) - 128));
    }
  }
}

/** The six blocks of the 16×16 MCU at pixel (x0, y0), chroma subsampled 2×2. */
export function sampleSubsampled(pairs: usize, src: usize, width: i32, height: i32, x0: i32, y0: i32): void {
  for (let row = 0; row < 16; row++) {
    const line = src + <usize>(min(y0 + row, height - 1) * width) * 4;
    const block = <usize>((row >> 3) << 1);
    for (let col = 0; col < 16; col++) {
      const p = line + (<usize>min(x0 + col, width - 1) << 2);
      const y = luma(<i32>load<u8>(p), <i32>load<u8>(p, 1), <i32>load<u8>(p, 2));
      store<f64>(slot(pairs, block + <usize>(col >> 3), <usize>((row & 7) * 8 + (col & 7))), <f64>(y - 128));
    }
  }
  const lastColumn = ((width + 1) >> 1) - 1;
  const lastRow = ((height + 1) >> 1) - 1;
  for (let row = 0; row < 8; row++) {
    const cy = min((y0 >> 1) + row, lastRow) * 2;
    const top = src + <usize>(cy * width) * 4;
    const bottom = src + <usize>(min(cy + 1, height - 1) * width) * 4;
    for (let col = 0; col < 8; col++) {
      const cx = min((x0 >> 1) + col, lastColumn);
      const left = <usize>(cx * 2) << 2;
      const right = <usize>min(cx * 2 + 1, width - 1) << 2;
      let cb = 0;
      let cr = 0;
      for (let i = 0; i < 4; i++) {
        const p = (i & 2 ? bottom : top) + (i & 1 ? right : left);
        const r = <i32>load<u8>(p);
        const g = <i32>load<u8>(p, 1);
        const b = <i32>load<u8>(p, 2);
        cb += blueDifference(r, g, b);
        cr += redDifference(r, g, b);
      }
      const bias = 1 + (cx & 1);
      const k = <usize>(row * 8 + col);
      store<f64>(slot(pairs, 4, k), <f64>(((cb + bias) >> 2) - 128));
      store<f64>(slot(pairs, 5, k), <f64>(((cr + bias) >> 2) - 128));
    }
  }
}
