import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, basename } from 'node:path';
import type { JpegMode } from '../codecs/index.js';
import { AugkitError, invalidArgument } from '../errors.js';
import { recipeToJSON, type Recipe } from '../pipeline/recipe.js';
import { BaseCache } from './baseCache.js';
import { checkSources } from './check.js';
import { scanFileList } from './fileList.js';
import { ioError, isInside, realPathOrPlanned, removeStaleTemps, tempTarget, writeFileAtomic } from './files.js';
import {
  baseOpsFor,
  countClasses,
  manifestRecord,
  planAugment,
  recipeInputSize,
  shardRange,
  type AugmentPlan,
  type ClassPlan,
  type OutputFormat,
  type PlannedSource,
} from './plan.js';
import { type TaskPool, withTaskPool } from './pool.js';
import { byCodeUnits, scanDataset, type DatasetScan, type SkippedFile, type SourceImage } from './scan.js';
import { checkSettings, type Settings } from './settings.js';
import { SPLIT_NAMES, type SplitFractions, type SplitName } from './split.js';
import type { AugmentTask, TaskResult, WrittenFile } from './task.js';

/**
 * The options of {@link augment}: the `input` folder and `out` (required); the recipes, copies per original
 * (`variants`) or `balance`, the `split`, the output `size`, `format` and quality; the seed, worker threads,
 * a `shard`, and whether to start over (`force`) or only plan (`dryRun`).
 *
 * @example
 * const options: AugmentOptions = {
 *   input: 'data',
 *   out: 'augmented',
 *   recipes: [await loadRecipe('flips.json')],
 *   variants: 2,
 *   split: { train: 0.8, val: 0.2, test: 0 },
 *   size: { width: 224, height: 224 },
 *   format: 'jpg',
 *   quality: 90,
 *   seed: 1,
 * };
 * const summary = await augment(options);
 */
export interface AugmentOptions {
  /** The data set: one sub-folder per class. Never written to. */
  input: string;
  /** Where to write; must not contain `input` nor lie inside it. */
  out: string;
  /** Recipes (see `loadRecipe`); several give one output folder per recipe name. Default: {@link defaultRecipe}. */
  recipes?: readonly Recipe[];
  /** Augmented copies per train original (default 1); not with `balance`. */
  variants?: number;
  /** Augment only these classes; the others are copied through. Default: all. */
  classes?: readonly string[];
  /** `true`: augment each class up to the largest class's train count; a number: up to that many. */
  balance?: boolean | number;
  /** Fractions per split, e.g. `{ train: 0.7, val: 0.15, test: 0.15 }`. Default: everything in train. */
  split?: Partial<SplitFractions>;
  /** Resize every output to width × height first (antialiased). Default: keep sizes. */
  size?: { width: number; height: number };
  /** The global seed (default 0). */
  seed?: number;
  /** Worker threads (default: available cores). */
  workers?: number;
  /** Process only shard `index` (0-based) of `count`. */
  shard?: { index: number; count: number };
  /** Output format (default 'png'); 'jpeg' is accepted as 'jpg'. */
  format?: OutputFormat | 'jpeg';
  /** JPEG quality 1..100 (default 90). */
  quality?: number;
  /** PNG zlib level 0..9 (default 1, as OpenCV: fastest, files about 10 % larger than at 6). */
  pngLevel?: number;
  /**
   * How JPEG sources are decoded (see `decode`): `'jpeg-js'` (default) or `'libjpeg'`, the pixels Pillow,
   * OpenCV and torchvision see.
   */
  jpeg?: JpegMode;
  /**
   * Start over when `out` holds an earlier augkit run (of this job or another): first delete what that run
   * wrote — its `train`/`val`/`test` folders, manifests and skipped lists, per output root, and
   * `.augkit-job.json` — and nothing else. A folder with files but no `.augkit-job.json` is still refused, and
   * nothing inside `input` is ever deleted. Not with `shard` (shards may share `out`). Default false: the same
   * job resumes, another job is refused.
   */
  force?: boolean;
  /**
   * Check, plan and report, write nothing: the same checks as a real run (the source images are decoded, an
   * output folder that would be refused is refused, an earlier run of the same job is counted as resumed).
   */
  dryRun?: boolean;
  /** Called after each source is checked (phase 'check': every source) and after each is written ('write': this shard). */
  onProgress?: (progress: AugmentProgress) => void;
  /** A text file listing the sources, one path relative to `input` a line, instead of walking `input` (see `scanFileList`). */
  files?: string;
  /**
   * Memory in bytes for sources the decode check keeps, decoded and resized, so the write phase does not decode
   * them again (default 512 MiB; 0 keeps none). Sources beyond it are decoded again
   * when written; the output is the same either way.
   */
  cacheBytes?: number;
}

