import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/codecs/index.js';
import { flowFromDirectory } from '../../src/dataset/flow.js';
import { assignSplits } from '../../src/dataset/split.js';
import { scanDataset } from '../../src/dataset/scan.js';
import { parseRecipe } from '../../src/index.js';
import { compare, formatCompare, type CompareReport, type CompareRun } from '../../src/dataset/index.js';
import { SAMPLE } from '../helpers/cli.js';

const split = { train: 0.6, val: 0.4 };
const size = { width: 12, height: 12 };

describe('compare', { timeout: 300_000 }, () => {
  it('shares one split, never augments val, and reports numbers that the saved predictions reproduce', async () => {
    await tf.setBackend('cpu');
    const out = mkdtempSync(join(tmpdir(), 'augkit-compare-'));
    const flips = parseRecipe({ name: 'flips', steps: [{ op: 'randomFlip', horizontal: 1, vertical: 1 }] });
    const report = await compare({ input: SAMPLE, out, recipes: ['none', flips], split, size, epochs: 1, repeats: 2, seed: 4, batchSize: 8, workers: 0, tf, onWarning: () => {} });
    const saved = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8')) as CompareReport;
    expect(saved).toEqual(JSON.parse(JSON.stringify(report)));
    const { classes, runs } = JSON.parse(readFileSync(join(out, 'predictions.json'), 'utf8')) as { classes: string[]; runs: CompareRun[] };
    expect(runs.map((r) => `${r.recipe}/${r.repeat}`)).toEqual(['none/0', 'flips/0', 'none/1', 'flips/1']);

    // the split: augment's partition for the seed, the same train set for every run, val disjoint from it
    const scan = await scanDataset(SAMPLE);
    const assignment = assignSplits(scan.images, { train: 0.6, val: 0.4, test: 0 }, 4);
    const expectedTrain = scan.images.filter((i) => assignment.get(i.path)!.split === 'train').map((i) => i.path).sort();
    const expectedVal = scan.images.filter((i) => assignment.get(i.path)!.split === 'val').map((i) => i.path).sort();
    for (const run of runs) {
      expect(run.train).toEqual(expectedTrain);
      expect(run.predictions.map((p) => p.path).sort()).toEqual(expectedVal);
      run.predictions.forEach((p) => expect(classes[p.label]).toBe(p.path.split('/')[0]));
    }
    // val is never augmented: every model saw the bytes of a plain, unaugmented val flow
    const plain = createHash('sha256');
    for await (const b of flowFromDirectory(SAMPLE, { size, split, splitSeed: 4, subset: 'val', shuffle: false, batchSize: 8, workers: 0, onWarning: () => {} })) {
      plain.update(new Uint8Array(b.images.buffer));
    }
    const plainHash = plain.digest('hex');
    for (const run of runs) expect(run.valInput).toBe(plainHash);

    // every number of the report, recomputed from the predictions with a plain loop
    for (const score of report.recipes) {
      const mine = runs.filter((r) => r.recipe === score.name);
      const accuracies = mine.map((r) => r.predictions.filter((p) => p.label === p.predicted).length / r.predictions.length);
      expect(score.runs).toEqual(accuracies);
      expect(score.accuracy.mean).toBeCloseTo((accuracies[0]! + accuracies[1]!) / 2, 12);
      expect(score.accuracy.min).toBe(Math.min(...accuracies));
      expect(score.accuracy.max).toBe(Math.max(...accuracies));
      classes.forEach((c, label) => {
        const perRun = mine.map((r) => {
          const of = r.predictions.filter((p) => p.label === label);
          return of.filter((p) => p.predicted === label).length / of.length;
        });
        expect(score.perClass[c]).toBeCloseTo((perRun[0]! + perRun[1]!) / 2, 12);
      });
    }
    expect(report.counts.train.reduce((a, b) => a + b, 0)).toBe(expectedTrain.length);
    expect(report.counts.val.reduce((a, b) => a + b, 0)).toBe(expectedVal.length);

    const chart = decode(readFileSync(join(out, 'compare.png')));
    expect(chart.width).toBeGreaterThan(100);
    const table = formatCompare(report);
    expect(table.split('\n')[0]).toMatch(/^recipe\s+accuracy \(2 repeats\)\s+cat\s+coffee\s+rocket\s+seconds$/);
    expect(table).toMatch(/^flips\s/m);
  });

  it('the same recipe and seed trains the same model: identical predictions run to run', async () => {
    const out = mkdtempSync(join(tmpdir(), 'augkit-compare-'));
    const options = { input: SAMPLE, split, size, epochs: 1, repeats: 1, seed: 9, batchSize: 8, workers: 0, tf, onWarning: () => {} } as const;
    await compare({ ...options, out, recipes: ['none'] });
    const first = readFileSync(join(out, 'predictions.json'), 'utf8');
    await compare({ ...options, out, recipes: ['none'] });
    expect(JSON.parse(readFileSync(join(out, 'predictions.json'), 'utf8')).runs[0].predictions).toEqual(JSON.parse(first).runs[0].predictions);
  });

  it('rejects bad options with INVALID_ARGUMENT naming the option', async () => {
    const base = { input: SAMPLE, out: tmpdir(), recipes: ['none' as const], tf };
    await expect(compare({ ...base, recipes: [] })).rejects.toThrow(/options.recipes/);
    await expect(compare({ ...base, recipes: ['none', 'none'] })).rejects.toThrow(/options.recipes\[1\]/);
    await expect(compare({ ...base, split: { train: 1 } })).rejects.toThrow(/options.split/);
    await expect(compare({ ...base, size: { width: 4, height: 4 } })).rejects.toThrow(/options.size/);
    await expect(compare({ ...base, epoch: 3 } as never)).rejects.toThrow(/Unknown option `epoch`.*did you mean `epochs`/);
  });
});
