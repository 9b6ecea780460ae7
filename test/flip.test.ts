import { describe, expect, it } from 'vitest';
import { flipHorizontal, flipVertical } from '../src/index.js';
import { flipHorizontalReference, flipVerticalReference } from '../src/reference/flip.js';
import { errorCode } from './helpers/errors.js';
import { goldenCases, goldenExpected, goldenInput } from './helpers/golden.js';
import { bytesEqual, maxAbsDiff, randomImage, snapshot } from './helpers/images.js';

const flips = { flipHorizontal, flipVertical } as const;
const references = { flipHorizontal: flipHorizontalReference, flipVertical: flipVerticalReference } as const;

for (const op of ['flipHorizontal', 'flipVertical'] as const) {
  describe(op, () => {
    for (const c of goldenCases(op)) {
      it(`${c.id} equals the golden image exactly`, () => {
        const out = flips[op](goldenInput(c));
        expect([out.width, out.height]).toEqual(c.expectedSize);
        expect(maxAbsDiff(out, goldenExpected(c))).toBeLessThanOrEqual(c.tolerance.maxAbs);
      });
    }

    for (const [w, h] of [[1, 1], [1, 9], [9, 1], [7, 5], [64, 48]] as const) {
      it(`twice is the identity and once equals the reference, ${w}×${h}`, () => {
        const img = randomImage(w, h, w * h);
        const before = snapshot(img);
        const once = flips[op](img);
        expect(bytesEqual(once.data, references[op](img).data)).toBe(true);
        expect(bytesEqual(flips[op](once).data, img.data)).toBe(true);
        expect(bytesEqual(img.data, before)).toBe(true);
      });
    }

    it('accepts an ImageData-like Uint8ClampedArray input and rejects malformed images', () => {
      const img = randomImage(3, 2);
      const clamped = { width: 3, height: 2, data: new Uint8ClampedArray(img.data) };
      expect(bytesEqual(flips[op](clamped).data, flips[op](img).data)).toBe(true);
      expect(errorCode(() => flips[op]({ width: 3, height: 2, data: new Uint8Array(23) }))).toBe('INVALID_ARGUMENT');
      expect(errorCode(() => flips[op]({ width: 0, height: 2, data: new Uint8Array(0) }))).toBe('INVALID_ARGUMENT');
      expect(errorCode(() => flips[op]({ width: 1.5, height: 2, data: new Uint8Array(12) }))).toBe('INVALID_ARGUMENT');
      expect(errorCode(() => flips[op](undefined as never))).toBe('INVALID_ARGUMENT');
    });
  });
}
