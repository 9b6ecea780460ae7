import { AugkitError, invalidArgument } from '../errors.js';
import { deriveSeed } from '../pipeline/seed.js';
import { shuffleInPlace } from './shuffle.js';

/**
 * One of the three splits a data set is divided into: `'train'` (the only one augmented), `'val'` or `'test'`.
 *
 * @example
 * const subset: SplitName = 'val';
 * const flow = flowFromDirectory('augmented', { subset }); // reads augmented/val
 */
export type SplitName = 'train' | 'val' | 'test';
export const SPLIT_NAMES: readonly SplitName[] = ['train', 'val', 'test'];

/**
 * Fractions of each class that go to each split; they sum to 1.
 *
 * @example
 * const split: SplitFractions = parseSplit('train=0.7,val=0.15,test=0.15'); // { train: 0.7, val: 0.15, test: 0.15 }
 * await augment({ input: 'data', out: 'augmented', split });
 */
export interface SplitFractions {
  readonly train: number;
  readonly val: number;
  readonly test: number;
}

/** Everything in train: the default without `--split`. */
export const ALL_TRAIN: SplitFractions = { train: 1, val: 0, test: 0 };

/**
 * Checks split fractions: each in 0..1, summing to 1 (within 1e-9).
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad fraction.
 *
 * @example
 * checkSplit({ train: 0.8, val: 0.2, test: 0 }); // throws an AugkitError unless the fractions sum to 1
 */
export function checkSplit(value: unknown, param = 'split'): SplitFractions {
  if (value === null || typeof value !== 'object') throw invalidArgument(param, 'an object { train, val, test }', value);
  const fractions: Record<string, number> = {};
  for (const [key, fraction] of Object.entries(value)) {
    if (!SPLIT_NAMES.includes(key as SplitName)) throw invalidArgument(`${param}`, 'only the splits train, val and test', key);
    if (typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1)) {
      throw invalidArgument(`${param}.${key}`, 'a fraction between 0 and 1', fraction);
    }
    fractions[key] = fraction;
  }
  const split = { train: fractions.train ?? 0, val: fractions.val ?? 0, test: fractions.test ?? 0 };
  const sum = split.train + split.val + split.test;
  if (Math.abs(sum - 1) > 1e-9) {
    // 0.5 + 0.2 + 0.2 is 0.8999999999999999 in binary: show the sum as written, to 12 significant digits
    const shown = Number(sum.toPrecision(12));
    throw new AugkitError('INVALID_ARGUMENT', `Expected fractions summing to 1 for ${param} but received ${shown} (${formatSplit(split)})`);
  }
  return split;
}

/**
 * `train=0.7,val=0.15,test=0.15` → fractions; missing names are 0.
 *
 * @example
 * parseSplit('train=0.8,val=0.2'); // { train: 0.8, val: 0.2, test: 0 }
 */
export function parseSplit(text: string, param = '--split'): SplitFractions {
  const entries: [string, number][] = [];
  for (const part of text.split(',')) {
    const match = /^\s*([a-z]+)\s*=\s*([0-9.eE+-]+)\s*$/.exec(part);
    if (!match) throw invalidArgument(param, 'name=fraction pairs like train=0.7,val=0.15,test=0.15', text);
    entries.push([match[1]!, Number(match[2])]);
  }
  return checkSplit(Object.fromEntries(entries), param);
}

export function formatSplit(split: SplitFractions): string {
  return SPLIT_NAMES.map((name) => `${name}=${split[name]}`).join(',');
}

/**
 * How many images of each class go to each split. Per class of n images: `n · fraction` rounded down,
 * then the images left over go one each to the splits with the largest remainders. Ties go to the split
 * furthest below its share of all images seen so far (classes in sorted order), then in the order
 * train, val, test — so small classes do not all round the same way. Each class's counts sum to its n.
 *
 * @param sizes - class name → number of images
 *
 * @example
 * splitCounts(new Map([['cat', 10]]), { train: 0.7, val: 0.15, test: 0.15 }); // cat → { train, val, test }, summing to 10
 */
