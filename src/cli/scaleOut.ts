/**
 * The CLI past one machine: `augkit plan`, `augkit augment --plan … --shard auto`, `augkit merge` (docs/scale-out.md).
 */
import type { AugmentOptions, AugmentProgress, AugmentSummary } from '../dataset/augment.js';
import { mergeShards, shardComplete } from '../dataset/merge.js';
import { augmentFromPlan, loadPlan, makePlan, writePlan } from '../dataset/planFile.js';
import { shardFromEnvironment } from '../dataset/shardEnv.js';
import { intFlag, parseArgs, shardFlag, UsageError, type FlagSpec } from './args.js';
import { JOB_FLAGS } from './jobFlags.js';
import { ProgressBar } from './progress.js';
import { formatAugment } from './report.js';

/** The flags `augkit augment` gains here. */
export const SCALE_OUT_FLAGS: Record<string, FlagSpec> = {
  shards: { kind: 'string' },
  plan: { kind: 'string' },
  files: { kind: 'string' },
  'only-missing': { kind: 'boolean' },
};

type Flags = Map<string, unknown>;
const str = (flags: Flags, name: string) => flags.get(name) as string | undefined;

function print(text: string, code: number): number {
  process.stdout.write(`${text}\n`);
  return code;
}

/**
 * `--shard K/N`, or `--shard auto` (with `--shards N` where the engine does not set N).
 *
 * @example
 * options.shard = shardOption(flags); // { index: 3, count: 8 } from CLOUD_RUN_TASK_INDEX=3 CLOUD_RUN_TASK_COUNT=8
 */
export function shardOption(flags: Flags): { index: number; count: number } {
  const value = str(flags, 'shard')!;
  const shards = flags.has('shards') ? intFlag(str(flags, 'shards')!, '--shards', 1) : undefined;
  if (value !== 'auto') {
    if (shards !== undefined) throw new UsageError('--shards goes with --shard auto; with --shard K/N, N is the count');
    return shardFlag(value, '--shard');
  }
  const { index, count } = shardFromEnvironment(process.env, shards);
  return { index, count };
}

/** Warnings go to stderr, so --json output stays parseable. */
function warn(warnings: readonly string[]): void {
  for (const w of warnings) process.stderr.write(`augkit: warning: ${w}\n`);
}

/**
 * Runs an augment with progress bars on stderr (checking, then writing), prints its warnings and summary; exit 1
 * when sources were skipped as bad.
 *
 * @example
 * return reportAugment((onProgress) => augment({ ...options, onProgress }), flags.has('json'));
 */
export async function reportAugment(run: (onProgress: (p: AugmentProgress) => void) => Promise<AugmentSummary>, json: boolean): Promise<number> {
  const bars = { check: new ProgressBar(process.stderr, 'check'), write: new ProgressBar(process.stderr, 'augment') };
  let summary;
  try {
    summary = await run((p) => {
      if (p.phase === 'write') bars.check.done();
      bars[p.phase].update(p.done, p.total, p.phase === 'check' ? p.done : p.written, p.elapsedMs);
    });
  } finally {
    bars.check.done();
    bars.write.done();
  }
  warn(summary.warnings);
  print(json ? JSON.stringify(summary, null, 2) : formatAugment(summary), 0);
  return summary.bad > 0 ? 1 : 0;
}

/** Options that shape the output: a plan records them, so they cannot be given with --plan. */
const PLANNED = ['recipe', 'variants', 'classes', 'balance', 'split', 'size', 'seed', 'format', 'quality', 'png-level', 'jpeg', 'files', 'force'];

/**
 * `augkit augment [input] --plan plan.json --out <dir> [--shard K/N|auto] [--workers N] [--only-missing]`.
 *
 * @example
 * if (flags.has('plan')) return runPlannedAugment(positionals, flags);
 */
