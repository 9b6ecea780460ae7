import { describe, expect, it } from 'vitest';
import { cutout, erase } from '../src/index.js';
import { eraseReference } from '../src/reference/erase.js';
import { errorCode } from './helpers/errors.js';
import { bytesEqual, randomImage } from './helpers/images.js';

describe('erase and cutout', () => {
  const img = randomImage(31, 17, 4);
  it('erase equals the reference, colour or noise, clipped at the image edge', () => {
    for (const [x, y, w, h] of [[0, 0, 31, 17], [5, 3, 10, 4], [25, 10, 40, 40], [31, 0, 5, 5], [3, 3, 0, 9]] as const) {
      expect(bytesEqual(erase(img, { x, y, width: w, height: h, value: [1, 2, 3] }).data, eraseReference(img, x, y, w, h, [1, 2, 3]).data)).toBe(true);
      const noisy = erase(img, { x, y, width: w, height: h, value: 'noise', seed: 77 });
      expect(noisy.seed).toBe(77);
      expect(bytesEqual(noisy.data, eraseReference(img, x, y, w, h, 'noise', 77).data)).toBe(true);
    }
  });
  it('the default value is black; alpha is never changed', () => {
    const out = erase(img, { x: 0, y: 0, width: 31, height: 17 }).data;
    for (let i = 0; i < out.length; i += 4) {
      expect([out[i], out[i + 1], out[i + 2], out[i + 3]]).toEqual([0, 0, 0, img.data[i + 3]]);
    }
  });
  it('noise is uniform: each byte value about equally often', () => {
    const big = { width: 256, height: 256, data: new Uint8Array(256 * 256 * 4) };
    const out = erase(big, { x: 0, y: 0, width: 256, height: 256, value: 'noise', seed: 3 }).data;
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < out.length; i++) if (i % 4 !== 3) counts[out[i]!]!++;
    const expected = (256 * 256 * 3) / 256;
    const chiSquare = counts.reduce((a, c) => a + (c - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(350); // 255 degrees of freedom: p ≈ 1e-4
  });
  it('cutout erases the size × size square centred on the point, clipped', () => {
    expect(bytesEqual(cutout(img, { centerX: 10, centerY: 8, size: 5 }).data, eraseReference(img, 8, 6, 5, 5, [0, 0, 0]).data)).toBe(true);
    expect(bytesEqual(cutout(img, { centerX: 0, centerY: -1, size: 6, value: [9, 9, 9] }).data, eraseReference(img, -3, -4, 6, 6, [9, 9, 9]).data)).toBe(true);
    expect(bytesEqual(cutout(img, { centerX: 100, centerY: 100, size: 6 }).data, img.data)).toBe(true);
  });
  it('rejects bad options, naming them', () => {
    for (const [options, param] of [
      [{ x: -1, y: 0, width: 1, height: 1 }, 'options.x'], [{ x: 0, y: 0.5, width: 1, height: 1 }, 'options.y'],
      [{ x: 0, y: 0, width: -2, height: 1 }, 'options.width'], [{ x: 0, y: 0, width: 1 }, 'options.height'],
      [{ x: 0, y: 0, width: 1, height: 1, value: [0, 0, 256] }, 'options.value'], [{ x: 0, y: 0, width: 1, height: 1, value: 'random' }, 'options.value'],
      [{ x: 0, y: 0, width: 1, height: 1, value: 'noise', seed: -3 }, 'options.seed'],
    ] as const) {
      expect(errorCode(() => erase(img, options as never))).toBe('INVALID_ARGUMENT');
      expect(() => erase(img, options as never)).toThrow(param);
    }
    expect(() => cutout(img, { centerX: 1, centerY: 1, size: 0 })).toThrow('options.size');
    expect(() => cutout(img, { centerX: NaN, centerY: 1, size: 3 })).toThrow('options.centerX');
  });
});