export function splitCounts(sizes: ReadonlyMap<string, number>, split: SplitFractions): Map<string, Record<SplitName, number>> {
  const result = new Map<string, Record<SplitName, number>>();
  const assigned = [0, 0, 0];
  let seen = 0;
  for (const className of [...sizes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const n = sizes.get(className)!;
    seen += n;
    const exact = SPLIT_NAMES.map((name) => n * split[name]);
    const counts = exact.map(Math.floor);
    let left = n - counts.reduce((a, b) => a + b, 0);
    const remainder = (i: number) => exact[i]! - counts[i]!;
    const behind = (i: number) => assigned[i]! + counts[i]! - seen * split[SPLIT_NAMES[i]!];
    const order = [0, 1, 2].sort((a, b) => remainder(b) - remainder(a) || behind(a) - behind(b) || a - b);
    for (const i of order) {
      if (left <= 0) break;
      if (split[SPLIT_NAMES[i]!] > 0) {
        counts[i]!++;
        left--;
      }
    }
    counts.forEach((c, i) => (assigned[i]! += c));
    result.set(className, { train: counts[0]!, val: counts[1]!, test: counts[2]! });
  }
  return result;
}

/**
 * Where one image goes: its split and its position in its class's shuffled order.
 *
 * @example
 * const images = [{ path: 'cat/1.jpg', className: 'cat' }, { path: 'cat/2.jpg', className: 'cat' }];
 * const where: SplitAssignment = assignSplits(images, { train: 0.5, val: 0.5, test: 0 }, 1).get('cat/1.jpg')!;
 * // { split: 'val', rank: 1 }
 */
export interface SplitAssignment {
  readonly split: SplitName;
  readonly rank: number;
}

/**
 * Splits each class separately (stratified) with a seeded shuffle, before any augmentation. Per class,
 * the paths (sorted) are shuffled by Fisher–Yates drawing from `SeedStream(deriveSeed(seed, 'split', class))`
 * (`j = floor(u · (i + 1))`); the first `train` of that order go to train, the next `val` to val, the
 * rest to test, with per-class counts from {@link splitCounts}. An image is in exactly one split.
 *
 * Byte-identical copies stay together: a path in `leaders` (duplicate → the first path of its group) is left
 * out of the shuffle and the counts, and goes to its leader's split — also when the leader is in another
 * class. Ranks number each class's images in the order train, val, test; within a split, in shuffled order,
 * each leader followed by its copies in the same class, then copies of other classes' images.
 *
 * @param images - `{ path, className }` of every image, in any order
 * @param leaders - for each duplicate but the first of its group, the group's first path (see `duplicateLeaders`)
 * @returns the assignment of each path
 *
 * @example
 * const images = [{ path: 'cat/1.jpg', className: 'cat' }, { path: 'cat/2.jpg', className: 'cat' }];
 * const assignment = assignSplits(images, { train: 0.5, val: 0.5, test: 0 }, 1); // path → its split
 */
export function assignSplits(
  images: readonly { readonly path: string; readonly className: string }[],
  split: SplitFractions,
  seed: number,
  leaders: ReadonlyMap<string, string> = new Map(),
): Map<string, SplitAssignment> {
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const classOf = new Map(images.map((i) => [i.path, i.className]));
  const byClass = new Map<string, string[]>();
  const followers = new Map<string, string[]>();
  for (const { path, className } of images) {
    const leader = leaders.get(path);
    if (leader !== undefined && classOf.has(leader)) {
      followers.set(leader, [...(followers.get(leader) ?? []), path]);
      if (!byClass.has(className)) byClass.set(className, []);
      continue;
    }
    byClass.set(className, [...(byClass.get(className) ?? []), path]);
  }
  const splitOf = new Map<string, SplitName>();
  const orders = new Map<string, string[]>();
  const sizes = splitCounts(new Map([...byClass].map(([c, paths]) => [c, paths.length])), split);
  for (const [className, paths] of byClass) {
    const order = shuffleInPlace(
      [...paths].sort(byCode),
      deriveSeed(seed, 'split', className),
    );
    const counts = sizes.get(className)!;
    order.forEach((path, rank) => {
      const name: SplitName = rank < counts.train ? 'train' : rank < counts.train + counts.val ? 'val' : 'test';
      splitOf.set(path, name);
      for (const copy of followers.get(path) ?? []) splitOf.set(copy, name);
    });
    orders.set(className, order);
  }
  const result = new Map<string, SplitAssignment>();
  for (const [className, order] of orders) {
    const ranked = order.flatMap((path) => [path, ...(followers.get(path) ?? []).filter((p) => classOf.get(p) === className).sort(byCode)]);
    const fromOthers = images
      .filter((i) => i.className === className && leaders.has(i.path) && classOf.get(leaders.get(i.path)!) !== className)
      .map((i) => i.path)
      .sort(byCode);
    let rank = 0;
    for (const name of SPLIT_NAMES) {
      for (const path of [...ranked, ...fromOthers]) if (splitOf.get(path) === name) result.set(path, { split: name, rank: rank++ });
    }
  }
  return result;
}
