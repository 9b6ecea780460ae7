// Past one machine, simulated here: plan once, shard processes started with each batch engine's variables,
// merge, and the result is byte for byte one uninterrupted run. The full-size run is bench/scaleOut.ts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { encodePng } from '../../src/index.js';
import { BIN, RECIPES, ROOT, hashTree, readManifest } from '../helpers/cli.js';
import { randomImage } from '../helpers/images.js';

// every test starts several CLI processes; a shared CI machine may take seconds for each
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** Every folder of this file, under one temp folder removed at the end (with a time limit for a loaded machine). */
const scratch = mkdtempSync(join(tmpdir(), 'augkit-scale-out-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 120_000);
let folders = 0;
const tempDir = () => {
  const dir = join(scratch, String(folders++));
  mkdirSync(dir);
  return dir;
};

const ENGINE_VARIABLE = /^(JOB_COMPLETION|SLURM_ARRAY|AWS_BATCH_JOB_ARRAY|CLOUD_RUN_TASK)/;

/** This process's environment without any batch engine's variables, plus `extra`. */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !ENGINE_VARIABLE.test(k)));
  return { ...env, ...extra };
}

function augkit(args: readonly string[], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, env: environment(extra) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** 4 classes × 50 tiny PNGs, a README (skipped: not in a class folder) and a PNG cut short (skipped as bad when decoded). */
function generateSet(dir: string, seed: number): void {
  for (let c = 0; c < 4; c++) {
    mkdirSync(join(dir, `class_${c}`), { recursive: true });
    for (let i = 0; i < 50; i++) {
      writeFileSync(join(dir, `class_${c}`, `img_${String(i).padStart(2, '0')}.png`), encodePng(randomImage(12, 10, seed + c * 1000 + i)));
    }
  }
  writeFileSync(join(dir, 'README.md'), 'not an image\n');
  writeFileSync(join(dir, 'class_2', 'img_30_cut.png'), encodePng(randomImage(12, 10, seed)).subarray(0, 60));
}

const SHAPE = ['--recipe', join(RECIPES, 'flips.json'), '--recipe', join(RECIPES, 'flips-rotation-noise.json'), '--variants', '1',
  '--split', 'train=0.7,val=0.15,test=0.15', '--size', '16x16', '--seed', '9'];
const SHARDS = 3;

const root = tempDir();
const data = join(root, 'data');
generateSet(data, 1);
const plan = join(root, 'plan.json');
const planRun = augkit(['plan', data, '--out', plan, ...SHAPE]);
const full = join(root, 'full');
const fullRun = augkit(['augment', data, '--out', full, ...SHAPE, '--workers', '1']);
const expected = hashTree(full);

/** The tree of a merged folder, without the plan copy the shards keep there (one run without a plan has none). */
function mergedTree(dir: string): Record<string, string> {
  const tree = hashTree(dir);
  expect(tree).toHaveProperty(['.augkit-plan.json']);
  delete tree['.augkit-plan.json'];
  return tree;
}

const shardArgs = (out: string) => ['augment', '--plan', plan, '--out', out, '--shard', 'auto', '--workers', '1'];

describe('plan once, run the shards with each engine\'s variables, merge: one run, byte for byte', () => {
  it('the plan and the uninterrupted run succeed (exit 1: the cut PNG is skipped as bad)', () => {
    expect(planRun.stderr).toBe('');
    expect(planRun.status).toBe(1); // planning decodes every image and finds the cut one
    expect(planRun.stdout).toMatch(/: 200 sources in 4 classes, \d+ outputs planned; 2 input files skipped \(1 unreadable\)/);
    expect(fullRun.status, fullRun.stderr).toBe(1);
    expect(readFileSync(join(full, 'flips', 'skipped.jsonl'), 'utf8')).toMatch(/img_30_cut\.png.*"bad":true/);
    expect(Object.keys(expected).length).toBeGreaterThan(600);
  });

  it('planning twice gives the same plan, byte for byte', () => {
    const again = join(root, 'plan-again.json');
    expect(augkit(['plan', data, '--out', again, ...SHAPE]).status).toBe(planRun.status);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(plan, 'utf8'));
  });

  const engines: Record<string, { env: (k: number) => Record<string, string>; args?: string[] }> = {
    'Kubernetes Indexed Job (--shards)': { env: (k) => ({ JOB_COMPLETION_INDEX: String(k) }), args: ['--shards', String(SHARDS)] },
    'Slurm array --array=1-3': {
      env: (k) => ({ SLURM_ARRAY_TASK_ID: String(k + 1), SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: String(SHARDS), SLURM_ARRAY_TASK_COUNT: String(SHARDS) }),
    },
    'AWS Batch array job': { env: (k) => ({ AWS_BATCH_JOB_ARRAY_INDEX: String(k) }), args: ['--shards', String(SHARDS)] },
    'Cloud Run job': { env: (k) => ({ CLOUD_RUN_TASK_INDEX: String(k), CLOUD_RUN_TASK_COUNT: String(SHARDS) }) },
  };
  for (const [engine, form] of Object.entries(engines)) {
    it(engine, () => {
      const out = join(tempDir(), 'out');
      const statuses = [2, 0, 1].map((k) => {
        const r = augkit([...shardArgs(out), ...(form.args ?? [])], form.env(k));
        expect(r.stderr).toBe('');
        expect(r.stdout).toContain(`shard ${k}/${SHARDS}`);
        return r.status;
      });
      // every shard reports the cut PNG (skipped as bad when planning), as the uninterrupted run does
      expect(statuses).toEqual([1, 1, 1]);
      const merge = augkit(['merge', out]);
      expect(merge.status, merge.stdout).toBe(1);
      expect(merge.stdout).toMatch(/^merged 3 shards in .*: \d+ files as recorded; 1 sources skipped as bad/);
      expect(mergedTree(out)).toEqual(expected);
      rmSync(out, { recursive: true }); // now, not all at the end (the cleanup hook has a time limit)
    });
  }
});

