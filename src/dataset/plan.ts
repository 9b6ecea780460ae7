import type { AppliedOp } from '../pipeline/execute.js';
import type { Recipe } from '../pipeline/recipe.js';
import { deriveSeed } from '../pipeline/seed.js';
import { duplicateLeaders } from './check.js';
import type { DatasetScan, SourceImage } from './scan.js';
import { assignSplits, type SplitFractions, type SplitName } from './split.js';

/**
 * The file format {@link augment} writes, as the outputs' extension: `'png'` (the default) or `'jpg'` (the options
 * also accept `'jpeg'`).
 *
 * @example
 * const format: OutputFormat = 'jpg';
 * await augment({ input: 'data', out: 'augmented', format, quality: 85 });
 */
export type OutputFormat = 'png' | 'jpg';

/**
 * What to produce from a scanned data set (already validated).
 *
 * @example
 * const options: PlanOptions = {
 *   recipes: [await loadRecipe('flips.json')], variants: 2, balance: false, classes: null,
 *   split: { train: 0.8, val: 0.2, test: 0 }, size: null, seed: 1, format: 'png', shard: null,
 * };
 * const checked = await checkDataset(await scanDataset('data'), 4);
 * const plan = planAugment(checked, options, checked.duplicates);
 */
export interface PlanOptions {
  readonly recipes: readonly Recipe[];
  /** Augmented copies per train original (ignored when `balance` is set). */
  readonly variants: number;
  /** `true`: every augmented class up to the largest class's train count; a number: up to that count. */
  readonly balance: boolean | number;
  /** Classes to augment; null for all. Other classes are copied through (originals only). */
  readonly classes: readonly string[] | null;
  readonly split: SplitFractions;
  /** Every output is first resized to this (antialiased); null keeps each image's size. */
  readonly size: { readonly width: number; readonly height: number } | null;
  readonly seed: number;
  readonly format: OutputFormat;
  /** Process only block `index` of `count` (0-based) of the sorted sources. */
  readonly shard: { readonly index: number; readonly count: number } | null;
}

/**
 * One file to write.
 *
 * @example
 * for (const source of planAugment(checked, options, checked.duplicates).sources) {
 *   const files: readonly PlannedFile[] = source.files;
 *   for (const { root, file, variant, seed } of files) console.log(root, file, variant, seed);
 *   // '' 'train/cat/cat_02.png' null null, then '' 'train/cat/cat_02_v1.png' 1 <seed> …
 * }
 */
export interface PlannedFile {
  /** The output root it belongs to, relative to `--out`: '' with one recipe, else the recipe's name. */
  readonly root: string;
  /** Path relative to the root, '/'-separated: `<split>/<class>/<name>.<ext>`. */
  readonly file: string;
  readonly recipe: string;
  /** 1..N for an augmented copy, null for the (resized) original. */
  readonly variant: number | null;
  /** The pipeline seed of a variant: `deriveSeed(seed, source path, variant)`; null for an original. */
  readonly seed: number | null;
  /** The ops after the base resize (the recipe's draw for `seed`); empty for an original. */
  readonly ops: readonly AppliedOp[];
}

/**
 * One source image and everything made from it.
 *
 * @example
 * const plan = planAugment(checked, options, checked.duplicates);
 * const source: PlannedSource = plan.sources[0]!;
 * source.image.path; // the first path in sorted order, e.g. 'cat/cat_01.jpg'
 * source.split; // e.g. 'val'
 * source.files.map((f) => f.file); // then ['val/cat/cat_01.png']: val and test are never augmented
 */
export interface PlannedSource {
  readonly image: SourceImage;
  readonly split: SplitName;
  /** Applied to the decoded image before anything else: the `--size` resize, if any. */
  readonly baseOps: readonly AppliedOp[];
  readonly files: readonly PlannedFile[];
  /** Whether this run's shard processes it. */
  readonly inShard: boolean;
}

/**
 * Per class: images per split and augmented copies per recipe.
 *
 * @example
 * const { classes } = await augment({ input: 'data', out: 'augmented', split: { train: 0.8, val: 0.2, test: 0 }, dryRun: true });
 * const cats: ClassPlan = classes[0]!;
 * // e.g. { name: 'cat', images: 8, train: 6, val: 2, test: 0, augmented: true, variants: 6 }
 */