/**
 * What `onProgress` of {@link AugmentOptions} receives: the phase, the sources done of the total, the files
 * written and the time elapsed.
 *
 * @example
 * const onProgress = ({ phase, done, total, written }: AugmentProgress) =>
 *   process.stderr.write(`\r${phase} ${done}/${total}, ${written} files written`);
 * await augment({ input: 'data', out: 'augmented', onProgress });
 */
export interface AugmentProgress {
  /** 'check': decoding every source before planning; 'write': making this shard's outputs. */
  readonly phase: 'check' | 'write';
  /** Sources processed so far and in total in this phase. */
  readonly done: number;
  readonly total: number;
  /** Files written so far. */
  readonly written: number;
  readonly elapsedMs: number;
}

/**
 * Files per output root, split and class.
 *
 * @example
 * const { outputs } = await augment({ input: 'data', out: 'augmented', recipes: [await loadRecipe('flips.json')] });
 * outputs['']?.train['cat']; // e.g. { originals: 6, variants: 6 }: one recipe writes into `out` itself ('')
 */
export type OutputCounts = Record<string, Record<SplitName, Record<string, { originals: number; variants: number }>>>;

/**
 * What {@link augment} (and {@link augmentFromPlan}) returns: the options it ran with, the images per class
 * and split, the files planned, written and found already there, what was skipped or duplicated, warnings,
 * the lists written and the timing.
 *
 * @example
 * const summary: AugmentSummary = await augment({ input: 'data', out: 'augmented', split: { train: 0.8, val: 0.2, test: 0 } });
 * console.log(`${summary.written} files in ${summary.seconds.toFixed(1)} s, ${summary.bad} bad images`);
 * for (const { name, train, val, variants } of summary.classes) console.log(name, train, val, variants);
 * for (const warning of summary.warnings) console.warn(warning);
 */
export interface AugmentSummary {
  readonly input: string;
  readonly out: string;
  readonly seed: number;
  readonly recipes: readonly string[];
  readonly shard: { index: number; count: number } | null;
  readonly workers: number;
  readonly dryRun: boolean;
  /** What `out` held: no earlier run, an earlier run of this job (resumed), or one deleted first (`force`). */
  readonly earlierRun: 'none' | 'resumed' | 'deleted';
  /**
   * Images per class and split (the whole data set, every shard), over the images that decode; in the order of
   * the class list, which `classes.json` records (a class's label is its index).
   */
  readonly classes: readonly ClassPlan[];
  readonly balanceTarget: number | null;
  /** Output roots ('' is `out` itself) with their files per split and class (this shard). */
  readonly outputs: OutputCounts;
  /** Source images this run processed (its shard), and files it planned, wrote and found complete already. */
  readonly sources: number;
  readonly planned: number;
  readonly written: number;
  readonly existing: number;
  /** Files not used: hidden, non-images, outside class folders, unreadable or not decodable (`bad`). */
  readonly skipped: readonly SkippedFile[];
  /** Groups of byte-identical source images (sorted paths); each group was put in one split. */
  readonly duplicates: readonly (readonly string[])[];
  /** Things that are probably not what was meant: a split without any image of a class, options without effect … */
  readonly warnings: readonly string[];
  /** How many of `skipped` are bad images (exit code 1 in the CLI). */
  readonly bad: number;
  readonly manifests: readonly string[];
  /** The skipped lists written next to the manifests (`skipped.jsonl`: one `SkippedFile` a line). */
  readonly skippedLists: readonly string[];
  /** The class lists written next to the manifests (`classes.json`: `{ "classes": [...] }`, index = label). */
  readonly classLists: readonly string[];
  readonly seconds: number;
  /** Of `seconds`, the time spent decoding every source before planning. */
  readonly checkSeconds: number;
  /** Files written per second of wall time. */
  readonly imagesPerSecond: number;
}

