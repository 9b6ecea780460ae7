// issue 10, items 1 and 2: one class list for every split, and plans over the images that decode
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, copySample, readManifest, runCli, SAMPLE, tempDir } from '../helpers/cli.js';

const SPLIT = 'train=0.7,val=0.15,test=0.15';
const CLASSES = ['cat', 'coffee', 'rocket'];
type Counts = Record<string, Record<string, Record<string, { originals: number; variants: number }>>>;
interface ClassRow {
  name: string;
  images: number;
  train: number;
  val: number;
  test: number;
  variants: number;
}

/** The sample plus two JPEGs whose headers read but whose data is cut short: counted by the plan on main, then failing. */
function sampleWithTruncated(): string {
  const data = copySample();
  const jpeg = readFileSync(join(SAMPLE, 'rocket/rocket_01.jpg'));
  writeFileSync(join(data, 'rocket', 'truncated_a.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2)));
  writeFileSync(join(data, 'rocket', 'truncated_b.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 3)));
  return data;
}

/** Files on disk per split and class: originals and `_vN` copies. */
function onDisk(root: string): Record<string, Record<string, { originals: number; variants: number }>> {
  const result: Record<string, Record<string, { originals: number; variants: number }>> = {};
  for (const split of ['train', 'val', 'test']) {
    result[split] = {};
    for (const c of CLASSES) {
      const files = existsSync(join(root, split, c)) ? readdirSync(join(root, split, c)) : [];
      const variants = files.filter((f) => /_v\d+\.png$/.test(f)).length;
      result[split]![c] = { originals: files.length - variants, variants };
    }
  }
  return result;
}

function augment(data: string, out: string, ...extra: string[]) {
  const r = runCli(['augment', data, '--out', out, '--balance', '--split', SPLIT, '--size', '24x16', '--seed', '3', '--json', ...extra]);
  expect(r.status, r.stderr).toBe(1); // the truncated files are bad images
  return JSON.parse(r.stdout) as { classes: ClassRow[]; outputs: Counts; balanceTarget: number; planned: number; written: number; existing: number };
}

describe('a plan counts only images that decode (issue 10, item 2)', { timeout: CLI_TIMEOUT }, () => {
  const data = sampleWithTruncated();
  const out = join(tempDir(), 'out');
  const summary = augment(data, out, '--workers', '1');

  it('the truncated files are skipped as bad before planning, and every count is over the 15 that decode', () => {
    expect(summary.classes.map((c) => c.images)).toEqual([8, 4, 3]);
    expect(summary.written).toBe(summary.planned);
  });

  it('--balance reaches its target in every class, on disk', () => {
    const disk = onDisk(out);
    for (const c of CLASSES) expect(disk.train![c]!.originals + disk.train![c]!.variants).toBe(summary.balanceTarget);
  });

  it('the summary is what is on disk, and classes[c] agrees with outputs[…][c]', () => {
    expect(summary.outputs['']).toEqual(onDisk(out));
    for (const c of summary.classes) {
      for (const split of ['train', 'val', 'test'] as const) expect(c[split]).toBe(summary.outputs['']![split]![c.name]!.originals);
      expect(c.variants).toBe(summary.outputs['']!.train![c.name]!.variants);
    }
  });

  it('--dry-run plans the same', () => {
    const dry = augment(data, join(tempDir(), 'dry'), '--dry-run');
    expect([dry.classes, dry.outputs, dry.planned, dry.balanceTarget]).toEqual([summary.classes, summary.outputs, summary.planned, summary.balanceTarget]);
  });

  it('with 2 workers, and after a resume, the summary and the files agree', () => {
    const two = join(tempDir(), 'two');
    const first = augment(data, two, '--workers', '2');
    expect([first.classes, first.outputs]).toEqual([summary.classes, summary.outputs]);
    rmSync(join(two, 'train', 'rocket'), { recursive: true });
    const resumed = augment(data, two, '--workers', '2');
    expect([resumed.classes, resumed.outputs]).toEqual([summary.classes, summary.outputs]);
    expect(resumed.existing).toBeGreaterThan(0);
    expect(onDisk(two)).toEqual(onDisk(out));
  });

  it('shards agree on the plan, and together write what one run writes', () => {
    const sharded = join(tempDir(), 'sharded');
    const parts = ['0/2', '1/2'].map((shard) => augment(data, sharded, '--shard', shard));
    expect(parts[0]!.classes).toEqual(summary.classes);
    expect(parts[1]!.classes).toEqual(summary.classes);
    expect(onDisk(sharded)).toEqual(onDisk(out));
    const manifests = ['0', '1'].flatMap((k) => readManifest(join(sharded, `manifest.shard-${k}-of-2.jsonl`)));
    expect(manifests).toEqual(readManifest(join(out, 'manifest.jsonl')));
  });
});

describe('one class list for every split (issue 10, item 1)', { timeout: CLI_TIMEOUT }, () => {
  const out = join(tempDir(), 'out');
  const run = runCli(['augment', SAMPLE, '--out', out, '--split', SPLIT, '--size', '24x16', '--variants', '0']);

  it('every split has every class folder, empty where the class has no image in it', () => {
    expect(run.status, run.stderr).toBe(0);
    for (const split of ['train', 'val', 'test']) expect(readdirSync(join(out, split)).sort()).toEqual(CLASSES);
    expect(readdirSync(join(out, 'val', 'rocket'))).toEqual([]);
    expect(readdirSync(join(out, 'test', 'coffee'))).toEqual([]);
  });

  it('classes.json beside the manifest records the class list; a label is its index', () => {
    expect(readFileSync(join(out, 'classes.json'), 'utf8')).toBe(`${JSON.stringify({ classes: CLASSES }, null, 2)}\n`);
    expect(run.stdout).toContain(`classes:  ${join(out, 'classes.json')}`);
  });

  it('a split that lacks a class is reported, with the numbers', () => {
    expect(run.stderr).toMatch(/warning: class rocket has 3 images, too few for val \(val 0\.15 × 3 = 0\.45\): val\/rocket is empty/);
    expect(run.stderr).toMatch(/warning: class coffee has 4 images, too few for test \(test 0\.15 × 4 = 0\.6\): test\/coffee is empty/);
  });

  it('each recipe folder gets its own class list', () => {
    const multi = join(tempDir(), 'multi');
    const recipes = ['flips.json', 'flips-rotation-noise.json'].flatMap((r) => ['--recipe', join(SAMPLE, '..', 'recipes', r)]);
    expect(runCli(['augment', SAMPLE, '--out', multi, '--size', '16x16', '--variants', '0', ...recipes]).status).toBe(0);
    for (const root of ['flips', 'flips+rotation+noise']) expect(JSON.parse(readFileSync(join(multi, root, 'classes.json'), 'utf8'))).toEqual({ classes: CLASSES });
  });
});
