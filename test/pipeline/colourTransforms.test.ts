// The colour, filter, noise, erasing and JPEG random transforms: what they draw (properties over many seeds,
// torchvision's distributions), that they record concrete ops which replay to the same bytes and equal the
// functional ops, that p = 0 is the identity, and that bad options are INVALID_ARGUMENT naming the option.
import { describe, expect, it } from 'vitest';
import {
  adjustBrightness, adjustContrast, adjustHue, adjustSaturation, colorJitter, erase, parseRecipe, randomAdjustSharpness,
  randomAutocontrast, randomBrightness, randomChannelShift, randomEqualize, randomErasing, randomGamma, randomGaussianBlur,
  randomGaussianNoise, randomGrayscale, randomInvert, randomJpegQuality, randomPosterize, randomSolarize, replay,
  type AppliedOp, type RgbaImage, type Transform,
} from '../../src/index.js';
import { errorCode } from '../helpers/errors.js';
import { bytesEqual, randomImage } from '../helpers/images.js';

type Of<K extends AppliedOp['op']> = Extract<AppliedOp, { op: K }>;
const seeds = Array.from({ length: 400 }, (_, i) => i * 7919 + 1);
const img = randomImage(29, 23, 5);

/** Every new transform with options that make it change the image, and its recipe step. */
const TRANSFORMS: readonly (readonly [string, Transform, Record<string, unknown>])[] = [
  ['colorJitter', colorJitter({ brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1 }), { brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1 }],
  ['randomGrayscale', randomGrayscale(), {}],
  ['randomInvert', randomInvert(), {}],
  ['randomSolarize', randomSolarize({ threshold: 100 }), { threshold: 100 }],
  ['randomPosterize', randomPosterize({ bits: 3 }), { bits: 3 }],
  ['randomEqualize', randomEqualize(), {}],
  ['randomAutocontrast', randomAutocontrast(), {}],
  ['randomAdjustSharpness', randomAdjustSharpness({ factor: 2.5 }), { factor: 2.5 }],
  ['randomGamma', randomGamma({ gamma: [0.5, 2] }), { gamma: [0.5, 2] }],
  ['randomBrightness', randomBrightness({ factor: [0.5, 1.5] }), { factor: [0.5, 1.5] }],
  ['randomChannelShift', randomChannelShift({ shift: 40, perChannel: true }), { shift: 40, perChannel: true }],
  ['randomGaussianBlur', randomGaussianBlur({ sigma: [0.5, 3] }), { sigma: [0.5, 3] }],
  ['randomGaussianNoise', randomGaussianNoise({ std: [5, 30] }), { std: [5, 30] }],
  ['randomErasing', randomErasing({ value: 'noise' }), { value: 'noise' }],
  ['randomJpegQuality', randomJpegQuality({ quality: [10, 60] }), { quality: [10, 60] }],
];

describe('every colour transform', () => {
  for (const [name, t, step] of TRANSFORMS) {
    it(`${name}: same seed, same bytes; the recorded ops replay (after JSON) to the same bytes; the recipe step is the same spec`, () => {
      expect(parseRecipe({ name: 'r', steps: [{ op: name, ...step }] }).steps[0]).toEqual(t.spec);
      for (const seed of seeds.slice(0, 6)) {
        const { image, applied } = t(img, { seed });
        expect(applied.length).toBeGreaterThan(0);
        const again = t(img, { seed });
        expect(again.applied).toEqual(applied);
        expect(bytesEqual(again.image.data, image.data)).toBe(true);
        expect(bytesEqual(replay(img, JSON.parse(JSON.stringify(applied)) as AppliedOp[]).data, image.data)).toBe(true);
      }
    });

    it(`${name}: p = 0 is the identity (a copy, nothing recorded); the default p is 1`, () => {
      const off = parseRecipe({ name: 'off', steps: [{ op: name, ...step, p: 0 }] }).pipeline;
      const { image, applied } = off(img, { seed: 9 });
      expect(applied).toEqual([]);
      expect(image.data).not.toBe(img.data);
      expect(bytesEqual(image.data, img.data)).toBe(true);
      expect(t.spec.p).toBe(1);
    });
  }
});