/** The job record in an output folder: what identifies the job, for resuming it (see `jobDescription`). */
export const JOB_FILE = '.augkit-job.json';

/** What identifies a job: everything that decides the output bytes (not workers, not the shard). */
export function jobDescription(settings: Settings, sources: readonly { path: string; bytes: number }[]): string {
  const listing = createHash('sha256');
  for (const s of sources) listing.update(`${s.path}\t${s.bytes}\n`);
  const job = {
    job: 'augkit augment',
    version: 1,
    seed: settings.seed,
    split: settings.split,
    size: settings.size,
    format: settings.format,
    quality: settings.format === 'jpg' ? settings.quality : null,
    pngLevel: settings.format === 'png' ? settings.pngLevel : null,
    // only when not the default, so earlier jobs' records stay what they were
    ...(settings.jpeg !== 'jpeg-js' && { jpeg: settings.jpeg }),
    variants: settings.balance === false ? settings.variants : null,
    balance: settings.balance,
    classes: settings.classes,
    recipes: settings.recipes.map(recipeToJSON),
    sources: `sha256:${listing.digest('hex')}`,
  };
  return `${JSON.stringify(job, null, 2)}\n`;
}

/** Output roots of a job: '' for one recipe, else one folder per recipe name. */
function rootsOf(recipeNames: readonly string[]): string[] {
  return recipeNames.length > 1 ? [...recipeNames] : [''];
}

/** A recipe name as the schema allows it: a plain folder name, never '..' or a path. */
const RECIPE_NAME = /^[A-Za-z0-9_+][A-Za-z0-9._+-]{0,63}$/;

/**
 * The class list's file name in each output root: `{ "classes": [...] }`, a class's label is its index.
 *
 * @example
 * JSON.parse(readFileSync(join('augmented', CLASS_LIST), 'utf8')).classes; // ['cat', 'coffee', 'rocket']
 */
export const CLASS_LIST = 'classes.json';

/** The manifests, skipped lists and class list of any shard. */
const RUN_LIST = /^((manifest|skipped)(\.shard-\d+-of-\d+)?\.jsonl|classes\.json)$/;

/** Refuses to write or delete under `path` when it resolves (through links) into the input folder. */
async function checkOutsideInput(path: string, inputReal: string, input: string): Promise<void> {
  if (isInside(await realPathOrPlanned(path), inputReal)) {
    throw new AugkitError('INVALID_ARGUMENT', `Expected out outside the input folder but ${path} leads into ${input} (a link?)`);
  }
}

/**
 * Deletes what an earlier run (described by its job record) wrote into `out`: per output root its
 * train/val/test folders, manifests and skipped lists (and their temporary files), the recipe folder itself
 * when that leaves it empty, then the job record. Links are removed, never followed.
 */
async function removeEarlierRun(out: string, before: Record<string, unknown>, inputReal: string, input: string): Promise<void> {
  const recipes = before.recipes;
  const names = Array.isArray(recipes) ? recipes.map((r) => (r as { name?: unknown } | null)?.name) : [];
  if (names.length === 0 || !names.every((n): n is string => typeof n === 'string' && RECIPE_NAME.test(n))) {
    throw new AugkitError(
      'INVALID_ARGUMENT',
      `Expected an augkit job record in ${join(out, JOB_FILE)} but its recipes are not readable; delete the earlier run yourself`,
    );
  }
  for (const root of rootsOf(names)) {
    const folder = join(out, root);
    await checkOutsideInput(folder, inputReal, input);
    try {
      for (const split of SPLIT_NAMES) await rm(join(folder, split), { recursive: true, force: true });
      const entries = await readdir(folder).catch(() => [] as string[]);
      for (const name of entries) if (RUN_LIST.test(tempTarget(name) ?? name)) await rm(join(folder, name), { force: true });
      if (root !== '') await rmdir(folder).catch(() => undefined); // kept when it holds something else
    } catch (cause) {
      throw ioError(`could not delete the earlier run in ${folder}`, cause);
    }
  }
  await rm(join(out, JOB_FILE), { force: true }).catch((cause: unknown) => {
    throw ioError(`could not delete ${join(out, JOB_FILE)}`, cause);
  });
}

