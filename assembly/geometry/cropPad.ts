import { BORDER_CONSTANT, borderIndex, fillRun } from './border';

// Exact copies with a change of frame: crop (a rectangle inside the source) and pad (the source inside a
// larger canvas whose margins follow the border mode).

/** Copies the rectangle at (x, y) of size dw×dh, inside `src` (w wide), to `dst`. */
export function crop(src: usize, w: i32, dst: usize, x: i32, y: i32, dw: i32, dh: i32): void {
  const srcRow = <usize>w << 2;
  const dstRow = <usize>dw << 2;
  let from = src + (<usize>y * <usize>w + <usize>x) * 4;
  let to = dst;
  for (let r = 0; r < dh; r++) {
    memory.copy(to, from, dstRow);
    from += srcRow;
    to += dstRow;
  }
}

/**
 * Pads `src` (w×h) with `top` rows above and `left` columns to the left into `dst` (dw×dh), the margins
 * read through `border` (border.ts; `fill` packed RGBA for constant): rows whose source row is inside
 * are built once (left margin, the row, right margin) and the others copied from them.
 */
export function pad(src: usize, w: i32, h: i32, dst: usize, dw: i32, dh: i32, top: i32, left: i32, border: i32, fill: u32): void {
  const dstRow = <usize>dw << 2;
  const right = dw - left - w;
  for (let y = 0; y < h; y++) {
    const row = dst + <usize>(y + top) * dstRow;
    const line = src + <usize>y * (<usize>w << 2);
    margin(line, w, row, -left, left, border, fill);
    memory.copy(row + (<usize>left << 2), line, <usize>w << 2);
    margin(line, w, row + (<usize>(left + w) << 2), w, right, border, fill);
  }
  for (let y = 0; y < dh; y++) {
    if (y >= top && y < top + h) continue;
    const row = dst + <usize>y * dstRow;
    const from = borderIndex(y - top, h, border);
    if (from < 0) fillRun(row, 0, dw, fill);
    else memory.copy(row, dst + <usize>(from + top) * dstRow, dstRow);
  }
}

/** `count` pixels of a margin, the first reading source column `first` of `line` (w wide) through `border`. */
function margin(line: usize, w: i32, out: usize, first: i32, count: i32, border: i32, fill: u32): void {
  if (border == BORDER_CONSTANT) {
    fillRun(out, 0, count, fill);
    return;
  }
  for (let i = 0; i < count; i++) {
    store<u32>(out + (<usize>i << 2), load<u32>(line + (<usize>borderIndex(first + i, w, border) << 2)));
  }
}
