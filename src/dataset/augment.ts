import { createHash } from 'node:crypto';
import { readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, basename } from 'node:path';
import { AugkitError, invalidArgument } from '../errors.js';
import { recipeToJSON, type Recipe } from '../pipeline/recipe.js';
import { checkBoolean, checkDimension, checkIntegerInRange, checkOptions, checkSeed } from '../validate.js';
import { ioError, isInside, realPathOrPlanned, removeStaleTemps, tempTarget, writeFileAtomic } from './files.js';
import {
  manifestRecord,
  planAugment,
  shardRange,
  type AugmentPlan,
  type ClassPlan,
  type OutputFormat,
  type PlannedSource,
  type PlanOptions,
} from './plan.js';
import { runPool } from './pool.js';
import { defaultRecipe } from './recipes.js';
import { scanFileList } from './fileList.js';
import { byCodeUnits, scanDataset, type DatasetScan, type SkippedFile } from './scan.js';
import { ALL_TRAIN, checkSplit, SPLIT_NAMES, type SplitFractions, type SplitName } from './split.js';
import type { AugmentTask, TaskResult, WrittenFile } from './task.js';

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
  /** Output format (default 'png'). */
  format?: OutputFormat;
  /** JPEG quality 1..100 (default 90). */
  quality?: number;
  /** PNG zlib level 0..9 (default 1, as OpenCV: fastest, files about 10 % larger than at 6). */
  pngLevel?: number;
  /**
   * Start over when `out` holds an earlier augkit run (of this job or another): first delete what that run
   * wrote — its `train`/`val`/`test` folders, manifests and skipped lists, per output root, and
   * `.augkit-job.json` — and nothing else. A folder with files but no `.augkit-job.json` is still refused, and
   * nothing inside `input` is ever deleted. Not with `shard` (shards may share `out`). Default false: the same
   * job resumes, another job is refused.
   */
  force?: boolean;
  /** Plan and report, write nothing. */
  dryRun?: boolean;
  /** Called after each source is processed. */
  onProgress?: (progress: AugmentProgress) => void;
  /** A text file listing the sources, one path relative to `input` a line, instead of walking `input` (see `scanFileList`). */
  files?: string;
}

export interface AugmentProgress {
  /** Sources processed so far and in total (this shard). */
  readonly done: number;
  readonly total: number;
  /** Files written so far. */
  readonly written: number;
  readonly elapsedMs: number;
}

/** Files per output root, split and class. */
export type OutputCounts = Record<string, Record<SplitName, Record<string, { originals: number; variants: number }>>>;

export interface AugmentSummary {
  readonly input: string;
  readonly out: string;
  readonly seed: number;
  readonly recipes: readonly string[];
  readonly shard: { index: number; count: number } | null;
  readonly workers: number;
  readonly dryRun: boolean;
  /** Images per class and split (the whole data set, every shard). */
  readonly classes: readonly ClassPlan[];
  readonly balanceTarget: number | null;
  /** Output roots ('' is `out` itself) with their files per split and class (this shard). */
  readonly outputs: OutputCounts;
  /** Source images this run processed (its shard), and files it planned, wrote and found complete already. */
  readonly sources: number;
  readonly planned: number;
  readonly written: number;
  readonly existing: number;
  /** Files not used: hidden, non-images, outside class folders, unreadable (`bad`). */
  readonly skipped: readonly SkippedFile[];
  /** How many of `skipped` are bad images (exit code 1 in the CLI). */
  readonly bad: number;
  readonly manifests: readonly string[];
  /** The skipped lists written next to the manifests (`skipped.jsonl`: one `SkippedFile` a line). */
  readonly skippedLists: readonly string[];
  readonly seconds: number;
  /** Files written per second of wall time. */
  readonly imagesPerSecond: number;
}

/** The job record in an output folder: what identifies the job, for resuming it (see `jobDescription`). */
export const JOB_FILE = '.augkit-job.json';

/** Checked augment options. */
export interface Settings extends PlanOptions {
  readonly workers: number;
  readonly quality: number;
  readonly pngLevel: number;
  readonly dryRun: boolean;
  readonly force: boolean;
}