describe('colorJitter (torchvision v2 ColorJitter, seeded)', () => {
  const t = colorJitter({ brightness: 0.5, contrast: [0.2, 1.9], saturation: 0.3, hue: [-0.2, 0.05] });
  const draws = seeds.map((seed) => t.draw(seed));

  it('a number b means [max(0, 1 − b), 1 + b]; hue h means [−h, h]', () => {
    expect(colorJitter({ brightness: 0.4, contrast: 1.5, hue: 0.1 }).spec).toMatchObject({ brightness: [0.6, 1.4], contrast: [0, 2.5], saturation: [1, 1], hue: [-0.1, 0.1] });
  });

  it('every factor is within its range, and each adjustment appears exactly once', () => {
    for (const ops of draws) {
      expect(ops.map((op) => op.op).sort()).toEqual(['adjustBrightness', 'adjustContrast', 'adjustHue', 'adjustSaturation']);
      for (const op of ops) {
        if (op.op === 'adjustBrightness') expect(op.factor >= 0.5 && op.factor < 1.5).toBe(true);
        if (op.op === 'adjustContrast') expect(op.factor >= 0.2 && op.factor < 1.9).toBe(true);
        if (op.op === 'adjustSaturation') expect(op.factor >= 0.7 && op.factor < 1.3).toBe(true);
        if (op.op === 'adjustHue') expect(op.hue >= -0.2 && op.hue < 0.05).toBe(true);
      }
    }
  });

  it('the order is drawn per image: all 24 orders occur, each about 1/24 of the time', () => {
    const counts = new Map<string, number>();
    for (const ops of draws) counts.set(ops.map((op) => op.op).join(), (counts.get(ops.map((op) => op.op).join()) ?? 0) + 1);
    expect(counts.size).toBe(24);
    // binomial(400, 1/24): mean 16.7, sd 4; 5 sd either side
    for (const n of counts.values()) expect(n > 0 && n < 37).toBe(true);
  });

  it('factors are uniform: their mean is the middle of the range within 4 standard errors', () => {
    const factors = draws.map((ops) => (ops.find((op) => op.op === 'adjustBrightness') as Of<'adjustBrightness'>).factor);
    const mean = factors.reduce((s, f) => s + f, 0) / factors.length;
    expect(Math.abs(mean - 1)).toBeLessThan(4 * (1 / Math.sqrt(12)) / Math.sqrt(factors.length));
  });

  it('ranges that change nothing are skipped (torchvision sets them to None)', () => {
    for (const seed of seeds.slice(0, 50)) {
      expect(colorJitter({ saturation: 0.5 }).draw(seed).map((op) => op.op)).toEqual(['adjustSaturation']);
      expect(colorJitter().draw(seed)).toEqual([]);
    }
  });

  it('the image is the functional ops applied in the recorded order', () => {
    const fns = {
      adjustBrightness: (i: RgbaImage, op: AppliedOp) => adjustBrightness(i, (op as Of<'adjustBrightness'>).factor),
      adjustContrast: (i: RgbaImage, op: AppliedOp) => adjustContrast(i, (op as Of<'adjustContrast'>).factor),
      adjustSaturation: (i: RgbaImage, op: AppliedOp) => adjustSaturation(i, (op as Of<'adjustSaturation'>).factor),
      adjustHue: (i: RgbaImage, op: AppliedOp) => adjustHue(i, (op as Of<'adjustHue'>).hue),
    } as Record<string, (i: RgbaImage, op: AppliedOp) => RgbaImage>;
    for (const seed of seeds.slice(0, 5)) {
      const { image, applied } = t(img, { seed });
      const expected = applied.reduce((i, op) => fns[op.op]!(i, op), img);
      expect(bytesEqual(image.data, expected.data)).toBe(true);
    }
  });
});

