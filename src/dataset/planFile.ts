import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { JpegMode } from '../codecs/index.js';
import { AugkitError } from '../errors.js';
import type { AppliedOp } from '../pipeline/execute.js';
import { parseRecipe, recipeToJSON, type RecipeInput } from '../pipeline/recipe.js';
import {
  checkAndPlan,
  examineOutput,
  executeAugment,
  JOB_FILE,
  jobDescription,
  scanSources,
  type AugmentOptions,
  type AugmentSummary,
  type PreparedRun,
} from './augment.js';
import { ioError, systemErrorText, writeFileAtomic } from './files.js';
import { type TaskPool, withTaskPool } from './pool.js';
import { recipeInputSize, shardRange, type AugmentPlan, type ClassPlan, type OutputFormat, type PlannedFile, type PlannedSource } from './plan.js';
import { mapLimited, type SkippedFile } from './scan.js';
import { checkSettings, type Settings } from './settings.js';
import type { SplitFractions, SplitName } from './split.js';

/** The first key of every plan file: what it is. */
const PLAN_KIND = 'augkit plan';
const PLAN_VERSION = 1;
/** Where each shard keeps a copy of its plan in the output folder, for `merge`: `join(out, PLAN_COPY)`. */
export const PLAN_COPY = '.augkit-plan.json';
const STAT_CONCURRENCY = 16;

/**
 * One planned output, without its ops: they are `recipe.pipeline.draw(seed, size)`, recomputed by the shard.
 *
 * @example
 * const { body } = await loadPlan('plan.json');
 * const output: PlanFileOutput = body.sources[0]!.outputs[0]!;
 * // e.g. { root: '', file: 'val/cat/cat_01.png', recipe: 'flips', variant: null, seed: null }
 */
export interface PlanFileOutput {
  readonly root: string;
  readonly file: string;
  readonly recipe: string;
  readonly variant: number | null;
  readonly seed: number | null;
}

/**
 * One source as planned: where it is, what it was when planned, where it goes, what is made of it.
 *
 * @example
 * const { body } = await loadPlan('plan.json');
 * const source: PlanFileSource = body.sources[0]!;
 * // e.g. { path: 'cat/cat_01.jpg', class: 'cat', format: 'jpeg', width: 403, height: 240, bytes: 24151, mtimeMs: …, split: 'val', outputs: [ … ] }
 */
export interface PlanFileSource {
  readonly path: string;
  readonly class: string;
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly mtimeMs: number;
  readonly split: SplitName;
  readonly outputs: readonly PlanFileOutput[];
}

/**
 * The options that shape the output, as `augment` takes them.
 *
 * @example
 * const { body } = await loadPlan('plan.json');
 * const options: PlanFileOptions = body.options;
 * // e.g. { recipes: [{ name: 'flips', … }], variants: 1, split: { train: 0.8, val: 0.2, test: 0 }, seed: 1, format: 'png', pngLevel: 1 }
 */
export interface PlanFileOptions {
  readonly recipes: readonly RecipeInput[];
  readonly variants?: number;
  readonly balance?: boolean | number;
  readonly classes?: readonly string[];
  readonly split: SplitFractions;
  readonly size?: { readonly width: number; readonly height: number };
  readonly seed: number;
  readonly format: OutputFormat;
  readonly quality?: number;
  readonly pngLevel?: number;
  readonly jpeg?: JpegMode;
}

/**
 * Everything a shard needs to run its part of a job without scanning; the part of the file its hash covers.
 *
 * @example
 * const body: PlanBody = (await loadPlan('plan.json')).body;
 * console.log(`plan of ${body.sources.length} sources from ${body.input}, classes ${body.classNames.join(', ')}`);
 */
export interface PlanBody {
  /** The input folder, absolute. */
  readonly input: string;
  readonly options: PlanFileOptions;
  /** The job record every shard writes (see `jobDescription`): it covers every scanned file, decodable or not. */
  readonly job: string;
  /** The class folders (label order); the input files not used (images that do not decode among them). */
  readonly classNames: readonly string[];
  readonly skipped: readonly SkippedFile[];
  /** Groups of byte-identical source images (each was kept in one split). */
  readonly duplicates: readonly (readonly string[])[];
  readonly roots: readonly string[];
  readonly classes: readonly ClassPlan[];
  readonly balanceTarget: number | null;
  /** The ops applied to every decoded source first (the `--size` resize). */
  readonly baseOps: readonly AppliedOp[];
  /** Every source, sorted by path (shards are contiguous blocks of this list). */
  readonly sources: readonly PlanFileSource[];
}