export interface ClassPlan {
  readonly name: string;
  readonly images: number;
  readonly train: number;
  readonly val: number;
  readonly test: number;
  readonly augmented: boolean;
  /** Augmented copies in train, per recipe (the same for every recipe). */
  readonly variants: number;
}

/**
 * What {@link planAugment} returns: the output roots, every source with the files made from it, the images per
 * class and split, and the `balance` target.
 *
 * @example
 * const plan: AugmentPlan = planAugment(checked, options, checked.duplicates);
 * plan.roots; // [''] for one recipe, else the recipe names
 * const files = plan.sources.flatMap((source) => source.files).length;
 */
export interface AugmentPlan {
  /** Output roots relative to `--out` ('' for a single recipe). */
  readonly roots: readonly string[];
  readonly sources: readonly PlannedSource[];
  readonly classes: readonly ClassPlan[];
  /** The per-class train target of `--balance`, or null. */
  readonly balanceTarget: number | null;
}

/** `cat/sub/x.JPG` in class `cat` → `sub/x`. */
function stemWithinClass(image: SourceImage): string {
  const within = image.path.slice(image.className.length + 1);
  const slash = within.lastIndexOf('/');
  const dot = within.lastIndexOf('.');
  return dot > slash + 1 ? within.slice(0, dot) : within;
}

/** The index range of shard `index` of `count` over `n` sorted sources: contiguous blocks, so manifests concatenate. */
export function shardRange(n: number, shard: PlanOptions['shard']): [number, number] {
  if (shard === null) return [0, n];
  return [Math.floor((shard.index * n) / shard.count), Math.floor(((shard.index + 1) * n) / shard.count)];
}

/**
 * The size a recipe's draw starts from (crops and shifts draw from it): the `--size` resize's when there is one,
 * else the source's as displayed (EXIF applied). Plans and plan files draw with it alike.
 *
 * @example
 * const ops = recipe.pipeline.draw(seed, recipeInputSize(image, { width: 400, height: 400 }));
 */
export function recipeInputSize(
  image: { readonly width: number; readonly height: number },
  size: { readonly width: number; readonly height: number } | null | undefined,
): { width: number; height: number } {
  return size ? { width: size.width, height: size.height } : { width: image.width, height: image.height };
}

/**
 * The ops every output of a source starts with: the `--size` resize (antialiased), if any.
 *
 * @example
 * baseOpsFor({ width: 400, height: 400 }); // [{ op: 'resize', width: 400, height: 400, antialias: true }]
 */
export function baseOpsFor(size: PlanOptions['size']): AppliedOp[] {
  return size === null ? [] : [{ op: 'resize', ...size, antialias: true }];
}

/**
 * Plans an augmentation run: split first (stratified, seeded), then the number of augmented copies of
 * each train original, then every output's name, seed and ops. Depends only on the scan and the options,
 * so every shard and every worker count computes the same plan. `scan.images` must be the images that
 * decode (see `checkDataset`): the split, the balance target and every count are computed over them.
 *
 * Copies are spread evenly over a class's train originals: each gets `floor(k / n)`, and the first `k mod n`
 * in the class's shuffled order (see `assignSplits`) one more.
 *
 * @param duplicates - groups of byte-identical images (see `checkDataset`): each group goes to one split
 * @example
 * const plan = planAugment(checked, options, checked.duplicates);
 */
