/**
 * The `augkit` command: augment, preview, inspect. Exit codes: 0 all good, 1 some inputs skipped as
 * bad (unreadable images), 2 usage errors (bad flags, bad recipe, input/output problems found before
 * starting), 3 the run failed (a file could not be written, an internal error).
 */
import { readFileSync, statSync } from 'node:fs';
import { augment, type AugmentOptions } from '../dataset/augment.js';
import { inspect } from '../dataset/inspect.js';
import { preview } from '../dataset/preview.js';
import { defaultRecipe, loadRecipe } from '../dataset/recipes.js';
import { parseSplit } from '../dataset/split.js';
import { AugkitError } from '../errors.js';
import type { Recipe } from '../pipeline/recipe.js';
import { intFlag, parseArgs, sizeFlag, UsageError, type FlagSpec } from './args.js';
import { JOB_FLAGS, jpegFlag } from './jobFlags.js';
import { runCompare } from './compare.js';
import { formatInspect } from './report.js';
import { reportAugment, runMerge, runPlan, runPlannedAugment, SCALE_OUT_FLAGS, shardOption } from './scaleOut.js';

const HELP = `augkit — image augmentation for classifier training sets

Usage:
  augkit augment <input> --out <dir> [options]   build train/val/test folders with augmented copies
  augkit plan <input> --out <plan.json> [options]  scan and plan once, for shards (docs/scale-out.md)
  augkit merge <dir>                              check the shards' outputs, merge their manifests
  augkit preview <image> --out <sheet.png|.jpg> [options]   contact sheet of a recipe's variants
  augkit inspect <input> [--json]                 classes, counts, sizes, formats, unreadable files
  augkit compare <input> --out <dir> --recipe …   which recipe helps: train a small CNN per recipe

<input> holds one folder per class: <input>/<class>/**/* (PNG or JPEG, recognised by content).
Run "augkit <command> --help" for the options of a command.

Exit codes: 0 ok, 1 some inputs skipped as unreadable, 2 usage error, 3 the run failed.`;

const AUGMENT_HELP = `augkit augment <input> --out <dir> [options]

Splits each class (seeded, stratified) into train/val/test first; val and test are written resized
only; train gets every original plus augmented copies. Writes <out>/{train,val,test}/<class>/… with one
recipe, <out>/<recipe name>/{train,val,test}/<class>/… with several, and per output root a
manifest.jsonl (the files written) and a skipped.jsonl (the input files not used, and why).

  --out <dir>            output folder (required); must not overlap <input>; an earlier run of the
                         same job there is resumed, another job there is refused
  --force                delete an earlier augkit run in <out> (its train/val/test folders, manifests,
                         skipped lists and job record; nothing else) and start over; not with --shard
  --recipe <file.json>   recipe to apply; repeat for several (default: flip 0.5, rotation ±20°,
                         salt-and-pepper 0–5% p=0.3)
  --variants <N>         augmented copies per train original (default 1)
  --classes <a,b>        augment only these classes; the others are copied through
  --balance [N]          augment each class up to the largest class's train count, or to N
  --split <spec>         e.g. train=0.7,val=0.15,test=0.15 (default: everything in train)
  --size <WxH>           resize every output to W×H first (antialiased; default: keep sizes)
  --seed <S>             global seed, an integer (default 0)
  --workers <N>          worker threads (default: available cores)
  --cache-mb <MB>        memory for sources kept decoded (and resized) from the decode check to the writes,
                         so each is decoded once (default 512; beyond it, or with 0, a source is decoded
                         again when written; the output is the same either way)
  --shard <K/N|auto>     process only part K of N (0-based); N shard runs together equal one full run;
                         auto: K and N from the batch engine (docs/scale-out.md)
  --shards <N>           N for --shard auto where the engine does not set it (Kubernetes, AWS Batch);
                         with Slurm, the array task ID is then K (re-run any subset: --array=3,5)
  --only-missing         with --plan: do nothing if this shard is complete already
  --plan <plan.json>     execute a plan from augkit plan: no scan; <input> optional (the planned one)
  --files <list.txt>     read the sources from a list (paths relative to <input>) instead of walking it
  --format <png|jpg>     output format (default png); jpeg is accepted as jpg
  --quality <1-100>      JPEG quality (default 90; a warning with png)
  --png-level <0-9>      PNG zlib level (default 1; a warning with jpg)
  --jpeg <jpeg-js|libjpeg>  how JPEG sources decode: jpeg-js's pixels (default) or libjpeg-turbo's,
                         as Pillow, OpenCV and torchvision decode them (docs/codecs.md)
  --json                 print a machine-readable summary on stdout
  --dry-run              decode-check and plan, run the checks on <out> (refusal, resume, already
                         complete) and report; write nothing

Every source is decoded once before planning, so the split, --balance and every count are over images
that decode; byte-identical images are kept in one split. Each output root gets every class folder in
every split (empty if need be) and a classes.json: {"classes": [...]}, a class's label is its index.
  -h, --help             this help`;

