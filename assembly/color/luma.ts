// Colour ops built on Pillow's integer luma L = (19595·R + 38470·G + 7471·B + 32768) >> 16 ("L" mode).
// R, G, B change; alpha is copied unchanged.
import { applyLut, clampByte, shareTable } from './lut';

/** Pillow's L of a little-endian RGBA pixel. */
// @ts-ignore: decorator
@inline
function luma(p: u32): u32 {
  return (19595 * (p & 0xff) + 38470 * ((p >>> 8) & 0xff) + 7471 * ((p >>> 16) & 0xff) + 32768) >>> 16;
}

/** R = G = B = L. `dst` may equal `src`. */
export function grayscale(src: usize, pixels: i32, dst: usize): void {
  const end = src + (<usize>pixels << 2);
  let d = dst;
  for (let s = src; s < end; s += 4) {
    const p = load<u32>(s);
    store<u32>(d, (p & 0xff000000) | (luma(p) * 0x010101));
    d += 4;
  }
}

/** `L + factor · (v − L)` with the pixel's own L, rounded half away from zero, clamped. `dst` may equal `src`. */
export function adjustSaturation(src: usize, pixels: i32, dst: usize, factor: f64): void {
  const end = src + (<usize>pixels << 2);
  let d = dst;
  for (let s = src; s < end; s += 4) {
    const p = load<u32>(s);
    const l = <f64>luma(p);
    const r = clampByte(l + factor * (<f64>(p & 0xff) - l));
    const g = clampByte(l + factor * (<f64>((p >>> 8) & 0xff) - l));
    const b = clampByte(l + factor * (<f64>((p >>> 16) & 0xff) - l));
    store<u32>(d, (p & 0xff000000) | r | (g << 8) | (b << 16));
    d += 4;
  }
}

/**
 * `m + factor · (v − m)`, `m` the mean of L over all pixels (the integer sum divided by the pixel count,
 * float64, not rounded), as a table; rounded half away from zero, clamped. `scratch`: colorLutScratch() bytes.
 */
export function adjustContrast(src: usize, pixels: i32, dst: usize, factor: f64, scratch: usize): void {
  const end = src + (<usize>pixels << 2);
  let sum: u64 = 0;
  for (let s = src; s < end; s += 4) sum += <u64>luma(load<u32>(s));
  const mean = <f64>sum / <f64>pixels;
  for (let v = 0; v < 256; v++) store<u8>(scratch + v, clampByte(mean + factor * (<f64>v - mean)));
  shareTable(scratch);
  applyLut(src, pixels, dst, scratch);
}
