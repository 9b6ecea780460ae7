import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodePng } from '../codecs/index.js';
import { flowFromDirectory, type FlowOptions } from '../dataset/flow.js';
import { checkSplit, type SplitFractions } from '../dataset/split.js';
import { AugkitError, invalidArgument } from '../errors.js';
import { checkKnownKeys } from '../knownKeys.js';
import type { Recipe } from '../pipeline/recipe.js';
import { deriveSeed } from '../pipeline/seed.js';
import { checkDimension, checkIntegerInRange, checkOptions, checkSeed } from '../validate.js';
import { smallCnn } from './classifier.js';
import { compareChart } from './compareChart.js';
import { scoreRuns, type CompareRun, type RecipeScore } from './compareScore.js';
import { loadTf, type Tf } from './loadTf.js';
import { tfDataset } from './tfDataset.js';

/**
 * The options of {@link compare}: the data set `input`, the `out` folder and the `recipes` (required); the
 * split, image size, epochs, repeats, seed, batch size, balancing, workers, the TensorFlow.js module and callbacks.
 *
 * @example
 * const options: CompareOptions = {
 *   input: 'digits', out: 'cmp', recipes: ['none', await loadRecipe('flips.json')],
 *   size: { width: 28, height: 28 }, epochs: 5, repeats: 3, seed: 1,
 *   onRun: ({ recipe, repeat, accuracy }) => console.log(recipe, repeat, accuracy.toFixed(3)),
 * };
 * const report = await compare(options);
 */
export interface CompareOptions {
  /** A class-per-folder data set. */
  input: string;
  /** Where compare.json, predictions.json and compare.png go (created if need be). */
  out: string;
  /** The recipes to compare; 'none' trains without augmentation. */
  recipes: readonly (Recipe | 'none')[];
  /** The one stratified split every recipe shares (default train 0.8, val 0.2); val must not be empty. */
  split?: { train?: number; val?: number; test?: number };
  /** Images are resized to this, at least 8×8 (default 32×32). */
  size?: { width: number; height: number };
  /** Training epochs per model, 1..1000 (default 5). */
  epochs?: number;
  /** Models per recipe, each from its own initial weights (the same for every recipe), 1..100 (default 3). */
  repeats?: number;
  /** Seeds the split, the initial weights and the training order (default 0). */
  seed?: number;
  /** Training batch size (default 32). */
  batchSize?: number;
  /** Train with the flow's class-balancing sampler (default false). */
  balance?: boolean;
  /** Flow worker threads (default: cores − 1). */
  workers?: number;
  /** The TensorFlow.js module (default {@link loadTf}). */
  tf?: Tf;
  /** Called after each trained and scored model. */
  onRun?: (run: { recipe: string; repeat: number; accuracy: number; seconds: number; done: number; total: number }) => void;
  /** Warnings of the flows (a class with no val image …); default `process.emitWarning`. */
  onWarning?: (message: string) => void;
}

/**
 * What `compare` found, as written to compare.json.
 *
 * @example
 * const report: CompareReport = await compare({ input: 'digits', out: 'cmp', recipes: ['none', await loadRecipe('flips.json')] });
 * for (const { name, accuracy } of report.recipes) console.log(name, accuracy.mean.toFixed(3));
 * console.log(formatCompare(report)); // the same as a table
 */
export interface CompareReport {
  readonly recipes: readonly RecipeScore[];
  readonly split: SplitFractions;
  readonly seed: number;
  readonly epochs: number;
  readonly repeats: number;
  readonly size: { readonly width: number; readonly height: number };
  readonly classes: readonly string[];
  /** Images per class in train and val. */
  readonly counts: { readonly train: readonly number[]; readonly val: readonly number[] };
}

const KNOWN: readonly (keyof CompareOptions)[] = ['input', 'out', 'recipes', 'split', 'size', 'epochs', 'repeats', 'seed', 'batchSize', 'balance', 'workers', 'tf', 'onRun', 'onWarning'];

function recipeName(recipe: Recipe | 'none'): string {
  return recipe === 'none' ? 'none' : recipe.name;
}

function checkRecipes(value: unknown): readonly (Recipe | 'none')[] {
  if (!Array.isArray(value) || value.length === 0) throw invalidArgument('options.recipes', "a non-empty array of recipes (or 'none')", value);
  value.forEach((r, i) => {
    if (r !== 'none' && typeof (r as Recipe)?.pipeline?.draw !== 'function') {
      throw invalidArgument(`options.recipes[${i}]`, "a recipe (from parseRecipe or loadRecipe) or 'none'", r);
    }
    const name = recipeName(r as Recipe | 'none');
    if (value.findIndex((other) => recipeName(other as Recipe | 'none') === name) !== i) {
      throw new AugkitError('INVALID_ARGUMENT', `options.recipes[${i}]: the name "${name}" is already used by another recipe; names label the results`);
    }
  });
  return value as (Recipe | 'none')[];
}