describe('shards killed mid-way: merge names them, re-run only those, merge again', () => {
  const out = join(root, 'killed');
  const cloudRun = (k: number) => ({ CLOUD_RUN_TASK_INDEX: String(k), CLOUD_RUN_TASK_COUNT: String(SHARDS) });
  const body = JSON.parse(readFileSync(plan, 'utf8')).body as { sources: { outputs: { root: string; file: string }[] }[] };

  /** Starts shard k, waits until the first output of its first source exists, kills it with SIGKILL. */
  async function killMidway(k: number): Promise<void> {
    const first = body.sources[Math.floor((k * body.sources.length) / SHARDS)]!.outputs[0]!;
    const child = spawn(process.execPath, [BIN, ...shardArgs(out)], { cwd: ROOT, stdio: 'ignore', env: environment(cloudRun(k)) });
    const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let exited = false;
    void exit.then(() => (exited = true));
    while (!exited && !existsSync(join(out, first.root, first.file))) await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGKILL');
    expect(await exit, `shard ${k} finished before the kill`).toBe('SIGKILL');
  }

  it('merge lists exactly the killed shards, writes nothing, exits 3; --only-missing prints them for the engine', async () => {
    expect(augkit(shardArgs(out), cloudRun(1)).status).toBeLessThan(2);
    await killMidway(0);
    await killMidway(2);
    const merge = augkit(['merge', out]);
    expect(merge.status).toBe(3);
    expect(merge.stdout).toMatch(/^incomplete: 2 of 3 shards to run again: 0,2\n/);
    expect(merge.stdout).toMatch(/manifest\.shard-0-of-3\.jsonl: missing/);
    expect(existsSync(join(out, 'flips', 'manifest.jsonl'))).toBe(false);
    expect(augkit(['merge', out, '--only-missing'])).toMatchObject({ status: 0, stdout: '0,2\n' });
  });

  it('after re-running those two, merge gives one run byte for byte', () => {
    const rerun = augkit(['merge', out, '--only-missing']).stdout.trim().split(',').map(Number);
    for (const k of rerun) expect(augkit([...shardArgs(out), '--only-missing'], cloudRun(k)).status).toBeLessThan(2);
    // a complete shard with --only-missing does nothing
    const done = augkit([...shardArgs(out), '--only-missing'], cloudRun(0));
    expect(done).toMatchObject({ status: 0 });
    expect(done.stdout).toMatch(/shard 0\/3 is complete .* already/);
    expect(augkit(['merge', out]).status).toBe(1);
    expect(mergedTree(out)).toEqual(expected);
    // merged already: merge checks the merged lists the same way and writes nothing
    expect(augkit(['merge', out, '--check']).stdout).toMatch(/^checked 1 shard in .*: \d+ files as recorded; 1 sources skipped as bad\n$/);
    expect(mergedTree(out)).toEqual(expected);
    rmSync(out, { recursive: true });
  });

  it('a file deleted, truncated or altered after its shard finished: merge names that shard and that file', () => {
    const sharded = join(tempDir(), 'out');
    for (let k = 0; k < SHARDS; k++) augkit(shardArgs(sharded), cloudRun(k));
    const records = readManifest(join(sharded, 'flips', 'manifest.shard-1-of-3.jsonl'));
    const [gone, cut] = [records[0]!.file as string, records[1]!.file as string];
    rmSync(join(sharded, 'flips', gone));
    const cutPath = join(sharded, 'flips', cut);
    writeFileSync(cutPath, readFileSync(cutPath).subarray(0, 10));
    const lastRecords = readManifest(join(sharded, 'flips+rotation+noise', 'manifest.shard-2-of-3.jsonl'));
    const altered = join(sharded, 'flips+rotation+noise', lastRecords[0]!.file as string);
    const bytes = readFileSync(altered);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(altered, bytes);
    const merge = augkit(['merge', sharded, '--json']);
    expect(merge.status).toBe(3);
    const report = JSON.parse(merge.stdout);
    expect(report.incomplete.map((s: { index: number }) => s.index)).toEqual([1, 2]);
    expect(report.incomplete[0].problems).toEqual([`${join(sharded, 'flips', gone)}: missing`, `${cutPath}: 10 bytes, the manifest says ${records[1]!.bytes}`]);
    expect(report.incomplete[1].problems).toEqual([`${altered}: content differs from its manifest sha256`]);
    rmSync(sharded, { recursive: true });
  });
});