/** Checks augment options; throws INVALID_ARGUMENT naming the bad one. */
export function checkSettings(options: AugmentOptions): Settings {
  const o = checkOptions(options);
  if (typeof o.input !== 'string' || o.input === '') throw invalidArgument('input', 'a folder path', o.input);
  if (typeof o.out !== 'string' || o.out === '') throw invalidArgument('out', 'a folder path', o.out);
  const recipes = o.recipes ?? [defaultRecipe()];
  if (!Array.isArray(recipes) || recipes.length === 0) throw invalidArgument('recipes', 'a non-empty array of recipes', recipes);
  const names = new Set<string>();
  for (const recipe of recipes) {
    // folder names: "Flips" and "flips" would share a folder on a case-insensitive file system
    if (names.has(recipe.name.toLowerCase())) {
      throw new AugkitError('INVALID_ARGUMENT', `Expected recipes with different names but received "${recipe.name}" twice`);
    }
    names.add(recipe.name.toLowerCase());
  }
  if (o.balance !== undefined && o.variants !== undefined) {
    throw new AugkitError('INVALID_ARGUMENT', 'Expected either variants or balance but received both');
  }
  const variants = o.variants ?? 1;
  if (!Number.isSafeInteger(variants) || variants < 0) throw invalidArgument('variants', 'a non-negative integer', variants);
  const balance = o.balance ?? false;
  if (typeof balance !== 'boolean' && (!Number.isSafeInteger(balance) || balance < 1)) {
    throw invalidArgument('balance', 'true or a positive integer', balance);
  }
  const classes = o.classes === undefined ? null : [...o.classes];
  if (classes !== null && (!Array.isArray(classes) || classes.some((c) => typeof c !== 'string'))) {
    throw invalidArgument('classes', 'an array of class names', o.classes);
  }
  const split = o.split === undefined ? ALL_TRAIN : checkSplit(o.split);
  const size = o.size === undefined ? null : { width: checkDimension(o.size.width, 'size.width'), height: checkDimension(o.size.height, 'size.height') };
  const seed = checkSeed(o.seed ?? 0);
  const workers = o.workers ?? availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 1) throw invalidArgument('workers', 'a positive integer', workers);
  let shard: Settings['shard'] = null;
  if (o.shard !== undefined) {
    const { index, count } = o.shard;
    if (!Number.isSafeInteger(count) || count < 1) throw invalidArgument('shard.count', 'a positive integer', count);
    if (!Number.isSafeInteger(index) || index < 0 || index >= count) throw invalidArgument('shard.index', `an integer 0..${count - 1}`, index);
    shard = { index, count };
  }
  const format = o.format ?? 'png';
  if (format !== 'png' && format !== 'jpg') throw invalidArgument('format', '"png" or "jpg"', format);
  const quality = checkIntegerInRange(o.quality ?? 90, 'quality', 1, 100);
  const pngLevel = checkIntegerInRange(o.pngLevel ?? 1, 'pngLevel', 0, 9);
  const dryRun = checkBoolean(o.dryRun ?? false, 'dryRun');
  const force = checkBoolean(o.force ?? false, 'force');
  if (force && shard !== null) {
    throw new AugkitError(
      'INVALID_ARGUMENT',
      'Expected force without shard but received both: shards may share the output folder, so one must not ' +
        "delete the others' files; empty the folder first",
    );
  }
  return { recipes, variants, balance, classes, split, size, seed, format, shard, workers, quality, pngLevel, dryRun, force };
}

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

/** The manifests and skipped lists of any shard. */
const RUN_LIST = /^(manifest|skipped)(\.shard-\d+-of-\d+)?\.jsonl$/;

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

/**
 * Checks that `out` is a fresh folder or holds the same job (then the run resumes: complete files are
 * kept, the rest written), and records the job there. With `force`, an earlier run of any job is deleted
 * first (see `removeEarlierRun`).
 */
async function claimOutput(out: string, job: string, force: boolean, inputReal: string, input: string): Promise<void> {
  const info = await stat(out).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) throw invalidArgument('out', 'a folder', out);
  // a run killed while recording its job leaves only the record's temporary file: not "other files"
  await removeStaleTemps(out, new Set([JOB_FILE]));
  const entries = await readdir(out).catch(() => [] as string[]);
  if (entries.length > 0) {
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
    if (force) {
      await removeEarlierRun(out, before, inputReal, input);
    } else if (previous !== job) {
      const now = JSON.parse(job) as Record<string, unknown>;
      const differ = Object.keys(now).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(now[k]));
      throw new AugkitError(
        'INVALID_ARGUMENT',
        `Expected the same job to resume in ${out} but its ${differ.join(', ')} differ from the earlier run there; ` +
          'use an empty folder, or --force to delete the earlier run\'s files and start over',
      );
    } else {
      return;
    }
  }
  await writeFileAtomic(join(out, JOB_FILE), job);
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

/** The manifest's file name: `manifest.jsonl`, or `manifest.shard-K-of-N.jsonl` (K zero-padded) for a shard. */
export function manifestName(shard: { index: number; count: number } | null): string {
  return listName('manifest', shard);
}

