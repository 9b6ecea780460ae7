import { describe, expect, it } from 'vitest';
import { assignSplits, checkSplit, parseSplit, splitCounts, type SplitFractions } from '../../src/dataset/split.js';
import { errorCode } from '../helpers/errors.js';

const SPLIT: SplitFractions = { train: 0.7, val: 0.15, test: 0.15 };

/** n images of each class, named `<class>/<i>.jpg`. */
function images(sizes: Record<string, number>): { path: string; className: string }[] {
  return Object.entries(sizes).flatMap(([className, n]) =>
    Array.from({ length: n }, (_, i) => ({ path: `${className}/${String(i).padStart(3, '0')}.jpg`, className })),
  );
}

describe('split counts', () => {
  it('each class is split in proportion, within one image of n × fraction, and sums to n', () => {
    const sizes = new Map(Object.entries({ a: 1, b: 2, c: 3, d: 7, e: 10, f: 33, g: 100, h: 0 }));
    const counts = splitCounts(sizes, SPLIT);
    for (const [name, n] of sizes) {
      const c = counts.get(name)!;
      expect(c.train + c.val + c.test).toBe(n);
      for (const split of ['train', 'val', 'test'] as const) expect(Math.abs(c[split] - n * SPLIT[split])).toBeLessThan(1);
    }
  });

  it('small classes do not all round the same way: the sample set gets a val and a test image beyond cat', () => {
    const counts = splitCounts(new Map([['cat', 8], ['coffee', 4], ['rocket', 3]]), SPLIT);
    expect(Object.fromEntries(counts)).toEqual({
      cat: { train: 6, val: 1, test: 1 },
      coffee: { train: 3, val: 1, test: 0 },
      rocket: { train: 2, val: 0, test: 1 },
    });
  });

  it('a split of fraction 0 gets nothing', () => {
    const counts = splitCounts(new Map([['a', 5], ['b', 3]]), { train: 0.5, val: 0.5, test: 0 });
    for (const c of counts.values()) expect(c.test).toBe(0);
  });
});

describe('assignSplits', () => {
  const all = images({ cat: 8, coffee: 4, rocket: 3, 'hot dog': 21 });

  it('puts every image in exactly one split, stratified per class', () => {
    const assignment = assignSplits(all, SPLIT, 1);
    expect(assignment.size).toBe(all.length);
    const counts = splitCounts(new Map(Object.entries({ cat: 8, coffee: 4, rocket: 3, 'hot dog': 21 })), SPLIT);
    for (const [className, c] of counts) {
      const mine = all.filter((i) => i.className === className).map((i) => assignment.get(i.path)!.split);
      expect(mine.filter((s) => s === 'train').length).toBe(c.train);
      expect(mine.filter((s) => s === 'val').length).toBe(c.val);
      expect(mine.filter((s) => s === 'test').length).toBe(c.test);
    }
  });

  it('depends on the seed, not on the order the images are listed in', () => {
    const a = assignSplits(all, SPLIT, 7);
    const b = assignSplits([...all].reverse(), SPLIT, 7);
    expect([...b].sort()).toEqual([...a].sort());
    const c = assignSplits(all, SPLIT, 8);
    expect(all.some((i) => a.get(i.path)!.split !== c.get(i.path)!.split)).toBe(true);
  });

  it('without val and test everything is train', () => {
    for (const { split } of assignSplits(all, { train: 1, val: 0, test: 0 }, 3).values()) expect(split).toBe('train');
  });
});

describe('split arguments', () => {
  it('parses name=fraction pairs; missing names are 0', () => {
    expect(parseSplit('train=0.7,val=0.15,test=0.15')).toEqual(SPLIT);
    expect(parseSplit('train=0.8, val=0.2')).toEqual({ train: 0.8, val: 0.2, test: 0 });
  });

  for (const bad of ['train=0.7,val=0.2', 'train=0.7,valid=0.3', 'train=1.5,val=-0.5', 'train:0.7', '']) {
    it(`rejects "${bad}"`, () => expect(errorCode(() => parseSplit(bad))).toBe('INVALID_ARGUMENT'));
  }

  it('checkSplit names the bad fraction', () => {
    expect(() => checkSplit({ train: 0.5, val: 'x' })).toThrow('split.val');
  });
});
