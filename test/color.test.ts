// The colour and pixel ops (src/ops/color.ts, imageOps.ts, sharpness.ts) against their plain-TS references
// on random images, and their properties; the golden data is in colour.golden.test.ts.
import { describe, expect, it } from 'vitest';
import * as ak from '../src/index.js';
import type { AugkitImage, RgbaImage } from '../src/index.js';
import {
  adjustBrightnessReference, adjustGammaReference, autocontrastReference, channelShiftReference, equalizeReference,
  invertReference, posterizeReference, solarizeReference,
} from '../src/reference/colorTables.js';
import {
  adjustContrastReference, adjustHueReference, adjustSaturationReference, adjustSharpnessReference, grayscaleReference,
} from '../src/reference/colorPixels.js';
import { errorCode } from './helpers/errors.js';
import { bytesEqual, maxAbsDiff, randomImage, snapshot } from './helpers/images.js';

interface OpCase {
  name: string;
  run: (img: RgbaImage) => AugkitImage;
  reference: (img: RgbaImage) => AugkitImage;
}

const opCases: OpCase[] = [
  { name: 'grayscale', run: (i) => ak.grayscale(i), reference: grayscaleReference },
  { name: 'invert', run: (i) => ak.invert(i), reference: invertReference },
  { name: 'equalize', run: (i) => ak.equalize(i), reference: equalizeReference },
  { name: 'autocontrast', run: (i) => ak.autocontrast(i), reference: autocontrastReference },
  ...[0, 1, 128, 255, 256].map((t) => ({ name: `solarize ${t}`, run: (i: RgbaImage) => ak.solarize(i, t), reference: (i: RgbaImage) => solarizeReference(i, t) })),
  ...[1, 3, 7].map((b) => ({ name: `posterize ${b}`, run: (i: RgbaImage) => ak.posterize(i, b), reference: (i: RgbaImage) => posterizeReference(i, b) })),
  ...[0, 0.37, 1.9].flatMap((f) => [
    { name: `adjustBrightness ${f}`, run: (i: RgbaImage) => ak.adjustBrightness(i, f), reference: (i: RgbaImage) => adjustBrightnessReference(i, f) },
    { name: `adjustContrast ${f}`, run: (i: RgbaImage) => ak.adjustContrast(i, f), reference: (i: RgbaImage) => adjustContrastReference(i, f) },
    { name: `adjustSaturation ${f}`, run: (i: RgbaImage) => ak.adjustSaturation(i, f), reference: (i: RgbaImage) => adjustSaturationReference(i, f) },
    { name: `adjustSharpness ${f}`, run: (i: RgbaImage) => ak.adjustSharpness(i, f), reference: (i: RgbaImage) => adjustSharpnessReference(i, f) },
  ]),
  ...[-0.5, -0.137, 0.25, 0.5].map((h) => ({ name: `adjustHue ${h}`, run: (i: RgbaImage) => ak.adjustHue(i, h), reference: (i: RgbaImage) => adjustHueReference(i, h) })),
  ...[[0.3, 1], [2.2, 0.8], [1, 1.5]].map(([g, k]) => ({
    name: `adjustGamma ${g} gain ${k}`, run: (i: RgbaImage) => ak.adjustGamma(i, g!, k), reference: (i: RgbaImage) => adjustGammaReference(i, g!, k),
  })),
  ...([[12.5, -0.5, 3.25], [-300, 0, 300]] as const).map((s) => ({
    name: `channelShift ${s}`, run: (i: RgbaImage) => ak.channelShift(i, s), reference: (i: RgbaImage) => channelShiftReference(i, s),
  })),
];

const shapes = [[1, 1], [2, 3], [3, 3], [17, 9], [64, 48], [301, 7]] as const;

describe('colour ops equal their plain-TS references byte for byte', () => {
  for (const c of opCases) {
    it(c.name, () => {
      for (const [w, h] of shapes) {
        const img = randomImage(w, h, w * 31 + h);
        expect(bytesEqual(c.run(img).data, c.reference(img).data), `${w}×${h}`).toBe(true);
      }
    });
  }
  it('on a large image (strips, several of them) as on the reference', () => {
    const img = randomImage(700, 200, 5);
    for (const c of opCases.slice(0, 12)) expect(bytesEqual(c.run(img).data, c.reference(img).data), c.name).toBe(true);
  });
});

