// Plain-TypeScript statement of assembly/filter/gaussianBlur.ts: the same Q15 fixed point, value by value.
import type { AugkitImage, RgbaImage } from '../image.js';

/** Mirror without repeating the edge, period 2n − 2 (n = 1 → 0). */
export function reflectIndex(i: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * n - 2;
  const m = ((i % period) + period) % period;
  return m < n ? m : period - m;
}

/**
 * The Q15 weights q_0..q_r (q_i = floor(32768·w_i + 0.5), q_0 = 32768 − 2Σq_i), or undefined for the
 * identity. Math.exp here, the kernel's exp there: a last-bit difference could only matter at an exact
 * rounding tie of 32768·w_i.
 */
export function gaussianWeightsQ15(sigma: number, r: number): number[] | undefined {
  if (r === 0) return undefined;
  const denominator = 2 * sigma * sigma;
  let sum = 1;
  for (let i = 1; i <= r; i++) sum += 2 * Math.exp(-(i * i) / denominator);
  const q = [0];
  for (let i = 1; i <= r; i++) q.push(Math.floor((Math.exp(-(i * i) / denominator) / sum) * 32768 + 0.5));
  const outer = q.reduce((a, b) => a + b, 0);
  if (outer === 0) return undefined;
  q[0] = 32768 - 2 * outer;
  return q;
}

const mulr = (a: number, b: number) => (a * b + 0x4000) >> 15;

export function gaussianBlurReference(img: RgbaImage, sigma: number, kernelSize = 2 * Math.ceil(3 * sigma) + 1): AugkitImage {
  const { width, height, data } = img;
  const r = kernelSize >> 1;
  const q = gaussianWeightsQ15(sigma, r);
  if (!q) return { width, height, data: new Uint8ClampedArray(data) };
  const at = (x: number, y: number, c: number) => data[(y * width + reflectIndex(x, width)) * 4 + c]!;
  const t = new Int32Array(width * height * 4); // horizontal pass, 1/64 levels
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let acc = mulr(at(x, y, c) << 6, q[0]!);
        for (let i = 1; i <= r; i++) acc += mulr((at(x - i, y, c) + at(x + i, y, c)) << 6, q[i]!);
        t[(y * width + x) * 4 + c] = acc;
      }
    }
  }
  const out = new Uint8ClampedArray(data.length);
  const tAt = (x: number, y: number, c: number) => t[(reflectIndex(y, height) * width + x) * 4 + c]!;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let acc = mulr(tAt(x, y, c), q[0]!);
        for (let i = 1; i <= r; i++) acc += mulr(tAt(x, y - i, c) + tAt(x, y + i, c), q[i]!);
        out[(y * width + x) * 4 + c] = Math.min(255, (acc + 32) >> 6);
      }
    }
  }
  return { width, height, data: out };
}