/**
 * A plan file as read: its body and the sha256 it carries (lower-case hex of the body's JSON).
 *
 * @example
 * const plan: LoadedPlan = await makePlan({ input: 'data', recipes: [await loadRecipe('flips.json')], seed: 1 });
 * await writePlan(plan, 'plan.json');
 * const same: LoadedPlan = await loadPlan('plan.json'); // same.sha256 === plan.sha256
 * await augmentFromPlan({ plan: same, out: 'augmented', shard: { index: 0, count: 4 } });
 */
export interface LoadedPlan {
  readonly sha256: string;
  readonly body: PlanBody;
}

/**
 * What `makePlan` takes: the options that shape the output, `files`, and `workers` and `onProgress` for the decode check.
 *
 * @example
 * const options: MakePlanOptions = { input: 'data', recipes: [await loadRecipe('flips.json')], balance: true, split: { train: 0.8, val: 0.2, test: 0 }, seed: 1 };
 * await writePlan(await makePlan(options), 'plan.json');
 */
export type MakePlanOptions = Omit<AugmentOptions, 'out' | 'shard' | 'force' | 'dryRun'>;

function bodyHash(body: PlanBody): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * The text of a plan file: the kind, the version, the hash, then the body (one JSON line).
 *
 * @example
 * writeFileSync('plan.json', planText(plan.body));
 */
export function planText(body: PlanBody): string {
  return `${JSON.stringify({ augkit: PLAN_KIND, version: PLAN_VERSION, sha256: bodyHash(body), body })}\n`;
}

function optionsOf(settings: Settings): PlanFileOptions {
  return {
    recipes: settings.recipes.map(recipeToJSON),
    ...(settings.balance === false ? { variants: settings.variants } : { balance: settings.balance }),
    ...(settings.classes !== null && { classes: settings.classes }),
    split: settings.split,
    ...(settings.size !== null && { size: settings.size }),
    seed: settings.seed,
    format: settings.format,
    // as the job record has them: the other one would only draw a warning
    ...(settings.format === 'jpg' ? { quality: settings.quality } : { pngLevel: settings.pngLevel }),
    ...(settings.jpeg !== 'jpeg-js' && { jpeg: settings.jpeg }),
  };
}

/**
 * Scans, decode-checks and plans a job once, for shards to execute without scanning (see {@link augmentFromPlan}):
 * the split, the balance targets, every output's name, source, recipe and seed, and each source's size and
 * modification time. Deterministic: the same input files and options give the same plan, byte for byte.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for bad options or input, as `augment`; IO_ERROR when the input cannot be read.
 * @example
 * const plan = await makePlan({ input: 'data', recipes: [await loadRecipe('flips.json')], balance: true, seed: 1 });
 * await writePlan(plan, 'plan.json');
 */
export async function makePlan(options: MakePlanOptions): Promise<LoadedPlan> {
  const settings = checkSettings({ ...options, out: '-' });
  const input = resolve(options.input);
  const started = performance.now();
  const scan = await scanSources(input, settings, options.files);
  const job = jobDescription(settings, scan.images);
  const prepared = await withTaskPool(settings.workers, (pool) => checkAndPlan(scan, settings, job, pool, {
    keepBases: false,
    onProgress: (done, total) => options.onProgress?.({ phase: 'check', done, total, written: 0, elapsedMs: performance.now() - started }),
  }));
  const { plan, skipped, duplicates } = prepared;
  const baseOps = plan.sources[0]?.baseOps ?? [];
  const mtimes = await mapLimited(plan.sources, STAT_CONCURRENCY, async (s) => {
    try {
      return (await stat(s.image.fsPath)).mtimeMs;
    } catch (cause) {
      throw ioError(`could not read ${s.image.fsPath} (changed during planning?)`, cause);
    }
  });
  const sources = plan.sources.map((s, i): PlanFileSource => {
    if (JSON.stringify(s.baseOps) !== JSON.stringify(baseOps)) throw new AugkitError('INTERNAL', 'sources with different base ops cannot be planned');
    return {
      path: s.image.path,
      class: s.image.className,
      format: s.image.format,
      width: s.image.width,
      height: s.image.height,
      bytes: s.image.bytes,
      mtimeMs: mtimes[i]!,
      split: s.split,
      outputs: s.files.map(({ root, file, recipe, variant, seed }) => ({ root, file, recipe, variant, seed })),
    };
  });
  const body: PlanBody = {
    input,
    options: optionsOf(settings),
    job,
    classNames: scan.classes,
    skipped,
    duplicates,
    roots: plan.roots,
    classes: plan.classes,
    balanceTarget: plan.balanceTarget,
    baseOps,
    sources,
  };
  return { sha256: bodyHash(body), body };
}

/**
 * Writes a plan file (atomically).
 *
 * @throws {AugkitError} IO_ERROR when it cannot be written.
 * @example
 * await writePlan(await makePlan({ input: 'data' }), 'plan.json');
 */
