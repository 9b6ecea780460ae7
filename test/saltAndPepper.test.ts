import { describe, expect, it } from 'vitest';
import { saltAndPepper } from '../src/index.js';
import { errorCode } from './helpers/errors.js';
import { saltAndPepperReference } from '../src/reference/saltAndPepper.js';
import { bytesEqual, randomImage, snapshot } from './helpers/images.js';

/** Mid-grey with alpha 200: every hit is visible (values are never 0 or 255). */
function grey(width: number, height: number) {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([128, 128, 128, 200], i);
  return { width, height, data };
}

/** |observed − n·p| ≤ 5 standard deviations of Binomial(n, p). */
function withinFiveSigma(observed: number, n: number, p: number): boolean {
  return Math.abs(observed - n * p) <= 5 * Math.sqrt(n * p * (1 - p));
}

const N = 256 * 256;

describe('saltAndPepper, pixel mode', () => {
  for (const [amount, saltVsPepper, seed] of [[0.05, 0.5, 1], [0.2, 0.8, 2], [0.001, 0.3, 3], [0.6, 0, 4]] as const) {
    it(`hits ≈ Binomial(N, ${amount}) pixels, salt share ≈ ${saltVsPepper}, R=G=B, alpha untouched`, () => {
      const img = grey(256, 256);
      const out = saltAndPepper(img, { amount, saltVsPepper, seed });
      let hits = 0;
      let salts = 0;
      let malformed = 0;
      for (let i = 0; i < out.data.length; i += 4) {
        if (out.data[i + 3] !== 200) malformed++;
        const [r, g, b] = [out.data[i], out.data[i + 1], out.data[i + 2]];
        if (r === 128 && g === 128 && b === 128) continue;
        if (!(r === g && g === b && (r === 0 || r === 255))) malformed++;
        hits++;
        if (r === 255) salts++;
      }
      expect(malformed).toBe(0);
      expect(withinFiveSigma(hits, N, amount)).toBe(true);
      expect(withinFiveSigma(salts, hits, saltVsPepper)).toBe(true);
    });
  }
});

describe('saltAndPepper, per-channel mode', () => {
  it('hits each of R, G, B independently: changed values ≈ Binomial(3N, p), 1-channel pixels ≈ N·3p(1−p)²', () => {
    const p = 0.05;
    const out = saltAndPepper(grey(256, 256), { amount: p, seed: 11, perChannel: true });
    let changedValues = 0;
    let exactlyOne = 0;
    let salts = 0;
    let malformed = 0;
    for (let i = 0; i < out.data.length; i += 4) {
      if (out.data[i + 3] !== 200) malformed++;
      let changedHere = 0;
      for (let c = 0; c < 3; c++) {
        const v = out.data[i + c];
        if (v === 128) continue;
        if (v !== 0 && v !== 255) malformed++;
        changedHere++;
        if (v === 255) salts++;
      }
      changedValues += changedHere;
      if (changedHere === 1) exactlyOne++;
    }
    expect(malformed).toBe(0);
    expect(withinFiveSigma(changedValues, 3 * N, p)).toBe(true);
    expect(withinFiveSigma(exactlyOne, N, 3 * p * (1 - p) ** 2)).toBe(true);
    expect(withinFiveSigma(salts, changedValues, 0.5)).toBe(true);
  });
});

describe('saltAndPepper determinism and edge cases', () => {
  const img = randomImage(97, 61, 5);

  it('the same seed gives the same bytes; different seeds differ', () => {
    const a = saltAndPepper(img, { seed: 42 });
    const b = saltAndPepper(img, { seed: 42 });
    const c = saltAndPepper(img, { seed: 43 });
    expect(bytesEqual(a.data, b.data)).toBe(true);
    expect(bytesEqual(a.data, c.data)).toBe(false);
    expect(a.seed).toBe(42);
  });

  it('large seeds up to 2^53 − 1 are distinct and reproducible', () => {
    const a = saltAndPepper(img, { seed: Number.MAX_SAFE_INTEGER });
    const b = saltAndPepper(img, { seed: Number.MAX_SAFE_INTEGER - 1 });
    expect(bytesEqual(a.data, saltAndPepper(img, { seed: Number.MAX_SAFE_INTEGER }).data)).toBe(true);
    expect(bytesEqual(a.data, b.data)).toBe(false);
  });

  it('without a seed, draws one and returns it so the result can be replayed', () => {
    const a = saltAndPepper(img);
    expect(Number.isSafeInteger(a.seed)).toBe(true);
    expect(bytesEqual(saltAndPepper(img, { seed: a.seed }).data, a.data)).toBe(true);
  });

  it('amount 0 returns a copy; amount 1 hits every pixel; input unchanged', () => {
    const before = snapshot(img);
    expect(bytesEqual(saltAndPepper(img, { amount: 0, seed: 1 }).data, img.data)).toBe(true);
    const all = saltAndPepper(grey(16, 16), { amount: 1, seed: 1 });
    expect(all.data.filter((v, i) => i % 4 !== 3 && v !== 0 && v !== 255).length).toBe(0);
    const allSalt = saltAndPepper(grey(16, 16), { amount: 1, saltVsPepper: 1, seed: 1, perChannel: true });
    for (let i = 0; i < allSalt.data.length; i += 4) expect(Array.from(allSalt.data.subarray(i, i + 4))).toEqual([255, 255, 255, 200]);
    expect(bytesEqual(img.data, before)).toBe(true);
  });

  it('rejects bad options with INVALID_ARGUMENT', () => {
    for (const amount of [NaN, Infinity, -0.1, 1.01, '0.1']) {
      expect(errorCode(() => saltAndPepper(img, { amount: amount as number }))).toBe('INVALID_ARGUMENT');
    }
    for (const saltVsPepper of [NaN, 2, -1]) {
      expect(errorCode(() => saltAndPepper(img, { saltVsPepper }))).toBe('INVALID_ARGUMENT');
    }
    for (const seed of [-1, 1.5, NaN, 2 ** 53, '7']) {
      expect(errorCode(() => saltAndPepper(img, { seed: seed as number }))).toBe('INVALID_ARGUMENT');
    }
    expect(errorCode(() => saltAndPepper(img, { perChannel: 'yes' as never }))).toBe('INVALID_ARGUMENT');
    expect(errorCode(() => saltAndPepper({ width: 2, height: 2, data: new Uint8Array(3) }))).toBe('INVALID_ARGUMENT');
  });
});

describe('saltAndPepper equals the plain-TS reference (xoshiro128** via splitmix64) byte for byte', () => {
  for (const [w, h, amount, q, seed, perChannel] of [
    [64, 48, 0.05, 0.5, 0, false], [33, 17, 0.3, 0.2, 2 ** 40 + 5, true], [1, 1, 1, 0.5, 9, false],
    [200, 100, 0.001, 0.9, 123456789, true], [16, 16, 0.999, 0.5, 77, false],
  ] as const) {
    it(`${w}×${h} amount ${amount} seed ${seed}${perChannel ? ' per channel' : ''}`, () => {
      const img = randomImage(w, h, seed % 1000);
      const out = saltAndPepper(img, { amount, saltVsPepper: q, seed, perChannel });
      expect(bytesEqual(out.data, saltAndPepperReference(img, amount, q, seed, perChannel).data)).toBe(true);
    });
  }
});