/** The skipped list's file name: `skipped.jsonl`, or `skipped.shard-K-of-N.jsonl` for a shard. */
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
  await checkApart(options.input, options.out);
  return executeAugment(options, settings, await scanAndPlan(options.input, settings, options.files), started);
}

/** Refuses an `out` inside `input` or containing it. */
async function checkApart(input: string, out: string): Promise<void> {
  const inputReal = await realPathOrPlanned(input);
  const outReal = await realPathOrPlanned(out);
  if (isInside(outReal, inputReal) || isInside(inputReal, outReal)) {
    throw new AugkitError('INVALID_ARGUMENT', `Expected out outside the input folder (and not containing it) but received ${out} for input ${input}`);
  }
}

/** A scan and its plan, ready to execute; `stale` maps sources that changed since planning to why (see `augmentFromPlan`). */
export interface PreparedRun {
  readonly scan: DatasetScan;
  readonly plan: AugmentPlan;
  readonly stale?: ReadonlyMap<string, string>;
}

/** Scans `input` (walking it, or reading the list `files`) and plans the run. */
export async function scanAndPlan(input: string, settings: Settings, files?: string): Promise<PreparedRun> {
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
  return { scan, plan: planAugment(scan, settings) };
}

/**
 * Executes a prepared run (this shard's part of it) into `options.out`: see {@link augment}.
 *
 * @example
 * const settings = checkSettings(options);
 * const summary = await executeAugment(options, settings, await scanAndPlan(options.input, settings), performance.now());
 */
export async function executeAugment(options: AugmentOptions, settings: Settings, prepared: PreparedRun, started: number): Promise<AugmentSummary> {
  const { input, out, onProgress } = options;
  const { scan, plan } = prepared;
  const stale = prepared.stale ?? new Map<string, string>();
  const inputReal = await realPathOrPlanned(input);
  await checkApart(input, out);
  const mine = plan.sources.filter((s) => s.inShard);
  const counts = emptyCounts(plan, scan.classes);
  for (const source of mine) {
    for (const file of source.files) counts[file.root]![source.split][source.image.className]![file.variant === null ? 'originals' : 'variants']++;
  }
  const planned = mine.reduce((n, s) => n + s.files.length, 0);
  const skipped = [...scan.skipped];
  let written = 0;
  let existing = 0;
  const manifests: string[] = [];
  const skippedLists: string[] = [];

  if (!settings.dryRun) {
    await claimOutput(out, jobDescription(settings, scan.images), settings.force, inputReal, input);
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
    }
    for (const folder of folders.keys()) await checkOutsideInput(folder, inputReal, input);
    for (const [folder, names] of folders) await removeStaleTemps(folder, names);

    const tasks: AugmentTask[] = mine.flatMap((source, index): AugmentTask[] => stale.has(source.image.path) ? [] : [{
      kind: 'augment',
      index,
      fsPath: source.image.fsPath,
      baseOps: source.baseOps,
      outputs: source.files.map((f) => ({ path: join(out, f.root, f.file), ops: f.ops })),
      encode: { format: settings.format, quality: settings.quality, pngLevel: settings.pngLevel },
    }]);
    const failed = new Set<number>();
    mine.forEach((source, index) => {
      const reason = stale.get(source.image.path);
      if (reason === undefined) return;
      failed.add(index);
      skipped.push({ path: source.image.path, reason, bad: true });
    });
    const writtenFiles = new Map<number, readonly WrittenFile[]>();
    let done = 0;
    await runPool(tasks, settings.workers, (result: TaskResult) => {
      if (result.fatal) throw new AugkitError(result.fatal.code === 'IO_ERROR' ? 'IO_ERROR' : 'INTERNAL', result.fatal.message);
      if (result.failure) {
        failed.add(result.index);
        skipped.push({ path: mine[result.index]!.image.path, reason: `${result.failure.code}: ${result.failure.message}`, bad: true });
      }
      else writtenFiles.set(result.index, result.files);
      written += result.written;
      existing += result.existing;
      done++;
      onProgress?.({ done, total: tasks.length, written, elapsedMs: performance.now() - started });
    });
    // a failed source leaves no manifest line and counts no outputs
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
  const seconds = (performance.now() - started) / 1000;
  return {
    input,
    out,
    seed: settings.seed,
    recipes: settings.recipes.map((r) => r.name),
    shard: settings.shard,
    workers: settings.workers,
    dryRun: settings.dryRun,
    classes: plan.classes,
    balanceTarget: plan.balanceTarget,
    outputs: counts,
    sources: mine.length,
    planned,
    written,
    existing,
    skipped,
    bad: skipped.filter((s) => s.bad).length,
    manifests,
    skippedLists,
    seconds,
    imagesPerSecond: seconds > 0 ? written / seconds : 0,
  };
}