/** What `out` holds: nothing, an earlier run of this job (to resume), or of another job (deleted with `force`). */
export type OutputState = { readonly kind: 'fresh' } | { readonly kind: 'same-job' } | { readonly kind: 'other-run'; readonly before: Record<string, unknown> };

/**
 * Checks that `out` is a fresh folder or holds the same job (then the run resumes: complete files are
 * kept, the rest written), or an earlier augkit run and `force` is set. Writes nothing; `claimOutput` acts on it.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a folder that the run would refuse.
 */
export async function examineOutput(out: string, job: string, force: boolean): Promise<OutputState> {
  const info = await stat(out).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) throw invalidArgument('out', 'a folder', out);
  // a run killed while recording its job leaves only the record's temporary file: not "other files"
  const entries = (await readdir(out).catch(() => [] as string[])).filter((name) => tempTarget(name) !== JOB_FILE);
  if (entries.length === 0) return { kind: 'fresh' };
  const previous = await readFile(join(out, JOB_FILE), 'utf8').catch(() => undefined);
  if (previous === undefined) {
    throw new AugkitError(
      'INVALID_ARGUMENT',
      `Expected an empty folder or an earlier augkit run for out but ${out} holds other files` +
        (force ? ' (--force deletes only what an earlier augkit run wrote, so it does not apply)' : ''),
    );
  }
  let before: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(previous) as Record<string, unknown> | null;
    if (typeof parsed === 'object' && parsed !== null && parsed.job === 'augkit augment') before = parsed;
  } catch {
    // handled below
  }
  if (before === undefined) {
    throw new AugkitError(
      'INVALID_ARGUMENT',
      `Expected an augkit job record in ${join(out, JOB_FILE)} but it cannot be read as one; use another folder`,
    );
  }
  if (force) return { kind: 'other-run', before };
  if (previous === job) return { kind: 'same-job' };
  const now = JSON.parse(job) as Record<string, unknown>;
  const differ = Object.keys(now).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(now[k]));
  throw new AugkitError(
    'INVALID_ARGUMENT',
    `Expected the same job to resume in ${out} but its ${differ.join(', ')} differ from the earlier run there; ` +
      "use an empty folder, or --force to delete the earlier run's files and start over",
  );
}

/** Acts on what `examineOutput` found: deletes an earlier run (with `force`) and records the job, unless it resumes. */
async function claimOutput(out: string, job: string, state: OutputState, inputReal: string, input: string): Promise<void> {
  // a run killed while recording its job leaves the record's temporary file
  await removeStaleTemps(out, new Set([JOB_FILE]));
  if (state.kind === 'same-job') return;
  if (state.kind === 'other-run') await removeEarlierRun(out, state.before, inputReal, input);
  await writeFileAtomic(join(out, JOB_FILE), job);
}

/** How many of `paths` exist. */
async function countExisting(paths: readonly string[]): Promise<number> {
  let n = 0;
  for (const path of paths) if (await access(path).then(() => true, () => false)) n++;
  return n;
}

/**
 * Sentences about a plan that is probably not what was meant: a split that gets no image of a class (its folder
 * stays empty), a class with no image that decodes, copy-through classes next to `balance`.
 */
