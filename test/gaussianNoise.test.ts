import { describe, expect, it } from 'vitest';
import { gaussianNoise } from '../src/index.js';
import { gaussianNoiseOp } from '../src/index.js';
import { opStep } from '../src/ops/define.js';
import { gaussianNoiseReference, NormalStream } from '../src/reference/gaussianNoise.js';
import { runKernelSequence } from '../src/wasm/run.js';
import { errorCode } from './helpers/errors.js';
import { bytesEqual, randomImage } from './helpers/images.js';

const grey = (w: number, h: number) => ({ width: w, height: h, data: new Uint8Array(w * h * 4).fill(128) });

/** Mean and standard deviation of the R, G, B changes. */
function changeStats(before: Uint8Array, after: Uint8ClampedArray): { mean: number; std: number } {
  let sum = 0;
  let squares = 0;
  let n = 0;
  for (let i = 0; i < before.length; i++) {
    if (i % 4 === 3) continue;
    const d = after[i]! - before[i]!;
    sum += d;
    squares += d * d;
    n++;
  }
  const mean = sum / n;
  return { mean, std: Math.sqrt(squares / n - mean * mean) };
}

describe('gaussianNoise', () => {
  it('equals the plain-TS reference (same PRNG, Box–Muller, ln/sin/cos bits) alone, in strips and in a sequence', () => {
    for (const [w, h] of [[1, 1], [7, 3], [300, 200], [1000, 70]] as const) {
      const img = randomImage(w, h, w * h);
      for (const [std, mean, perChannel] of [[10, 0, true], [30, -5.5, false], [0, 3, true]] as const) {
        const seed = w * 7919 + h;
        const expected = gaussianNoiseReference(img, std, mean, perChannel, seed).data;
        const options = { std, mean, perChannel, seed };
        expect(bytesEqual(gaussianNoise(img, options).data, expected), `${w}×${h} std ${std}`).toBe(true);
        expect(bytesEqual(runKernelSequence(img, [opStep(gaussianNoiseOp, options)]).data, expected)).toBe(true);
      }
    }
  });
  it('same seed, same bytes; another seed, other bytes; the seed is returned, drawn when absent', () => {
    const img = randomImage(64, 64, 1);
    const a = gaussianNoise(img, { std: 12, seed: 99 });
    expect(a.seed).toBe(99);
    expect(bytesEqual(a.data, gaussianNoise(img, { std: 12, seed: 99 }).data)).toBe(true);
    expect(bytesEqual(a.data, gaussianNoise(img, { std: 12, seed: 100 }).data)).toBe(false);
    const drawn = gaussianNoise(img, { std: 12 });
    expect(bytesEqual(drawn.data, gaussianNoise(img, { std: 12, seed: drawn.seed }).data)).toBe(true);
  });
  it('has the requested mean and standard deviation (within 5 standard errors; rounding adds 1/12 to the variance)', () => {
    const img = grey(256, 256);
    for (const [std, mean] of [[10, 0], [5, 20], [20, -10]] as const) {
      const stats = changeStats(img.data, gaussianNoise(img, { std, mean, seed: std * 13 }).data);
      const n = 256 * 256 * 3;
      expect(Math.abs(stats.mean - mean)).toBeLessThan((5 * std) / Math.sqrt(n));
      expect(Math.abs(stats.std - Math.sqrt(std * std + 1 / 12))).toBeLessThan((5 * std) / Math.sqrt(2 * n));
    }
  });
  it('the normal stream has mean 0, variance 1, and the normal tail mass (|z| > 1.96: 5 %)', () => {
    const normals = new NormalStream(2024);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let tails = 0;
    for (let i = 0; i < n; i++) {
      const z = normals.next();
      sum += z;
      squares += z * z;
      if (Math.abs(z) > 1.959964) tails++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(squares / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(tails / n - 0.05)).toBeLessThan(5 * Math.sqrt((0.05 * 0.95) / n));
  });
  it('without perChannel adds the same change to R, G and B; alpha never changes', () => {
    const img = grey(50, 50);
    const out = gaussianNoise(img, { std: 8, perChannel: false, seed: 5 }).data;
    for (let i = 0; i < out.length; i += 4) {
      expect(out[i + 1]).toBe(out[i]);
      expect(out[i + 2]).toBe(out[i]);
      expect(out[i + 3]).toBe(128);
    }
  });
  it('rejects bad options, naming them', () => {
    const img = randomImage(4, 4);
    for (const [options, param] of [
      [{ std: -1 }, 'options.std'], [{ std: NaN }, 'options.std'], [{}, 'options.std'], [{ std: 1, mean: Infinity }, 'options.mean'],
      [{ std: 1, seed: -1 }, 'options.seed'], [{ std: 1, seed: 0.5 }, 'options.seed'], [{ std: 1, perChannel: 1 }, 'options.perChannel'],
    ] as const) {
      expect(errorCode(() => gaussianNoise(img, options as never))).toBe('INVALID_ARGUMENT');
      expect(() => gaussianNoise(img, options as never)).toThrow(param);
    }
  });
});
