import { describe, expect, it } from 'vitest';
import {
  compose,
  deriveSeed,
  flipHorizontal,
  oneOf,
  randomFlip,
  randomRotation,
  randomSaltAndPepper,
  replay,
  resize,
  resizeTo,
  rotate,
  saltAndPepper,
  type AppliedOp,
} from '../../src/index.js';
import { errorCode } from '../helpers/errors.js';
import { bytesEqual, randomImage, snapshot } from '../helpers/images.js';

const img = randomImage(23, 17, 4);
const full = compose([
  resizeTo(20, 16),
  randomFlip({ horizontal: 0.5, vertical: 0.5 }),
  randomRotation({ degrees: [-30, 30], expand: true, fill: [1, 2, 3, 255] }),
  randomSaltAndPepper({ amount: [0, 0.2], p: 0.5 }),
  oneOf([randomFlip({ horizontal: 1 }), randomRotation({ degrees: 5 })], { weights: [1, 3] }),
]);

describe('pipeline results', () => {
  it('the same seed gives the same bytes and the same applied list', () => {
    for (const seed of [0, 1, 42, 2 ** 53 - 1]) {
      const a = full(img, { seed });
      const b = full(img, { seed });
      expect(a.seed).toBe(seed);
      expect(a.applied).toEqual(b.applied);
      expect(bytesEqual(a.image.data, b.image.data)).toBe(true);
    }
  });

  it('replay of the JSON round trip of applied gives the same bytes', () => {
    for (let seed = 0; seed < 30; seed++) {
      const { image, applied } = full(img, { seed });
      const out = replay(img, JSON.parse(JSON.stringify(applied)) as AppliedOp[]);
      expect([out.width, out.height]).toEqual([image.width, image.height]);
      expect(bytesEqual(out.data, image.data)).toBe(true);
    }
  });

  it('the image is exactly the public ops applied with the recorded parameters', () => {
    const { image, applied } = compose([randomRotation({ degrees: 20 }), randomSaltAndPepper({ amount: 0.1 })])(img, { seed: 3 });
    const [r, s] = applied as [Extract<AppliedOp, { op: 'rotate' }>, Extract<AppliedOp, { op: 'saltAndPepper' }>];
    const noise = { amount: s.amount, saltVsPepper: s.saltVsPepper, perChannel: s.perChannel, seed: s.seed };
    const expected = saltAndPepper(rotate(img, r.degrees, { expand: r.expand, fill: r.fill }), noise);
    expect(bytesEqual(image.data, expected.data)).toBe(true);
  });

  it('applied lists every op with its drawn parameters (pinned for seed 42)', () => {
    expect(full.draw(42)).toEqual(full(img, { seed: 42 }).applied);
    expect(compose([randomFlip(), randomRotation({ degrees: [-20, 20], fill: [0, 0, 0, 255] })]).draw(42)).toEqual([
      { op: 'rotate', degrees: -4.2467449605464935, expand: false, fill: [0, 0, 0, 255] },
    ]);
  });

  it('without a seed, one is drawn, returned, and reproduces the result', () => {
    const a = full(img);
    expect(Number.isSafeInteger(a.seed)).toBe(true);
    expect(bytesEqual(full(img, { seed: a.seed }).image.data, a.image.data)).toBe(true);
  });

  it('leaves its input unchanged and returns a copy when nothing applies', () => {
    const before = snapshot(img);
    full(img, { seed: 1 });
    const { image, applied } = randomFlip({ horizontal: 0 })(img, { seed: 1 });
    expect(applied).toEqual([]);
    expect(image.data).not.toBe(img.data);
    expect(bytesEqual(image.data, before)).toBe(true);
    expect(bytesEqual(img.data, before)).toBe(true);
  });

  it('compose gives child i the seed deriveSeed(seed, i)', () => {
    const child = randomRotation({ degrees: 45 });
    for (const seed of [5, 6]) {
      expect(compose([randomFlip({ horizontal: 0 }), child]).draw(seed)).toEqual(child.draw(deriveSeed(seed, 1)));
    }
  });
});

