// Past one machine, at full size (not in CI; test/dataset/scaleOut.cli.test.ts is the small version):
// 20 000 small PNGs in 20 classes. Measures what planning costs — `augkit plan` once against the scan (and
// decode check) every shard does without a plan — and the time a shard spends before its first image with and
// without a plan. Then simulates the engines: 8 shard processes at once with each engine's variables in turn,
// `merge`, and the merged folder compared with one uninterrupted run; in the first round two shards are killed
// mid-way, `merge` must name exactly those, they are re-run, and merged again.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { encodePng } from '../src/index.js';
import { randomImage } from '../test/helpers/images.js';
import { ROOT } from './lib/root.js';

const CLI = new URL('dist/cli/bin.js', ROOT).pathname;
const CLASSES = 20;
const SHARDS = 8;
const SHAPE = ['--variants', '1', '--split', 'train=0.8,val=0.1,test=0.1', '--size', '24x24', '--seed', '1'];
const ENGINE_VARIABLE = /^(JOB_COMPLETION|SLURM_ARRAY|AWS_BATCH_JOB_ARRAY|CLOUD_RUN_TASK)/;

/** Each engine's variables for shard k of SHARDS, and the flags it needs besides. */
const ENGINES: Record<string, { env: (k: number) => Record<string, string>; args: string[] }> = {
  kubernetes: { env: (k) => ({ JOB_COMPLETION_INDEX: String(k), JOB_COMPLETIONS: String(SHARDS) }), args: [] },
  slurm: { env: (k) => ({ SLURM_ARRAY_TASK_ID: String(k), SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: String(SHARDS - 1) }), args: [] },
  'aws-batch': { env: (k) => ({ AWS_BATCH_JOB_ARRAY_INDEX: String(k) }), args: ['--shards', String(SHARDS)] },
  'cloud-run': { env: (k) => ({ CLOUD_RUN_TASK_INDEX: String(k), CLOUD_RUN_TASK_COUNT: String(SHARDS) }), args: [] },
};

export interface ScaleOutResult {
  readonly images: number;
  /** Sources in the engine simulation. */
  readonly simulated: number;
  readonly classes: number;
  readonly shards: number;
  /** `augkit plan` wall time, and per source file. */
  readonly planSeconds: number;
  readonly planMsPerFile: number;
  /** Before its first output: a shard that scans and checks everything itself, and a shard of the plan. */
  readonly firstImageWithoutPlanSeconds: number;
  readonly scanMsPerFile: number;
  readonly firstImageWithPlanSeconds: number;
  /** One uninterrupted run, and each engine's 8 concurrent shards plus merge (wall time). */
  readonly fullRunSeconds: number;
  readonly engines: readonly { engine: string; seconds: number; identical: boolean }[];
  /** The kill round: the shards killed, those merge named, and whether the final merge equals the full run. */
  readonly killed: readonly number[];
  readonly named: readonly number[];
  readonly recovered: boolean;
}

function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !ENGINE_VARIABLE.test(k))), ...extra };
}

