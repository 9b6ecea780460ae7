// Plain-TypeScript statements of the table-driven colour ops (assembly/color/lut.ts, histogram.ts), for
// tests and benchmarks: each builds the tables for R, G, B, then maps every pixel through them.
import type { AugkitImage, RgbaImage } from '../image.js';
import { roundHalfUp } from './rounding.js';

/** Three 256-entry tables: R, G, B. */
export type Tables = readonly [Uint8Array, Uint8Array, Uint8Array];

/** Round half away from zero, clamp to 0..255 (values may lie outside, or be NaN → 0). */
export function clampByte(v: number): number {
  if (!(v > 0)) return 0;
  return v >= 255 ? 255 : roundHalfUp(v);
}

/** R, G, B through their tables; alpha kept. */
export function applyTables(img: RgbaImage, tables: Tables): AugkitImage {
  const out = new Uint8ClampedArray(img.data);
  for (let i = 0; i < out.length; i += 4) {
    for (let c = 0; c < 3; c++) out[i + c] = tables[c]![img.data[i + c]!]!;
  }
  return { width: img.width, height: img.height, data: out };
}

/** The same table for all three channels, from `f(v)`. */
export function sharedTables(f: (v: number) => number): Tables {
  const table = Uint8Array.from({ length: 256 }, (_, v) => f(v));
  return [table, table, table];
}

export const invertReference = (img: RgbaImage) => applyTables(img, sharedTables((v) => 255 - v));
export const solarizeReference = (img: RgbaImage, threshold: number) =>
  applyTables(img, sharedTables((v) => (v >= threshold ? 255 - v : v)));
export const posterizeReference = (img: RgbaImage, bits: number) =>
  applyTables(img, sharedTables((v) => v & (0xff << (8 - bits)) & 0xff));
export const adjustBrightnessReference = (img: RgbaImage, factor: number) =>
  applyTables(img, sharedTables((v) => clampByte(v * factor)));
/**
 * `(255 · gain) · (v/255)^gamma`. Math.pow here, the kernel's own pow there: they could differ in the
 * last bit, which changes a byte only if the value lies that close to a rounding boundary (never seen).
 */
export const adjustGammaReference = (img: RgbaImage, gamma: number, gain = 1) =>
  applyTables(img, sharedTables((v) => clampByte(255 * gain * Math.pow(v / 255, gamma))));
export const channelShiftReference = (img: RgbaImage, [dr, dg, db]: readonly [number, number, number]) =>
  applyTables(img, [dr, dg, db].map((d) => Uint8Array.from({ length: 256 }, (_, v) => clampByte(v + d))) as unknown as Tables);

function histograms(img: RgbaImage): number[][] {
  const h = [0, 1, 2].map(() => new Array<number>(256).fill(0));
  for (let i = 0; i < img.data.length; i += 4) for (let c = 0; c < 3; c++) h[c]![img.data[i + c]!]!++;
  return h;
}

const identity = () => Uint8Array.from({ length: 256 }, (_, v) => v);

/** Pillow ImageOps.equalize, per channel. */
export function equalizeReference(img: RgbaImage): AugkitImage {
  const tables = histograms(img).map((h) => {
    const nz = h.filter((n) => n > 0);
    if (nz.length <= 1) return identity();
    const step = Math.floor((nz.reduce((a, b) => a + b, 0) - nz[nz.length - 1]!) / 255);
    if (step === 0) return identity();
    let n = Math.floor(step / 2);
    return Uint8Array.from({ length: 256 }, (_, i) => {
      const v = Math.min(255, Math.floor(n / step));
      n += h[i]!;
      return v;
    });
  });
  return applyTables(img, tables as unknown as Tables);
}

/** Pillow ImageOps.autocontrast (cutoff 0), per channel. */
export function autocontrastReference(img: RgbaImage): AugkitImage {
  const tables = histograms(img).map((h) => {
    const lo = h.findIndex((n) => n > 0);
    const hi = 255 - [...h].reverse().findIndex((n) => n > 0);
    if (hi <= lo) return identity();
    const scale = 255 / (hi - lo);
    const offset = -lo * scale;
    return Uint8Array.from({ length: 256 }, (_, v) => Math.min(255, Math.max(0, Math.trunc(v * scale + offset))));
  });
  return applyTables(img, tables as unknown as Tables);
}
