// The automatic augmentation policies (randAugment, trivialAugmentWide, autoAugment) against torchvision v2's
// sampling rules, restated here from torchvision/transforms/v2/_auto_augment.py independently of src/: the op
// tables (magnitude linspaces, signed flags), the uniform op choice, the magnitude bins, the sign with p 0.5
// and AutoAugment's sub-policies with their probabilities — checked statistically over many seeds — and what
// each torchvision op means in pixels (shears about the top-left corner, translations truncated towards zero,
// Solarize's v ≥ 255·m). Also: same seed, same bytes; replaying the records gives the same bytes; magnitude 0
// is the identity; bad options are refused naming the option.
import { describe, expect, it } from 'vitest';
import {
  autoAugment,
  parseRecipe,
  randAugment,
  replay,
  trivialAugmentWide,
  type AppliedOp,
  type RgbaImage,
  type Transform,
} from '../../src/index.js';
import { randAugmentSpace, trivialAugmentWideSpace } from '../../src/pipeline/augmentationSpace.js';
import { SeedStream } from '../../src/pipeline/seed.js';
import { errorCode } from '../helpers/errors.js';
import { bytesEqual, randomImage } from '../helpers/images.js';

// ---- torchvision's tables, restated --------------------------------------------------------------------

type Magnitudes = ((bins: number, height: number, width: number) => number[]) | null;
type Space = Record<string, readonly [Magnitudes, boolean]>;

const linspace = (start: number, end: number) => (n: number) => Array.from({ length: n }, (_, i) => start + ((end - start) * i) / (n - 1));
/** torch.round: half to even. */
const roundHalfEven = (v: number) => {
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
};
const posterizeBits = (spread: number) => (n: number) => Array.from({ length: n }, (_, i) => roundHalfEven(8 - i / ((n - 1) / spread)));

// RandAugment._AUGMENTATION_SPACE (its order is the order torch.randint indexes)
const RAND_AUGMENT: Space = {
  Identity: [null, false],
  ShearX: [linspace(0, 0.3), true],
  ShearY: [linspace(0, 0.3), true],
  TranslateX: [(n, _h, w) => linspace(0, (150 / 331) * w)(n), true],
  TranslateY: [(n, h) => linspace(0, (150 / 331) * h)(n), true],
  Rotate: [linspace(0, 30), true],
  Brightness: [linspace(0, 0.9), true],
  Color: [linspace(0, 0.9), true],
  Contrast: [linspace(0, 0.9), true],
  Sharpness: [linspace(0, 0.9), true],
  Posterize: [posterizeBits(4), false],
  Solarize: [linspace(1, 0), false],
  AutoContrast: [null, false],
  Equalize: [null, false],
};
// TrivialAugmentWide._AUGMENTATION_SPACE
const TRIVIAL_AUGMENT_WIDE: Space = {
  Identity: [null, false],
  ShearX: [linspace(0, 0.99), true],
  ShearY: [linspace(0, 0.99), true],
  TranslateX: [linspace(0, 32), true],
  TranslateY: [linspace(0, 32), true],
  Rotate: [linspace(0, 135), true],
  Brightness: [linspace(0, 0.99), true],
  Color: [linspace(0, 0.99), true],
  Contrast: [linspace(0, 0.99), true],
  Sharpness: [linspace(0, 0.99), true],
  Posterize: [posterizeBits(6), false],
  Solarize: [linspace(1, 0), false],
  AutoContrast: [null, false],
  Equalize: [null, false],
};
// AutoAugment._AUGMENTATION_SPACE: RandAugment's without Identity, with Invert
const { Identity: _identity, ...withoutIdentity } = RAND_AUGMENT;
const AUTO_AUGMENT: Space = { ...withoutIdentity, Invert: [null, false] };

