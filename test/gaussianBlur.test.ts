import { describe, expect, it } from 'vitest';
import { gaussianBlur } from '../src/index.js';
import { gaussianBlurReference } from '../src/reference/gaussianBlur.js';
import { errorCode } from './helpers/errors.js';
import { bytesEqual, maxAbsDiff, randomImage } from './helpers/images.js';

/** The float64 formula of DESIGN-ops.md (one rounding at the end), for the ±1 claim on kernels the golden data lacks. */
function exactBlur(img: { width: number; height: number; data: ArrayLike<number> }, sigma: number, k: number) {
  const { width, height, data } = img;
  const r = k >> 1;
  const w = Array.from({ length: k }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = w.reduce((a, b) => a + b, 0);
  const norm = w.map((v) => v / sum);
  const reflect = (i: number, n: number) => {
    if (n === 1) return 0;
    const p = 2 * n - 2;
    const m = ((i % p) + p) % p;
    return m < n ? m : p - m;
  };
  const t = new Float64Array(data.length);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) for (let c = 0; c < 4; c++) {
    let acc = 0;
    for (let i = -r; i <= r; i++) acc += norm[i + r]! * data[(y * width + reflect(x + i, width)) * 4 + c]!;
    t[(y * width + x) * 4 + c] = acc;
  }
  const out = new Uint8ClampedArray(data.length);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) for (let c = 0; c < 4; c++) {
    let acc = 0;
    for (let i = -r; i <= r; i++) acc += norm[i + r]! * t[(reflect(y + i, height) * width + x) * 4 + c]!;
    out[(y * width + x) * 4 + c] = Math.floor(acc + 0.5);
  }
  return { width, height, data: out };
}

describe('gaussianBlur', () => {
  it('equals the plain-TS fixed-point reference byte for byte', () => {
    for (const [w, h, sigma, k] of [[1, 1, 1, 7], [5, 1, 2, undefined], [1, 6, 0.7, undefined], [33, 21, 2, undefined], [64, 48, 0.3, 3], [50, 40, 8, 129], [13, 130, 1.2, 11]] as const) {
      const img = randomImage(w, h, w + h);
      const out = gaussianBlur(img, { sigma, kernelSize: k });
      expect(bytesEqual(out.data, gaussianBlurReference(img, sigma, k).data), `${w}×${h} σ ${sigma} k ${k}`).toBe(true);
    }
  });
  it('is within ±1 of the float64 formula, up to the largest kernel', () => {
    for (const [sigma, k] of [[2, 13], [5, 31], [21, 129], [40, 129], [0.5, 5]] as const) {
      const img = randomImage(150, 60, k);
      expect(maxAbsDiff(gaussianBlur(img, { sigma, kernelSize: k }), exactBlur(img, sigma, k)), `σ ${sigma} k ${k}`).toBeLessThanOrEqual(1);
    }
  });
  it('of a constant image is the image', () => {
    for (const [w, h, sigma] of [[40, 30, 2], [7, 5, 10], [1, 1, 3], [129, 3, 21]] as const) {
      const flat = { width: w, height: h, data: new Uint8Array(w * h * 4).map((_, i) => [255, 0, 77, 128][i % 4]!) };
      expect(bytesEqual(gaussianBlur(flat, { sigma }).data, flat.data)).toBe(true);
    }
  });
  it('kernelSize 1, or a sigma too small for any outer weight, copies the image', () => {
    const img = randomImage(9, 7, 3);
    expect(bytesEqual(gaussianBlur(img, { sigma: 3, kernelSize: 1 }).data, img.data)).toBe(true);
    expect(bytesEqual(gaussianBlur(img, { sigma: 0.05 }).data, img.data)).toBe(true);
  });
  it('rejects sigma ≤ 0 or NaN, and kernel sizes that are even, < 1 or > 129, naming the parameter', () => {
    const img = randomImage(4, 4);
    for (const sigma of [0, -1, NaN, Infinity, '2']) {
      expect(errorCode(() => gaussianBlur(img, { sigma: sigma as number }))).toBe('INVALID_ARGUMENT');
      expect(() => gaussianBlur(img, { sigma: sigma as number })).toThrow('options.sigma');
    }
    for (const kernelSize of [0, 2, 4, 131, 1.5, -3]) {
      expect(errorCode(() => gaussianBlur(img, { sigma: 1, kernelSize }))).toBe('INVALID_ARGUMENT');
      expect(() => gaussianBlur(img, { sigma: 1, kernelSize })).toThrow('options.kernelSize');
    }
    expect(() => gaussianBlur(img, { sigma: 22 })).toThrow('sigma'); // default size 2·66+1 > 129
    expect(errorCode(() => gaussianBlur(img, undefined as never))).toBe('INVALID_ARGUMENT');
  });
});
