import { describe, expect, it } from 'vitest';
import { planAugment, shardRange, type PlanOptions } from '../../src/dataset/plan.js';
import type { DatasetScan, SourceImage } from '../../src/dataset/scan.js';
import { deriveSeed, parseRecipe } from '../../src/index.js';

const recipe = parseRecipe({ name: 'r', steps: [{ op: 'randomRotation', degrees: 10 }] });
const other = parseRecipe({ name: 'other', steps: [{ op: 'randomFlip', horizontal: 1 }] });

function scan(sizes: Record<string, number>, extra: string[] = []): DatasetScan {
  const classes = Object.keys(sizes).sort();
  const images: SourceImage[] = classes
    .flatMap((className) => Array.from({ length: sizes[className]! }, (_, i) => `${className}/img_${String(i).padStart(2, '0')}.jpg`))
    .concat(extra)
    .sort()
    .map((path) => ({ path, fsPath: `/data/${path}`, className: path.split('/')[0]!, format: 'jpeg', width: 10, height: 10, bytes: 1 }));
  return { root: '/data', classes, images, skipped: [] };
}

const base: PlanOptions = {
  recipes: [recipe],
  variants: 1,
  balance: false,
  classes: null,
  split: { train: 1, val: 0, test: 0 },
  size: { width: 32, height: 32 },
  seed: 3,
  format: 'png',
  shard: null,
};

const data = scan({ cat: 8, coffee: 4, rocket: 3 });

function trainFiles(plan: ReturnType<typeof planAugment>, className: string) {
  return plan.sources.filter((s) => s.image.className === className && s.split === 'train').flatMap((s) => s.files);
}

describe('planAugment counts', () => {
  it('--variants N: every train original plus N copies', () => {
    const plan = planAugment(data, { ...base, variants: 3 });
    for (const [c, n] of [['cat', 8], ['coffee', 4], ['rocket', 3]] as const) {
      expect(trainFiles(plan, c).filter((f) => f.variant === null)).toHaveLength(n);
      expect(trainFiles(plan, c).filter((f) => f.variant !== null)).toHaveLength(3 * n);
    }
  });

  it('--classes: only the named classes are augmented, the others copied through', () => {
    const plan = planAugment(data, { ...base, variants: 2, classes: ['rocket'] });
    expect(trainFiles(plan, 'cat').every((f) => f.variant === null)).toBe(true);
    expect(trainFiles(plan, 'coffee')).toHaveLength(4);
    expect(trainFiles(plan, 'rocket')).toHaveLength(9);
    expect(plan.classes.map((c) => [c.name, c.augmented, c.variants])).toEqual([
      ['cat', false, 0],
      ['coffee', false, 0],
      ['rocket', true, 6],
    ]);
  });

  it('--balance: every class reaches the largest class, copies spread evenly over the originals', () => {
    const plan = planAugment(data, { ...base, balance: true });
    expect(plan.balanceTarget).toBe(8);
    for (const c of ['cat', 'coffee', 'rocket']) expect(trainFiles(plan, c)).toHaveLength(8);
    // rocket: 5 copies over 3 originals → 2, 2, 1
    const perOriginal = plan.sources
      .filter((s) => s.image.className === 'rocket')
      .map((s) => s.files.filter((f) => f.variant !== null).length)
      .sort();
    expect(perOriginal).toEqual([1, 2, 2]);
  });

  it('--balance N targets N train images per class and never drops originals', () => {
    const plan = planAugment(data, { ...base, balance: 5 });
    expect(trainFiles(plan, 'cat')).toHaveLength(8);
    expect(trainFiles(plan, 'coffee')).toHaveLength(5);
    expect(trainFiles(plan, 'rocket')).toHaveLength(5);
  });

  it('--balance with --classes balances only the named classes, against the largest of all', () => {
    const plan = planAugment(data, { ...base, balance: true, classes: ['coffee'] });
    expect(trainFiles(plan, 'coffee')).toHaveLength(8);
    expect(trainFiles(plan, 'rocket')).toHaveLength(3);
  });

  it('balance counts the train split only, and val/test get no copies', () => {
    const plan = planAugment(data, { ...base, balance: true, split: { train: 0.5, val: 0.25, test: 0.25 } });
    const target = plan.balanceTarget!;
    expect(target).toBe(plan.classes.find((c) => c.name === 'cat')!.train);
    for (const c of ['cat', 'coffee', 'rocket']) expect(trainFiles(plan, c)).toHaveLength(target);
    for (const s of plan.sources.filter((s) => s.split !== 'train')) expect(s.files.every((f) => f.variant === null)).toBe(true);
  });
});

describe('planAugment names, seeds and roots', () => {
  it('one recipe writes into the output root, several into one folder per recipe with the same split', () => {
    expect(planAugment(data, base).roots).toEqual(['']);
    const plan = planAugment(data, { ...base, recipes: [recipe, other], split: { train: 0.5, val: 0.5, test: 0 } });
    expect(plan.roots).toEqual(['r', 'other']);
    for (const s of plan.sources) expect(new Set(s.files.map((f) => f.root))).toEqual(new Set(['r', 'other']));
  });

  it('names are <split>/<class>/<stem>[_vN].<ext>; seeds are deriveSeed(seed, path, N); ops are the recipe draw', () => {
    const plan = planAugment(data, { ...base, variants: 2 });
    const s = plan.sources[0]!;
    expect(s.files.map((f) => f.file)).toEqual(['train/cat/img_00.png', 'train/cat/img_00_v1.png', 'train/cat/img_00_v2.png']);
    expect(s.files[2]!.seed).toBe(deriveSeed(3, 'cat/img_00.jpg', 2));
    expect(s.files[2]!.ops).toEqual(recipe.pipeline.draw(deriveSeed(3, 'cat/img_00.jpg', 2)));
    expect(s.baseOps).toEqual([{ op: 'resize', width: 32, height: 32, antialias: true }]);
  });

  it('clashing names get a numeric suffix, so no output is written twice', () => {
    const plan = planAugment(scan({ a: 0 }, ['a/x.jpg', 'a/x.png', 'a/x_v1.jpg', 'a/sub/x.jpg']), { ...base, variants: 1, format: 'jpg' });
    const names = plan.sources.flatMap((s) => s.files.map((f) => f.file.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('train/a/sub/x.jpg');
  });

  it('shards are contiguous blocks that together cover every source once', () => {
    for (const n of [0, 1, 2, 15, 16]) {
      for (const count of [1, 2, 3, 7]) {
        const covered: number[] = [];
        for (let index = 0; index < count; index++) {
          const [a, b] = shardRange(n, { index, count });
          for (let i = a; i < b; i++) covered.push(i);
        }
        expect(covered).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    }
  });
});