describe('random transforms draw within their ranges', () => {
  it('p = 0 never applies a step, p = 1 always', () => {
    for (let seed = 0; seed < 100; seed++) {
      expect(randomRotation({ degrees: 10, p: 0 }).draw(seed)).toEqual([]);
      expect(randomRotation({ degrees: 10, p: 1 }).draw(seed)).toHaveLength(1);
    }
  });

  it('p = 0.3 applies a step about 30% of the time', () => {
    let hits = 0;
    for (let seed = 0; seed < 2000; seed++) hits += randomSaltAndPepper({ amount: 0.01, p: 0.3 }).draw(seed).length;
    expect(hits / 2000).toBeGreaterThan(0.26);
    expect(hits / 2000).toBeLessThan(0.34);
  });

  it('randomFlip: horizontal 1 always mirrors, vertical 0 (the default) never flips', () => {
    for (let seed = 0; seed < 50; seed++) expect(randomFlip({ horizontal: 1 }).draw(seed)).toEqual([{ op: 'flipHorizontal' }]);
    const { image } = randomFlip({ horizontal: 1 })(img, { seed: 0 });
    expect(bytesEqual(image.data, flipHorizontal(img).data)).toBe(true);
  });

  it('randomRotation: degrees d draws in [-d, d), spread over both signs', () => {
    const angles = Array.from({ length: 1000 }, (_, seed) => {
      const [op] = randomRotation({ degrees: 20 }).draw(seed) as [Extract<AppliedOp, { op: 'rotate' }>];
      return op.degrees;
    });
    expect(Math.min(...angles)).toBeGreaterThanOrEqual(-20);
    expect(Math.max(...angles)).toBeLessThan(20);
    expect(angles.filter((a) => a < 0).length).toBeGreaterThan(400);
    expect(Math.abs(angles.reduce((s, a) => s + a, 0) / angles.length)).toBeLessThan(1.5);
  });

  it('randomSaltAndPepper: amount in [min, max) and a recorded noise seed', () => {
    for (let seed = 0; seed < 200; seed++) {
      const [op] = randomSaltAndPepper({ amount: [0.01, 0.05] }).draw(seed) as [Extract<AppliedOp, { op: 'saltAndPepper' }>];
      expect(op.amount >= 0.01 && op.amount < 0.05).toBe(true);
      expect(Number.isSafeInteger(op.seed)).toBe(true);
    }
  });

  it('oneOf applies exactly one child, never one of weight 0', () => {
    const pick = oneOf([randomFlip({ horizontal: 1 }), randomFlip({ horizontal: 0, vertical: 1 })], { weights: [0, 1] });
    for (let seed = 0; seed < 100; seed++) expect(pick.draw(seed)).toEqual([{ op: 'flipVertical' }]);
    const even = oneOf([randomFlip({ horizontal: 1 }), randomFlip({ horizontal: 0, vertical: 1 })]);
    let first = 0;
    for (let seed = 0; seed < 1000; seed++) first += even.draw(seed)[0]!.op === 'flipHorizontal' ? 1 : 0;
    expect(first).toBeGreaterThan(430);
    expect(first).toBeLessThan(570);
  });

  it('resizeTo records a resize and matches resize()', () => {
    const { image, applied } = resizeTo(9, 5, { antialias: true })(img, { seed: 0 });
    expect(applied).toEqual([{ op: 'resize', width: 9, height: 5, antialias: true }]);
    expect(bytesEqual(image.data, resize(img, 9, 5, { antialias: true }).data)).toBe(true);
  });
});

describe('transform specs and argument errors', () => {
  it('spec is the normalised, frozen step with defaults filled in', () => {
    const t = randomRotation({ degrees: 15 });
    expect(t.spec).toEqual({ op: 'randomRotation', p: 1, degrees: [-15, 15], expand: false, fill: [0, 0, 0, 0] });
    expect(Object.isFrozen(t.spec)).toBe(true);
    expect(JSON.parse(JSON.stringify(compose([t, { op: 'randomFlip' }])))).toEqual({
      op: 'compose',
      p: 1,
      steps: [t.spec, { op: 'randomFlip', p: 1, horizontal: 0.5, vertical: 0 }],
    });
  });

  const bad: [string, () => unknown, string][] = [
    ['degrees of the wrong type', () => randomRotation({ degrees: '20' as never }), 'options.degrees'],
    ['a reversed range', () => randomRotation({ degrees: [20, -20] }), 'options.degrees but received [20, -20]'],
    ['a probability above 1', () => randomFlip({ horizontal: 1.5 }), 'options.horizontal'],
    ['an unknown option', () => randomFlip({ horizonal: 1 } as never), 'Unknown option `horizonal` for randomFlip options: did you mean `horizontal`?'],
    ['a missing amount', () => randomSaltAndPepper({} as never), 'options.amount but it is missing'],
    ['an amount above 1', () => randomSaltAndPepper({ amount: [0, 2] }), 'options.amount'],
    ['a bad fill', () => randomRotation({ degrees: 1, fill: [0, 0, 256, 0] }), 'options.fill[2]'],
    ['a zero width', () => resizeTo(0, 4), 'for width'],
    ['a non-transform in compose', () => compose([randomFlip(), 3 as never]), 'transforms[1]'],
    ['a bad plain step in compose', () => compose([{ op: 'randomRotation', degrees: 'x' } as never]), 'transforms[0].degrees'],
    ['an empty oneOf', () => oneOf([]), 'for transforms'],
    ['weights of the wrong length', () => oneOf([randomFlip()], { weights: [1, 2] }), 'options.weights'],
    ['a bad seed', () => full(img, { seed: -1 }), 'options.seed'],
    ['a bad image', () => full({ width: 2, height: 2, data: new Uint8Array(3) }), 'image.data'],
  ];
  for (const [what, fn, field] of bad) {
    it(`${what} is INVALID_ARGUMENT naming ${field}`, () => {
      expect(errorCode(fn)).toBe('INVALID_ARGUMENT');
      expect(() => fn()).toThrow(field);
    });
  }
});
