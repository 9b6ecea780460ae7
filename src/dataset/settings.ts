import { availableParallelism } from 'node:os';
import { AugkitError, describe, invalidArgument } from '../errors.js';
import { checkJpegMode } from '../codecs/decode.js';
import type { JpegMode } from '../codecs/index.js';
import { checkKnownKeys } from '../knownKeys.js';
import type { Recipe } from '../pipeline/recipe.js';
import { checkBoolean, checkDimension, checkIntegerInRange, checkOptions, checkSeed } from '../validate.js';
import type { AugmentOptions } from './augment.js';
import { DEFAULT_CACHE_BYTES } from './baseCache.js';
import type { OutputFormat, PlanOptions } from './plan.js';
import { defaultRecipe } from './recipes.js';
import { ALL_TRAIN, checkSplit } from './split.js';

/** The checked options of an `augment` run, defaults filled in. */
export interface Settings extends PlanOptions {
  readonly workers: number;
  readonly quality: number;
  readonly pngLevel: number;
  readonly jpeg: JpegMode;
  readonly dryRun: boolean;
  readonly force: boolean;
  /** Bytes for decoded sources kept from the check to the write phase (0: none kept). */
  readonly cacheBytes: number;
  /** Options given that have no effect here (`quality` with PNG output …), as sentences. */
  readonly warnings: readonly string[];
}

const OPTION_KEYS = [
  'input',
  'out',
  'recipes',
  'variants',
  'classes',
  'balance',
  'split',
  'size',
  'seed',
  'workers',
  'shard',
  'format',
  'quality',
  'pngLevel',
  'jpeg',
  'force',
  'dryRun',
  'onProgress',
  'files',
  'cacheBytes',
] as const satisfies readonly (keyof AugmentOptions)[];

/** Worker threads beyond this many per core only add memory and start-up time. */
const WORKERS_PER_CORE = 2;

/** A recipe object as `loadRecipe` or `parseRecipe` return it; a file name or plain JSON is named as such. */
function checkRecipe(value: unknown, param: string): Recipe {
  if (typeof value === 'string') {
    throw new AugkitError(
      'INVALID_ARGUMENT',
      `Expected a recipe object for ${param} but received ${describe(value)}: recipes are loaded first, ` +
        `e.g. recipes: [await loadRecipe(${JSON.stringify(value)})]`,
    );
  }
  const recipe = value as Partial<Recipe> | null;
  if (typeof recipe !== 'object' || recipe === null || typeof recipe.name !== 'string' || typeof recipe.pipeline?.draw !== 'function') {
    throw new AugkitError(
      'INVALID_ARGUMENT',
      `Expected a recipe object (from loadRecipe or parseRecipe) for ${param} but received ${describe(value)}` +
        (typeof recipe === 'object' && recipe !== null && 'steps' in recipe ? ': pass recipe JSON through parseRecipe(json) first' : ''),
    );
  }
  return recipe as Recipe;
}

function checkRecipes(value: unknown): Recipe[] {
  if (value === undefined) return [defaultRecipe()];
  if (!Array.isArray(value) || value.length === 0) throw invalidArgument('recipes', 'a non-empty array of recipes', value);
  const recipes = value.map((r, i) => checkRecipe(r, `recipes[${i}]`));
  const names = new Set<string>();
  for (const recipe of recipes) {
    // folder names: "Flips" and "flips" would share a folder on a case-insensitive file system
    if (names.has(recipe.name.toLowerCase())) {
      throw new AugkitError('INVALID_ARGUMENT', `Expected recipes with different names but received "${recipe.name}" twice`);
    }
    names.add(recipe.name.toLowerCase());
  }
  return recipes;
}

/** A plain object with exactly the keys `known` (all required). */
function checkRecord(value: unknown, param: string, known: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidArgument(param, `an object { ${known.join(', ')} }`, value);
  }
  checkKnownKeys(value, known, param);
  return value as Record<string, unknown>;
}

function checkShard(value: unknown): Settings['shard'] {
  if (value === undefined) return null;
  const { index, count } = checkRecord(value, 'shard', ['index', 'count']);
  if (!Number.isSafeInteger(count) || (count as number) < 1) throw invalidArgument('shard.count', 'a positive integer', count);
  if (!Number.isSafeInteger(index) || (index as number) < 0 || (index as number) >= (count as number)) {
    throw invalidArgument('shard.index', `an integer 0..${(count as number) - 1}`, index);
  }
  return { index: index as number, count: count as number };
}