// AutoAugment._get_policies
type Sub = readonly [readonly [string, number, number | null], readonly [string, number, number | null]];
const POLICIES: Record<'imagenet' | 'cifar10' | 'svhn', readonly Sub[]> = {
  imagenet: [
    [['Posterize', 0.4, 8], ['Rotate', 0.6, 9]], [['Solarize', 0.6, 5], ['AutoContrast', 0.6, null]],
    [['Equalize', 0.8, null], ['Equalize', 0.6, null]], [['Posterize', 0.6, 7], ['Posterize', 0.6, 6]],
    [['Equalize', 0.4, null], ['Solarize', 0.2, 4]], [['Equalize', 0.4, null], ['Rotate', 0.8, 8]],
    [['Solarize', 0.6, 3], ['Equalize', 0.6, null]], [['Posterize', 0.8, 5], ['Equalize', 1.0, null]],
    [['Rotate', 0.2, 3], ['Solarize', 0.6, 8]], [['Equalize', 0.6, null], ['Posterize', 0.4, 6]],
    [['Rotate', 0.8, 8], ['Color', 0.4, 0]], [['Rotate', 0.4, 9], ['Equalize', 0.6, null]],
    [['Equalize', 0.0, null], ['Equalize', 0.8, null]], [['Invert', 0.6, null], ['Equalize', 1.0, null]],
    [['Color', 0.6, 4], ['Contrast', 1.0, 8]], [['Rotate', 0.8, 8], ['Color', 1.0, 2]],
    [['Color', 0.8, 8], ['Solarize', 0.8, 7]], [['Sharpness', 0.4, 7], ['Invert', 0.6, null]],
    [['ShearX', 0.6, 5], ['Equalize', 1.0, null]], [['Color', 0.4, 0], ['Equalize', 0.6, null]],
    [['Equalize', 0.4, null], ['Solarize', 0.2, 4]], [['Solarize', 0.6, 5], ['AutoContrast', 0.6, null]],
    [['Invert', 0.6, null], ['Equalize', 1.0, null]], [['Color', 0.6, 4], ['Contrast', 1.0, 8]],
    [['Equalize', 0.8, null], ['Equalize', 0.6, null]],
  ],
  cifar10: [
    [['Invert', 0.1, null], ['Contrast', 0.2, 6]], [['Rotate', 0.7, 2], ['TranslateX', 0.3, 9]],
    [['Sharpness', 0.8, 1], ['Sharpness', 0.9, 3]], [['ShearY', 0.5, 8], ['TranslateY', 0.7, 9]],
    [['AutoContrast', 0.5, null], ['Equalize', 0.9, null]], [['ShearY', 0.2, 7], ['Posterize', 0.3, 7]],
    [['Color', 0.4, 3], ['Brightness', 0.6, 7]], [['Sharpness', 0.3, 9], ['Brightness', 0.7, 9]],
    [['Equalize', 0.6, null], ['Equalize', 0.5, null]], [['Contrast', 0.6, 7], ['Sharpness', 0.6, 5]],
    [['Color', 0.7, 7], ['TranslateX', 0.5, 8]], [['Equalize', 0.3, null], ['AutoContrast', 0.4, null]],
    [['TranslateY', 0.4, 3], ['Sharpness', 0.2, 6]], [['Brightness', 0.9, 6], ['Color', 0.2, 8]],
    [['Solarize', 0.5, 2], ['Invert', 0.0, null]], [['Equalize', 0.2, null], ['AutoContrast', 0.6, null]],
    [['Equalize', 0.2, null], ['Equalize', 0.6, null]], [['Color', 0.9, 9], ['Equalize', 0.6, null]],
    [['AutoContrast', 0.8, null], ['Solarize', 0.2, 8]], [['Brightness', 0.1, 3], ['Color', 0.7, 0]],
    [['Solarize', 0.4, 5], ['AutoContrast', 0.9, null]], [['TranslateY', 0.9, 9], ['TranslateY', 0.7, 9]],
    [['AutoContrast', 0.9, null], ['Solarize', 0.8, 3]], [['Equalize', 0.8, null], ['Invert', 0.1, null]],
    [['TranslateY', 0.7, 9], ['AutoContrast', 0.9, null]],
  ],
  svhn: [
    [['ShearX', 0.9, 4], ['Invert', 0.2, null]], [['ShearY', 0.9, 8], ['Invert', 0.7, null]],
    [['Equalize', 0.6, null], ['Solarize', 0.6, 6]], [['Invert', 0.9, null], ['Equalize', 0.6, null]],
    [['Equalize', 0.6, null], ['Rotate', 0.9, 3]], [['ShearX', 0.9, 4], ['AutoContrast', 0.8, null]],
    [['ShearY', 0.9, 8], ['Invert', 0.4, null]], [['ShearY', 0.9, 5], ['Solarize', 0.2, 6]],
    [['Invert', 0.9, null], ['AutoContrast', 0.8, null]], [['Equalize', 0.6, null], ['Rotate', 0.9, 3]],
    [['ShearX', 0.9, 4], ['Solarize', 0.3, 3]], [['ShearY', 0.8, 8], ['Invert', 0.7, null]],
    [['Equalize', 0.9, null], ['TranslateY', 0.6, 6]], [['Invert', 0.9, null], ['Equalize', 0.6, null]],
    [['Contrast', 0.3, 3], ['Rotate', 0.8, 4]], [['Invert', 0.8, null], ['TranslateY', 0.0, 2]],
    [['ShearY', 0.7, 6], ['Solarize', 0.4, 8]], [['Invert', 0.6, null], ['Rotate', 0.8, 4]],
    [['ShearY', 0.3, 7], ['TranslateX', 0.9, 3]], [['ShearX', 0.1, 6], ['Invert', 0.6, null]],
    [['Solarize', 0.7, 2], ['TranslateY', 0.6, 7]], [['ShearY', 0.8, 4], ['Invert', 0.8, null]],
    [['ShearX', 0.7, 9], ['TranslateY', 0.8, 3]], [['ShearY', 0.8, 5], ['AutoContrast', 0.7, null]],
    [['ShearX', 0.7, 2], ['Invert', 0.1, null]],
  ],
};

