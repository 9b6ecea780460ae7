import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDataset } from '../../src/dataset/scan.js';
import { splitCounts } from '../../src/dataset/split.js';
import { RECIPES, runCli, SAMPLE } from '../helpers/cli.js';

describe('augkit compare', { timeout: 300_000 }, () => {
  it('trains per recipe and writes the table, compare.json, predictions.json and compare.png', async () => {
    const out = mkdtempSync(join(tmpdir(), 'augkit-compare-cli-'));
    const args = ['compare', SAMPLE, '--out', out, '--recipe', 'none', '--recipe', join(RECIPES, 'flips.json'), '--split', 'train=0.6,val=0.4'];
    const r = runCli([...args, '--size', '8x8', '--epochs', '1', '--repeats', '1', '--workers', '1', '--batch-size', '8']);
    expect(r.stderr).toMatch(/compare 2\/2: flips, repeat 1: val accuracy/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^recipe\s+accuracy \(1 repeat\)\s+cat\s+coffee\s+rocket\s+seconds$/m);
    const scan = await scanDataset(SAMPLE);
    const sizes = new Map(scan.classes.map((c) => [c, scan.images.filter((i) => i.className === c).length]));
    const counts = splitCounts(sizes, { train: 0.6, val: 0.4, test: 0 });
    expect(r.stdout).toMatch(new RegExp(`^val images\\s+${scan.classes.map((c) => counts.get(c)!.val).join('\\s+')}$`, 'm'));
    const report = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8'));
    expect(report.recipes.map((x: { name: string }) => x.name)).toEqual(['none', 'flips']);
    expect(report.split).toEqual({ train: 0.6, val: 0.4, test: 0 });
    for (const file of ['predictions.json', 'compare.png']) expect(existsSync(join(out, file))).toBe(true);
  });

  it('usage errors exit 2 naming the flag', () => {
    const out = mkdtempSync(join(tmpdir(), 'augkit-compare-cli-'));
    const cases: [string[], RegExp][] = [
      [['compare', SAMPLE, '--out', out], /missing --recipe/],
      [['compare', SAMPLE, '--recipe', 'none'], /missing --out/],
      [['compare', SAMPLE, '--out', out, '--recipe', 'none', '--epochs', '0'], /--epochs expects an integer 1..1000/],
      [['compare', SAMPLE, '--out', out, '--recipe', 'none', '--split', 'train=1'], /options.split/],
      [['compare', SAMPLE, '--out', out, '--recipe', 'missing.json'], /missing.json/],
      [['compare', SAMPLE, '--out', out, '--recipe', 'none', '--epoch', '2'], /unknown option --epoch/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