function planWarnings(plan: AugmentPlan, split: SplitFractions): string[] {
  const warnings: string[] = [];
  for (const c of plan.classes) {
    if (c.images === 0) {
      warnings.push(`class ${c.name} has no image that decodes: its folders are empty`);
      continue;
    }
    const missing = SPLIT_NAMES.filter((name) => split[name] > 0 && c[name] === 0);
    if (missing.length > 0) {
      const shares = missing.map((name) => `${name} ${split[name]} × ${c.images} = ${Number((split[name] * c.images).toFixed(2))}`);
      warnings.push(
        `class ${c.name} has ${c.images} image${c.images === 1 ? '' : 's'}, too few for ${missing.join(' and ')} ` +
          `(${shares.join(', ')}): ${missing.map((name) => `${name}/${c.name}`).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} empty`,
      );
    }
  }
  return warnings;
}

function emptyCounts(plan: AugmentPlan, classes: readonly string[]): OutputCounts {
  const counts: OutputCounts = {};
  for (const root of plan.roots) {
    counts[root] = Object.fromEntries(
      SPLIT_NAMES.map((s) => [s, Object.fromEntries(classes.map((c) => [c, { originals: 0, variants: 0 }]))]),
    ) as OutputCounts[string];
  }
  return counts;
}

/** `<base>.jsonl`, or `<base>.shard-K-of-N.jsonl` (K zero-padded, so the shell sorts them) for a shard. */
function listName(base: string, shard: { index: number; count: number } | null): string {
  if (shard === null) return `${base}.jsonl`;
  const width = String(shard.count - 1).length;
  return `${base}.shard-${String(shard.index).padStart(width, '0')}-of-${shard.count}.jsonl`;
}

/**
 * The manifest's file name: `manifest.jsonl`, or `manifest.shard-K-of-N.jsonl` (K zero-padded) for a shard.
 *
 * @example
 * manifestName(null);                     // 'manifest.jsonl'
 * manifestName({ index: 2, count: 10 }); // 'manifest.shard-2-of-10.jsonl'
 */
export function manifestName(shard: { index: number; count: number } | null): string {
  return listName('manifest', shard);
}

/**
 * The skipped list's file name: `skipped.jsonl`, or `skipped.shard-K-of-N.jsonl` for a shard.
 *
 * @example
 * skippedName(null); // 'skipped.jsonl'
 */
export function skippedName(shard: { index: number; count: number } | null): string {
  return listName('skipped', shard);
}

/**
 * Whether this shard's skipped list holds `path`: the shard whose block of sorted sources holds the place where
 * `path` sorts in (the last shard for paths after every source). A source's own path sorts in at its index, so
 * a failed source is listed by the shard that processed it, and the lists of shards 0..N-1, concatenated, are
 * the list of one full run, sorted.
 */
function listsSkipped(path: string, sources: readonly PlannedSource[], shard: { index: number; count: number } | null): boolean {
  if (shard === null) return true;
  let lo = 0;
  let hi = sources.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byCodeUnits(sources[mid]!.image.path, path) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo === sources.length) return shard.index === shard.count - 1;
  const [first, end] = shardRange(sources.length, shard);
  return lo >= first && lo < end;
}

/**
 * Builds training sets from a class-per-folder data set: splits first (stratified, seeded), writes
 * val/test resized only, and train as every original plus augmented copies per recipe; then per output
 * root a `manifest.jsonl` (one line per written file) and a `skipped.jsonl` (one line per input file not
 * used, with the reason). Output bytes depend only on the input, the options that shape the output and
 * `seed` — not on `workers`, `shard` or file-system order. Files are written atomically (temporary file,
 * then rename). Re-running the same job in the same `out` resumes it: complete files are kept, missing ones
 * written; `force` deletes an earlier run first. Nothing inside `input` is ever written or deleted.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for bad options, an input that is not a folder, an `out` that overlaps
 *   `input` (also through a link) or holds something else; IO_ERROR when writing fails.
 * @example
 * const summary = await augment({ input: 'data', out: 'augmented', recipes: [await loadRecipe('flips.json')],
 *   balance: true, split: { train: 0.7, val: 0.15, test: 0.15 }, size: { width: 224, height: 224 }, seed: 1 });
 */
