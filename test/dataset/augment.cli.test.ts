import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, replay, resize, type AppliedOp } from '../../src/index.js';
import { CLI_TIMEOUT, copySample, hashTree, readManifest, RECIPES, runCli, SAMPLE, snapshotTree, tempDir } from '../helpers/cli.js';
import { bytesEqual } from '../helpers/images.js';

const sampleBefore = hashTree(SAMPLE);
const FLIPS = join(RECIPES, 'flips.json');
const NOISY = join(RECIPES, 'flips-rotation-noise.json');
const SPLIT = 'train=0.7,val=0.15,test=0.15';

afterAll(() => {
  // every run in this file read examples/sample; none may have changed it
  expect(hashTree(SAMPLE)).toEqual(sampleBefore);
});

/** Files under an output root, without the manifest and the job record. */
function outputs(root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(hashTree(root)).filter(([f]) => !f.endsWith('.jsonl') && !f.includes('.augkit-job') && f !== 'classes.json'));
}

function countIn(root: string, split: string, cls: string): number {
  const dir = join(root, split, cls);
  return existsSync(dir) ? readdirSync(dir).length : 0;
}

describe('augment: two recipes, --balance, --split (the walkthrough)', { timeout: CLI_TIMEOUT }, () => {
  const out = join(tempDir(), 'out');
  const run = runCli(['augment', SAMPLE, '--out', out, '--recipe', FLIPS, '--recipe', NOISY, '--balance', '--split', SPLIT, '--size', '64x48', '--seed', '7', '--json']);
  const summary = JSON.parse(run.stdout || '{}');
  const roots = ['flips', 'flips+rotation+noise'].map((r) => join(out, r));

  it('exits 0 with a JSON summary and no progress output off a TTY; the classes too small for a split are warned about', () => {
    // 0.15 × 4 coffee images and 0.15 × 3 rocket images round to none in test and val
    expect(run.stderr).toBe(
      'augkit: warning: class coffee has 4 images, too few for test (test 0.15 × 4 = 0.6): test/coffee is empty\n' +
        'augkit: warning: class rocket has 3 images, too few for val (val 0.15 × 3 = 0.45): val/rocket is empty\n',
    );
    expect(summary.warnings).toHaveLength(2);
    expect(run.status).toBe(0);
    expect(summary.written).toBe(44);
    expect(summary.bad).toBe(0);
    expect(summary.balanceTarget).toBe(6);
  });

  it('balances train to the largest class in each recipe folder; val/test stratified', () => {
    for (const root of roots) {
      expect(['cat', 'coffee', 'rocket'].map((c) => countIn(root, 'train', c))).toEqual([6, 6, 6]);
      expect(['cat', 'coffee', 'rocket'].map((c) => countIn(root, 'val', c))).toEqual([1, 1, 0]);
      expect(['cat', 'coffee', 'rocket'].map((c) => countIn(root, 'test', c))).toEqual([1, 0, 1]);
    }
  });

  it('every recipe gets the same val/test split and the same train originals, byte for byte', () => {
    const [a, b] = roots.map(outputs) as [Record<string, string>, Record<string, string>];
    const shared = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).filter(([f]) => !f.startsWith('train/') || !/_v\d+\.png$/.test(f)));
    expect(shared(a)).toEqual(shared(b));
  });

  it('manifests list exactly the written files; no source is in two splits; val/test are never augmented', () => {
    const splitOf = new Map<string, string>();
    for (const root of roots) {
      const records = readManifest(join(root, 'manifest.jsonl'));
      expect(records.map((r) => r.file).sort()).toEqual(Object.keys(outputs(root)).sort());
      for (const r of records) {
        expect(Object.keys(r)).toEqual(['file', 'source', 'class', 'split', 'recipe', 'variant', 'seed', 'applied']);
        expect(splitOf.get(r.source as string) ?? r.split).toBe(r.split);
        splitOf.set(r.source as string, r.split as string);
        if (r.split !== 'train') expect(r.variant).toBeNull();
        expect(r.file).toMatch(new RegExp(`^${r.split}/${r.class}/`));
      }
    }
    expect(splitOf.size).toBe(15);
  });

  it('val/test (and train originals) are the resized originals, untouched by any recipe', () => {
    const records = readManifest(join(roots[1]!, 'manifest.jsonl')).filter((r) => r.variant === null);
    for (const r of records) {
      const expected = resize(decode(readFileSync(join(SAMPLE, r.source as string))), 64, 48, { antialias: true });
      const written = decode(readFileSync(join(roots[1]!, r.file as string)));
      expect(bytesEqual(written.data, expected.data)).toBe(true);
    }
  });

  it('every augmented file is replay(decode(source), applied) exactly', () => {
    const records = readManifest(join(roots[1]!, 'manifest.jsonl')).filter((r) => r.variant !== null);
    expect(records).toHaveLength(7);
    for (const r of records) {
      const replayed = replay(decode(readFileSync(join(SAMPLE, r.source as string))), r.applied as AppliedOp[]);
      expect(bytesEqual(decode(readFileSync(join(roots[1]!, r.file as string))).data, replayed.data)).toBe(true);
    }
  });
});

