// Table-driven colour ops: each fills its 256-entry table per channel (R, G, B: 768 bytes) once per call
// with one of the `…Table` functions, then `applyLut` maps every pixel's R, G, B through it (the whole
// image at once, or strip by strip); alpha is copied unchanged.
import { roundHalfUp } from '../rounding';

/** Bytes of one set of tables: 256 entries for each of R, G, B. */
export const LUT_BYTES: usize = 768;

/**
 * Bytes of the pair tables `expandLut` derives from the three tables, right after them: 65,536 u16
 * entries mapping a pixel's low half (R, G) and 65,536 mapping its high half (B, A; alpha kept), so a
 * pixel takes two lookups instead of three byte lookups and the shifts between them.
 */
export const PAIR_BYTES: usize = 2 * 65536 * 2;

/** Scratch bytes of the table-driven ops (the three 256-entry tables, then their pair tables). */
export function colorLutScratch(): usize {
  return LUT_BYTES + PAIR_BYTES;
}

/** A float64 channel value rounded half away from zero and clamped to 0..255 (the value may be out of range). */
// @ts-ignore: decorator
@inline
export function clampByte(v: f64): u32 {
  if (!(v > 0.0)) return 0; // also NaN
  if (v >= 255.0) return 255;
  return <u32>roundHalfUp(v);
}

/** Copies table R to the G and B tables (ops whose channels share one table). */
export function shareTable(table: usize): void {
  memory.copy(table + 256, table, 256);
  memory.copy(table + 512, table, 256);
}

/** Fills the pair tables after the three tables at `table` (see PAIR_BYTES): once per call, before `mapLut`. */
export function expandLut(table: usize): void {
  const low = table + LUT_BYTES;
  const high = low + 65536 * 2;
  for (let upper: usize = 0; upper < 256; upper++) {
    const g = <u32>load<u8>(table + 256 + upper) << 8;
    const rowLow = low + (upper << 9);
    const rowHigh = high + (upper << 9);
    for (let lower: usize = 0; lower < 256; lower++) {
      store<u16>(rowLow + (lower << 1), <u32>load<u8>(table + lower) | g);
      store<u16>(rowHigh + (lower << 1), <u32>load<u8>(table + 512 + lower) | (<u32>upper << 8));
    }
  }
}

/**
 * Maps R, G, B of `pixels` pixels through the pair tables `expandLut` filled after `table`; alpha is
 * kept. `dst` may equal `src`.
 */
export function mapLut(src: usize, pixels: i32, dst: usize, table: usize): void {
  const low = table + LUT_BYTES;
  const high = low + 65536 * 2;
  const end = src + (<usize>pixels << 2);
  let d = dst;
  for (let s = src; s < end; s += 4) {
    const p = load<u32>(s);
    const lo = <u32>load<u16>(low + ((p & 0xffff) << 1));
    const hi = <u32>load<u16>(high + ((p >>> 16) << 1));
    store<u32>(d, lo | (hi << 16));
    d += 4;
  }
}

/**
 * Maps R, G, B of `pixels` pixels through the tables at `table` (R at +0, G at +256, B at +512; the pair
 * tables after them are overwritten); alpha is kept. `dst` may equal `src`.
 */
export function applyLut(src: usize, pixels: i32, dst: usize, table: usize): void {
  expandLut(table);
  mapLut(src, pixels, dst, table);
}

/** `255 − v` (Pillow ImageOps.invert). */
export function invertTable(table: usize): void {
  for (let v = 0; v < 256; v++) store<u8>(table + v, 255 - v);
  shareTable(table);
}

/** `v ≥ threshold ? 255 − v : v` (Pillow ImageOps.solarize), threshold 0..256. */
export function solarizeTable(table: usize, threshold: i32): void {
  for (let v = 0; v < 256; v++) store<u8>(table + v, v >= threshold ? 255 - v : v);
  shareTable(table);
}

/** `v & (0xFF << (8 − bits))` (Pillow ImageOps.posterize), bits 1..8. */
export function posterizeTable(table: usize, bits: i32): void {
  const mask = (0xff << (8 - bits)) & 0xff;
  for (let v = 0; v < 256; v++) store<u8>(table + v, v & mask);
  shareTable(table);
}

/** `v · factor`, rounded half away from zero, clamped. */
export function brightnessTable(table: usize, factor: f64): void {
  for (let v = 0; v < 256; v++) store<u8>(table + v, clampByte(<f64>v * factor));
  shareTable(table);
}

/** `(255 · gain) · (v / 255)^gamma`, rounded half away from zero, clamped: 256 `pow` calls, in WebAssembly. */
export function gammaTable(table: usize, gamma: f64, gain: f64): void {
  const scale = 255.0 * gain;
  for (let v = 0; v < 256; v++) store<u8>(table + v, clampByte(scale * Math.pow(<f64>v / 255.0, gamma)));
  shareTable(table);
}

/** `v + d` per channel (R by `dr`, G by `dg`, B by `db`; fractional allowed), rounded half away from zero, clamped. */
export function channelShiftTable(table: usize, dr: f64, dg: f64, db: f64): void {
  for (let v = 0; v < 256; v++) {
    store<u8>(table + v, clampByte(<f64>v + dr));
    store<u8>(table + 256 + v, clampByte(<f64>v + dg));
    store<u8>(table + 512 + v, clampByte(<f64>v + db));
  }
}
