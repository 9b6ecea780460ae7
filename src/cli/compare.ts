/** `augkit compare`: which recipe helps a small classifier on this data set. */
import { loadRecipe } from '../dataset/recipes.js';
import { parseSplit } from '../dataset/split.js';
import { AugkitError } from '../errors.js';
import type { Recipe } from '../pipeline/recipe.js';
import { compare, type CompareOptions } from '../training/compare.js';
import { formatCompare } from '../training/compareTable.js';
import { intFlag, parseArgs, sizeFlag, UsageError, type FlagSpec } from './args.js';

export const COMPARE_HELP = `augkit compare <input> --out <dir> --recipe <a.json> [--recipe <b.json>] [--recipe none] [options]

Which recipe helps? Splits <input> once (seeded, stratified, as augment does), then for every recipe and
repeat trains the same small CNN from the same initial weights on the train split, augmented on the fly
by the recipe ("none": not augmented), and scores it on the val split, never augmented. Prints accuracy
(mean ± half the min–max spread over repeats), per-class accuracy and training time; writes
<dir>/compare.json, <dir>/predictions.json (every model's val answers) and <dir>/compare.png (bar chart).
Needs @tensorflow/tfjs (npm install @tensorflow/tfjs); uses @tensorflow/tfjs-node when installed.

  --out <dir>            where the report goes (required)
  --recipe <file|none>   a recipe to compare; repeat for several (at least one)
  --split <spec>         e.g. train=0.8,val=0.2 (default); val must not be empty
  --size <WxH>           resize every image to W×H, at least 8x8 (default 32x32)
  --epochs <N>           training epochs per model (default 5)
  --repeats <K>          models per recipe, each from other initial weights (default 3)
  --seed <S>             seeds the split, the weights and the order (default 0)
  --batch-size <N>       training batch size (default 32)
  --balance              sample every class equally while training
  --workers <N>          decoding threads (default: cores − 1)
  --json                 print compare.json on stdout instead of the table
  -h, --help             this help`;

const COMPARE_FLAGS: Record<string, FlagSpec> = {
  out: { kind: 'string' },
  recipe: { kind: 'list' },
  split: { kind: 'string' },
  size: { kind: 'string' },
  epochs: { kind: 'string' },
  repeats: { kind: 'string' },
  seed: { kind: 'string' },
  'batch-size': { kind: 'string' },
  balance: { kind: 'boolean' },
  workers: { kind: 'string' },
  json: { kind: 'boolean' },
  help: { kind: 'boolean', short: 'h' },
};

async function recipeFlag(file: string): Promise<Recipe | 'none'> {
  if (file === 'none') return 'none';
  try {
    return await loadRecipe(file);
  } catch (e) {
    if (e instanceof AugkitError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * Runs `augkit compare` on its arguments (after the command name) and returns the exit code: 0, or 2
 * for a usage error (thrown, for main to print).
 *
 * @example
 * process.exitCode = await runCompare(['data', '--out', 'cmp', '--recipe', 'none', '--recipe', 'flips.json']);
 */
export async function runCompare(argv: readonly string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv, COMPARE_FLAGS);
  const text = (name: string) => flags.get(name) as string | undefined;
  if (flags.has('help')) {
    process.stdout.write(`${COMPARE_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <input> folder' : `unexpected argument "${positionals[1]}"`);
  const out = text('out');
  if (out === undefined) throw new UsageError('missing --out <dir>');
  const files = (flags.get('recipe') as string[] | undefined) ?? [];
  if (files.length === 0) throw new UsageError('missing --recipe: name at least one recipe file, or none');
  const options: CompareOptions = { input: positionals[0]!, out, recipes: await Promise.all(files.map(recipeFlag)) };
  if (flags.has('split')) options.split = parseSplit(text('split')!);
  if (flags.has('size')) options.size = sizeFlag(text('size')!, '--size');
  if (flags.has('epochs')) options.epochs = intFlag(text('epochs')!, '--epochs', 1, 1000);
  if (flags.has('repeats')) options.repeats = intFlag(text('repeats')!, '--repeats', 1, 100);
  if (flags.has('seed')) options.seed = intFlag(text('seed')!, '--seed', 0);
  if (flags.has('batch-size')) options.batchSize = intFlag(text('batch-size')!, '--batch-size', 1, 65536);
  if (flags.has('workers')) options.workers = intFlag(text('workers')!, '--workers', 0, 256);
  options.balance = flags.has('balance');
  options.onWarning = (message) => process.stderr.write(`augkit: warning: ${message}\n`);
  options.onRun = (r) =>
    process.stderr.write(`compare ${r.done}/${r.total}: ${r.recipe}, repeat ${r.repeat + 1}: val accuracy ${(r.accuracy * 100).toFixed(1)}% (${r.seconds.toFixed(1)} s training)\n`);
  const report = await compare(options);
  process.stdout.write(`${flags.has('json') ? JSON.stringify(report, null, 2) : `${formatCompare(report)}\n\nwrote ${out}/compare.json, predictions.json, compare.png`}\n`);
  return 0;
}