function augkit(args: readonly string[], extra: Record<string, string> = {}): { status: number | null; stdout: string; seconds: number } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: environment(extra), maxBuffer: 1 << 28 });
  if (r.status === null || r.status > 1) throw new Error(`augkit ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { status: r.status, stdout: r.stdout, seconds: (performance.now() - start) / 1000 };
}

/** Starts `augkit <args>`; resolves with its exit code (or signal), and the seconds until `first` (under out) existed. */
function startShard(args: readonly string[], extra: Record<string, string>, first?: string, killAtFirst = false) {
  const start = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore', env: environment(extra) });
  let firstSeconds = Number.NaN;
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let exited = false;
  void done.then(() => (exited = true));
  const watch = (async () => {
    if (first === undefined) return;
    while (!exited && !existsSync(first)) await new Promise((r) => setTimeout(r, 5));
    firstSeconds = (performance.now() - start) / 1000;
    if (killAtFirst && !exited) child.kill('SIGKILL');
  })();
  return { done: done.then(async (exit) => (await watch, { ...exit, firstSeconds: () => firstSeconds })) };
}

function generate(dir: string, images: number): void {
  for (let c = 0; c < CLASSES; c++) mkdirSync(join(dir, `class_${String(c).padStart(2, '0')}`), { recursive: true });
  for (let i = 0; i < images; i++) {
    const c = i % CLASSES;
    writeFileSync(join(dir, `class_${String(c).padStart(2, '0')}`, `img_${String(i).padStart(5, '0')}.png`), encodePng(randomImage(16, 16, i + 1)));
  }
}

/** sha256 of every file under `dir` but the plan copy, in one digest. */
function treeDigest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name !== '.augkit-plan.json') hash.update(`${relative(dir, p)}\0`).update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

const shardArgs = (plan: string, out: string, extra: readonly string[]) => ['augment', '--plan', plan, '--out', out, '--shard', 'auto', '--workers', '1', ...extra];

/** Plans `input` into `plan`; returns the seconds it took and where each shard's first output goes. */
function planOnce(input: string, plan: string) {
  const { seconds } = augkit(['plan', input, '--out', plan, ...SHAPE, '--workers', '1']);
  const body = JSON.parse(readFileSync(plan, 'utf8')).body as { sources: { outputs: { root: string; file: string }[] }[] };
  const firstOf = (out: string, k: number) => join(out, body.sources[Math.floor((k * body.sources.length) / SHARDS)]!.outputs[0]!.file);
  return { seconds, sources: body.sources.length, firstOf };
}

/**
 * Measures planning with `images` sources (20 000 by default) and runs the engine simulation with `simulated`
 * sources (the same by default; fewer to keep a run on a busy machine short).
 */
export async function runScaleOutBench(log: (message: string) => void, images = 20_000, simulated = images): Promise<ScaleOutResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const root = mkdtempSync(join(tmpdir(), 'augkit-scale-'));
  try {
    let input = join(root, 'in');
    log(`scale-out: generating ${images} PNGs in ${CLASSES} classes …`);
    generate(input, images);
    const plan = join(root, 'plan.json');
    log('scale-out: plan …');
    const planned0 = planOnce(input, plan);
    let { firstOf } = planned0;

    log('scale-out: time to the first image, without and with a plan …');
    const scanning = join(root, 'scanning');
    const without = await startShard(['augment', input, '--out', scanning, ...SHAPE, '--shard', `0/${SHARDS}`, '--workers', '1'], {}, firstOf(scanning, 0), true).done;
    const planned = join(root, 'planned');
    const withPlan = await startShard(shardArgs(plan, planned, ENGINES['cloud-run']!.args), ENGINES['cloud-run']!.env(0), firstOf(planned, 0), true).done;
    if (simulated !== images) {
      log(`scale-out: the simulation with ${simulated} PNGs …`);
      input = join(root, 'in-simulated');
      generate(input, simulated);
      ({ firstOf } = planOnce(input, plan));
    }

    log('scale-out: one uninterrupted run …');
    const full = join(root, 'full');
    const fullRun = augkit(['augment', input, '--out', full, ...SHAPE, '--workers', '1']);
    const expected = treeDigest(full);
    rmSync(full, { recursive: true });

    const engines: { engine: string; seconds: number; identical: boolean }[] = [];
    const killed = [2, 5];
    let named: number[] = [];
    let recovered = false;
    for (const [engine, form] of Object.entries(ENGINES)) {
      log(`scale-out: ${SHARDS} shards with the ${engine} variables …`);
      const out = join(root, engine);
      const start = performance.now();
      const kill = engines.length === 0;
      await Promise.all(
        Array.from({ length: SHARDS }, (_, k) => startShard(shardArgs(plan, out, form.args), form.env(k), firstOf(out, k), kill && killed.includes(k)).done),
      );
      if (kill) {
        named = augkit(['merge', out, '--only-missing']).stdout.trim().split(',').filter((s) => s !== '').map(Number);
        await Promise.all(named.map((k) => startShard(shardArgs(plan, out, form.args), form.env(k)).done));
      }
      augkit(['merge', out]);
      const seconds = (performance.now() - start) / 1000;
      const identical = treeDigest(out) === expected;
      if (kill) recovered = identical;
      engines.push({ engine, seconds, identical });
      rmSync(out, { recursive: true });
    }
    const n = planned0.sources;
    return {
      images: n,
      simulated,
      classes: CLASSES,
      shards: SHARDS,
      planSeconds: planned0.seconds,
      planMsPerFile: (planned0.seconds * 1000) / n,
      firstImageWithoutPlanSeconds: without.firstSeconds(),
      scanMsPerFile: (without.firstSeconds() * 1000) / n,
      firstImageWithPlanSeconds: withPlan.firstSeconds(),
      fullRunSeconds: fullRun.seconds,
      engines,
      killed,
      named,
      recovered,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function scaleOutTable(r: ScaleOutResult): string {
  return [
    `${r.images} PNGs (16×16) in ${r.classes} classes, ${r.shards} shards, 1 worker each:`,
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| \`augkit plan\` (scan + decode check + plan, once) | ${r.planSeconds.toFixed(1)} s = ${r.planMsPerFile.toFixed(2)} ms/file |`,
    `| a shard without a plan: start → first image (its own scan + check of every file) | ${r.firstImageWithoutPlanSeconds.toFixed(1)} s = ${r.scanMsPerFile.toFixed(2)} ms/file |`,
    `| a shard of the plan: start → first image | ${r.firstImageWithPlanSeconds.toFixed(2)} s |`,
    `| ratio (without / with a plan) | ${(r.firstImageWithoutPlanSeconds / r.firstImageWithPlanSeconds).toFixed(1)}× |`,
    '',
    `Simulation with ${r.simulated} PNGs:`,
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| one uninterrupted run | ${r.fullRunSeconds.toFixed(1)} s |`,
    ...r.engines.map((e) => `| ${r.shards} shards at once with the ${e.engine} variables + merge | ${e.seconds.toFixed(1)} s, ${e.identical ? 'byte-identical to the one run' : '**differs from the one run**'} |`),
    `| shards killed mid-way / named by merge / merged after re-running them | ${r.killed.join(',')} / ${r.named.join(',')} / ${r.recovered ? 'identical' : '**differs**'} |`,
  ].join('\n');
}