function checkFormat(value: unknown): OutputFormat {
  if (value === undefined || value === 'png') return 'png';
  if (value === 'jpg' || value === 'jpeg') return 'jpg';
  throw invalidArgument('format', '"png" or "jpg" (or "jpeg")', value);
}

/**
 * Checks the options of `augment`: unknown keys first (a typo is named with the closest option), then each
 * value's type and range, then combinations.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the option.
 * @example
 * checkSettings({ input: 'data', out: 'out', sizes: { width: 64, height: 64 } });
 * // AugkitError: Unknown option `sizes` for augment options: did you mean `size`? (known: …)
 */
export function checkSettings(options: AugmentOptions): Settings {
  const o = checkOptions(options, 'augment options');
  checkKnownKeys(o, OPTION_KEYS, 'augment options');
  if (typeof o.input !== 'string' || o.input === '') throw invalidArgument('input', 'a folder path', o.input);
  if (typeof o.out !== 'string' || o.out === '') throw invalidArgument('out', 'a folder path', o.out);
  const recipes = checkRecipes(o.recipes);
  if (o.balance !== undefined && o.variants !== undefined) {
    throw new AugkitError('INVALID_ARGUMENT', 'Expected either variants or balance but received both');
  }
  const variants = o.variants ?? 1;
  if (!Number.isSafeInteger(variants) || variants < 0) throw invalidArgument('variants', 'a non-negative integer', variants);
  const balance = o.balance ?? false;
  if (typeof balance !== 'boolean' && (!Number.isSafeInteger(balance) || balance < 1)) {
    throw invalidArgument('balance', 'true or a positive integer', balance);
  }
  if (o.classes !== undefined && (!Array.isArray(o.classes) || o.classes.some((c) => typeof c !== 'string'))) {
    throw invalidArgument('classes', 'an array of class names', o.classes);
  }
  const classes = o.classes === undefined ? null : [...o.classes];
  const split = o.split === undefined ? ALL_TRAIN : checkSplit(o.split);
  let size: Settings['size'] = null;
  if (o.size !== undefined) {
    const { width, height } = checkRecord(o.size, 'size', ['width', 'height']);
    size = { width: checkDimension(width, 'size.width'), height: checkDimension(height, 'size.height') };
  }
  const seed = checkSeed(o.seed ?? 0);
  const cores = availableParallelism();
  const workers = o.workers ?? cores;
  if (!Number.isSafeInteger(workers) || workers < 1) throw invalidArgument('workers', 'a positive integer', workers);
  const shard = checkShard(o.shard);
  const format = checkFormat(o.format);
  const quality = checkIntegerInRange(o.quality ?? 90, 'quality', 1, 100);
  const pngLevel = checkIntegerInRange(o.pngLevel ?? 1, 'pngLevel', 0, 9);
  const jpeg = checkJpegMode(o.jpeg ?? 'jpeg-js', 'jpeg');
  const dryRun = checkBoolean(o.dryRun ?? false, 'dryRun');
  const force = checkBoolean(o.force ?? false, 'force');
  const cacheBytes = o.cacheBytes ?? DEFAULT_CACHE_BYTES;
  if (!Number.isSafeInteger(cacheBytes) || cacheBytes < 0) throw invalidArgument('cacheBytes', 'a non-negative integer (bytes)', cacheBytes);
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw invalidArgument('onProgress', 'a function', o.onProgress);
  if (force && shard !== null) {
    throw new AugkitError(
      'INVALID_ARGUMENT',
      'Expected force without shard but received both: shards may share the output folder, so one must not ' +
        "delete the others' files; empty the folder first",
    );
  }
  const warnings: string[] = [];
  if (o.quality !== undefined && format === 'png') warnings.push(`quality ${quality} has no effect: it applies to JPEG output, and the format is png`);
  if (o.pngLevel !== undefined && format === 'jpg') warnings.push(`pngLevel ${pngLevel} has no effect: it applies to PNG output, and the format is jpg`);
  if (workers > WORKERS_PER_CORE * cores) {
    warnings.push(`${workers} workers on ${cores} core${cores === 1 ? '' : 's'}: threads beyond the cores add memory, not speed`);
  }
  return { recipes, variants, balance, classes, split, size, seed, format, shard, workers, quality, pngLevel, jpeg, dryRun, force, cacheBytes, warnings };
}