export async function writePlan(plan: LoadedPlan, path: string): Promise<void> {
  await writeFileAtomic(path, planText(plan.body));
}

/**
 * Reads a plan file and checks its hash: a plan edited by hand is refused.
 *
 * @throws {AugkitError} INVALID_ARGUMENT when it is not a plan, was made by another version, or does not match its
 *   hash, or cannot be read.
 * @example
 * const { sha256, body } = await loadPlan('plan.json');
 */
export async function loadPlan(path: string): Promise<LoadedPlan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new AugkitError('INVALID_ARGUMENT', `Expected a readable plan for --plan but ${path} cannot be read: ${systemErrorText(cause)}`, { cause });
  }
  let parsed: { augkit?: unknown; version?: unknown; sha256?: unknown; body?: unknown } | null;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new AugkitError('INVALID_ARGUMENT', `Expected an augkit plan (written by augkit plan) for --plan but ${path} is not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || parsed.augkit !== PLAN_KIND || typeof parsed.body !== 'object' || parsed.body === null) {
    throw new AugkitError('INVALID_ARGUMENT', `Expected an augkit plan (written by augkit plan) for --plan but ${path} is not one`);
  }
  if (parsed.version !== PLAN_VERSION) {
    throw new AugkitError('INVALID_ARGUMENT', `Expected a plan of version ${PLAN_VERSION} for --plan but ${path} has version ${String(parsed.version)}: plan again with this augkit`);
  }
  const body = parsed.body as PlanBody;
  const actual = bodyHash(body);
  if (parsed.sha256 !== actual) {
    throw new AugkitError(
      'INVALID_ARGUMENT',
      `Expected the plan ${path} as augkit plan wrote it but its content does not match the sha256 it carries ` +
        `(${String(parsed.sha256)}; the content hashes to ${actual}): it was edited. Make a new plan with augkit plan`,
    );
  }
  return { sha256: actual, body };
}

/**
 * `augment` options that reproduce the planned job, reading the sources from `input`.
 *
 * @example
 * const settings = checkSettings(planAugmentOptions(plan, plan.body.input, 'augmented'));
 */
export function planAugmentOptions(plan: LoadedPlan, input: string, out: string): AugmentOptions {
  const o = plan.body.options;
  return { ...o, recipes: o.recipes.map(parseRecipe), classes: o.classes && [...o.classes], split: { ...o.split }, size: o.size && { ...o.size }, input, out };
}

/**
 * The prepared run a plan file stands for (no scan, no decode check), with `input` as the folder the sources are
 * read from and `settings.shard` deciding which sources are in this shard.
 *
 * @example
 * const { plan: planned } = preparedFromPlan(plan, settings, plan.body.input);
 */
export function preparedFromPlan(plan: LoadedPlan, settings: Settings, input: string): PreparedRun {
  const { body } = plan;
  const pipelines = new Map(settings.recipes.map((r) => [r.name, r.pipeline]));
  const [first, end] = shardRange(body.sources.length, settings.shard);
  const sources = body.sources.map((s, index): PlannedSource => {
    const image = { path: s.path, fsPath: join(input, ...s.path.split('/')), className: s.class, format: s.format, width: s.width, height: s.height, bytes: s.bytes };
    const files = s.outputs.map((o): PlannedFile => ({ ...o, ops: o.seed === null ? [] : pipelines.get(o.recipe)!.draw(o.seed, recipeInputSize(s, settings.size)) }));
    return { image, split: s.split, baseOps: body.baseOps, files, inShard: index >= first && index < end };
  });
  const planned: AugmentPlan = { roots: body.roots, sources, classes: body.classes, balanceTarget: body.balanceTarget };
  return { job: body.job, classes: body.classNames, skipped: body.skipped, duplicates: body.duplicates, plan: planned, checkSeconds: 0 };
}

/** Why a planned source is not as it was when planned, or undefined when it is. */
async function changeSincePlanning(fsPath: string, planned: PlanFileSource): Promise<string | undefined> {
  try {
    const info = await stat(fsPath);
    const changes: string[] = [];
    if (info.size !== planned.bytes) changes.push(`size ${planned.bytes} → ${info.size} bytes`);
    if (info.mtimeMs !== planned.mtimeMs) changes.push(`modified ${new Date(planned.mtimeMs).toISOString()} → ${new Date(info.mtimeMs).toISOString()}`);
    return changes.length === 0 ? undefined : `changed since planning (${changes.join(', ')}): not processed; plan again to include it`;
  } catch (cause) {
    return `missing since planning (${systemErrorText(cause)}): not processed; plan again`;
  }
}

/**
 * The options of {@link augmentFromPlan}: the `plan` (a file or a loaded plan) and `out` (required), another
 * `input` folder holding the same files, the `shard` to run, worker threads, `dryRun` and `onProgress`.
 *
 * @example
 * const options: PlannedRunOptions = { plan: 'plan.json', out: 'augmented', input: 'mounted/data', shard: { index: 3, count: 8 }, workers: 2 };
 * const summary = await augmentFromPlan(options);
 */
export interface PlannedRunOptions {
  /** The plan file, or a plan already loaded. */
  plan: string | LoadedPlan;
  out: string;
  /** Read the sources from here instead of the planned input folder (the same files mounted elsewhere). */
  input?: string;
  shard?: { index: number; count: number };
  workers?: number;
  dryRun?: boolean;
  onProgress?: AugmentOptions['onProgress'];
}

/**
 * Executes a plan (one shard of it with `shard`) without scanning: the same files, manifests and skipped lists
 * as `augment` with the planned options. Only this shard's sources are looked at (one `stat` each): a source
 * whose size or modification time changed since planning, or that is gone, is not processed but listed as bad
 * in the skipped list, never re-planned. Keeps a copy of the plan in `out` (`.augkit-plan.json`) for `merge`;
 * an `out` that holds another plan's shards is refused.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad plan, an `out` of another plan or job, or a shard none of whose
 *   sources match the plan (a plan of another input); IO_ERROR when writing fails.
 * @example
 * const summary = await augmentFromPlan({ plan: 'plan.json', out: 'augmented', shard: { index: 3, count: 8 } });
 */
export async function augmentFromPlan(options: PlannedRunOptions): Promise<AugmentSummary> {
  const started = performance.now();
  const plan = typeof options.plan === 'string' ? await loadPlan(options.plan) : options.plan;
  const input = options.input ?? plan.body.input;
  const augmentOptions: AugmentOptions = {
    ...planAugmentOptions(plan, input, options.out),
    ...(options.shard !== undefined && { shard: options.shard }),
    ...(options.workers !== undefined && { workers: options.workers }),
    ...(options.dryRun !== undefined && { dryRun: options.dryRun }),
    ...(options.onProgress !== undefined && { onProgress: options.onProgress }),
  };
  const settings = checkSettings(augmentOptions);
  const copy = join(options.out, PLAN_COPY);
  const text = planText(plan.body);
  const earlier = await readFile(copy, 'utf8').catch(() => undefined);
  if (earlier !== undefined && earlier !== text) {
    throw new AugkitError(
      'INVALID_ARGUMENT',
      `Expected the shards of one plan in ${options.out} but it holds those of another (${copy} differs from this plan, sha256 ${plan.sha256}); use another folder`,
    );
  }
  // the threads load while the sources are compared with the plan
  const summary = await withTaskPool(settings.workers, (pool) => {
    pool.start(Math.min(availableParallelism(), plan.body.sources.length));
    return executePlan(plan, settings, augmentOptions, input, options.out, pool, started);
  });
  if (!settings.dryRun && earlier === undefined) await writeFileAtomic(copy, text);
  return summary;
}

/** {@link augmentFromPlan} once its options are checked and `out` holds no other plan: compares the shard's sources with the plan, then writes. */
async function executePlan(
  plan: LoadedPlan,
  settings: Settings,
  augmentOptions: AugmentOptions,
  input: string,
  out: string,
  pool: TaskPool,
  started: number,
): Promise<AugmentSummary> {
  const prepared = preparedFromPlan(plan, settings, input);
  const mine = plan.body.sources.flatMap((s, i) => (prepared.plan.sources[i]!.inShard ? [{ planned: s, fsPath: prepared.plan.sources[i]!.image.fsPath }] : []));
  const changes = await mapLimited(mine, STAT_CONCURRENCY, (m) => changeSincePlanning(m.fsPath, m.planned));
  const stale = new Map<string, string>();
  changes.forEach((reason, i) => reason !== undefined && stale.set(mine[i]!.planned.path, reason));
  if (mine.length > 0 && stale.size === mine.length) {
    throw new AugkitError(
      'INVALID_ARGUMENT',
      `Expected the planned sources in ${input} but none of this shard's ${mine.length} matches the plan (made from ` +
        `${plan.body.input}; first: ${mine[0]!.planned.path}: ${stale.get(mine[0]!.planned.path)}): a plan of another input?`,
    );
  }
  const run = async () => executeAugment(augmentOptions, settings, { ...prepared, stale }, await examineOutput(out, prepared.job, false), started, pool);
  const record = join(out, JOB_FILE);
  const recordedBefore = existsSync(record);
  try {
    return await run();
  } catch (e) {
    // shards started at the same moment into an empty folder race to record the job there: the loser sees the
    // winner's temporary file or loses its own; once the record is there, it resumes like any other shard
    if (recordedBefore || !(e instanceof AugkitError) || !existsSync(record)) throw e;
    return run();
  }
}