const PREVIEW_HELP = `augkit preview <image> --out <sheet.png> [options]

Writes a contact sheet: the original and N variants under a recipe, each captioned with its seed
and applied parameters.

  --out <sheet.png>      where to write the sheet (required): PNG, or JPEG for a .jpg/.jpeg name
  --recipe <file.json>   the recipe (default: the built-in default recipe)
  -n, --count <N>        variants (default 16)
  --seed <S>             seed (default 0); variant i uses deriveSeed(S, 'preview', i)
  --size <WxH>           resize the image first, as augment --size does
  --tile <px>            thumbnail box size, 64..1024 (default 200)
  --jpeg <jpeg-js|libjpeg>  how a JPEG decodes, as augment --jpeg
  --json                 print the variants' seeds and applied ops as JSON
  -h, --help             this help`;

const INSPECT_HELP = `augkit inspect <input> [options]

Lists classes, image counts, formats and sizes, and the files augment would skip (hidden files,
non-images, files outside class folders, unreadable images). Decodes every image to find broken ones,
and lists byte-identical images and near-duplicates (64-bit dHash at most 8 bits apart).

  --workers <N>          worker threads (default: available cores)
  --json                 print a machine-readable summary on stdout
  -h, --help             this help`;

const AUGMENT_FLAGS: Record<string, FlagSpec> = {
  out: { kind: 'string' },
  ...JOB_FLAGS,
  workers: { kind: 'string' },
  'cache-mb': { kind: 'string' },
  shard: { kind: 'string' },
  json: { kind: 'boolean' },
  'dry-run': { kind: 'boolean' },
  force: { kind: 'boolean' },
  ...SCALE_OUT_FLAGS,
  help: { kind: 'boolean', short: 'h' },
};

/** The largest `--cache-mb`: 1 TiB. */
const MAX_CACHE_MB = 2 ** 20;

const PREVIEW_FLAGS: Record<string, FlagSpec> = {
  out: { kind: 'string' },
  recipe: { kind: 'string' },
  count: { kind: 'string', short: 'n' },
  seed: { kind: 'string' },
  size: { kind: 'string' },
  tile: { kind: 'string' },
  jpeg: { kind: 'string' },
  json: { kind: 'boolean' },
  help: { kind: 'boolean', short: 'h' },
};

const INSPECT_FLAGS: Record<string, FlagSpec> = {
  workers: { kind: 'string' },
  json: { kind: 'boolean' },
  help: { kind: 'boolean', short: 'h' },
};

function one(positionals: readonly string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`missing ${what}`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  return positionals[0]!;
}

const str = (flags: Map<string, unknown>, name: string) => flags.get(name) as string | undefined;

async function loadRecipes(files: readonly string[]): Promise<Recipe[]> {
  const recipes: Recipe[] = [];
  for (const file of files) {
    try {
      recipes.push(await loadRecipe(file));
    } catch (e) {
      // a recipe that cannot be read or does not validate is a usage error
      if (e instanceof AugkitError) throw new UsageError(e.message);
      throw e;
    }
  }
  return recipes;
}

function seedFlag(value: string | undefined): number {
  return value === undefined ? 0 : intFlag(value, '--seed', 0);
}

async function runAugment(argv: readonly string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv, AUGMENT_FLAGS);
  if (flags.has('help')) return print(AUGMENT_HELP, 0);
  if (flags.has('plan')) return runPlannedAugment(positionals, flags);
  if (flags.has('only-missing')) throw new UsageError('--only-missing goes with --plan (a shard of a plan that is complete already does nothing)');
  const input = one(positionals, '<input> folder');
  const out = str(flags, 'out');
  if (out === undefined) throw new UsageError('missing --out <dir>');
  const options = await augmentOptionsOf(input, out, flags);
  options.dryRun = flags.has('dry-run');
  if (flags.has('cache-mb')) options.cacheBytes = intFlag(str(flags, 'cache-mb')!, '--cache-mb', 0, MAX_CACHE_MB) * 2 ** 20;
  if (flags.has('force') && flags.has('shard')) {
    throw new UsageError('--force cannot be combined with --shard: shards may share <out>; empty it first, then run the shards');
  }
  options.force = flags.has('force');
  return reportAugment((onProgress) => augment({ ...options, onProgress }), flags.has('json'));
}