export async function runPlannedAugment(positionals: readonly string[], flags: Flags): Promise<number> {
  const given = PLANNED.filter((f) => flags.has(f));
  if (given.length > 0) {
    throw new UsageError(`--${given[0]} cannot be combined with --plan: the plan records the options it was made with (plan again to change them)`);
  }
  if (flags.has('cache-mb')) {
    throw new UsageError('--cache-mb cannot be combined with --plan: a planned run does not decode-check its sources, so it decodes each once anyway');
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const out = str(flags, 'out');
  if (out === undefined) throw new UsageError('missing --out <dir>');
  if (flags.has('shards') && !flags.has('shard')) throw new UsageError('--shards goes with --shard auto');
  const plan = await loadPlan(str(flags, 'plan')!);
  const shard = flags.has('shard') ? shardOption(flags) : undefined;
  if (flags.has('only-missing') && (await shardComplete(out, plan, shard ?? null))) {
    const which = shard === undefined ? 'the run' : `shard ${shard.index}/${shard.count}`;
    return print(`${which} is complete in ${out} already (every output as its manifest records): nothing to do`, 0);
  }
  return reportAugment(
    (onProgress) =>
      augmentFromPlan({
        plan,
        out,
        onProgress,
        ...(positionals[0] !== undefined && { input: positionals[0] }),
        ...(shard !== undefined && { shard }),
        ...(flags.has('workers') && { workers: intFlag(str(flags, 'workers')!, '--workers', 1, 1024) }),
        dryRun: flags.has('dry-run'),
      }),
    flags.has('json'),
  );
}

const PLAN_HELP = `augkit plan <input> --out <plan.json> [options]

Scans <input>, decodes every image once and plans the job — the split, the balance targets, every output's name, source,
recipe and seed, and each source's size and modification time — for shards to run without scanning:
  augkit augment --plan plan.json --out <dir> --shard auto
The plan carries its own sha256: an edited plan is refused. Options as for augment:
--recipe, --variants, --classes, --balance, --split, --size, --seed, --format, --quality, --png-level,
--files <list.txt> (sources from a list instead of walking <input>), --workers <N> (threads for the
decode check), --json.`;

const PLAN_FLAGS: Record<string, FlagSpec> = {
  out: { kind: 'string' },
  ...JOB_FLAGS,
  files: { kind: 'string' },
  workers: { kind: 'string' },
  json: { kind: 'boolean' },
  help: { kind: 'boolean', short: 'h' },
};

/**
 * `augkit plan <input> --out plan.json [augment options]`; exit 1 when the scan found bad files.
 *
 * @example
 * case 'plan': return await runPlan(rest, augmentOptionsOf);
 */
export async function runPlan(
  argv: readonly string[],
  optionsOf: (input: string, out: string, flags: Flags) => Promise<AugmentOptions>,
): Promise<number> {
  const { positionals, flags } = parseArgs(argv, PLAN_FLAGS);
  if (flags.has('help')) return print(PLAN_HELP, 0);
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <input> folder' : `unexpected argument "${positionals[1]}"`);
  const out = str(flags, 'out');
  if (out === undefined) throw new UsageError('missing --out <plan.json>');
  const bar = new ProgressBar(process.stderr, 'check');
  let plan;
  try {
    plan = await makePlan({ ...(await optionsOf(positionals[0]!, out, flags)), onProgress: (p) => bar.update(p.done, p.total, p.done, p.elapsedMs) });
  } finally {
    bar.done();
  }
  await writePlan(plan, out);
  const { body } = plan;
  const summary = {
    plan: out,
    sha256: plan.sha256,
    input: body.input,
    classes: body.classNames.length,
    sources: body.sources.length,
    outputs: body.sources.reduce((n, s) => n + s.outputs.length, 0),
    skipped: body.skipped.length,
    bad: body.skipped.filter((s) => s.bad).length,
  };
  const text =
    `wrote ${out} (sha256 ${plan.sha256.slice(0, 16)}…): ${summary.sources} sources in ${summary.classes} classes, ` +
    `${summary.outputs} outputs planned; ${summary.skipped} input files skipped (${summary.bad} unreadable)`;
  print(flags.has('json') ? JSON.stringify(summary, null, 2) : text, 0);
  return summary.bad > 0 ? 1 : 0;
}

const MERGE_HELP = `augkit merge <dir> [options]

Checks that every planned output of every shard in <dir> exists with the size and sha256 its shard
manifest recorded, then concatenates the shard manifests and skipped lists into manifest.jsonl and
skipped.jsonl, byte for byte as one run would have written them. When something is missing it writes
nothing, names the shards to run again and exits 3.

  --plan <plan.json>     the plan (default: the copy the shards keep in <dir>)
  --shards <N>           the number of shards, when none has finished yet
  --only-missing         print only the indices of the shards to run again, comma-separated
                         (e.g. for sbatch --array=…); merge nothing; exit 0
  --check                check only, write nothing
  --json                 print a machine-readable report on stdout
  -h, --help             this help

Exit codes: 0 merged, 1 merged but some sources were skipped as bad, 2 usage error, 3 incomplete.`;

const MERGE_FLAGS: Record<string, FlagSpec> = {
  plan: { kind: 'string' },
  shards: { kind: 'string' },
  'only-missing': { kind: 'boolean' },
  check: { kind: 'boolean' },
  json: { kind: 'boolean' },
  help: { kind: 'boolean', short: 'h' },
};

/**
 * `augkit merge <dir> [--plan p] [--shards N] [--only-missing] [--check] [--json]`.
 *
 * @example
 * case 'merge': return await runMerge(rest);
 */
export async function runMerge(argv: readonly string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv, MERGE_FLAGS);
  if (flags.has('help')) return print(MERGE_HELP, 0);
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <dir>' : `unexpected argument "${positionals[1]}"`);
  const onlyMissing = flags.has('only-missing');
  const report = await mergeShards({
    dir: positionals[0]!,
    ...(flags.has('plan') && { plan: str(flags, 'plan')! }),
    ...(flags.has('shards') && { shards: intFlag(str(flags, 'shards')!, '--shards', 1) }),
    checkOnly: onlyMissing || flags.has('check'),
  });
  if (onlyMissing) return print(report.incomplete.map((s) => s.index).join(','), 0);
  if (flags.has('json')) print(JSON.stringify(report, null, 2), 0);
  else if (report.complete) {
    const what = flags.has('check') ? 'checked' : 'merged';
    print(`${what} ${report.shards} shard${report.shards === 1 ? '' : 's'} in ${report.dir}: ${report.files} files as recorded; ${report.bad} sources skipped as bad` +
      (flags.has('check') ? '' : `\nwrote ${[...report.manifests, ...report.skippedLists].join(', ')}`), 0);
  } else {
    const lines = [`incomplete: ${report.incomplete.length} of ${report.shards} shards to run again: ${report.incomplete.map((s) => s.index).join(',')}`];
    for (const shard of report.incomplete) {
      lines.push(`  shard ${shard.index}: ${shard.count} problem${shard.count === 1 ? '' : 's'}`);
      for (const problem of shard.problems) lines.push(`    ${problem}`);
      if (shard.count > shard.problems.length) lines.push(`    … and ${shard.count - shard.problems.length} more`);
    }
    lines.push('nothing merged; run those shards again (they resume), then merge again');
    print(lines.join('\n'), 0);
  }
  if (!report.complete) return 3;
  return report.bad > 0 ? 1 : 0;
}
