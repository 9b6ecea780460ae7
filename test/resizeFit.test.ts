// resize's fit modes and resizeShorter / resizeLonger, checked against the ops they are made of
// (resize to the scaled size, then centerCrop or pad) and by the sizes they must produce.
import { describe, expect, it } from 'vitest';
import { centerCrop, pad, resize, resizeLonger, resizeShorter, resizeTo } from '../src/index.js';
import { BORDERS } from '../src/ops/border.js';
import { fitSize } from '../src/ops/resize.js';
import { errorCode } from './helpers/errors.js';
import { bytesEqual, randomImage } from './helpers/images.js';

const shapes = [[1, 1], [1, 9], [9, 1], [7, 5], [64, 48], [33, 90]] as const;
const targets = [[1, 1], [4, 4], [10, 3], [3, 10], [50, 50], [224, 224]] as const;

describe("resize's fit", () => {
  for (const [w, h] of shapes) {
    const img = randomImage(w, h, w * 7 + h);
    for (const [dw, dh] of targets) {
      it(`cover = resize to the covering size + centre crop, ${w}×${h} → ${dw}×${dh}`, () => {
        const [rw, rh] = fitSize('cover', w, h, dw, dh);
        expect(rw >= dw && rh >= dh && (rw === dw || rh === dh)).toBe(true);
        for (const antialias of [false, true]) {
          const expected = centerCrop(resize(img, rw, rh, { antialias }), dw, dh).data;
          expect(bytesEqual(resize(img, dw, dh, { fit: 'cover', antialias }).data, expected)).toBe(true);
        }
      });

      it(`contain = resize to the fitting size + centred pad, ${w}×${h} → ${dw}×${dh}`, () => {
        const [rw, rh] = fitSize('contain', w, h, dw, dh);
        expect(rw <= dw && rh <= dh && rw >= 1 && rh >= 1).toBe(true);
        for (const border of BORDERS) {
          const left = Math.floor((dw - rw) / 2);
          const top = Math.floor((dh - rh) / 2);
          const padding = { top, left, right: dw - rw - left, bottom: dh - rh - top };
          const expected = pad(resize(img, rw, rh), padding, { border, fill: [1, 2, 3, 4] }).data;
          expect(bytesEqual(resize(img, dw, dh, { fit: 'contain', border, fill: [1, 2, 3, 4] }).data, expected)).toBe(true);
        }
      });
    }
  }

  it('keeps the aspect ratio: 640×480 covers 224×224 at 299×224 and fits inside at 224×168', () => {
    expect(fitSize('cover', 640, 480, 224, 224)).toEqual([299, 224]);
    expect(fitSize('contain', 640, 480, 224, 224)).toEqual([224, 168]);
  });

  it('resizeTo takes fit too, with the bytes of resize', () => {
    const img = randomImage(64, 48, 9);
    for (const fit of ['cover', 'contain'] as const) {
      const { image, applied } = resizeTo(40, 40, { fit, border: 'reflect' })(img, { seed: 0 });
      expect(bytesEqual(image.data, resize(img, 40, 40, { fit, border: 'reflect' }).data)).toBe(true);
      expect(applied).toEqual([expect.objectContaining({ op: 'resize', fit })]);
    }
  });

  it("'fill' is today's stretch", () => {
    const img = randomImage(30, 20, 4);
    expect(bytesEqual(resize(img, 17, 41, { fit: 'fill' }).data, resize(img, 17, 41).data)).toBe(true);
  });

  it('bad fit, border or fill → INVALID_ARGUMENT naming the option', () => {
    const img = randomImage(4, 4, 1);
    expect(errorCode(() => resize(img, 2, 2, { fit: 'inside' as never }))).toBe('INVALID_ARGUMENT');
    expect(() => resize(img, 2, 2, { fit: 'inside' as never })).toThrow(/options\.fit/);
    expect(() => resize(img, 2, 2, { fit: 'contain', border: 'mirror' as never })).toThrow(/options\.border/);
    expect(() => resize(img, 2, 2, { fit: 'contain', fill: [1] as never })).toThrow(/options\.fill/);
  });

  it("a cover whose scaled image would exceed the pixel limit → TOO_LARGE", () => {
    const tall = randomImage(1, 4000, 1);
    expect(errorCode(() => resize(tall, 20000, 20000, { fit: 'cover' }))).toBe('TOO_LARGE');
  });
});

describe('resizeShorter and resizeLonger', () => {
  for (const [w, h] of shapes) {
    const img = randomImage(w, h, w + h);
    for (const n of [1, 5, 32, 256]) {
      it(`set one side to ${n} and keep the aspect ratio, ${w}×${h}`, () => {
        const shorter = resizeShorter(img, n, { antialias: true });
        expect(Math.min(shorter.width, shorter.height)).toBe(n);
        const expectedLong = Math.max(1, Math.floor((Math.max(w, h) * n) / Math.min(w, h) + 0.5));
        expect(Math.max(shorter.width, shorter.height)).toBe(expectedLong);
        expect(bytesEqual(shorter.data, resize(img, shorter.width, shorter.height, { antialias: true }).data)).toBe(true);
        const longer = resizeLonger(img, n);
        expect(Math.max(longer.width, longer.height)).toBe(n);
        expect(w >= h ? longer.width : longer.height).toBe(n);
        expect(bytesEqual(longer.data, resize(img, longer.width, longer.height).data)).toBe(true);
      });
    }
  }

  it('bad sizes → INVALID_ARGUMENT naming n', () => {
    const img = randomImage(4, 4, 1);
    for (const n of [0, -1, 1.5, NaN]) {
      expect(errorCode(() => resizeShorter(img, n))).toBe('INVALID_ARGUMENT');
      expect(() => resizeLonger(img, n)).toThrow(/\bn\b/);
    }
  });
});