describe('what a shard refuses or reports', () => {
  const usage = (r: { status: number | null; stderr: string }, message: RegExp) => {
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
  };

  it('a plan edited by hand is refused: it carries its own hash', () => {
    const edited = join(tempDir(), 'edited.json');
    writeFileSync(edited, readFileSync(plan, 'utf8').replace('"seed":9', '"seed":10'));
    usage(augkit(['augment', '--plan', edited, '--out', join(tempDir(), 'o')]), /does not match the sha256 it carries .* it was edited/);
    usage(augkit(['merge', join(tempDir(), 'o'), '--plan', edited]), /it was edited/);
    writeFileSync(edited, '{"augkit":"something else"}');
    usage(augkit(['augment', '--plan', edited, '--out', join(tempDir(), 'o')]), /is not one/);
  });

  it('--shard auto outside any engine, or with an index ≥ the count, is a usage error naming the variable', () => {
    const out = join(tempDir(), 'o');
    usage(augkit(shardArgs(out)), /JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID, AWS_BATCH_JOB_ARRAY_INDEX, CLOUD_RUN_TASK_INDEX/);
    usage(augkit(shardArgs(out), { CLOUD_RUN_TASK_INDEX: '3', CLOUD_RUN_TASK_COUNT: '3' }), /CLOUD_RUN_TASK_INDEX below the number of shards \(3\)/);
    usage(augkit(shardArgs(out), { AWS_BATCH_JOB_ARRAY_INDEX: '0' }), /--shards N with AWS_BATCH_JOB_ARRAY_INDEX/);
    usage(augkit([...shardArgs(out), '--seed', '3']), /--seed cannot be combined with --plan/);
    expect(existsSync(out)).toBe(false);
  });

  it('a plan of another input is refused; so are the shards of another plan in one folder, and merge with another plan', () => {
    const other = join(tempDir(), 'other');
    generateSet(other, 500);
    usage(augkit(['augment', other, ...shardArgs(join(tempDir(), 'o')).slice(1)], { CLOUD_RUN_TASK_INDEX: '2', CLOUD_RUN_TASK_COUNT: '3' }), /a plan of another input/);
    const otherPlan = join(tempDir(), 'other.json');
    augkit(['plan', other, '--out', otherPlan, ...SHAPE]);
    const out = join(tempDir(), 'o');
    expect(augkit(shardArgs(out), { CLOUD_RUN_TASK_INDEX: '0', CLOUD_RUN_TASK_COUNT: '3' }).status).toBe(1);
    usage(augkit(['augment', '--plan', otherPlan, '--out', out, '--shard', '0/3']), /holds those of another/);
    usage(augkit(['merge', out, '--plan', otherPlan]), /were run from another plan/);
    // options that make another job: the job record says so
    const seedPlan = join(tempDir(), 'seed.json');
    augkit(['plan', data, '--out', seedPlan, ...SHAPE.slice(0, -1), '10']);
    rmSync(join(out, '.augkit-plan.json'));
    usage(augkit(['merge', out, '--plan', seedPlan]), /records another job \(other options or input files\)/);
  });

  it('a source changed since planning is reported as bad, not re-planned; the others are written', () => {
    const copy = join(tempDir(), 'data');
    generateSet(copy, 1);
    const copyPlan = join(tempDir(), 'plan.json');
    augkit(['plan', copy, '--out', copyPlan, ...SHAPE]);
    utimesSync(join(copy, 'class_0', 'img_05.png'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    writeFileSync(join(copy, 'class_0', 'img_06.png'), encodePng(randomImage(12, 11, 1)));
    rmSync(join(copy, 'class_0', 'img_07.png'));
    const out = join(tempDir(), 'o');
    const run = augkit(['augment', '--plan', copyPlan, '--out', out, '--shard', '0/3', '--workers', '1', '--json']);
    expect(run.status, run.stderr).toBe(1);
    const bad = JSON.parse(run.stdout).skipped.filter((s: { path: string; bad: boolean }) => s.bad && s.path.startsWith('class_0/'));
    expect(bad.map((s: { path: string; reason: string }) => `${s.path}: ${s.reason.replace(/\(.*\)/, '(…)')}`)).toEqual([
      'class_0/img_05.png: changed since planning (…): not processed; plan again to include it',
      'class_0/img_06.png: changed since planning (…): not processed; plan again to include it',
      'class_0/img_07.png: missing since planning (…): not processed; plan again',
    ]);
    expect(bad[1].reason).toMatch(/size \d+ → \d+ bytes/);
    const manifest = readFileSync(join(out, 'flips', 'manifest.shard-0-of-3.jsonl'), 'utf8');
    expect(manifest).toMatch(/class_0\/img_04/);
    expect(manifest).not.toMatch(/class_0\/img_0[567]/);
  });
});

describe('--files: sources from a list instead of a walk', () => {
  it('a list of every file the walk finds gives the same plan, byte for byte', () => {
    const list = join(tempDir(), 'list.txt');
    const body = JSON.parse(readFileSync(plan, 'utf8')).body as { sources: { path: string }[]; skipped: { path: string }[] };
    writeFileSync(list, [...body.sources, ...body.skipped].map((s) => s.path).reverse().join('\n') + '\n');
    const listed = join(tempDir(), 'listed.json');
    expect(augkit(['plan', data, '--out', listed, '--files', list, ...SHAPE]).status).toBe(planRun.status);
    expect(readFileSync(listed, 'utf8')).toBe(readFileSync(plan, 'utf8'));
  });

  it('augment --files with a partial list plans only the listed files; a listed file that is not there is skipped as bad', () => {
    const list = join(tempDir(), 'list.txt');
    writeFileSync(list, 'class_1/img_00.png\r\nclass_3/img_49.png\n\nclass_3/nope.png\n');
    const out = join(tempDir(), 'o');
    const run = augkit(['augment', data, '--out', out, '--files', list, '--workers', '1', '--json']);
    expect(run.status, run.stderr).toBe(1);
    const summary = JSON.parse(run.stdout);
    expect(summary.classes.map((c: { name: string; images: number }) => [c.name, c.images])).toEqual([['class_1', 1], ['class_3', 1]]);
    expect(summary.skipped).toEqual([{ path: 'class_3/nope.png', reason: expect.stringMatching(/^unreadable: ENOENT/), bad: true }]);
  });

  it('a malformed list is a usage error naming the line', () => {
    const list = join(tempDir(), 'list.txt');
    const out = join(tempDir(), 'o');
    for (const [text, message] of [
      ['class_1/img_00.png\n/etc/passwd\n', /line 2/],
      ['class_1/../class_2/img_00.png\n', /'\.\.' segments for files .*line 1\)/],
      ['class_1/img_00.png\nclass_2/x.png\nclass_1/img_00.png\n', /on lines 1 and 3/],
    ] as const) {
      writeFileSync(list, text);
      usage(augkit(['plan', data, '--out', join(out, 'p.json'), '--files', list]), message);
    }
    usage(augkit(['plan', data, '--out', join(out, 'p.json'), '--files', join(out, 'missing.txt')]), /Expected a readable file list for files/);
  });

  function usage(r: { status: number | null; stderr: string }, message: RegExp) {
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
  }
});
