import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/index.js';
import { CLI_TIMEOUT, copySample, RECIPES, runCli, SAMPLE, tempDir } from '../helpers/cli.js';

describe('augkit inspect', { timeout: CLI_TIMEOUT }, () => {
  it('reports classes, counts, formats and sizes of the sample set (EXIF orientation applied)', () => {
    const r = runCli(['inspect', SAMPLE, '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.images).toBe(15);
    expect(summary.classes.map((c: { name: string; images: number; formats: object }) => [c.name, c.images, c.formats])).toEqual([
      ['cat', 8, { png: 0, jpeg: 8 }],
      ['coffee', 4, { png: 1, jpeg: 3 }],
      ['rocket', 3, { png: 0, jpeg: 3 }],
    ]);
    const catSizes = summary.classes[0].sizes.map((s: { width: number; height: number }) => `${s.width}x${s.height}`);
    expect(catSizes).toContain('413x239'); // cat_07.jpg is stored 239×413 with EXIF orientation 6
    expect(summary.skipped).toEqual([{ path: 'README.md', reason: 'not inside a class folder', bad: false }]);
  });

  it('finds unreadable images (exit 1) and prints a readable table without --json', () => {
    const data = copySample();
    writeFileSync(join(data, 'coffee', 'truncated.png'), readFileSync(join(SAMPLE, 'coffee/coffee_01.png')).subarray(0, 5000));
    const r = runCli(['inspect', data]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/15 images in 3 classes/);
    expect(r.stdout).toMatch(/coffee\s+4\s+1\s+3/);
    expect(r.stdout).toMatch(/✗ coffee\/truncated\.png: CORRUPT_IMAGE/);
  });

  it('finds a JPEG header that lies beyond the first 256 KiB (a large metadata block)', () => {
    const data = join(tempDir(), 'data');
    const jpeg = readFileSync(join(SAMPLE, 'cat/cat_01.jpg'));
    // five 60 KB APP9 segments between SOI and the rest of the file
    const app = Buffer.alloc(60_004);
    app.set([0xff, 0xe9]);
    app.writeUInt16BE(60_002, 2);
    mkdirSync(join(data, 'cat'), { recursive: true });
    writeFileSync(join(data, 'cat', 'big.jpg'), Buffer.concat([jpeg.subarray(0, 2), app, app, app, app, app, jpeg.subarray(2)]));
    const r = runCli(['inspect', data, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).classes[0].sizes).toEqual([{ width: 403, height: 240, count: 1 }]);
  });

  it('a missing folder is a usage error', () => {
    expect(runCli(['inspect', join(SAMPLE, 'missing')]).status).toBe(2);
  });
});

describe('augkit preview', { timeout: CLI_TIMEOUT }, () => {
  it('writes a contact sheet PNG of the original and N captioned variants', () => {
    const out = join(tempDir(), 'sheet.png');
    const r = runCli(['preview', join(SAMPLE, 'cat/cat_01.jpg'), '--recipe', join(RECIPES, 'flips-rotation-noise.json'), '-n', '5', '--seed', '3', '--tile', '96', '--out', out, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.variants).toHaveLength(5);
    const sheet = decode(readFileSync(out));
    expect([sheet.width, sheet.height]).toEqual([result.width, result.height]);
    expect(sheet.width).toBe(16 * 2 + 3 * 96 + 2 * 16); // 6 tiles in 3 columns
  });

  it('the same seed draws the same sheet', () => {
    const dir = tempDir();
    const args = (out: string) => ['preview', join(SAMPLE, 'rocket/rocket_03.JPG'), '-n', '3', '--tile', '64', '--out', join(dir, out)];
    expect(runCli(args('a.png')).status).toBe(0);
    expect(runCli(args('b.png')).status).toBe(0);
    expect(readFileSync(join(dir, 'a.png')).equals(readFileSync(join(dir, 'b.png')))).toBe(true);
  });

  it('a bad recipe or missing image is a usage error; a corrupt image exits 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), '{"name":"x","steps":[{"op":"randomSaltAndPepper","amount":[0.5,0.1]}]}');
    const bad = runCli(['preview', join(SAMPLE, 'cat/cat_01.jpg'), '--recipe', join(dir, 'bad.json'), '--out', join(dir, 's.png')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/steps\[0\]\.amount but received \[0\.5, 0\.1\]/);
    expect(runCli(['preview', join(dir, 'none.jpg'), '--out', join(dir, 's.png')]).status).toBe(2);
    writeFileSync(join(dir, 'broken.png'), readFileSync(join(SAMPLE, 'coffee/coffee_01.png')).subarray(0, 3000));
    expect(runCli(['preview', join(dir, 'broken.png'), '--out', join(dir, 's.png')]).status).toBe(1);
  });
});

describe('augkit command line', { timeout: CLI_TIMEOUT }, () => {
  it('--help exits 0, no command exits 2, an unknown command exits 2', () => {
    expect(runCli(['--help']).status).toBe(0);
    expect(runCli(['augment', '--help']).stdout).toMatch(/--balance \[N\]/);
    expect(runCli([]).status).toBe(2);
    expect(runCli(['augmentt']).status).toBe(2);
  });
});