describe('colour op properties', () => {
  const img = randomImage(37, 23, 11);
  it('never change alpha and leave the input alone', () => {
    for (const c of opCases) {
      const before = snapshot(img);
      const out = c.run(img);
      for (let i = 3; i < out.data.length; i += 4) if (out.data[i] !== img.data[i]) throw new Error(`${c.name} changed alpha`);
      expect(bytesEqual(img.data, before), c.name).toBe(true);
    }
  });
  it('factor 1 is the identity: brightness, contrast, saturation, sharpness, gamma 1', () => {
    for (const out of [ak.adjustBrightness(img, 1), ak.adjustContrast(img, 1), ak.adjustSaturation(img, 1), ak.adjustSharpness(img, 1), ak.adjustGamma(img, 1)]) {
      expect(bytesEqual(out.data, img.data)).toBe(true);
    }
  });
  it('hue +h then −h is the identity within 1', () => {
    for (const h of [0.1, 0.25, 0.5, -0.3]) expect(maxAbsDiff(ak.adjustHue(ak.adjustHue(img, h), -h), img)).toBeLessThanOrEqual(1);
  });
  it('hue 0 is the identity', () => expect(bytesEqual(ak.adjustHue(img, 0).data, img.data)).toBe(true));
  it('invert twice is the identity; posterize 8 is the identity; solarize 256 is the identity', () => {
    expect(bytesEqual(ak.invert(ak.invert(img)).data, img.data)).toBe(true);
    expect(bytesEqual(ak.posterize(img, 8).data, img.data)).toBe(true);
    expect(bytesEqual(ak.solarize(img, 256).data, img.data)).toBe(true);
  });
  it('solarize 0 is invert', () => expect(bytesEqual(ak.solarize(img, 0).data, ak.invert(img).data)).toBe(true));
  it('saturation 0 is grayscale exactly', () => expect(bytesEqual(ak.adjustSaturation(img, 0).data, ak.grayscale(img).data)).toBe(true));
  it('equalize and autocontrast of a constant image are the identity', () => {
    const flat = { width: 40, height: 30, data: new Uint8Array(40 * 30 * 4).map((_, i) => [90, 180, 7, 200][i % 4]!) };
    expect(bytesEqual(ak.equalize(flat).data, flat.data)).toBe(true);
    expect(bytesEqual(ak.autocontrast(flat).data, flat.data)).toBe(true);
  });
  it('autocontrast stretches every channel to 0 and 255 (min → 0, max → 255 or Pillow\'s 254)', () => {
    const out = ak.autocontrast(img);
    for (let c = 0; c < 3; c++) {
      const values = Array.from({ length: out.data.length / 4 }, (_, i) => out.data[i * 4 + c]!);
      expect(Math.min(...values)).toBe(0);
      expect(Math.max(...values)).toBeGreaterThanOrEqual(254);
    }
  });
  it('writes into options.out, also in place', () => {
    const copy = { ...img, data: new Uint8ClampedArray(img.data) };
    const expected = ak.invert(img).data;
    expect(bytesEqual(ak.invert(copy, { out: copy.data }).data, expected)).toBe(true);
    expect(bytesEqual(copy.data, expected)).toBe(true);
  });
});

describe('colour ops reject bad arguments, naming the parameter', () => {
  const img = randomImage(4, 4);
  const rejects = (fn: () => unknown, param: string) => {
    expect(errorCode(fn)).toBe('INVALID_ARGUMENT');
    expect(() => fn()).toThrow(param);
  };
  for (const bad of [-0.01, NaN, Infinity, '1', null, undefined]) {
    it(`factor ${String(bad)}`, () => {
      rejects(() => ak.adjustBrightness(img, bad as number), 'factor');
      rejects(() => ak.adjustContrast(img, bad as number), 'factor');
      rejects(() => ak.adjustSaturation(img, bad as number), 'factor');
      rejects(() => ak.adjustSharpness(img, bad as number), 'factor');
    });
  }
  it('gamma ≤ 0 or NaN, gain < 0', () => {
    for (const g of [0, -1, NaN, Infinity]) rejects(() => ak.adjustGamma(img, g), 'gamma');
    rejects(() => ak.adjustGamma(img, 1, -0.5), 'gain');
  });
  it('hue outside [−0.5, 0.5] or NaN', () => {
    for (const h of [0.51, -0.6, NaN]) rejects(() => ak.adjustHue(img, h), 'hue');
  });
  it('bits 0 or 9 or fractional; threshold −1, 257 or fractional', () => {
    for (const b of [0, 9, 2.5, NaN]) rejects(() => ak.posterize(img, b), 'bits');
    for (const t of [-1, 257, 1.5]) rejects(() => ak.solarize(img, t), 'threshold');
  });
  it('a shift that is not three finite numbers', () => {
    for (const s of [[1, 2], [1, 2, NaN], 'red', [1, 2, 3, 4]]) rejects(() => ak.channelShift(img, s as never), 'shift');
  });
  it('a bad image or out', () => {
    rejects(() => ak.invert({ width: 2, height: 2, data: new Uint8Array(3) }), 'image');
    rejects(() => ak.grayscale(img, { out: new Uint8ClampedArray(5) }), 'options.out');
  });
});