/**
 * Which recipe helps? Trains the same small CNN (conv 3×3 ×8 → pool → conv 3×3 ×16 → pool → dense 32 → softmax) on one shared stratified split once per
 * recipe and repeat — the same initial weights and training order per repeat for every recipe, the train
 * subset augmented on the fly by the recipe (a fresh draw every epoch) — and scores every model on the
 * untouched val subset. Writes `<out>/compare.json` (the report), `<out>/predictions.json` (every run's
 * val answers, train set and val-input hash, from which the report can be recomputed) and
 * `<out>/compare.png` (a bar chart of overall and per-class accuracy).
 *
 * @throws {AugkitError} INVALID_ARGUMENT for bad options (or naming `@tensorflow/tfjs` when it is missing).
 * @example
 * const report = await compare({ input: 'digits', out: 'cmp', recipes: ['none', await loadRecipe('flips.json')], epochs: 5, repeats: 3 });
 * console.log(formatCompare(report));
 */
export async function compare(options: CompareOptions): Promise<CompareReport> {
  const o = checkOptions(options);
  checkKnownKeys(o, KNOWN, 'compare options');
  if (typeof o.input !== 'string') throw invalidArgument('options.input', 'a folder path', o.input);
  if (typeof o.out !== 'string') throw invalidArgument('options.out', 'a folder path', o.out);
  const recipes = checkRecipes(o.recipes);
  const split = checkSplit(o.split ?? { train: 0.8, val: 0.2 }, 'options.split');
  if (split.val === 0 || split.train === 0) throw invalidArgument('options.split', 'train and val fractions above 0', o.split);
  const size = o.size ?? { width: 32, height: 32 };
  const width = checkDimension(size.width, 'options.size.width');
  const height = checkDimension(size.height, 'options.size.height');
  if (width < 8 || height < 8) throw invalidArgument('options.size', 'at least 8×8 (the CNN pools twice)', `${width}×${height}`);
  const epochs = checkIntegerInRange(o.epochs ?? 5, 'options.epochs', 1, 1000);
  const repeats = checkIntegerInRange(o.repeats ?? 3, 'options.repeats', 1, 100);
  const seed = checkSeed(o.seed ?? 0, 'options.seed');
  const tf = o.tf ?? (await loadTf());
  await tf.ready();

  const shared: FlowOptions = {
    size: { width, height },
    split,
    splitSeed: seed,
    batchSize: checkIntegerInRange(o.batchSize ?? 32, 'options.batchSize', 1, 65536),
    ...(o.workers !== undefined && { workers: o.workers }),
    ...(o.onWarning !== undefined && { onWarning: o.onWarning }),
  };
  const valFlow = flowFromDirectory(o.input, { ...shared, subset: 'val', shuffle: false, classMode: 'none' });
  const { classNames: classes, counts: valCounts } = await valFlow.info();
  const { counts: trainCounts } = await flowFromDirectory(o.input, { ...shared, subset: 'train', onWarning: () => {} }).info();
  const runs: CompareRun[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const repeatSeed = deriveSeed(seed, 'compare', repeat);
    for (const recipe of recipes) {
      const train = new Set<string>();
      const ds = await tfDataset(o.input, {
        ...shared,
        tf,
        subset: 'train',
        seed: repeatSeed,
        balance: o.balance ?? false,
        ...(recipe !== 'none' && { recipe }),
        onWarning: () => {}, // reported once, by the val flow's scan
        onBatch: (batch) => batch.paths.forEach((p) => train.add(p)),
      });
      const model = smallCnn(tf, { width, height, channels: 3, classes: classes.length }, repeatSeed % 2 ** 31);
      const started = performance.now();
      await model.fitDataset(ds, { epochs, verbose: 0 });
      const seconds = (performance.now() - started) / 1000;
      const hash = createHash('sha256');
      const predictions: CompareRun['predictions'][number][] = [];
      for await (const batch of valFlow) {
        hash.update(new Uint8Array(batch.images.buffer, batch.images.byteOffset, batch.images.byteLength));
        const predicted = tf.tidy(() => (model.predict(tf.tensor4d(batch.images, [...batch.shape])) as ReturnType<Tf['tensor2d']>).argMax(1).dataSync());
        batch.paths.forEach((path, i) => predictions.push({ path, label: batch.labels[i]!, predicted: predicted[i]! }));
      }
      model.dispose();
      const run: CompareRun = { recipe: recipeName(recipe), repeat, seconds, train: [...train].sort(), valInput: hash.digest('hex'), predictions };
      runs.push(run);
      const correct = predictions.filter((p) => p.predicted === p.label).length;
      o.onRun?.({ recipe: run.recipe, repeat, accuracy: correct / Math.max(1, predictions.length), seconds, done: runs.length, total: repeats * recipes.length });
    }
  }
  await valFlow.close();
  const report: CompareReport = {
    recipes: scoreRuns(runs, classes),
    split,
    seed,
    epochs,
    repeats,
    size: { width, height },
    classes,
    counts: { train: trainCounts, val: valCounts },
  };
  await mkdir(o.out, { recursive: true });
  await writeFile(join(o.out, 'compare.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(o.out, 'predictions.json'), `${JSON.stringify({ classes, runs })}\n`);
  await writeFile(join(o.out, 'compare.png'), encodePng(compareChart(report)));
  return report;
}