export async function augment(options: AugmentOptions): Promise<AugmentSummary> {
  const started = performance.now();
  const settings = checkSettings(options);
  const { input, out, onProgress } = options;
  await checkApart(input, out);
  // the threads load while the input is scanned (one per core at most before the number of sources is known),
  // and serve the check and then the writes
  return withTaskPool(settings.workers, async (pool) => {
    pool.start(availableParallelism());
    const scan = await scanSources(input, settings, options.files);
    // refusals before the long part; a dry run stops at the same ones
    const job = jobDescription(settings, scan.images);
    const state = await examineOutput(out, job, settings.force);
    const prepared = await checkAndPlan(scan, settings, job, pool, {
      keepBases: !settings.dryRun,
      onProgress: (done, total) => onProgress?.({ phase: 'check', done, total, written: 0, elapsedMs: performance.now() - started }),
    });
    return executeAugment(options, settings, prepared, state, started, pool);
  });
}

/** Refuses an `out` inside `input` or containing it. */
async function checkApart(input: string, out: string): Promise<void> {
  const inputReal = await realPathOrPlanned(input);
  const outReal = await realPathOrPlanned(out);
  if (isInside(outReal, inputReal) || isInside(inputReal, outReal)) {
    throw new AugkitError('INVALID_ARGUMENT', `Expected out outside the input folder (and not containing it) but received ${out} for input ${input}`);
  }
}

/**
 * Scans `input` (walking it, or reading the list `files`: see `scanFileList`) and checks that the `classes`
 * option names classes of it.
 *
 * @example
 * const scan = await scanSources('data', checkSettings({ input: 'data', out: 'augmented' }));
 */
export async function scanSources(input: string, settings: Settings, files?: string): Promise<DatasetScan> {
  const scan = files === undefined ? await scanDataset(input) : await scanFileList(input, files);
  if (settings.classes !== null) {
    for (const name of settings.classes) {
      if (!scan.classes.includes(name)) {
        throw new AugkitError(
          'INVALID_ARGUMENT',
          `Expected a class of ${input} (${scan.classes.join(', ')}) for classes but received "${name}"`,
        );
      }
    }
  }
  return scan;
}

/** A run planned and ready to execute (see `executeAugment`): from a scan (`checkAndPlan`) or a plan file. */
export interface PreparedRun {
  /** The job record (see `jobDescription`). */
  readonly job: string;
  /** The class folders, in label order. */
  readonly classes: readonly string[];
  /** The input files not used, images that do not decode among them, sorted by path. */
  readonly skipped: readonly SkippedFile[];
  /** Groups of byte-identical source images. */
  readonly duplicates: readonly (readonly string[])[];
  readonly plan: AugmentPlan;
  /** The time spent decoding every source before planning. */
  readonly checkSeconds: number;
  /** Sources that changed since planning, with why: not processed, listed as bad (see `augmentFromPlan`). */
  readonly stale?: ReadonlyMap<string, string>;
  /** Sources the check kept decoded, by path (see `cacheBytes`): the write phase takes them instead of decoding. */
  readonly bases?: BaseCache;
}

/**
 * How {@link checkAndPlan} runs.
 *
 * @example
 * const options: CheckAndPlanOptions = { keepBases: !settings.dryRun };
 */
export interface CheckAndPlanOptions {
  readonly onProgress?: (done: number, total: number) => void;
  /** Keep this shard's decoded sources for the write phase, as far as `settings.cacheBytes` goes (see `PreparedRun.bases`). */
  readonly keepBases: boolean;
}

/**
 * Decodes every scanned source on `pool`'s threads (see `checkDataset`) and plans the run over those that decode.
 *
 * @example
 * const prepared = await checkAndPlan(scan, settings, jobDescription(settings, scan.images), pool, { keepBases: true });
 */