// ---- what each torchvision op with magnitude m does, as an augkit record -------------------------------

const EPS = 1e-9;
const sampling = { interpolation: 'nearest', border: 'constant', fill: [0, 0, 0, 0] };
/**
 * The augkit op that does what torchvision's `_apply_image_or_video_transform(name, m)` does (nearest, fill 0):
 * ShearX is F.affine(shear=[atan(m)°, 0], center=[0, 0]): source x = x + m·(y + 0.5) in pixel-centre
 * coordinates; TranslateX translates by int(m); Solarize inverts v ≥ 255·m, i.e. v ≥ ceil(255·m) for integers.
 */
function torchvisionOp(name: string, m: number): object | null {
  const affine = (translate: number[]) => ({ op: 'affine', degrees: 0, translate, scale: [1, 1], shear: [0, 0], ...sampling });
  const ops: Record<string, () => object | null> = {
    Identity: () => null,
    ShearX: () => ({ op: 'warpAffine', matrix: [1, m, m / 2, 0, 1, 0], ...sampling }),
    ShearY: () => ({ op: 'warpAffine', matrix: [1, 0, 0, m, 1, m / 2], ...sampling }),
    TranslateX: () => affine([Math.trunc(m + Math.sign(m) * EPS), 0]),
    TranslateY: () => affine([0, Math.trunc(m + Math.sign(m) * EPS)]),
    Rotate: () => ({ op: 'rotate', degrees: m, expand: false, fill: [0, 0, 0, 0], interpolation: 'nearest' }),
    Brightness: () => ({ op: 'adjustBrightness', factor: 1 + m }),
    Color: () => ({ op: 'adjustSaturation', factor: 1 + m }),
    Contrast: () => ({ op: 'adjustContrast', factor: 1 + m }),
    Sharpness: () => ({ op: 'adjustSharpness', factor: 1 + m }),
    Posterize: () => ({ op: 'posterize', bits: m }),
    Solarize: () => ({ op: 'solarize', threshold: Math.ceil(255 * m - EPS) }),
    AutoContrast: () => ({ op: 'autocontrast' }),
    Equalize: () => ({ op: 'equalize' }),
    Invert: () => ({ op: 'invert' }),
  };
  return ops[name]!();
}