describe('augment counts', { timeout: CLI_TIMEOUT }, () => {
  const run = (...args: string[]) => {
    const out = join(tempDir(), 'out');
    const r = runCli(['augment', SAMPLE, '--out', out, '--size', '32x24', '--workers', '1', '--json', ...args]);
    expect(r.status, r.stderr).toBe(0);
    return out;
  };
  const train = (out: string) => ['cat', 'coffee', 'rocket'].map((c) => countIn(out, 'train', c));

  it('--variants N: every original plus N copies; without --split everything is train', () => {
    const out = run('--variants', '2');
    expect(train(out)).toEqual([24, 12, 9]);
    expect(existsSync(join(out, 'val'))).toBe(false);
  });

  it('--classes restricts augmentation; the other classes are copied through', () => {
    expect(train(run('--classes', 'coffee,rocket', '--variants', '3'))).toEqual([8, 16, 12]);
  });

  it('--balance N targets N per class; a larger class keeps all its originals', () => {
    expect(train(run('--balance', '5'))).toEqual([8, 5, 5]);
  });

  it('--balance without a number reaches the largest class', () => {
    expect(train(run('--balance'))).toEqual([8, 8, 8]);
  });
});

describe('augment determinism', { timeout: CLI_TIMEOUT }, () => {
  const args = ['--recipe', NOISY, '--variants', '2', '--split', SPLIT, '--size', '48x40', '--seed', '11'];
  const full = join(tempDir(), 'full');
  const fullRun = runCli(['augment', SAMPLE, '--out', full, '--workers', '1', ...args]);

  it('the same bytes with 1 and 2 workers', () => {
    expect(fullRun.status).toBe(0);
    const two = join(tempDir(), 'two');
    expect(runCli(['augment', SAMPLE, '--out', two, '--workers', '2', ...args]).status).toBe(0);
    expect(hashTree(two)).toEqual(hashTree(full));
  });

  it('shards 0/2 and 1/2 (into one folder) give the same files, and their manifests and skipped lists concatenate to the full ones', () => {
    const sharded = join(tempDir(), 'sharded');
    for (const shard of ['1/2', '0/2']) {
      expect(runCli(['augment', SAMPLE, '--out', sharded, '--shard', shard, '--workers', '2', ...args]).status).toBe(0);
    }
    for (const list of ['manifest', 'skipped']) {
      const shards = [`${list}.shard-0-of-2.jsonl`, `${list}.shard-1-of-2.jsonl`];
      const parts = shards.map((m) => readFileSync(join(sharded, m), 'utf8'));
      if (list === 'manifest') expect(parts.every((p) => p.length > 0)).toBe(true);
      writeFileSync(join(sharded, `${list}.jsonl`), parts.join(''));
      for (const m of shards) rmSync(join(sharded, m));
    }
    expect(hashTree(sharded)).toEqual(hashTree(full));
  });

  it('a different seed gives different augmented files', () => {
    const other = join(tempDir(), 'other');
    expect(runCli(['augment', SAMPLE, '--out', other, ...args.slice(0, -1), '12']).status).toBe(0);
    expect(hashTree(other)).not.toEqual(hashTree(full));
  });
});

// a killed run and its resumption: test/dataset/faults.cli.test.ts
describe('augment resumes an interrupted run', { timeout: CLI_TIMEOUT }, () => {
  it('a re-run of a complete job writes nothing and changes nothing', () => {
    const out = join(tempDir(), 'done');
    const args = ['augment', SAMPLE, '--out', out, '--size', '32x24', '--json'];
    expect(runCli(args).status).toBe(0);
    const before = hashTree(out);
    const again = runCli(args);
    expect(JSON.parse(again.stdout).written).toBe(0);
    expect(hashTree(out)).toEqual(before);
  });
});

