// The decoded sources augment's check keeps for its write phase (src/dataset/baseCache.ts): the same files with
// the cache on, off and under a budget too small for all, the budget never exceeded, and a kept image that is
// the one the write phase would decode.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BaseCache } from '../../src/dataset/baseCache.js';
import { checkSources } from '../../src/dataset/check.js';
import { augment, loadRecipe, scanDataset, type AugmentOptions } from '../../src/dataset/index.js';
import { baseOpsFor } from '../../src/dataset/plan.js';
import { TaskPool } from '../../src/dataset/pool.js';
import { decode } from '../../src/index.js';
import { runOps } from '../../src/pipeline/execute.js';
import { CLI_TIMEOUT, hashTree, RECIPES, SAMPLE, tempDir } from '../helpers/cli.js';
import { bytesEqual } from '../helpers/images.js';

/** A small deterministic generator (mulberry32), for the property test's sequences. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const image = (bytes: number) => ({ width: 1, height: bytes / 4, data: new Uint8ClampedArray(bytes) });

describe('BaseCache', () => {
  it('reserves in call order while the budget lasts (first fit), and a later smaller image may still fit', () => {
    const cache = new BaseCache(100);
    expect(['a', 'b', 'c', 'd'].map((p, i) => cache.reserve(p, [40, 40, 40, 20][i]!))).toEqual([true, true, false, true]);
    expect(cache.usedBytes).toBe(100);
  });

  it('settles a reservation at the real size, drops an image that no longer fits, frees one without an image', () => {
    const cache = new BaseCache(100);
    cache.reserve('a', 40);
    cache.reserve('b', 40);
    cache.settle('a', image(80)); // the header's size was wrong: 80 + 40 reserved > 100
    expect([cache.size, cache.usedBytes]).toEqual([0, 40]);
    cache.settle('b', undefined); // did not decode
    expect(cache.usedBytes).toBe(0);
    cache.reserve('c', 8);
    const c = image(8);
    cache.settle('c', c);
    expect(cache.take('c')).toBe(c);
    expect([cache.take('c'), cache.usedBytes, cache.size]).toEqual([undefined, 0, 0]);
  });

  it('never holds more than its budget, whatever the sequence of reserve, settle and take', () => {
    for (let run = 0; run < 50; run++) {
      const random = generator(run);
      const budget = 1 + Math.floor(random() * 1000);
      const cache = new BaseCache(budget);
      const reserved: string[] = [];
      const kept: string[] = [];
      for (let step = 0; step < 200; step++) {
        const r = random();
        if (r < 0.5) {
          const path = `p${step}`;
          if (cache.reserve(path, 4 * Math.floor(random() * 100))) reserved.push(path);
        } else if (r < 0.8 && reserved.length > 0) {
          const path = reserved.splice(Math.floor(random() * reserved.length), 1)[0]!;
          cache.settle(path, random() < 0.2 ? undefined : image(4 * Math.floor(random() * 120)));
          kept.push(path);
        } else if (kept.length > 0) {
          cache.take(kept.splice(Math.floor(random() * kept.length), 1)[0]!);
        }
        expect(cache.usedBytes).toBeGreaterThanOrEqual(0);
        expect(cache.usedBytes).toBeLessThanOrEqual(budget);
      }
      expect(cache.peakBytes).toBeLessThanOrEqual(budget);
    }
  });
});

describe('the check keeps what the write phase would decode', { timeout: CLI_TIMEOUT }, () => {
  it('each kept image equals decode + the base ops of its source, in both JPEG modes; the budget holds the first that fit', async () => {
    const scan = await scanDataset(SAMPLE);
    const baseOps = baseOpsFor({ width: 40, height: 30 });
    for (const jpeg of ['jpeg-js', 'libjpeg'] as const) {
      const budget = 5 * 40 * 30 * 4; // five of the sample's fifteen
      const cache = new BaseCache(budget);
      const pool = new TaskPool(1);
      await checkSources(scan, pool, {
        dHash: false,
        keep: { baseOps, jpeg, cache, reserve: (img) => cache.reserve(img.path, 40 * 30 * 4) },
      });
      await pool.close();
      expect(cache.size).toBe(5);
      expect(cache.peakBytes).toBeLessThanOrEqual(budget);
      for (const [i, source] of scan.images.entries()) {
        const kept = cache.take(source.path);
        expect(kept !== undefined, source.path).toBe(i < 5);
        if (kept) expect(bytesEqual(kept.data, runOps(decode(readFileSync(source.fsPath), { jpeg }), baseOps).data), source.path).toBe(true);
      }
    }
  });
});

describe('augment with the cache on, off and too small', { timeout: CLI_TIMEOUT }, () => {
  const run = async (extra: Partial<AugmentOptions>) => {
    const out = join(tempDir(), 'out');
    const recipes = [await loadRecipe(join(RECIPES, 'flips-rotation-noise.json'))];
    const summary = await augment({ input: SAMPLE, out, recipes, variants: 2, split: { train: 0.6, val: 0.2, test: 0.2 }, seed: 3, workers: 1, ...extra });
    return { tree: hashTree(out), summary };
  };

  for (const [what, size] of [['resized (--size)', { width: 48, height: 40 }], ['at the sources\' own sizes', undefined]] as const) {
    it(`writes the same files, manifests included, ${what}`, async () => {
      const options = size ? { size } : {};
      const on = await run(options);
      const off = await run({ ...options, cacheBytes: 0 });
      // room for about two sources: the rest are decoded again when written
      const tiny = await run({ ...options, cacheBytes: size ? 2 * 48 * 40 * 4 : 1 });
      expect(Object.keys(on.tree).length).toBeGreaterThan(30);
      expect(off.tree).toEqual(on.tree);
      expect(tiny.tree).toEqual(on.tree);
      expect(on.summary.written).toBe(off.summary.written);
    });
  }

  it('a source whose base op refuses it is still checked as decodable and reported by the write phase, as without the cache', async () => {
    // 60000 × 60000 is above the pixel limit: the resize throws TOO_LARGE (the budget is large enough to try)
    const size = { width: 60000, height: 60000 };
    const on = await run({ size, cacheBytes: 2 ** 50, dryRun: false, variants: 0 });
    const off = await run({ size, cacheBytes: 0, variants: 0 });
    expect(on.summary.bad).toBe(15);
    expect(on.summary.skipped).toEqual(off.summary.skipped);
    expect(on.summary.skipped.filter((s) => s.bad).every((s) => s.reason.startsWith('TOO_LARGE: '))).toBe(true);
    expect(on.tree).toEqual(off.tree);
  });

  it('cacheBytes must be a non-negative integer', async () => {
    for (const cacheBytes of [-1, 1.5, '512', Number.NaN]) {
      await expect(augment({ input: SAMPLE, out: join(tempDir(), 'out'), dryRun: true, cacheBytes } as unknown as AugmentOptions)).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(/^Expected a non-negative integer \(bytes\) for cacheBytes but received/),
      });
    }
  });
});