export async function checkAndPlan(
  scan: DatasetScan,
  settings: Settings,
  job: string,
  pool: TaskPool,
  options: CheckAndPlanOptions,
): Promise<PreparedRun> {
  const started = performance.now();
  const bases = options.keepBases && settings.cacheBytes > 0 ? new BaseCache(settings.cacheBytes) : undefined;
  // the shard's block of the sources that decode is about the same block of all sources
  const [first, end] = shardRange(scan.images.length, settings.shard);
  const reserve = (image: SourceImage, index: number) => {
    const { width, height } = recipeInputSize(image, settings.size);
    return index >= first && index < end && bases!.reserve(image.path, width * height * 4);
  };
  const checked = await checkSources(scan, pool, {
    dHash: false,
    onProgress: options.onProgress,
    ...(bases && { keep: { baseOps: baseOpsFor(settings.size), jpeg: settings.jpeg, cache: bases, reserve } }),
  });
  const plan = planAugment(checked, settings, checked.duplicates);
  const checkSeconds = (performance.now() - started) / 1000;
  return { job, classes: scan.classes, skipped: checked.skipped, duplicates: checked.duplicates, plan, checkSeconds, ...(bases && { bases }) };
}

/**
 * Executes a prepared run (this shard's part of it) into `options.out`, `state` being what `examineOutput`
 * found there: see {@link augment}.
 *
 * @example
 * const summary = await executeAugment(options, settings, prepared, await examineOutput(options.out, prepared.job, false), performance.now());
 */
