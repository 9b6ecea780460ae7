import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AugkitError } from '../errors.js';
import { JOB_FILE, manifestName, skippedName } from './augment.js';
import { ioError, writeFileAtomic } from './files.js';
import { manifestRecord, shardRange, type PlannedSource } from './plan.js';
import { loadPlan, PLAN_COPY, planAugmentOptions, planText, preparedFromPlan, type LoadedPlan } from './planFile.js';
import { mapLimited } from './scan.js';
import { checkSettings } from './settings.js';

const HASH_CONCURRENCY = 8;
/** Problems listed per shard, at most (the count says how many there are). */
const LISTED_PROBLEMS = 20;
const SHARD_LIST = /^(?:manifest|skipped)\.shard-(\d+)-of-(\d+)\.jsonl$/;

type Shard = { readonly index: number; readonly count: number };

/**
 * What is wrong with one shard's part of the output: run exactly these shards again.
 *
 * @example
 * const shards: readonly ShardProblem[] = (await mergeShards({ dir: 'augmented' })).incomplete;
 * for (const { index, count, problems } of shards) console.log(`run shard ${index} again: ${count} problems, the first ${problems[0]}`);
 */
export interface ShardProblem {
  readonly index: number;
  /** How many problems were found, and the first of them. */
  readonly count: number;
  readonly problems: readonly string[];
}

/**
 * The options of {@link mergeShards}: the output folder `dir` (required), the `plan` file (default: the
 * copy in `dir`), the number of `shards` and `checkOnly`.
 *
 * @example
 * const options: MergeOptions = { dir: 'augmented', shards: 8, checkOnly: true }; // report what is missing, write nothing
 * const report = await mergeShards(options);
 */
export interface MergeOptions {
  /** The output folder the shards wrote into. */
  dir: string;
  /** The plan file; default: the copy the shards keep in `dir` (`.augkit-plan.json`). */
  plan?: string;
  /** The number of shards, needed only when none of them has finished (to list them all as missing). */
  shards?: number;
  /** Check only, write nothing. */
  checkOnly?: boolean;
}

/**
 * What {@link mergeShards} reports: whether every shard is complete (then the merged manifests and skipped
 * lists were written), the shards to run again and why, and the files checked.
 *
 * @example
 * const report: MergeReport = await mergeShards({ dir: 'augmented' });
 * if (report.complete) console.log(`${report.files} files checked, merged into ${report.manifests.join(', ')}`);
 * else console.log(`run again: shards ${report.incomplete.map((s) => s.index).join(', ')}`);
 */
export interface MergeReport {
  readonly dir: string;
  readonly plan: string;
  /** The number of shards; 1 for a folder already merged (or written by one run). */
  readonly shards: number;
  /** True when every shard is complete and its outputs as recorded: the merged lists were written (unless checkOnly). */
  readonly complete: boolean;
  /** Shards to run again, by index, with what is missing or wrong. */
  readonly incomplete: readonly ShardProblem[];
  /** Files checked (size and sha256). */
  readonly files: number;
  /** Input files skipped as bad (unreadable, or changed since planning), as in the merged skipped list. */
  readonly bad: number;
  readonly manifests: readonly string[];
  readonly skippedLists: readonly string[];
}

