import { describe, expect, it } from 'vitest';
import { resize } from '../src/index.js';
import { errorCode } from './helpers/errors.js';
import { resizeAntialiasReference, resizeBilinearReference } from '../src/reference/resize.js';
import { memoryBytes } from '../src/wasm/memory.js';
import { goldenCases, goldenExpected, goldenInput } from './helpers/golden.js';
import { bytesEqual, maxAbsDiff, randomImage, snapshot } from './helpers/images.js';

describe('resize matches the golden data', () => {
  for (const c of goldenCases('resize')) {
    it(`${c.id} within ±${c.tolerance.maxAbs} of OpenCV-convention bilinear`, () => {
      const out = resize(goldenInput(c), c.params.width!, c.params.height!);
      expect([out.width, out.height]).toEqual(c.expectedSize);
      expect(maxAbsDiff(out, goldenExpected(c))).toBeLessThanOrEqual(c.tolerance.maxAbs);
    });
  }
  for (const c of goldenCases('resizeAntialias')) {
    it(`${c.id} with antialias within ±${c.tolerance.maxAbs} of Pillow BILINEAR`, () => {
      const out = resize(goldenInput(c), c.params.width!, c.params.height!, { antialias: true });
      expect([out.width, out.height]).toEqual(c.expectedSize);
      expect(maxAbsDiff(out, goldenExpected(c))).toBeLessThanOrEqual(c.tolerance.maxAbs);
    });
  }
});

describe('resize properties', () => {
  const sizes: [number, number, number, number][] = [
    [1, 1, 3, 2], [7, 5, 3, 9], [33, 17, 16, 8], [16, 16, 41, 23], [64, 3, 5, 40], [9, 1, 1, 1], [200, 150, 37, 29],
  ];

  for (const [sw, sh, dw, dh] of sizes) {
    it(`equals the plain-TS reference byte for byte, ${sw}×${sh} → ${dw}×${dh}`, () => {
      const img = randomImage(sw, sh, sw * 31 + dh);
      expect(bytesEqual(resize(img, dw, dh).data, resizeBilinearReference(img, dw, dh).data)).toBe(true);
      expect(bytesEqual(resize(img, dw, dh, { antialias: true }).data, resizeAntialiasReference(img, dw, dh).data)).toBe(true);
    });
  }

  it('with antialias, every kernel width from 1 to 41 taps (pairs, a lone last tap, four-tap steps) equals the reference', () => {
    for (let sw = 1; sw <= 60; sw++) {
      for (const [dw, sh, dh] of [[3, 2, 2], [7, 5, 2], [sw + 1, 3, 1]] as const) {
        for (const img of [randomImage(sw, sh, sw * 7 + dw), { width: sw, height: sh, data: new Uint8Array(sw * sh * 4).fill(255) }]) {
          const out = resize(img, dw, dh, { antialias: true }).data;
          if (!bytesEqual(out, resizeAntialiasReference(img, dw, dh).data)) throw new Error(`${sw}×${sh} → ${dw}×${dh} differs from the reference`);
        }
      }
    }
  });

  it('resizing to the same size is an exact copy, with and without antialias', () => {
    const img = randomImage(37, 23);
    expect(bytesEqual(resize(img, 37, 23).data, img.data)).toBe(true);
    expect(bytesEqual(resize(img, 37, 23, { antialias: true }).data, img.data)).toBe(true);
  });

  it('leaves its input unchanged and returns a Uint8ClampedArray', () => {
    const img = randomImage(20, 10);
    const before = snapshot(img);
    const out = resize(img, 7, 31, { antialias: true });
    expect(bytesEqual(img.data, before)).toBe(true);
    expect(out.data).toBeInstanceOf(Uint8ClampedArray);
    expect(out.data.length).toBe(7 * 31 * 4);
  });

  it('keeps a constant image constant', () => {
    const img = { width: 13, height: 7, data: new Uint8Array(13 * 7 * 4).fill(77) };
    for (const antialias of [false, true]) {
      expect(resize(img, 50, 3, { antialias }).data.every((v) => v === 77)).toBe(true);
    }
  });
});

describe('resize rejects bad arguments', () => {
  const img = randomImage(4, 4);
  const code = errorCode;

  for (const bad of [NaN, Infinity, -Infinity, 0, -3, 2.5, 2 ** 60, '4', null]) {
    it(`width ${String(bad)} → INVALID_ARGUMENT`, () => {
      expect(code(() => resize(img, bad as number, 4))).toBe('INVALID_ARGUMENT');
      expect(code(() => resize(img, 4, bad as number))).toBe('INVALID_ARGUMENT');
    });
  }

  it('a 100000×100000 target (over the pixel limit) → TOO_LARGE without allocating', () => {
    const before = memoryBytes();
    expect(code(() => resize(img, 100000, 100000))).toBe('TOO_LARGE');
    expect(code(() => resize(img, 16385, 16385))).toBe('TOO_LARGE');
    expect(memoryBytes()).toBe(before);
  });

  it('a malformed image or option → INVALID_ARGUMENT', () => {
    expect(code(() => resize({ width: 4, height: 4, data: new Uint8Array(63) }, 2, 2))).toBe('INVALID_ARGUMENT');
    expect(code(() => resize({ width: 4, height: 4, data: [] as unknown as Uint8Array }, 2, 2))).toBe('INVALID_ARGUMENT');
    expect(code(() => resize(null as never, 2, 2))).toBe('INVALID_ARGUMENT');
    expect(code(() => resize(img, 2, 2, { antialias: 'yes' as never }))).toBe('INVALID_ARGUMENT');
    expect(code(() => resize(img, 2, 2, 5 as never))).toBe('INVALID_ARGUMENT');
  });
});