describe('the other drawn parameters stay within their ranges over many seeds', () => {
  it('randomBrightness and randomGamma: uniform factors in [min, max)', () => {
    expect((randomBrightness({ factor: 0.25 }).spec as { factor?: unknown }).factor).toEqual([0.75, 1.25]);
    for (const seed of seeds) {
      const [b] = randomBrightness({ factor: [0.6, 1.4] }).draw(seed) as [Of<'adjustBrightness'>];
      expect(b.factor >= 0.6 && b.factor < 1.4).toBe(true);
      const [g] = randomGamma().draw(seed) as [Of<'adjustGamma'>];
      expect(g.gamma >= 0.8 && g.gamma < 1.2 && g.gain === 1).toBe(true);
    }
  });

  it('randomChannelShift: one value for all channels, or three with perChannel, all within [−r, r)', () => {
    for (const seed of seeds) {
      const [one] = randomChannelShift({ shift: 30 }).draw(seed) as [Of<'channelShift'>];
      expect(one.shift[0] === one.shift[1] && one.shift[1] === one.shift[2]).toBe(true);
      const [three] = randomChannelShift({ shift: [-10, 50], perChannel: true }).draw(seed) as [Of<'channelShift'>];
      expect(three.shift.every((d) => d >= -10 && d < 50)).toBe(true);
      expect(new Set(three.shift).size).toBe(3);
    }
  });

  it('randomGaussianBlur: sigma in its range, the kernel size only when given', () => {
    for (const seed of seeds) {
      const [b] = randomGaussianBlur().draw(seed) as [Of<'gaussianBlur'>];
      expect(b.sigma >= 0.1 && b.sigma < 2 && b.kernelSize === undefined).toBe(true);
      expect((randomGaussianBlur({ sigma: 30, kernelSize: 9 }).draw(seed)[0] as Of<'gaussianBlur'>).kernelSize).toBe(9);
    }
  });

  it('randomGaussianNoise: std in its range and a fresh noise seed per draw', () => {
    const noiseSeeds = new Set<number>();
    for (const seed of seeds) {
      const [n] = randomGaussianNoise({ std: [2, 9], mean: 3, perChannel: false }).draw(seed) as [Of<'gaussianNoise'>];
      expect(n.std >= 2 && n.std < 9 && n.mean === 3 && n.perChannel === false).toBe(true);
      noiseSeeds.add(n.seed);
    }
    expect(noiseSeeds.size).toBe(seeds.length);
    expect((randomGaussianNoise().draw(1)[0] as Of<'gaussianNoise'>).std).toBe(25.5);
  });

  it('randomJpegQuality: integers of [min, max], every one of them drawn', () => {
    const seen = new Set<number>();
    for (const seed of seeds) seen.add((randomJpegQuality({ quality: [20, 29] }).draw(seed)[0] as Of<'jpegArtifacts'>).quality);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => 20 + i));
  });

  it('the fixed-parameter transforms record their parameter as given', () => {
    expect(randomSolarize().draw(1)).toEqual([{ op: 'solarize', threshold: 128 }]);
    expect(randomPosterize({ bits: 2 }).draw(1)).toEqual([{ op: 'posterize', bits: 2 }]);
    expect(randomAdjustSharpness({ factor: 0 }).draw(1)).toEqual([{ op: 'adjustSharpness', factor: 0 }]);
    expect(randomGrayscale().draw(1)).toEqual([{ op: 'grayscale' }]);
  });

  it('the gate p applies about p of the time', () => {
    const t = randomInvert({ p: 0.3 });
    const hits = seeds.filter((seed) => t.draw(seed).length > 0).length;
    // binomial(400, 0.3): mean 120, sd 9.2
    expect(Math.abs(hits - 120)).toBeLessThan(5 * 9.2);
  });
});

