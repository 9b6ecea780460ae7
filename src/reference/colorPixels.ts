// Plain-TypeScript statements of the per-pixel and 3×3 colour ops (assembly/color/luma.ts, hue.ts, sharpness.ts).
import type { AugkitImage, RgbaImage } from '../image.js';
import { applyTables, clampByte, sharedTables } from './colorTables.js';
import { roundHalfUp } from './rounding.js';

/** Pillow's integer luma of the pixel at byte offset `i`. */
export function luma(data: ArrayLike<number>, i: number): number {
  return Math.floor((19595 * data[i]! + 38470 * data[i + 1]! + 7471 * data[i + 2]! + 32768) / 65536);
}

function mapPixels(img: RgbaImage, f: (r: number, g: number, b: number, l: number) => [number, number, number]): AugkitImage {
  const out = new Uint8ClampedArray(img.data);
  for (let i = 0; i < out.length; i += 4) {
    const [r, g, b] = f(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!, luma(img.data, i));
    out[i] = r;
    out[i + 1] = g;
    out[i + 2] = b;
  }
  return { width: img.width, height: img.height, data: out };
}

export const grayscaleReference = (img: RgbaImage) => mapPixels(img, (_r, _g, _b, l) => [l, l, l]);

export const adjustSaturationReference = (img: RgbaImage, factor: number) =>
  mapPixels(img, (r, g, b, l) => [r, g, b].map((v) => clampByte(l + factor * (v - l))) as [number, number, number]);

export function adjustContrastReference(img: RgbaImage, factor: number): AugkitImage {
  let sum = 0;
  for (let i = 0; i < img.data.length; i += 4) sum += luma(img.data, i);
  const mean = sum / (img.width * img.height);
  return applyTables(img, sharedTables((v) => clampByte(mean + factor * (v - mean))));
}

/** Python's float `x % 1.0` (floored). */
function modOne(x: number): number {
  const m = x % 1;
  return m < 0 ? m + 1 : m === 0 ? 0 : m;
}

/** colorsys.rgb_to_hsv, the hue shifted (floored modulo), colorsys.hsv_to_rgb, ×255 rounded. */
export function adjustHueReference(img: RgbaImage, hue: number): AugkitImage {
  return mapPixels(img, (R, G, B) => {
    const [r, g, b] = [R / 255, G / 255, B / 255];
    const maxc = Math.max(r, g, b);
    const minc = Math.min(r, g, b);
    if (maxc === minc) return [R, G, B];
    const range = maxc - minc;
    const s = range / maxc;
    const [rc, gc, bc] = [(maxc - r) / range, (maxc - g) / range, (maxc - b) / range];
    const h0 = r === maxc ? bc - gc : g === maxc ? 2 + rc - bc : 4 + gc - rc;
    const h = modOne(modOne(h0 / 6) + hue);
    const v = maxc;
    const i = Math.trunc(h * 6);
    const f = h * 6 - i;
    const [p, q, t] = [v * (1 - s), v * (1 - s * f), v * (1 - s * (1 - f))];
    const rgb = [[v, t, p], [q, v, p], [p, v, t], [p, q, v], [t, p, v], [v, p, q]][i % 6]!;
    return rgb.map((x) => roundHalfUp(255 * x)) as [number, number, number];
  });
}

/** S = round(SMOOTH sum / 13) on interior pixels (S = v on the border), then S + f·(v − S). */
export function adjustSharpnessReference(img: RgbaImage, factor: number): AugkitImage {
  const { width, height, data } = img;
  const out = new Uint8ClampedArray(data);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      for (let c = 0; c < 3; c++) {
        const at = (dx: number, dy: number) => data[((y + dy) * width + x + dx) * 4 + c]!;
        let sum = 4 * at(0, 0);
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) sum += at(dx, dy);
        const s = Math.round(sum / 13);
        out[(y * width + x) * 4 + c] = clampByte(s + factor * (at(0, 0) - s));
      }
    }
  }
  return { width, height, data: out };
}
