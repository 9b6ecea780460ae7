// "Nothing lost in the CLI": the input is never changed, a killed run leaves no partial file and resumes to
// the bytes of an uninterrupted one, and every input file that is not used is reported with its reason.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../src/index.js';
import {
  CLI_TIMEOUT,
  hashTree,
  permissionModel,
  readManifest,
  RECIPES,
  removeTree,
  runCli,
  SAMPLE,
  snapshotTree,
  startCli,
  tempDir,
  tempDirFor,
} from '../helpers/cli.js';
import { randomImage } from '../helpers/images.js';

const made: string[] = [];
afterAll(() => made.forEach(removeTree));

/** `dir` and everything in it read-only (links keep their own mode); files already unreadable stay so. */
function makeReadOnly(dir: string): void {
  const info = lstatSync(dir);
  if (info.isSymbolicLink()) return;
  if (info.isDirectory()) {
    if ((info.mode & 0o777) === 0) return; // an unreadable folder of the fixture
    for (const name of readdirSync(dir)) makeReadOnly(join(dir, name));
  }
  chmodSync(dir, info.mode & 0o555);
}

interface Skip {
  path: string;
  reason: string | RegExp;
  bad: boolean;
}

/**
 * The sample set (15 images) plus one of each kind of file the scan must survive, made read-only. Returns
 * the skipped entries augment must report, in path order. Unreadable files and folders only where the CLI
 * runs with permissions enforced (see permissionModel).
 */
function faultyInput(data: string, unreadable: boolean): Skip[] {
  cpSync(SAMPLE, data, { recursive: true });
  const skips: Skip[] = [{ path: 'README.md', reason: 'not inside a class folder', bad: false }];
  symlinkSync('.', join(data, 'again'));
  skips.push({ path: 'again', reason: 'link to a folder holding the input (not followed)', bad: false });
  writeFileSync(join(data, 'cat/empty.jpg'), '');
  skips.push({ path: 'cat/empty.jpg', reason: 'empty file', bad: true });
  symlinkSync('missing.png', join(data, 'cat/gone.png'));
  skips.push({ path: 'cat/gone.png', reason: 'broken link (no target)', bad: true });
  symlinkSync('loop', join(data, 'cat/loop'));
  skips.push({ path: 'cat/loop', reason: 'link loop (ELOOP)', bad: true });
  if (unreadable) {
    cpSync(join(SAMPLE, 'cat/cat_02.jpg'), join(data, 'cat/secret.jpg'));
    chmodSync(join(data, 'cat/secret.jpg'), 0);
    skips.push({ path: 'cat/secret.jpg', reason: 'unreadable: EACCES: permission denied', bad: true });
  }
  symlinkSync('..', join(data, 'cat/up'));
  skips.push({ path: 'cat/up', reason: 'link to a folder (not followed)', bad: false });
  if (unreadable) {
    mkdirSync(join(data, 'coffee/locked'));
    cpSync(join(SAMPLE, 'coffee/coffee_01.png'), join(data, 'coffee/locked/coffee_01.png'));
    chmodSync(join(data, 'coffee/locked'), 0);
    skips.push({ path: 'coffee/locked', reason: 'unreadable folder: EACCES: permission denied', bad: true });
  }
  writeFileSync(join(data, 'coffee/notes.txt'), 'not an image');
  skips.push({ path: 'coffee/notes.txt', reason: 'not a PNG or JPEG', bad: false });
  // a FIFO blocks whoever opens it for reading until a writer comes: the scan must not open it
  if (spawnSync('mkfifo', [join(data, 'coffee/pipe')]).status === 0) {
    skips.push({ path: 'coffee/pipe', reason: 'not a regular file (a FIFO)', bad: false });
  }
  // a PNG signature on garbage fails when the header is read; a truncated JPEG only when it is decoded
  writeFileSync(join(data, 'rocket/bad-header.png'), Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), Buffer.alloc(40, 7)]));
  skips.push({ path: 'rocket/bad-header.png', reason: /^CORRUPT_IMAGE: .*IHDR/, bad: true });
  writeFileSync(join(data, 'rocket/truncated.jpg'), readFileSync(join(SAMPLE, 'rocket/rocket_01.jpg')).subarray(0, 6000));
  skips.push({ path: 'rocket/truncated.jpg', reason: /^CORRUPT_IMAGE: /, bad: true });
  makeReadOnly(data);
  return skips;
}