describe('randomErasing (torchvision RandomErasing.get_params, seeded)', () => {
  const sizes = [[64, 48], [48, 64], [20, 20], [7, 301], [3, 2]] as const;

  it('the rectangle is strictly smaller than the image, inside it, with an area in scale·W·H and a ratio h/w in ratio', () => {
    for (const [W, H] of sizes) {
      for (const [scale, ratio] of [[[0.02, 0.33], [0.3, 3.3]], [[0.1, 0.6], [0.5, 0.7]]] as const) {
        const t = randomErasing({ scale: [...scale], ratio: [...ratio] });
        for (const seed of seeds) {
          const ops = t.draw(seed, { width: W, height: H });
          if (ops.length === 0) continue; // ten attempts did not fit: nothing erased
          const { x, y, width: w, height: h } = ops[0] as Of<'erase'>;
          expect(x >= 0 && y >= 0 && x + w <= W && y + h <= H && w < W && h < H, `${W}×${H} seed ${seed}`).toBe(true);
          if (w === 0 || h === 0) continue;
          // round(√(A·r)) = h and round(√(A/r)) = w for some A in the area range and r in the ratio range
          expect((w - 0.5) * (h - 0.5) <= scale[1] * W * H && (w + 0.5) * (h + 0.5) >= scale[0] * W * H).toBe(true);
          expect((h - 0.5) / (w + 0.5) <= ratio[1] && (h + 0.5) / (w - 0.5) >= ratio[0]).toBe(true);
        }
      }
    }
  });

  it('positions cover the whole free range; a colour erase records seed 0, noise a drawn seed', () => {
    const xs = new Set<number>();
    const t = randomErasing({ scale: [0.25, 0.25], ratio: [1, 1], value: [1, 2, 3] });
    for (const seed of seeds) {
      const [e] = t.draw(seed, { width: 20, height: 20 }) as [Of<'erase'>];
      expect([e.width, e.height, e.value, e.seed]).toEqual([10, 10, [1, 2, 3], 0]);
      xs.add(e.x);
    }
    expect([...xs].sort((a, b) => a - b)).toEqual(Array.from({ length: 11 }, (_, i) => i));
    expect((randomErasing({ value: 'noise' }).draw(4, { width: 50, height: 50 })[0] as Of<'erase'>).seed).toBeGreaterThan(0);
  });

  it('when no attempt fits it erases nothing (torchvision returns the image)', () => {
    expect(randomErasing({ scale: [1, 1], ratio: [1, 1] }).draw(1, { width: 30, height: 30 })).toEqual([]);
  });

  it('the image is erase with the recorded rectangle; it needs the image size to draw', () => {
    const t = randomErasing({ value: [200, 100, 0] });
    const { image, applied } = t(img, { seed: 12 });
    const e = applied[0] as Of<'erase'>;
    expect(bytesEqual(image.data, erase(img, { x: e.x, y: e.y, width: e.width, height: e.height, value: [200, 100, 0] }).data)).toBe(true);
    expect(() => t.draw(1)).toThrow('randomErasing draws from the image size');
  });
});

describe('bad options are INVALID_ARGUMENT naming the option', () => {
  const cases: readonly [string, () => unknown, string][] = [
    ['negative brightness', () => colorJitter({ brightness: -0.1 }), 'options.brightness'],
    ['brightness pair reversed', () => colorJitter({ brightness: [1.2, 0.8] }), 'options.brightness'],
    ['hue above 0.5', () => colorJitter({ hue: 0.6 }), 'options.hue'],
    ['NaN saturation', () => colorJitter({ saturation: Number.NaN }), 'options.saturation'],
    ['bits 9', () => randomPosterize({ bits: 9 }), 'options.bits'],
    ['bits 0', () => randomPosterize({ bits: 0 }), 'options.bits'],
    ['threshold 300', () => randomSolarize({ threshold: 300 }), 'options.threshold'],
    ['negative sharpness', () => randomAdjustSharpness({ factor: -1 }), 'options.factor'],
    ['gamma 0', () => randomGamma({ gamma: 0 }), 'options.gamma'],
    ['gamma pair from 0', () => randomGamma({ gamma: [0, 1] }), 'options.gamma'],
    ['brightness factor string', () => randomBrightness({ factor: '1' as never }), 'options.factor'],
    ['shift 300', () => randomChannelShift({ shift: 300 }), 'options.shift'],
    ['sigma 0', () => randomGaussianBlur({ sigma: 0 }), 'options.sigma'],
    ['sigma beyond the default kernel', () => randomGaussianBlur({ sigma: [1, 30] }), 'options.sigma'],
    ['even kernel size', () => randomGaussianBlur({ kernelSize: 4 }), 'options.kernelSize'],
    ['negative std', () => randomGaussianNoise({ std: -1 }), 'options.std'],
    ['erasing scale reversed', () => randomErasing({ scale: [0.5, 0.2] }), 'options.scale'],
    ['erasing ratio 0', () => randomErasing({ ratio: [0, 1] }), 'options.ratio'],
    ['erasing value', () => randomErasing({ value: 'random' as never }), 'options.value'],
    ['quality 0', () => randomJpegQuality({ quality: 0 }), 'options.quality'],
    ['fractional quality', () => randomJpegQuality({ quality: [10.5, 20] }), 'options.quality'],
    ['p 2', () => randomInvert({ p: 2 }), 'options.p'],
    ['unknown option', () => randomEqualize({ q: 1 } as never), 'q'],
    ['in a recipe', () => parseRecipe({ name: 'r', steps: [{ op: 'colorJitter', contrast: -2 }] }), 'steps[0].contrast'],
  ];
  for (const [what, fn, name] of cases) {
    it(`${what} → ${name}`, () => {
      expect(errorCode(fn)).toBe('INVALID_ARGUMENT');
      expect(fn).toThrow(name);
    });
  }
});