/** The augment options the flags give: those `augkit plan` records, and the workers and the shard. */
async function augmentOptionsOf(input: string, out: string, flags: Map<string, unknown>): Promise<AugmentOptions> {
  const options: AugmentOptions = { input, out, seed: seedFlag(str(flags, 'seed')) };
  const recipeFiles = (flags.get('recipe') as string[] | undefined) ?? [];
  if (recipeFiles.length > 0) options.recipes = await loadRecipes(recipeFiles);
  if (flags.has('variants') && flags.has('balance')) throw new UsageError('--variants and --balance cannot be combined');
  if (flags.has('variants')) options.variants = intFlag(str(flags, 'variants')!, '--variants', 0);
  const balance = flags.get('balance');
  if (balance !== undefined) options.balance = balance === true ? true : intFlag(balance as string, '--balance', 1);
  if (flags.has('classes')) {
    options.classes = str(flags, 'classes')!
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== '');
  }
  if (flags.has('split')) options.split = parseSplit(str(flags, 'split')!);
  if (flags.has('size')) options.size = sizeFlag(str(flags, 'size')!, '--size');
  if (flags.has('workers')) options.workers = intFlag(str(flags, 'workers')!, '--workers', 1, 1024);
  if (flags.has('shard')) options.shard = shardOption(flags);
  if (flags.has('files')) options.files = str(flags, 'files')!;
  if (flags.has('format')) {
    const format = str(flags, 'format')!.toLowerCase();
    if (format !== 'png' && format !== 'jpg' && format !== 'jpeg') throw new UsageError(`--format expects png or jpg, not "${format}"`);
    options.format = format === 'png' ? 'png' : 'jpg';
  }
  if (flags.has('quality')) options.quality = intFlag(str(flags, 'quality')!, '--quality', 1, 100);
  if (flags.has('png-level')) options.pngLevel = intFlag(str(flags, 'png-level')!, '--png-level', 0, 9);
  if (flags.has('jpeg')) options.jpeg = jpegFlag(str(flags, 'jpeg')!);
  return options;
}

async function runPreview(argv: readonly string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv, PREVIEW_FLAGS);
  if (flags.has('help')) return print(PREVIEW_HELP, 0);
  const image = one(positionals, '<image>');
  const info = statSync(image, { throwIfNoEntry: false });
  if (info === undefined) throw new UsageError(`no such file: ${image}`);
  if (info.isDirectory()) throw new UsageError(`${image} is a folder: preview takes one image file, e.g. ${image.replace(/\/+$/, '')}/<name>.jpg`);
  const out = str(flags, 'out');
  if (out === undefined) throw new UsageError('missing --out <sheet.png>');
  const recipeFile = str(flags, 'recipe');
  const recipe = recipeFile === undefined ? defaultRecipe() : (await loadRecipes([recipeFile]))[0]!;
  const result = await preview({
    image,
    out,
    recipe,
    seed: seedFlag(str(flags, 'seed')),
    ...(flags.has('count') && { count: intFlag(str(flags, 'count')!, '--count', 1, 256) }),
    ...(flags.has('size') && { size: sizeFlag(str(flags, 'size')!, '--size') }),
    ...(flags.has('tile') && { tile: intFlag(str(flags, 'tile')!, '--tile', 64, 1024) }),
    ...(flags.has('jpeg') && { jpeg: jpegFlag(str(flags, 'jpeg')!) }),
  });
  if (flags.has('json')) print(JSON.stringify(result, null, 2), 0);
  else print(`wrote ${result.out}: ${result.width}×${result.height}, the original and ${result.variants.length} variants of ${image} (${recipe.name})`, 0);
  return 0;
}

async function runInspect(argv: readonly string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv, INSPECT_FLAGS);
  if (flags.has('help')) return print(INSPECT_HELP, 0);
  const input = one(positionals, '<input> folder');
  const summary = await inspect(input, {
    ...(flags.has('workers') && { workers: intFlag(str(flags, 'workers')!, '--workers', 1, 1024) }),
  });
  print(flags.has('json') ? JSON.stringify(summary, null, 2) : formatInspect(summary), 0);
  return summary.bad > 0 ? 1 : 0;
}

function print(text: string, code: number): number {
  process.stdout.write(`${text}\n`);
  return code;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'augment':
        return await runAugment(rest);
      case 'plan':
        return await runPlan(rest, augmentOptionsOf);
      case 'merge':
        return await runMerge(rest);
      case 'preview':
        return await runPreview(rest);
      case 'inspect':
        return await runInspect(rest);
      case 'compare':
        return await runCompare(rest);
      case '--version':
      case '-v':
        return print(version(), 0);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        return print(HELP, command === undefined ? 2 : 0);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    const help = ['augment', 'plan', 'merge', 'preview', 'inspect', 'compare'].includes(command!) ? `augkit ${command} --help` : 'augkit --help';
    if (e instanceof UsageError || (e instanceof AugkitError && e.code === 'INVALID_ARGUMENT')) {
      process.stderr.write(`augkit: ${e.message}\n(see ${help})\n`);
      return 2;
    }
    if (e instanceof AugkitError && command === 'preview' && e.code !== 'IO_ERROR' && e.code !== 'INTERNAL') {
      process.stderr.write(`augkit: cannot preview ${rest[0]}: ${e.code}: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`augkit: ${e instanceof AugkitError ? `${e.code}: ${e.message}` : String((e as Error)?.stack ?? e)}\n`);
    return 3;
  }
}