/** Output files (not manifests, skipped lists or the job record) → sha256. */
function images(root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(hashTree(root)).filter(([f]) => !f.endsWith('.jsonl') && !f.endsWith('.augkit-job.json') && f !== 'classes.json'));
}

describe('augment on a read-only input full of faults', { timeout: CLI_TIMEOUT }, () => {
  const { enforced, as } = permissionModel();
  const parent = tempDirFor(as);
  made.push(parent);
  const data = join(parent, 'data');
  const expected = faultyInput(data, enforced);
  const before = snapshotTree(data);
  const args = ['--size', '32x24', '--variants', '1'];
  const out = join(parent, 'out');
  const run = runCli(['augment', data, '--out', out, ...args, '--workers', '2', '--json'], as);
  const summary = JSON.parse(run.stdout || '{}');

  it(`runs to the end${as ? ' (as nobody, so the read-only modes hold)' : ''}: exit code 1 for the bad files, nothing on stderr`, () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(summary.bad).toBe(expected.filter((s) => s.bad).length);
  });

  it('reports every unused file with its reason: unreadable, corrupt, empty, link loops, broken links, FIFO, non-image', () => {
    expect(summary.skipped).toHaveLength(expected.length);
    expected.forEach((skip, i) => {
      const reason = typeof skip.reason === 'string' ? skip.reason : expect.stringMatching(skip.reason);
      expect(summary.skipped[i]).toEqual({ ...skip, reason });
    });
  });

  it('writes the same list to skipped.jsonl, one record a line, sorted by path; the manifest lists only written files', () => {
    expect(summary.skippedLists).toEqual([join(out, 'skipped.jsonl')]);
    expect(readManifest(join(out, 'skipped.jsonl'))).toEqual(summary.skipped);
    const records = readManifest(join(out, 'manifest.jsonl'));
    expect(records.map((r) => r.file).sort()).toEqual(Object.keys(images(out)).sort());
  });

  it('processes every other image exactly as in a run on the clean sample', () => {
    const clean = join(tempDir(), 'clean');
    made.push(dirname(clean));
    expect(runCli(['augment', SAMPLE, '--out', clean, ...args, '--workers', '1']).status).toBe(0);
    expect(images(out)).toEqual(images(clean));
    expect(Object.keys(images(out))).toHaveLength(30);
  });

  it('leaves the input as it was: every entry, its bytes, mode, mtime and ctime', () => {
    expect(snapshotTree(data)).toEqual(before);
  });

  it('a re-run resumes the finished job: writes nothing, the same lists byte for byte', () => {
    const lists = ['manifest.jsonl', 'skipped.jsonl'].map((f) => readFileSync(join(out, f), 'utf8'));
    const again = runCli(['augment', data, '--out', out, ...args, '--workers', '1', '--json'], as);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ written: 0, existing: 30 });
    expect(['manifest.jsonl', 'skipped.jsonl'].map((f) => readFileSync(join(out, f), 'utf8'))).toEqual(lists);
    expect(snapshotTree(data)).toEqual(before);
  });

  it('shards split the skipped list too: shard lists concatenated are the full list', () => {
    const sharded = join(parent, 'sharded');
    for (const shard of ['0/2', '1/2']) {
      expect(runCli(['augment', data, '--out', sharded, ...args, '--workers', '1', '--shard', shard], as).status).toBe(1);
    }
    const parts = (base: string) => ['0', '1'].map((k) => readFileSync(join(sharded, `${base}.shard-${k}-of-2.jsonl`), 'utf8'));
    const [first, second] = parts('skipped');
    expect(first!.length > 0 && second!.length > 0).toBe(true); // the test means something only if both list some
    expect(first! + second!).toBe(readFileSync(join(out, 'skipped.jsonl'), 'utf8'));
    expect(parts('manifest').join('')).toBe(readFileSync(join(out, 'manifest.jsonl'), 'utf8'));
    expect(images(sharded)).toEqual(images(out));
  });
});

