// Histogram-driven colour ops, exactly Pillow's ImageOps (per channel R, G, B; alpha unchanged): a
// histogram of the whole image, a table per channel from it, then the table pass of ./lut.
import { applyLut, LUT_BYTES, PAIR_BYTES } from './lut';

/**
 * Scratch bytes of equalize and autocontrast: the three tables, then two sets of three 256-bin u32
 * histograms, which the pair tables of the table pass overwrite once the tables are made.
 */
export function histogramOpScratch(): usize {
  return LUT_BYTES + max<usize>(2 * 3 * 256 * 4, PAIR_BYTES);
}

/** Adds one pixel's R, G, B to the three 256-bin u32 histograms at `hist`. */
// @ts-ignore: decorator
@inline
function count(p: u32, hist: usize): void {
  const r = hist + ((p & 0xff) << 2);
  const g = hist + 1024 + (((p >>> 8) & 0xff) << 2);
  const b = hist + 2048 + (((p >>> 16) & 0xff) << 2);
  store<u32>(r, load<u32>(r) + 1);
  store<u32>(g, load<u32>(g) + 1);
  store<u32>(b, load<u32>(b) + 1);
}

/**
 * Counts R, G, B values into three 256-bin u32 histograms at `hist` (R, then G, then B). Even and odd
 * pixels count into two separate sets (the second at `hist + 3072`, summed into the first at the end), so
 * neighbouring pixels of the same colour do not wait on each other's increment of the same bin.
 */
function histogram(src: usize, pixels: i32, hist: usize): void {
  const odd = hist + 3 * 1024;
  memory.fill(hist, 0, 2 * 3 * 1024);
  const end = src + (<usize>pixels << 2);
  const pairsEnd = src + (<usize>(pixels & ~1) << 2);
  let s = src;
  for (; s < pairsEnd; s += 8) {
    count(load<u32>(s), hist);
    count(load<u32>(s, 4), odd);
  }
  if (s < end) count(load<u32>(s), hist);
  for (let i: usize = 0; i < 3 * 1024; i += 4) store<u32>(hist + i, load<u32>(hist + i) + load<u32>(odd + i));
}

function identityTable(table: usize): void {
  for (let v = 0; v < 256; v++) store<u8>(table + v, v);
}

/**
 * Pillow ImageOps.equalize, per channel: with `h` the histogram and `nz` its non-zero bins in order,
 * identity when there is at most one, else `step = (Σ nz − last nz) // 255` (identity when 0) and
 * `lut[i] = min(255, (step // 2 + h[0] + … + h[i−1]) // step)`.
 */
export function equalize(src: usize, pixels: i32, dst: usize, scratch: usize): void {
  const hist = scratch + LUT_BYTES;
  histogram(src, pixels, hist);
  for (let c = 0; c < 3; c++) {
    const h = hist + (<usize>c << 10);
    const table = scratch + (<usize>c << 8);
    let total: u32 = 0;
    let last: u32 = 0;
    let nonZero = 0;
    for (let i = 0; i < 256; i++) {
      const count = load<u32>(h + (<usize>i << 2));
      if (count != 0) {
        total += count;
        last = count;
        nonZero++;
      }
    }
    const step = (total - last) / 255;
    if (nonZero <= 1 || step == 0) {
      identityTable(table);
      continue;
    }
    let n: u32 = step >> 1;
    for (let i = 0; i < 256; i++) {
      const v = n / step;
      store<u8>(table + i, v > 255 ? 255 : v);
      n += load<u32>(h + (<usize>i << 2));
    }
  }
  applyLut(src, pixels, dst, scratch);
}

/**
 * Pillow ImageOps.autocontrast with cutoff 0, per channel: `lo`, `hi` the channel's min and max;
 * identity when `hi ≤ lo`; else `scale = 255 / (hi − lo)`, `offset = −lo · scale` and
 * `lut[v] = clamp(trunc(v · scale + offset), 0, 255)` in float64, in exactly that order.
 */
export function autocontrast(src: usize, pixels: i32, dst: usize, scratch: usize): void {
  const hist = scratch + LUT_BYTES;
  histogram(src, pixels, hist);
  for (let c = 0; c < 3; c++) {
    const h = hist + (<usize>c << 10);
    const table = scratch + (<usize>c << 8);
    let lo = 0;
    while (lo < 256 && load<u32>(h + (<usize>lo << 2)) == 0) lo++;
    let hi = 255;
    while (hi >= 0 && load<u32>(h + (<usize>hi << 2)) == 0) hi--;
    if (hi <= lo) {
      identityTable(table);
      continue;
    }
    const scale = 255.0 / <f64>(hi - lo);
    const offset = -<f64>lo * scale;
    for (let v = 0; v < 256; v++) {
      const t = Math.trunc(<f64>v * scale + offset);
      store<u8>(table + v, t < 0.0 ? 0 : t > 255.0 ? 255 : <u32>t);
    }
  }
  applyLut(src, pixels, dst, scratch);
}