describe('augment refuses what it must not do', { timeout: CLI_TIMEOUT }, () => {
  const usage = (args: string[], message: string | RegExp) => {
    const r = runCli(args);
    expect(r.status, r.stdout).toBe(2);
    expect(r.stderr).toMatch(message);
  };

  it('--out inside the input folder (even through a link, even with --force) is a usage error, and the input is left alone', () => {
    const data = copySample();
    const before = snapshotTree(data);
    usage(['augment', data, '--out', join(data, 'augmented')], /outside the input folder/);
    usage(['augment', data, '--out', join(data, 'augmented'), '--force'], /outside the input folder/);
    usage(['augment', data, '--out', join(data, '..')], /outside the input folder/);
    const link = join(tempDir(), 'link');
    symlinkSync(join(data, 'cat'), link);
    usage(['augment', data, '--out', join(link, 'augmented'), '--force'], /outside the input folder/);
    expect(snapshotTree(data)).toEqual(before);
  });

  it('a link inside an earlier run leading into the input: the resume is refused, --force removes the link and nothing behind it', () => {
    const data = copySample();
    const out = join(tempDir(), 'out');
    const args = ['augment', data, '--out', out, '--size', '16x16', '--variants', '0', '--workers', '1'];
    expect(runCli(args).status).toBe(0);
    const fresh = hashTree(out);
    rmSync(join(out, 'train'), { recursive: true });
    symlinkSync(data, join(out, 'train'));
    const before = snapshotTree(data);
    usage(args, /leads into/);
    expect(runCli([...args, '--force']).status).toBe(0);
    expect(snapshotTree(data)).toEqual(before);
    expect(lstatSync(join(out, 'train')).isDirectory()).toBe(true);
    expect(hashTree(out)).toEqual(fresh);
  });

  it('a bad recipe is a usage error naming the file and the field', () => {
    const dir = tempDir();
    const recipe = join(dir, 'bad.json');
    writeFileSync(recipe, JSON.stringify({ name: 'bad', steps: [{ op: 'randomFlip' }, { op: 'randomRotation', degrees: '20' }] }));
    usage(['augment', SAMPLE, '--out', join(dir, 'out'), '--recipe', recipe], /bad\.json: Expected .* for steps\[1\]\.degrees but received "20"/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('bad flags are usage errors', () => {
    const out = join(tempDir(), 'out');
    usage(['augment', SAMPLE], /missing --out/);
    usage(['augment', SAMPLE, '--out', out, '--variants', '2', '--balance'], /cannot be combined/);
    usage(['augment', SAMPLE, '--out', out, '--shard', '2/2'], /--shard/);
    usage(['augment', SAMPLE, '--out', out, '--split', 'train=0.5'], /summing to 1/);
    usage(['augment', SAMPLE, '--out', out, '--size', '400'], /--size/);
    usage(['augment', SAMPLE, '--out', out, '--classes', 'dog'], /cat, coffee, rocket.*"dog"/);
    usage(['augment', SAMPLE, '--out', out, '--frobnicate'], /unknown option --frobnicate/);
    usage(['augment', join(SAMPLE, 'nope'), '--out', out], /folder/);
    usage(['augment', SAMPLE, '--out', out, '--recipe', FLIPS, '--recipe', FLIPS], /different names/);
    usage(['augment', SAMPLE, '--out', out, '--shard', '0/2', '--force'], /--force cannot be combined with --shard/);
    expect(existsSync(out)).toBe(false);
  });

  it('an --out holding other files (or an unreadable job record) is refused, even with --force, and left as it was', () => {
    const foreign = tempDir();
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    mkdirSync(join(foreign, 'train'));
    writeFileSync(join(foreign, 'train', 'photo.png'), 'mine too');
    const before = snapshotTree(foreign);
    usage(['augment', SAMPLE, '--out', foreign, '--size', '16x16'], /holds other files/);
    usage(['augment', SAMPLE, '--out', foreign, '--size', '16x16', '--force'], /holds other files.*--force deletes only what an earlier augkit/);
    expect(snapshotTree(foreign)).toEqual(before);
    // a job record augkit cannot read: refused, not a crash
    writeFileSync(join(foreign, '.augkit-job.json'), '{"job": "augkit aug');
    usage(['augment', SAMPLE, '--out', foreign, '--size', '16x16', '--force'], /\.augkit-job\.json but it cannot be read as one/);
  });

  it('an earlier run of a different job is refused, naming what differs; --force replaces it, keeping files augkit did not write', () => {
    const out = join(tempDir(), 'out');
    const base = ['augment', SAMPLE, '--out', out, '--size', '16x16', '--workers', '1'];
    expect(runCli([...base, '--recipe', FLIPS, '--recipe', NOISY, '--variants', '2']).status).toBe(0);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const before = hashTree(out);
    usage([...base, '--seed', '9'], /seed, variants, recipes differ .*--force/);
    expect(hashTree(out)).toEqual(before);

    const replaced = runCli([...base, '--seed', '9', '--force']);
    expect(replaced.status, replaced.stderr).toBe(0);
    const fresh = join(tempDir(), 'fresh');
    expect(runCli(['augment', SAMPLE, '--out', fresh, '--size', '16x16', '--workers', '1', '--seed', '9']).status).toBe(0);
    // no file of the earlier job is left: not its recipe folders, not its second copies
    expect(hashTree(out)).toEqual({ ...hashTree(fresh), 'notes.txt': before['notes.txt'] });
  });

  it('--dry-run reports the plan and writes nothing', () => {
    const out = join(tempDir(), 'out');
    const r = runCli(['augment', SAMPLE, '--out', out, '--balance', '--split', SPLIT, '--dry-run', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).planned).toBe(22);
    expect(existsSync(out)).toBe(false);
  });
});

describe('augment on a messy folder', { timeout: CLI_TIMEOUT }, () => {
  const data = copySample();
  writeFileSync(join(data, '.DS_Store'), 'junk');
  writeFileSync(join(data, 'cat', '.hidden.jpg'), readFileSync(join(SAMPLE, 'cat/cat_01.jpg')));
  writeFileSync(join(data, 'coffee', 'notes.txt'), 'not an image');
  writeFileSync(join(data, 'cat', 'fake.jpg'), 'text with a .jpg name');
  writeFileSync(join(data, 'rocket', 'broken.jpg'), readFileSync(join(SAMPLE, 'rocket/rocket_01.jpg')).subarray(0, 6000));
  writeFileSync(join(data, 'coffee', 'really-a-png.jpg'), readFileSync(join(SAMPLE, 'coffee/coffee_01.png')));
  mkdirSync(join(data, 'hot dog', 'nested folder'), { recursive: true });
  writeFileSync(join(data, 'hot dog', 'nested folder', 'dog.JPEG'), readFileSync(join(SAMPLE, 'rocket/rocket_02.jpg')));
  const before = hashTree(data);
  const out = join(tempDir(), 'out');
  const run = runCli(['augment', data, '--out', out, '--size', '32x24', '--variants', '1', '--json']);
  const summary = JSON.parse(run.stdout || '{}');

  it('a corrupt image is reported and the run goes on: exit code 1', () => {
    expect(run.status, run.stderr).toBe(1);
    expect(summary.bad).toBe(1);
    expect(summary.skipped.find((s: { path: string }) => s.path === 'rocket/broken.jpg')).toMatchObject({ bad: true });
    expect(existsSync(join(out, 'train/rocket/rocket_01_v1.png'))).toBe(true);
    expect(readManifest(join(out, 'manifest.jsonl')).some((r) => r.source === 'rocket/broken.jpg')).toBe(false);
  });

  it('hidden files and non-images are skipped and listed; files are recognised by content', () => {
    const reasons = Object.fromEntries(summary.skipped.map((s: { path: string; reason: string }) => [s.path, s.reason]));
    expect(reasons).toMatchObject({
      '.DS_Store': 'hidden file',
      'cat/.hidden.jpg': 'hidden file',
      'coffee/notes.txt': 'not a PNG or JPEG',
      'cat/fake.jpg': 'not a PNG or JPEG',
    });
    expect(existsSync(join(out, 'train/coffee/really-a-png.png'))).toBe(true);
  });

  it('class folders may contain spaces and nested folders', () => {
    expect(existsSync(join(out, 'train/hot dog/nested folder/dog.png'))).toBe(true);
    expect(existsSync(join(out, 'train/hot dog/nested folder/dog_v1.png'))).toBe(true);
  });

  it('leaves the input folder exactly as it was', () => {
    expect(hashTree(data)).toEqual(before);
  });

  it('--format jpg writes JPEG files', () => {
    const jpg = join(tempDir(), 'jpg');
    expect(runCli(['augment', SAMPLE, '--out', jpg, '--size', '32x24', '--variants', '0', '--format', 'jpg']).status).toBe(0);
    const file = readFileSync(join(jpg, 'train/cat/cat_01.jpg'));
    expect([file[0], file[1]]).toEqual([0xff, 0xd8]);
  });
});