interface ShardCheck {
  readonly problems: string[];
  /** Per root, the shard's manifest and skipped list texts (when both could be read). */
  readonly texts: Map<string, { manifest: string; skipped: string }>;
  files: number;
  bad: number;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The shard count of the shard lists in `dir`'s roots: none found → undefined; two counts → an error. */
async function shardCountIn(dir: string, roots: readonly string[]): Promise<number | undefined> {
  const counts = new Set<number>();
  for (const root of roots) {
    const names = await readdir(join(dir, root)).catch(() => [] as string[]);
    for (const name of names) {
      const match = SHARD_LIST.exec(name);
      if (match) counts.add(Number(match[2]));
    }
  }
  if (counts.size > 1) {
    throw new AugkitError('INVALID_ARGUMENT', `Expected the shards of one run in ${dir} but it holds shard lists of ${[...counts].sort((a, b) => a - b).join(' and ')} shards`);
  }
  return counts.size === 0 ? undefined : [...counts][0]!;
}

/** The paths a skipped list names as bad (unreadable files; failed sources, which have no manifest lines). */
function badPaths(skippedText: string): Set<string> {
  const bad = new Set<string>();
  for (const line of skippedText.split('\n')) {
    if (line === '') continue;
    const entry = JSON.parse(line) as { path: string; bad: boolean };
    if (entry.bad) bad.add(entry.path);
  }
  return bad;
}

/** Checks a written file against its manifest line: it exists, with that size and sha256. */
async function checkFile(path: string, bytes: number, hash: string): Promise<string | undefined> {
  let content: Uint8Array;
  try {
    content = await readFile(path);
  } catch {
    return `${path}: missing`;
  }
  if (content.length !== bytes) return `${path}: ${content.length} bytes, the manifest says ${bytes}`;
  if (sha256(content) !== hash) return `${path}: content differs from its manifest sha256`;
  return undefined;
}

/**
 * Checks one shard's part in one root: its manifest and skipped list exist, the manifest holds exactly the planned
 * lines of the shard's sources (a source the skipped list names as bad has none) and every listed file is on disk
 * with the recorded size and sha256.
 */
async function checkShardRoot(
  dir: string,
  roots: readonly string[],
  root: string,
  shard: Shard | null,
  sources: readonly PlannedSource[],
  check: ShardCheck,
): Promise<void> {
  const folder = join(dir, root);
  const read = (name: string) => readFile(join(folder, name), 'utf8').catch(() => undefined);
  const manifest = await read(manifestName(shard));
  const skipped = await read(skippedName(shard));
  if (manifest === undefined || skipped === undefined) {
    const why = manifest === undefined ? (shard === null ? 'missing, and no shard lists either (give --shards N to list the shards to run)' : 'missing (the shard did not finish)') : 'no skipped list next to it';
    check.problems.push(`${join(folder, manifestName(shard))}: ${why}`);
    return;
  }
  const bad = badPaths(skipped);
  if (root === roots[0]) check.bad += bad.size; // every root lists the same skipped files
  const lines = manifest.split('\n').slice(0, -1);
  const expected = sources.filter((s) => !bad.has(s.image.path)).flatMap((s) => s.files.filter((f) => f.root === root).map((f) => ({ s, f })));
  if (lines.length !== expected.length) check.problems.push(`${join(folder, manifestName(shard))}: ${lines.length} lines, the plan has ${expected.length}`);
  const checks = await mapLimited(
    expected.slice(0, lines.length).map((e, i) => ({ ...e, i })),
    HASH_CONCURRENCY,
    async ({ s, f, i }): Promise<string | undefined> => {
      let record: { bytes: number; sha256: string };
      try {
        record = JSON.parse(lines[i]!) as typeof record;
      } catch {
        return `${join(folder, manifestName(shard))} line ${i + 1}: not JSON`;
      }
      if (lines[i] !== JSON.stringify(manifestRecord(s, f, record))) {
        return `${join(folder, manifestName(shard))} line ${i + 1}: not the planned record of ${f.file}`;
      }
      return checkFile(join(folder, f.file), record.bytes, record.sha256);
    },
  );
  check.files += checks.length;
  for (const problem of checks) if (problem !== undefined) check.problems.push(problem);
  check.texts.set(root, { manifest, skipped });
}

/** Checks every root of one shard (null: the folder of one run, or merged already). */
async function checkShard(dir: string, plan: ReturnType<typeof preparedFromPlan>['plan'], shard: Shard | null): Promise<ShardCheck> {
  const [first, end] = shardRange(plan.sources.length, shard);
  const sources = plan.sources.slice(first, end);
  const check: ShardCheck = { problems: [], texts: new Map(), files: 0, bad: 0 };
  for (const root of plan.roots) await checkShardRoot(dir, plan.roots, root, shard, sources, check);
  return check;
}

/**
 * Checks and merges the output of a sharded run: every planned output of every shard exists with the size and
 * sha256 its shard manifest recorded, and each manifest holds exactly its shard's planned lines. When all is
 * there, per output root the shard manifests and skipped lists are concatenated (in shard order) into
 * `manifest.jsonl` and `skipped.jsonl` — byte for byte what one run would have written — and the shard lists
 * removed. When not, nothing is written and `incomplete` names the shards to run again (a re-run shard resumes:
 * it writes only what is missing). A folder merged already (or written by one run) is checked the same way.
 *
 * @throws {AugkitError} INVALID_ARGUMENT when the plan is missing, edited, or not the plan of the job in `dir`, or the
 *   shard lists disagree on the number of shards; IO_ERROR when writing fails.
 * @example
 * const report = await mergeShards({ dir: 'augmented' });
 * if (!report.complete) console.log('run again:', report.incomplete.map((s) => s.index).join(','));
 */
export async function mergeShards(options: MergeOptions): Promise<MergeReport> {
  const { dir } = options;
  const planPath = options.plan ?? join(dir, PLAN_COPY);
  if (options.plan === undefined && !existsSync(planPath)) {
    throw new AugkitError('INVALID_ARGUMENT', `Expected a plan for merge but ${dir} holds no ${PLAN_COPY} (no shard run from a plan has finished there): give it with --plan`);
  }
  const plan: LoadedPlan = await loadPlan(planPath);
  const copy = await readFile(join(dir, PLAN_COPY), 'utf8').catch(() => undefined);
  if (copy !== undefined && copy !== planText(plan.body)) {
    throw new AugkitError('INVALID_ARGUMENT', `Expected the shards of plan ${planPath} in ${dir} but they were run from another plan (${join(dir, PLAN_COPY)} differs)`);
  }
  const settings = checkSettings(planAugmentOptions(plan, plan.body.input, dir));
  const { plan: planned } = preparedFromPlan(plan, settings, plan.body.input);
  const job = await readFile(join(dir, JOB_FILE), 'utf8').catch(() => undefined);
  if (job !== undefined && job !== plan.body.job) {
    throw new AugkitError('INVALID_ARGUMENT', `Expected the job of plan ${planPath} in ${dir} but ${join(dir, JOB_FILE)} records another job (other options or input files)`);
  }
  const found = await shardCountIn(dir, planned.roots);
  if (found !== undefined && options.shards !== undefined && found !== options.shards) {
    throw new AugkitError('INVALID_ARGUMENT', `Expected ${options.shards} shards (--shards) but ${dir} holds the lists of ${found}`);
  }
  const count = found ?? options.shards;
  const merged = count === undefined;
  const shards: (Shard | null)[] = merged ? [null] : Array.from({ length: count }, (_, index) => ({ index, count }));
  const checks: ShardCheck[] = [];
  for (const shard of shards) checks.push(await checkShard(dir, planned, shard));
  const incomplete = checks.flatMap((c, index) => (c.problems.length === 0 ? [] : [{ index, count: c.problems.length, problems: c.problems.slice(0, LISTED_PROBLEMS) }]));
  const complete = incomplete.length === 0;
  const manifests: string[] = [];
  const skippedLists: string[] = [];
  if (complete) {
    for (const root of planned.roots) {
      manifests.push(join(dir, root, manifestName(null)));
      skippedLists.push(join(dir, root, skippedName(null)));
    }
  }
  if (complete && !merged && options.checkOnly !== true) {
    for (const root of planned.roots) {
      const texts = checks.map((c) => c.texts.get(root)!);
      await writeFileAtomic(join(dir, root, skippedName(null)), texts.map((t) => t.skipped).join(''));
      await writeFileAtomic(join(dir, root, manifestName(null)), texts.map((t) => t.manifest).join(''));
      for (const shard of shards) {
        for (const name of [manifestName(shard), skippedName(shard)]) {
          await rm(join(dir, root, name)).catch((cause: unknown) => {
            throw ioError(`could not remove ${join(dir, root, name)} after merging it`, cause);
          });
        }
      }
    }
  }
  return {
    dir,
    plan: planPath,
    shards: shards.length,
    complete,
    incomplete,
    files: checks.reduce((n, c) => n + c.files, 0),
    bad: checks.reduce((n, c) => n + c.bad, 0),
    manifests,
    skippedLists,
  };
}

/**
 * Whether shard `shard` of `plan` (null: the whole run) is complete in `dir`: its manifests list every planned
 * output and each is on disk with the recorded size and sha256 — what `augment --only-missing` skips.
 *
 * @example
 * if (!(await shardComplete('augmented', await loadPlan('plan.json'), { index: 3, count: 8 }))) await augmentFromPlan(…);
 */
export async function shardComplete(dir: string, plan: LoadedPlan, shard: Shard | null): Promise<boolean> {
  const settings = checkSettings(planAugmentOptions(plan, plan.body.input, dir));
  const check = await checkShard(dir, preparedFromPlan(plan, settings, plan.body.input).plan, shard);
  return check.problems.length === 0;
}