export async function executeAugment(
  options: AugmentOptions,
  settings: Settings,
  prepared: PreparedRun,
  state: OutputState,
  started: number,
  pool: TaskPool,
): Promise<AugmentSummary> {
  const { input, out, onProgress } = options;
  const { plan, job, checkSeconds } = prepared;
  const stale = prepared.stale ?? new Map<string, string>();
  await checkApart(input, out);
  const inputReal = await realPathOrPlanned(input);
  const mine = plan.sources.filter((s) => s.inShard);
  const counts = emptyCounts(plan, prepared.classes);
  for (const source of mine) {
    for (const file of source.files) counts[file.root]![source.split][source.image.className]![file.variant === null ? 'originals' : 'variants']++;
  }
  const planned = mine.reduce((n, s) => n + s.files.length, 0);
  const skipped = [...prepared.skipped];
  const failedPaths = new Set<string>();
  let written = 0;
  let existing = 0;
  const manifests: string[] = [];
  const skippedLists: string[] = [];
  const classLists: string[] = [];

  if (settings.dryRun) {
    if (state.kind === 'same-job') existing = await countExisting(mine.flatMap((s) => s.files.map((f) => join(out, f.root, f.file))));
  } else {
    await claimOutput(out, job, state, inputReal, input);
    // every file this run may write, by folder: to check where the folders lead, and to remove temporary
    // files an interrupted run of the same files left
    const folders = new Map<string, Set<string>>();
    const willWrite = (path: string) => {
      const names = folders.get(dirname(path)) ?? new Set<string>();
      names.add(basename(path));
      folders.set(dirname(path), names);
    };
    for (const source of mine) for (const file of source.files) willWrite(join(out, file.root, file.file));
    for (const root of plan.roots) {
      willWrite(join(out, root, manifestName(settings.shard)));
      willWrite(join(out, root, skippedName(settings.shard)));
      willWrite(join(out, root, CLASS_LIST));
    }
    // every class in every split in use, empty if need be: the folders a loader sees are the class list
    const classFolders = plan.roots.flatMap((root) =>
      SPLIT_NAMES.filter((split) => settings.split[split] > 0).flatMap((split) => prepared.classes.map((name) => join(out, root, split, name))),
    );
    for (const folder of classFolders) if (!folders.has(folder)) folders.set(folder, new Set());
    for (const folder of folders.keys()) await checkOutsideInput(folder, inputReal, input);
    for (const [folder, names] of folders) await removeStaleTemps(folder, names);
    for (const folder of classFolders) {
      await mkdir(folder, { recursive: true }).catch((cause: unknown) => {
        throw ioError(`could not create the class folder ${folder}`, cause);
      });
    }
    for (const root of plan.roots) {
      const classList = join(out, root, CLASS_LIST);
      await writeFileAtomic(classList, `${JSON.stringify({ classes: prepared.classes }, null, 2)}\n`);
      classLists.push(classList);
    }

    const tasks = mine.flatMap((source, index): AugmentTask[] => {
      if (stale.has(source.image.path)) return [];
      const base = prepared.bases?.take(source.image.path);
      return [{
        kind: 'augment',
        index,
        fsPath: source.image.fsPath,
        baseOps: source.baseOps,
        outputs: source.files.map((f) => ({ path: join(out, f.root, f.file), ops: f.ops })),
        // a fresh folder (or one an earlier run was deleted from) holds none of them
        resume: state.kind === 'same-job',
        jpeg: settings.jpeg,
        encode: { format: settings.format, quality: settings.quality, pngLevel: settings.pngLevel },
        ...(base && { base }),
      }];
    });
    const failed = new Set<number>();
    mine.forEach((source, index) => {
      const reason = stale.get(source.image.path);
      if (reason === undefined) return;
      failed.add(index);
      failedPaths.add(source.image.path);
      skipped.push({ path: source.image.path, reason, bad: true });
    });
    const writtenFiles = new Map<number, readonly WrittenFile[]>();
    let done = 0;
    const writeStarted = performance.now();
    const onResult = (result: TaskResult) => {
      if (result.fatal) throw new AugkitError(result.fatal.code === 'IO_ERROR' ? 'IO_ERROR' : 'INTERNAL', result.fatal.message);
      if (result.failure) {
        failed.add(result.index);
        failedPaths.add(mine[result.index]!.image.path);
        skipped.push({ path: mine[result.index]!.image.path, reason: `${result.failure.code}: ${result.failure.message}`, bad: true });
      } else writtenFiles.set(result.index, result.files);
      written += result.written;
      existing += result.existing;
      done++;
      onProgress?.({ phase: 'write', done, total: tasks.length, written, elapsedMs: performance.now() - writeStarted });
    };
    await pool.run(tasks, onResult);
    // a source that failed after the check (changed since, or an op refused it) leaves no manifest line and
    // counts no outputs
    for (const index of failed) {
      const source = mine[index]!;
      for (const file of source.files) counts[file.root]![source.split][source.image.className]![file.variant === null ? 'originals' : 'variants']--;
    }
    skipped.sort((a, b) => byCodeUnits(a.path, b.path));
    const listed = skipped
      .filter((s) => listsSkipped(s.path, plan.sources, settings.shard))
      .map((s) => `${JSON.stringify({ path: s.path, reason: s.reason, bad: s.bad })}\n`)
      .join('');
    for (const root of plan.roots) {
      const lines = mine.flatMap((source, i) => {
        const files = writtenFiles.get(i);
        if (files === undefined) return [];
        return source.files.flatMap((f, j) => (f.root === root ? [`${JSON.stringify(manifestRecord(source, f, files[j]!))}\n`] : []));
      });
      // what was left out of this training set, next to what is in it
      const skippedPath = join(out, root, skippedName(settings.shard));
      await writeFileAtomic(skippedPath, listed);
      skippedLists.push(skippedPath);
      const path = join(out, root, manifestName(settings.shard));
      await writeFileAtomic(path, lines.join(''));
      manifests.push(path);
    }
  }
  const classes =
    failedPaths.size === 0
      ? plan.classes
      : countClasses(
          prepared.classes,
          plan.sources.filter((s) => !failedPaths.has(s.image.path)),
          plan.roots[0]!,
          (name) => plan.classes.find((c) => c.name === name)!.augmented,
        );
  const seconds = (performance.now() - started) / 1000;
  return {
    input,
    out,
    seed: settings.seed,
    recipes: settings.recipes.map((r) => r.name),
    shard: settings.shard,
    workers: settings.workers,
    dryRun: settings.dryRun,
    earlierRun: state.kind === 'fresh' ? 'none' : state.kind === 'same-job' ? 'resumed' : 'deleted',
    classes,
    balanceTarget: plan.balanceTarget,
    outputs: counts,
    sources: mine.length,
    planned,
    written,
    existing,
    skipped,
    bad: skipped.filter((s) => s.bad).length,
    duplicates: prepared.duplicates,
    warnings: [...settings.warnings, ...planWarnings(plan, settings.split)],
    manifests,
    skippedLists,
    classLists,
    seconds,
    checkSeconds,
    imagesPerSecond: seconds > 0 ? written / seconds : 0,
  };
}
