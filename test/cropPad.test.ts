// crop, pad and centerCrop: exact ops, checked by round trips, the reference twins and bad input.
import { describe, expect, it } from 'vitest';
import { centerCrop, crop, pad, setPixelLimit } from '../src/index.js';
import { BORDERS } from '../src/ops/border.js';
import { cropReference, padReference } from '../src/reference/cropPad.js';
import { runKernelSequence } from '../src/wasm/run.js';
import { padStep } from '../src/ops/pad.js';
import { cropStep } from '../src/ops/crop.js';
import { errorCode } from './helpers/errors.js';
import { bytesEqual, randomImage } from './helpers/images.js';

describe('crop and pad', () => {
  const shapes = [[1, 1], [1, 9], [9, 1], [2, 2], [7, 5], [40, 23]] as const;
  for (const [w, h] of shapes) {
    const img = randomImage(w, h, 17 * w + h);
    for (const border of BORDERS) {
      it(`crop ∘ pad is the identity, ${w}×${h} ${border}`, () => {
        for (const [top, right, bottom, left] of [[0, 0, 0, 0], [1, 2, 3, 4], [3 * h + 1, 0, 5, 2 * w + 3]]) {
          const padded = pad(img, { top: top!, right: right!, bottom: bottom!, left: left! }, { border, fill: [5, 6, 7, 8] });
          expect([padded.width, padded.height]).toEqual([w + left! + right!, h + top! + bottom!]);
          expect(bytesEqual(crop(padded, { x: left!, y: top!, width: w, height: h }).data, img.data)).toBe(true);
        }
      });

      it(`pad equals its reference far beyond the image, alone and in a sequence, ${w}×${h} ${border}`, () => {
        const margins = [2 * h + 3, 5 * w + 1, 7, 3 * w] as const;
        const [top, right, bottom, left] = margins;
        const expected = padReference(img, margins, border, [9, 8, 7, 6]).data;
        const options = { border, fill: [9, 8, 7, 6] as const };
        expect(bytesEqual(pad(img, { top, right, bottom, left }, options).data, expected)).toBe(true);
        // the kernel route (the alone route copies in JavaScript)
        expect(bytesEqual(runKernelSequence(img, [padStep({ top, right, bottom, left }, options)]).data, expected)).toBe(true);
      });
    }

    it(`crop equals its reference alone and in a sequence, ${w}×${h}`, () => {
      const rect = { x: Math.floor(w / 3), y: Math.floor(h / 2), width: Math.ceil(w / 2), height: Math.ceil(h / 3) };
      const expected = cropReference(img, rect.x, rect.y, rect.width, rect.height).data;
      expect(bytesEqual(crop(img, rect).data, expected)).toBe(true);
      expect(bytesEqual(runKernelSequence(img, [cropStep(rect)]).data, expected)).toBe(true);
    });

    it(`centerCrop takes floor((W − w) / 2), ${w}×${h}`, () => {
      for (const [cw, ch] of [[1, 1], [w, h], [Math.ceil(w / 2), Math.ceil(h / 2)]] as const) {
        const x = Math.floor((w - cw) / 2);
        const y = Math.floor((h - ch) / 2);
        expect(bytesEqual(centerCrop(img, cw, ch).data, cropReference(img, x, y, cw, ch).data)).toBe(true);
      }
    });
  }

  it('pad writes into a caller array that is unaligned (the kernel route) with the same bytes', () => {
    const img = randomImage(5, 4, 2);
    const buffer = new Uint8ClampedArray(1 + 9 * 8 * 4);
    const out = buffer.subarray(1);
    pad(img, { top: 1, right: 2, bottom: 3, left: 2 }, { border: 'reflect', out });
    expect(bytesEqual(out, padReference(img, [1, 2, 3, 2], 'reflect').data)).toBe(true);
  });
});

describe('crop and pad bad input', () => {
  const img = randomImage(8, 6, 1);
  const cases: [string, () => unknown, string, RegExp][] = [
    ['a crop reaching past the right edge', () => crop(img, { x: 5, y: 0, width: 4, height: 2 }), 'INVALID_ARGUMENT', /rect/],
    ['a crop reaching past the bottom', () => crop(img, { x: 0, y: 5, width: 1, height: 2 }), 'INVALID_ARGUMENT', /rect/],
    ['a crop at a negative x', () => crop(img, { x: -1, y: 0, width: 1, height: 1 }), 'INVALID_ARGUMENT', /rect\.x/],
    ['a crop of width 0', () => crop(img, { x: 0, y: 0, width: 0, height: 1 }), 'INVALID_ARGUMENT', /rect\.width/],
    ['a fractional crop', () => crop(img, { x: 0.5, y: 0, width: 1, height: 1 }), 'INVALID_ARGUMENT', /rect\.x/],
    ['a centre crop wider than the image', () => centerCrop(img, 9, 2), 'INVALID_ARGUMENT', /width/],
    ['a centre crop taller than the image', () => centerCrop(img, 2, 7), 'INVALID_ARGUMENT', /height/],
    ['a negative pad', () => pad(img, { top: -1, right: 0, bottom: 0, left: 0 }), 'INVALID_ARGUMENT', /padding\.top/],
    ['a missing side', () => pad(img, { top: 1, right: 0, bottom: 0 } as never), 'INVALID_ARGUMENT', /padding\.left/],
    ['an unknown border', () => pad(img, { top: 1, right: 0, bottom: 0, left: 0 }, { border: 'nearest' as never }), 'INVALID_ARGUMENT', /options\.border/],
    ['a pad past the pixel limit', () => pad(img, { top: 1e6, right: 1e6, bottom: 0, left: 0 }), 'TOO_LARGE', /pad output/],
  ];
  for (const [what, fn, code, message] of cases) {
    it(`${what} → ${code}`, () => {
      expect(errorCode(fn)).toBe(code);
      expect(fn).toThrow(message);
    });
  }

  it('a pad within a lowered pixel limit passes and one pixel more is TOO_LARGE', () => {
    const previous = setPixelLimit(10 * 8);
    try {
      expect(pad(img, { top: 1, right: 1, bottom: 1, left: 1 }).width).toBe(10);
      expect(errorCode(() => pad(img, { top: 1, right: 1, bottom: 2, left: 1 }))).toBe('TOO_LARGE');
    } finally {
      setPixelLimit(previous);
    }
  });
});