export function planAugment(scan: DatasetScan, options: PlanOptions, duplicates: readonly (readonly string[])[] = []): AugmentPlan {
  const assignment = assignSplits(scan.images, options.split, options.seed, duplicateLeaders(duplicates));
  const trainCount = new Map<string, number>();
  for (const image of scan.images) {
    if (assignment.get(image.path)!.split === 'train') trainCount.set(image.className, (trainCount.get(image.className) ?? 0) + 1);
  }
  const largest = Math.max(0, ...trainCount.values());
  const balanceTarget = options.balance === false ? null : options.balance === true ? largest : options.balance;
  const augmented = (className: string) => options.classes === null || options.classes.includes(className);

  /** Copies for the train original at `rank` of a class with `n` train originals. */
  const copiesFor = (className: string, rank: number): number => {
    if (!augmented(className)) return 0;
    if (balanceTarget === null) return options.variants;
    const n = trainCount.get(className) ?? 0;
    const needed = Math.max(0, balanceTarget - n);
    if (n === 0) return 0;
    return Math.floor(needed / n) + (rank < needed % n ? 1 : 0);
  };

  const multi = options.recipes.length > 1;
  const roots = multi ? options.recipes.map((r) => r.name) : [''];
  const [first, end] = shardRange(scan.images.length, options.shard);
  const baseOps = baseOpsFor(options.size);
  const taken = new Set<string>();
  const sources = scan.images.map((image, index): PlannedSource => {
    const { split, rank } = assignment.get(image.path)!;
    const copies = split === 'train' ? copiesFor(image.className, rank) : 0;
    const folder = `${split}/${image.className}/`;
    const stem = stemWithinClass(image);
    // a rare clash (x.jpg next to x.png, or a file already named x_v1): the later source gets "-2", "-3" …
    let names: string[] = [];
    for (let n = 1; ; n++) {
      const base = `${folder}${stem}${n === 1 ? '' : `-${n}`}`;
      names = [`${base}.${options.format}`];
      for (let v = 1; v <= copies; v++) names.push(`${base}_v${v}.${options.format}`);
      if (names.every((name) => !taken.has(name.toLowerCase()))) break;
    }
    for (const name of names) taken.add(name.toLowerCase());
    const files: PlannedFile[] = [];
    const size = recipeInputSize(image, options.size);
    options.recipes.forEach((recipe, r) => {
      const root = roots[r]!;
      files.push({ root, file: names[0]!, recipe: recipe.name, variant: null, seed: null, ops: [] });
      for (let v = 1; v <= copies; v++) {
        const seed = deriveSeed(options.seed, image.path, v);
        files.push({ root, file: names[v]!, recipe: recipe.name, variant: v, seed, ops: recipe.pipeline.draw(seed, size) });
      }
    });
    return { image, split, baseOps, files, inShard: index >= first && index < end };
  });

  const classes = countClasses(scan.classes, sources, roots[0]!, augmented);
  return { roots, sources, classes, balanceTarget };
}

/**
 * Images per class and split, and augmented copies per class in one output root, of `sources`.
 *
 * @example
 * countClasses(['cat'], plan.sources, '', () => true); // [{ name: 'cat', images: 8, train: 6, … }]
 */
export function countClasses(
  names: readonly string[],
  sources: readonly PlannedSource[],
  root: string,
  augmented: (className: string) => boolean,
): ClassPlan[] {
  return names.map((name): ClassPlan => {
    const mine = sources.filter((s) => s.image.className === name);
    const count = (split: SplitName) => mine.filter((s) => s.split === split).length;
    const counts = { train: count('train'), val: count('val'), test: count('test') };
    const variants = mine.reduce((sum, s) => sum + s.files.filter((f) => f.variant !== null && f.root === root).length, 0);
    return { name, images: mine.length, ...counts, augmented: augmented(name), variants };
  });
}

/**
 * One line of `manifest.jsonl`: a written file and how it was made.
 *
 * @example
 * const [line] = (await readFile('augmented/manifest.jsonl', 'utf8')).split('\n');
 * const record: ManifestRecord = JSON.parse(line!);
 * // e.g. { file: 'train/cat/cat_02.png', source: 'cat/cat_02.jpg', class: 'cat', split: 'train', recipe: 'flips', variant: null, seed: null, applied: [], bytes: 86905, sha256: 'e34b…' }
 * const pixels = replay(decode(await readFile(join('data', record.source))), record.applied); // what was encoded into record.file
 */
export interface ManifestRecord {
  /** Relative to the output root. */
  readonly file: string;
  /** Relative to the input folder. */
  readonly source: string;
  readonly class: string;
  readonly split: SplitName;
  readonly recipe: string;
  readonly variant: number | null;
  readonly seed: number | null;
  /** Every op from the decoded source (EXIF orientation applied) to the written pixels: `replay(decode(source), applied)`. */
  readonly applied: readonly AppliedOp[];
  /** The written file's size in bytes and its sha256 (lower-case hex): what `augkit merge` checks. */
  readonly bytes: number;
  readonly sha256: string;
}

export function manifestRecord(source: PlannedSource, file: PlannedFile, written: { bytes: number; sha256: string }): ManifestRecord {
  return {
    file: file.file,
    source: source.image.path,
    class: source.image.className,
    split: source.split,
    recipe: file.recipe,
    variant: file.variant,
    seed: file.seed,
    applied: [...source.baseOps, ...file.ops],
    bytes: written.bytes,
    sha256: written.sha256,
  };
}
