// issue 10, item 5: what the CLI says is so
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, copySample, RECIPES, runCli, SAMPLE, tempDir } from '../helpers/cli.js';

const usage = (args: string[], message: RegExp) => {
  const r = runCli(args);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
};

describe('--dry-run runs the checks of a real run', { timeout: CLI_TIMEOUT }, () => {
  const args = (out: string) => ['augment', SAMPLE, '--out', out, '--size', '16x16', '--variants', '1', '--workers', '1'];

  it('refuses a folder holding other files, and another job', () => {
    const foreign = tempDir();
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    usage([...args(foreign), '--dry-run'], /holds other files/);
    const out = join(tempDir(), 'out');
    expect(runCli(args(out)).status).toBe(0);
    usage([...args(out), '--seed', '5', '--dry-run'], /Expected the same job to resume .* seed differ/);
  });

  it('reports a resume, and a job already complete', () => {
    const out = join(tempDir(), 'out');
    expect(runCli(args(out)).status).toBe(0);
    expect(runCli([...args(out), '--dry-run']).stdout).toMatch(/already complete: all 30 files exist from an earlier run of this job; nothing to write/);
    rmSync(join(out, 'train', 'rocket'), { recursive: true });
    expect(runCli([...args(out), '--dry-run']).stdout).toMatch(/would write 6 files from 15 source images \(resuming: 24 already complete/);
    expect(runCli([...args(out), '--dry-run', '--force']).stdout).toMatch(/would first delete the earlier augkit run in .*; would write 30 files/);
  });
});

describe('flag values', { timeout: CLI_TIMEOUT }, () => {
  const out = () => join(tempDir(), 'out');

  it('negative and too large numbers name the range and its limit', () => {
    usage(['augment', SAMPLE, '--out', out(), '--seed', '-1'], /--seed expects an integer from 0 to 9007199254740991 \(2\^53 − 1\), not "-1"/);
    usage(['augment', SAMPLE, '--out', out(), '--variants', '-1'], /--variants expects an integer from 0 to .*, not "-1"/);
    usage(['augment', SAMPLE, '--out', out(), '--seed', '9007199254740993'], /2\^53 − 1\), not "9007199254740993"/);
  });

  it('split sums print as written, without binary noise', () => {
    usage(['augment', SAMPLE, '--out', out(), '--split', 'train=0.5,val=0.2,test=0.2'], /summing to 1 for --split but received 0\.9 \(/);
  });

  it('options without effect warn: --quality with PNG, --workers far above the cores', () => {
    const r = runCli(['augment', SAMPLE, '--out', out(), '--quality', '80', '--workers', '1024', '--dry-run']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: quality 80 has no effect: it applies to JPEG output, and the format is png/);
    expect(r.stderr).toMatch(/warning: 1024 workers on \d+ cores?: threads beyond the cores add memory, not speed/);
  });

  it('--balance with --classes says which classes were balanced', () => {
    const r = runCli(['augment', SAMPLE, '--out', out(), '--balance', '--classes', 'rocket', '--dry-run']);
    expect(r.stdout).toMatch(/balanced rocket to 8 train images per class \(cat, coffee copied through, not balanced\)/);
  });
});

describe('preview', { timeout: CLI_TIMEOUT }, () => {
  const image = join(SAMPLE, 'cat/cat_01.jpg');

  it('--out x.jpg writes JPEG, another extension is refused', () => {
    const jpg = join(tempDir(), 'sheet.jpg');
    expect(runCli(['preview', image, '-n', '2', '--tile', '64', '--out', jpg]).status).toBe(0);
    expect([...readFileSync(jpg).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    usage(['preview', image, '--out', join(tempDir(), 'sheet.gif')], /\.png, \.jpg or \.jpeg file name for out/);
  });

  it('a folder is a usage error with a clear message', () => {
    usage(['preview', join(SAMPLE, 'cat'), '--out', join(tempDir(), 's.png'), '--recipe', join(RECIPES, 'flips.json')], /is a folder: preview takes one image file/);
  });
});

describe('inspect', { timeout: CLI_TIMEOUT }, () => {
  it('hints at a class folder given as the data set', () => {
    const r = runCli(['inspect', join(SAMPLE, 'cat')]);
    expect(r.stdout).toMatch(/0 images in 0 classes/);
    expect(r.stdout).toMatch(/hint: .* has no class folders but 8 files directly inside: it looks like a class folder/);
  });

  it('hints at an augment output', () => {
    const out = join(tempDir(), 'out');
    expect(runCli(['augment', SAMPLE, '--out', out, '--size', '16x16', '--split', 'train=0.6,val=0.2,test=0.2', '--variants', '0']).status).toBe(0);
    expect(runCli(['inspect', out]).stdout).toMatch(/hint: .* looks like an augkit augment output \(its "classes" are test, train, val\)/);
  });

  it('counts in the singular', () => {
    const data = join(copySample(), '..', 'one');
    mkdirSync(join(data, 'cat'), { recursive: true });
    writeFileSync(join(data, 'cat', 'a.jpg'), readFileSync(join(SAMPLE, 'cat/cat_01.jpg')));
    expect(runCli(['inspect', data]).stdout).toMatch(/: 1 image in 1 class\n/);
  });
});