describe('augment killed with SIGKILL, then resumed', { timeout: CLI_TIMEOUT }, () => {
  const TEMP = /^\.(.+)\.\d+-\d+\.tmp$/;
  const classes = ['ant', 'bee', 'cow'];
  const perClass = 27;
  const total = classes.length * perClass * 3; // the original and two copies of each
  const data = join(tempDir(), 'data');
  made.push(dirname(data));
  classes.forEach((c, ci) => {
    mkdirSync(join(data, c), { recursive: true });
    for (let i = 0; i < perClass; i++) {
      writeFileSync(join(data, c, `img_${String(i).padStart(2, '0')}.png`), encodePng(randomImage(40, 32, ci * 100 + i + 1)));
    }
  });
  const args = ['--recipe', join(RECIPES, 'flips-rotation-noise.json'), '--variants', '2', '--size', '64x64', '--seed', '5'];
  const reference = join(tempDir(), 'reference');
  made.push(dirname(reference));
  const referenceRun = runCli(['augment', data, '--out', reference, ...args, '--workers', '1']);
  const expected = hashTree(reference);
  const out = join(tempDir(), 'out');
  made.push(dirname(out));

  /** Starts augment, waits until `file` (relative to out) exists, kills the process with SIGKILL. */
  async function killWhen(file: string): Promise<void> {
    const child = startCli(['augment', data, '--out', out, ...args, '--workers', '1']);
    const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let exited = false;
    void exit.then(() => (exited = true));
    while (!exited && !existsSync(join(out, file))) await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGKILL');
    expect(await exit, `augment finished before ${file} appeared and the kill`).toBe('SIGKILL');
  }

  /** Every file in out is complete with the bytes of the uninterrupted run, or a temporary file named after one. */
  function checkNoPartialFiles(): { complete: number; temps: number } {
    let complete = 0;
    let temps = 0;
    for (const [file, hash] of Object.entries(hashTree(out))) {
      const temp = TEMP.exec(file.split('/').pop()!);
      if (temp) {
        temps++;
        const target = join(dirname(file), temp[1]!); // join drops the './' of a file at the top
        expect(expected, `${file} is the temporary file of a planned output`).toHaveProperty([target]);
      } else {
        complete++;
        expect(hash, `${file} has a final name, so it must be complete`).toBe(expected[file]);
      }
    }
    expect(existsSync(join(out, 'manifest.jsonl'))).toBe(false); // killed before the end
    return { complete, temps };
  }

  it('the uninterrupted reference run succeeds', () => {
    expect(referenceRun.status, referenceRun.stderr).toBe(0);
    expect(Object.keys(images(reference))).toHaveLength(total);
  });

  it('a kill leaves only complete files (and temporary files), even a kill while the job was being recorded', async () => {
    // what a kill during the first write of a run leaves: the job record's temporary file, alone
    mkdirSync(out);
    writeFileSync(join(out, '..augkit-job.json.99999-0.tmp'), '{"job":');
    await killWhen('train/bee/img_00.png');
    const { complete } = checkNoPartialFiles();
    expect(complete).toBeGreaterThan(20);
    expect(existsSync(join(out, '..augkit-job.json.99999-0.tmp'))).toBe(false);
  }, 30_000);

  it('a resumed run killed again leaves only complete files', async () => {
    await killWhen('train/cow/img_00.png');
    expect(checkNoPartialFiles().complete).toBeGreaterThan(2 * perClass * 3);
  }, 30_000);

  it('the next run (2 workers) completes to exactly the bytes, manifest and skipped list of the uninterrupted run', () => {
    // what a kill during a write leaves: temporary files next to their targets, also of the lists
    writeFileSync(join(out, 'train/cow/.img_26_v2.png.99999-0.tmp'), 'partial');
    writeFileSync(join(out, '.manifest.jsonl.99999-1.tmp'), '{"file":');
    writeFileSync(join(out, '.skipped.jsonl.99999-1.tmp'), '');
    const resumed = runCli(['augment', data, '--out', out, ...args, '--workers', '2', '--json']);
    expect(resumed.status, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout);
    expect(summary.existing).toBeGreaterThan(2 * perClass * 3);
    expect(summary.written + summary.existing).toBe(total);
    expect(hashTree(out)).toEqual(expected);
  }, 30_000);
});