/** Two records equal, numbers within 1e-9. */
function sameRecord(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameRecord(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const [ka, kb] = [Object.keys(a).sort(), Object.keys(b).sort()];
    return sameRecord(ka, kb) && ka.every((k) => sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

interface Explanation {
  readonly name: string;
  readonly bin: number | null;
  readonly negative: boolean;
}

/** Every (op, bin, sign) of `space` whose torchvision op is `record` (bins restricted to `onlyBin` when given). */
function explain(record: AppliedOp, space: Space, bins: number, size: { width: number; height: number }, onlyBin?: number): Explanation[] {
  const found: Explanation[] = [];
  for (const [name, [magnitudes, signed]] of Object.entries(space)) {
    const values = magnitudes?.(bins, size.height, size.width);
    if (!values) {
      if (sameRecord(torchvisionOp(name, 0), record)) found.push({ name, bin: null, negative: false });
      continue;
    }
    values.forEach((m, bin) => {
      if (onlyBin !== undefined && bin !== onlyBin) return;
      for (const negative of signed ? [false, true] : [false]) {
        if (sameRecord(torchvisionOp(name, negative ? -m : m), record)) found.push({ name, bin, negative });
      }
    });
  }
  return found;
}

/** Pearson's χ² of `observed` against `expected` (same keys). */
function chiSquare(observed: Record<string, number>, expected: Record<string, number>): number {
  return Object.keys(expected).reduce((sum, k) => sum + ((observed[k] ?? 0) - expected[k]!) ** 2 / expected[k]!, 0);
}
// χ² critical values at p = 0.001
const CHI2_13 = 34.53;
const CHI2_30 = 59.7;

const seeds = (n: number) => Array.from({ length: n }, (_, i) => i * 7919 + 11);
const size = { width: 331, height: 200 };

// ---- the draws -----------------------------------------------------------------------------------------

describe('randAugment: torchvision’s RandAugment draws', { timeout: 60_000 }, () => {
  it('each drawn op is a table op at bin `magnitude`, chosen uniformly among the 14, signed ops negated with p 0.5', () => {
    const N = 5600;
    const t = randAugment({ numOps: 1, magnitude: 9 });
    const counts: Record<string, number> = {};
    let [signed, negative] = [0, 0];
    for (const seed of seeds(N)) {
      const ops = t.draw(seed, size);
      expect(ops.length).toBeLessThanOrEqual(1);
      if (ops.length === 0) {
        counts.Identity = (counts.Identity ?? 0) + 1;
        continue;
      }
      const found = explain(ops[0]!, RAND_AUGMENT, 31, size, 9);
      expect(found, JSON.stringify(ops[0])).toHaveLength(1);
      const [{ name, negative: neg }] = found as [Explanation];
      counts[name] = (counts[name] ?? 0) + 1;
      if (RAND_AUGMENT[name]![1]) [signed, negative] = [signed + 1, negative + (neg ? 1 : 0)];
    }
    const expected = Object.fromEntries(Object.keys(RAND_AUGMENT).map((k) => [k, N / 14]));
    expect(chiSquare(counts, expected)).toBeLessThan(CHI2_13);
    expect(Math.abs(negative - signed / 2)).toBeLessThan(4 * Math.sqrt(signed / 4));
  });

  it('numOps ops in sequence, each an independent draw (13/14 of them record an op)', () => {
    const N = 1500;
    const t = randAugment({ numOps: 3, magnitude: 5, numMagnitudeBins: 11 });
    let recorded = 0;
    for (const seed of seeds(N)) {
      const ops = t.draw(seed, size);
      for (const op of ops) expect(explain(op, RAND_AUGMENT, 11, size, 5).length, JSON.stringify(op)).toBeGreaterThan(0);
      recorded += ops.length;
    }
    const [mean, sd] = [(3 * N * 13) / 14, Math.sqrt(3 * N * (13 / 14) * (1 / 14))];
    expect(Math.abs(recorded - mean)).toBeLessThan(4 * sd);
    expect(randAugment({ numOps: 0 }).draw(3, size)).toEqual([]);
  });
});

describe('trivialAugmentWide: torchvision’s TrivialAugmentWide draws', { timeout: 60_000 }, () => {
  it('one op chosen uniformly, its bin uniform over numMagnitudeBins, signed ops negated with p 0.5', () => {
    const N = 7000;
    const t = trivialAugmentWide();
    const counts: Record<string, number> = {};
    const binCounts: Record<string, number> = {};
    let [signed, negative] = [0, 0];
    for (const seed of seeds(N)) {
      const ops = t.draw(seed);
      if (ops.length === 0) {
        counts.Identity = (counts.Identity ?? 0) + 1;
        continue;
      }
      expect(ops).toHaveLength(1);
      const found = explain(ops[0]!, TRIVIAL_AUGMENT_WIDE, 31, size);
      expect(found.length, JSON.stringify(ops[0])).toBeGreaterThan(0);
      // a zero shear or translation is ShearX or ShearY (TranslateX or Y) alike: count each by half
      for (const { name } of found) counts[name] = (counts[name] ?? 0) + 1 / found.length;
      // the bin is known where the magnitude tells it apart (not Posterize's bits, not a zero shear's axis)
      const bins = new Set(found.map((f) => f.bin));
      if (bins.size === 1 && found[0]!.name !== 'Posterize' && found[0]!.bin !== null) binCounts[found[0]!.bin!] = (binCounts[found[0]!.bin!] ?? 0) + 1;
      const { name, bin, negative: neg } = found[0]!;
      if (TRIVIAL_AUGMENT_WIDE[name]![1] && bin !== 0) [signed, negative] = [signed + 1, negative + (neg ? 1 : 0)];
    }
    expect(chiSquare(counts, Object.fromEntries(Object.keys(TRIVIAL_AUGMENT_WIDE).map((k) => [k, N / 14])))).toBeLessThan(CHI2_13);
    const binned = Object.values(binCounts).reduce((a, b) => a + b, 0);
    expect(Object.keys(binCounts)).toHaveLength(31);
    expect(chiSquare(binCounts, Object.fromEntries(Array.from({ length: 31 }, (_, i) => [String(i), binned / 31])))).toBeLessThan(CHI2_30);
    expect(Math.abs(negative - signed / 2)).toBeLessThan(4 * Math.sqrt(signed / 4));
  });

  it('draws without the image size (its ranges are in pixels and degrees)', () => {
    expect(() => trivialAugmentWide().draw(1)).not.toThrow();
  });
});

describe('autoAugment: torchvision’s AutoAugment draws', () => {
  /** The expected number of each concrete op per draw: sub-policy 1/25, op probability p, sign ½ if signed. */
  function expectedOps(policy: keyof typeof POLICIES): Map<string, number> {
    const expected = new Map<string, number>();
    for (const sub of POLICIES[policy]) {
      for (const [name, p, bin] of sub) {
        const [magnitudes, signed] = AUTO_AUGMENT[name]!;
        const m = magnitudes ? magnitudes(10, size.height, size.width)[bin!]! : 0;
        for (const sign of magnitudes && signed ? [1, -1] : [1]) {
          const key = keyOf(torchvisionOp(name, sign * m) as AppliedOp);
          expected.set(key, (expected.get(key) ?? 0) + (p / POLICIES[policy].length) * (magnitudes && signed ? 0.5 : 1));
        }
      }
    }
    return expected;
  }
  const keyOf = (op: AppliedOp) => JSON.stringify(op, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(9)) + 0 : v));

  for (const policy of ['imagenet', 'cifar10', 'svhn'] as const) {
    it(`${policy}: each draw is (part of) one sub-policy, and each op occurs as often as its sub-policy’s 1/25 and its probability say`, () => {
      const N = 4000;
      const t = autoAugment({ policy });
      const expected = expectedOps(policy);
      const observed = new Map<string, number>();
      for (const seed of seeds(N)) {
        const ops = t.draw(seed, size);
        expect(ops.length).toBeLessThanOrEqual(2);
        // some sub-policy, with each of its ops applied or skipped, gives exactly this list
        const fits = POLICIES[policy].some((sub) => {
          const lists = [[], [sub[0]], [sub[1]], [sub[0], sub[1]]] as const;
          return lists.some((list) => list.length === ops.length && list.every(([name, , bin], i) => explain(ops[i]!, AUTO_AUGMENT, 10, size, bin ?? undefined).some((e) => e.name === name)));
        });
        expect(fits, JSON.stringify(ops)).toBe(true);
        for (const op of ops) observed.set(keyOf(op), (observed.get(keyOf(op)) ?? 0) + 1);
      }
      for (const key of observed.keys()) expect(expected.has(key), key).toBe(true);
      for (const [key, perDraw] of expected) {
        const mean = perDraw * N;
        expect(Math.abs((observed.get(key) ?? 0) - mean), key).toBeLessThan(5 * Math.sqrt(mean) + 3);
      }
    }, 60_000);
  }
});

// ---- pixels, replay, identity --------------------------------------------------------------------------

const policies: readonly [string, Transform][] = [
  ['randAugment', randAugment()],
  ['randAugment numOps 4 magnitude 20 bilinear reflect', randAugment({ numOps: 4, magnitude: 20, interpolation: 'bilinear', border: 'reflect' })],
  ['trivialAugmentWide', trivialAugmentWide({ fill: [255, 255, 255, 255] })],
  ['autoAugment imagenet', autoAugment()],
  ['autoAugment cifar10', autoAugment({ policy: 'cifar10' })],
  ['autoAugment svhn', autoAugment({ policy: 'svhn' })],
];

describe('pixels and records', { timeout: 60_000 }, () => {
  const img = randomImage(37, 29, 5);

  for (const [label, t] of policies) {
    it(`${label}: the same seed gives the same ops and bytes, and replaying the (JSON) records gives those bytes`, () => {
      for (const seed of seeds(40)) {
        const first = t(img, { seed });
        const again = t(img, { seed });
        expect(again.applied).toEqual(first.applied);
        expect(bytesEqual(again.image.data, first.image.data)).toBe(true);
        expect(t.draw(seed, img)).toEqual(first.applied);
        const replayed = replay(img, JSON.parse(JSON.stringify(first.applied)) as AppliedOp[]);
        expect(bytesEqual(replayed.data, first.image.data), `seed ${seed}`).toBe(true);
      }
    }, 60_000);
  }

  it('ShearX and ShearY shear about the top-left corner as torchvision does: source x = x + m·(y + 0.5) (nearest)', () => {
    const src = randomImage(40, 30, 9);
    // ShearX at bin 30 of 31 (m = ±0.3) and ShearY likewise, found by their records
    const shears = seeds(600).flatMap((seed) => randAugment({ numOps: 1, magnitude: 30 }).draw(seed, src)).filter((op) => op.op === 'warpAffine');
    expect(shears.length).toBeGreaterThan(10);
    for (const op of shears.slice(0, 8)) {
      const [, b, , d] = (op as Extract<AppliedOp, { op: 'warpAffine' }>).matrix;
      const out = replay(src, [op]);
      for (let y = 0; y < src.height; y++) {
        for (let x = 0; x < src.width; x++) {
          const [sx, sy] = [x + b * (y + 0.5), y + d * (x + 0.5)];
          const [fx, fy] = [sx - Math.floor(sx), sy - Math.floor(sy)];
          if (Math.abs(fx - 0.5) < 1e-6 || Math.abs(fy - 0.5) < 1e-6) continue; // a tie: rounding rules differ
          const [ix, iy] = [Math.round(sx), Math.round(sy)];
          const inside = ix >= 0 && iy >= 0 && ix < src.width && iy < src.height;
          for (let c = 0; c < 4; c++) {
            const want = inside ? src.data[(iy * src.width + ix) * 4 + c] : 0;
            expect(out.data[(y * src.width + x) * 4 + c], `${JSON.stringify(op)} at ${x},${y}`).toBe(want);
          }
        }
      }
    }
  });

  it('magnitude 0 is the identity for every op with a magnitude (Solarize 0 inverts only 255, as torchvision)', () => {
    const src = randomImage(23, 19, 4);
    const below255: RgbaImage = { ...src, data: src.data.map((v) => Math.min(v, 254)) };
    for (const space of [randAugmentSpace, trivialAugmentWideSpace]) {
      for (const op of space.filter((o) => o.magnitude !== 'none')) {
        for (const negative of [false, true]) {
          const ops = op.ops({ index: 0, bins: 31, negative }, () => src, { interpolation: 'bilinear', border: 'constant', fill: [1, 2, 3, 4] });
          expect(bytesEqual(replay(below255, ops).data, below255.data), `${op.name} ${JSON.stringify(ops)}`).toBe(true);
        }
      }
    }
    // and through the transform: with magnitude 0 only AutoContrast and Equalize change an image without 255s
    const t = randAugment({ magnitude: 0, numOps: 1 });
    const drawn = new Set<string>();
    for (const seed of seeds(300)) {
      const { image, applied } = t(below255, { seed });
      applied.forEach((op) => drawn.add(op.op));
      if (!applied.some((op) => op.op === 'autocontrast' || op.op === 'equalize')) expect(bytesEqual(image.data, below255.data), JSON.stringify(applied)).toBe(true);
    }
    // warpAffine, affine, rotate, the 4 enhancements, posterize, solarize, autocontrast, equalize
    expect(drawn.size).toBe(11);
  });

  it('randAugment and autoAugment need the image size to draw (translations are fractions of it)', () => {
    expect(errorCode(() => randAugment().draw(1))).toBe('INVALID_ARGUMENT');
    expect(() => autoAugment().draw(1)).toThrow('autoAugment draws from the image size');
  });

  it('the seed stream the draws come from is splitmix64 (the same draw for a seed in every runtime)', () => {
    // randAugment's first op index is the step stream's second draw (after the gate)
    const stream = new SeedStream(12345);
    stream.chance(1);
    const index = stream.integer(0, 13);
    const ops = randAugment({ numOps: 1 }).draw(12345, size);
    const name = Object.keys(RAND_AUGMENT)[index]!;
    expect(name === 'Identity' ? ops.length === 0 : explain(ops[0]!, RAND_AUGMENT, 31, size, 9).some((e) => e.name === name)).toBe(true);
  });
});

// ---- options -------------------------------------------------------------------------------------------

describe('bad options are refused with INVALID_ARGUMENT naming the option', () => {
  const cases: [string, () => unknown, string][] = [
    ['numOps < 0', () => randAugment({ numOps: -1 }), 'options.numOps'],
    ['numOps 1.5', () => randAugment({ numOps: 1.5 }), 'options.numOps'],
    ['magnitude outside the bins', () => randAugment({ magnitude: 31 }), 'options.magnitude'],
    ['magnitude outside fewer bins', () => randAugment({ magnitude: 5, numMagnitudeBins: 5 }), 'options.magnitude'],
    ['magnitude < 0', () => randAugment({ magnitude: -1 }), 'options.magnitude'],
    ['numMagnitudeBins 1', () => randAugment({ numMagnitudeBins: 1, magnitude: 0 }), 'options.numMagnitudeBins'],
    ['trivialAugmentWide numMagnitudeBins 0', () => trivialAugmentWide({ numMagnitudeBins: 0 }), 'options.numMagnitudeBins'],
    ['unknown policy', () => autoAugment({ policy: 'coco' as never }), 'options.policy'],
    ['unknown option', () => randAugment({ num_ops: 2 } as never), 'num_ops'],
    ['bad fill', () => trivialAugmentWide({ fill: [0, 0, 0] as never }), 'options.fill'],
    ['bad interpolation', () => autoAugment({ interpolation: 'bicubic' as never }), 'options.interpolation'],
    ['in a recipe', () => parseRecipe({ name: 'r', steps: [{ op: 'randAugment', magnitude: 40 }] }), 'steps[0].magnitude'],
    ['unknown policy in a recipe', () => parseRecipe({ name: 'r', steps: [{ op: 'autoAugment', policy: 'imagenet21k' }] }), 'steps[0].policy'],
  ];
  for (const [label, fn, name] of cases) {
    it(label, () => {
      expect(errorCode(fn)).toBe('INVALID_ARGUMENT');
      expect(fn).toThrow(name);
    });
  }

  it('defaults are torchvision’s, and the spec lists them', () => {
    expect(randAugment().spec).toEqual({ op: 'randAugment', p: 1, numOps: 2, magnitude: 9, numMagnitudeBins: 31, interpolation: 'nearest', border: 'constant', fill: [0, 0, 0, 0] });
    expect(trivialAugmentWide().spec).toEqual({ op: 'trivialAugmentWide', p: 1, numMagnitudeBins: 31, interpolation: 'nearest', border: 'constant', fill: [0, 0, 0, 0] });
    expect(autoAugment().spec).toEqual({ op: 'autoAugment', p: 1, policy: 'imagenet', interpolation: 'nearest', border: 'constant', fill: [0, 0, 0, 0] });
  });

  it('recipe steps normalise to the factories’ specs and replay', () => {
    const recipe = parseRecipe({ name: 'r', steps: [{ op: 'randAugment', numOps: 3 }, { op: 'trivialAugmentWide' }, { op: 'autoAugment', policy: 'svhn' }] });
    expect(recipe.steps).toEqual([randAugment({ numOps: 3 }).spec, trivialAugmentWide().spec, autoAugment({ policy: 'svhn' }).spec]);
    const img = randomImage(30, 20, 2);
    for (const seed of seeds(10)) {
      const { image, applied } = recipe.pipeline(img, { seed });
      expect(bytesEqual(replay(img, applied).data, image.data)).toBe(true);
    }
  });
});
