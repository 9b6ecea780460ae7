import { SeedStream } from '../pipeline/seed.js';

/**
 * Fisher–Yates shuffle of `items` in place, drawing `j = floor(u · (i + 1))` from `SeedStream(seed)` for
 * i = n−1 … 1: the one seeded shuffle of the dataset layer (splits, flow order, balance picks).
 *
 * @example
 * shuffleInPlace(paths, deriveSeed(seed, 'split', className));
 */
export function shuffleInPlace<T>(items: T[], seed: number): T[] {
  const stream = new SeedStream(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(stream.uniform() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
