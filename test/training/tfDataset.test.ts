import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { flowFromDirectory, type Batch } from '../../src/dataset/flow.js';
import { parseRecipe } from '../../src/index.js';
import { loadTf, tfDataset, type TfBatch } from '../../src/training/index.js';
import { ROOT, SAMPLE } from '../helpers/cli.js';
import { nextThreadId } from '../helpers/threads.js';

const size = { width: 16, height: 16 };

const recipe = parseRecipe({ name: 'r', steps: [{ op: 'randomRotation', degrees: 20 }] });

describe('tfDataset (augkit/tfjs)', { timeout: 120_000 }, () => {
  it('with mixUp / cutMix, ys are the flow\'s soft targets', async () => {
    await tf.setBackend('cpu');
    const options = { size, batchSize: 4, seed: 6, workers: 0, mixUp: { alpha: 0.5 }, cutMix: { alpha: 1 } } as const;
    const batches = (await (await tfDataset(SAMPLE, { ...options, tf })).toArray()) as TfBatch[];
    const flowBatches: Batch[] = [];
    for await (const b of flowFromDirectory(SAMPLE, options)) flowBatches.push(b);
    batches.forEach((b, i) => {
      expect(b.ys.shape).toEqual([flowBatches[i]!.shape[0], 3]);
      expect(Float32Array.from(b.ys.dataSync())).toEqual(flowBatches[i]!.targets);
    });
    tf.dispose(batches);
  });

  it('yields { xs, ys } batches that match the flow, a new augmentation each epoch; a tiny CNN trains one epoch with a finite loss', async () => {
    await tf.setBackend('cpu');
    const options = { size, batchSize: 4, seed: 3, recipe, workers: 0 } as const;
    const ds = await tfDataset(SAMPLE, { ...options, tf });
    const first = (await ds.toArray()) as TfBatch[];
    const flowBatches: Batch[] = [];
    for await (const b of flowFromDirectory(SAMPLE, { ...options, classMode: 'categorical' })) flowBatches.push(b);
    expect(first.map((b) => b.xs.shape)).toEqual(flowBatches.map((b) => [...b.shape]));
    first.forEach((b, i) => {
      expect(b.ys.shape).toEqual([flowBatches[i]!.shape[0], 3]);
      expect([...b.ys.argMax(1).dataSync()]).toEqual([...flowBatches[i]!.labels]);
      expect(Float32Array.from(b.xs.dataSync())).toEqual(flowBatches[i]!.images);
    });
    const second = (await ds.toArray()) as TfBatch[];
    expect(Float32Array.from(second[0]!.xs.dataSync())).not.toEqual(Float32Array.from(first[0]!.xs.dataSync()));
    tf.dispose([...first, ...second]);

    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [16, 16, 3], filters: 4, kernelSize: 3, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
      ],
    });
    model.compile({ optimizer: tf.train.sgd(0.05), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const before = tf.memory().numTensors;
    const history = await model.fitDataset(ds, { epochs: 1, verbose: 0 });
    const loss = history.history.loss![0] as number;
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeGreaterThan(0);
    expect(tf.memory().numTensors - before).toBeLessThan(10); // batches are disposed, not kept
    model.dispose();
  });

  it('fitDataset runs every epoch on the worker threads of the first (compiled package)', async () => {
    await tf.setBackend('cpu');
    const dist = (await import(join(ROOT, 'dist/training/index.js'))) as typeof import('../../src/training/index.js');
    const ds = await dist.tfDataset(SAMPLE, { tf, size, batchSize: 8, seed: 2, workers: 1 });
    const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [16, 16, 3] }), tf.layers.dense({ units: 3, activation: 'softmax' })] });
    model.compile({ optimizer: tf.train.sgd(0.05), loss: 'categoricalCrossentropy' });
    const before = await nextThreadId();
    const history = await model.fitDataset(ds, { epochs: 3, verbose: 0 });
    expect(history.history.loss).toHaveLength(3);
    // one thread started for the three epochs, then this probe
    expect(await nextThreadId()).toBe(before + 2);
    model.dispose();
  });

  it('names the package to install when TensorFlow.js is missing', async () => {
    await expect(loadTf(['@tensorflow/not-installed'])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/npm install @tensorflow\/tfjs/),
    });
    expect(typeof (await loadTf()).data.generator).toBe('function');
  });

  it('rejects a bad tf module and bad flow options with INVALID_ARGUMENT', async () => {
    await expect(tfDataset(SAMPLE, { tf: {} as never })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/options.tf/) });
    await expect(tfDataset(SAMPLE, { tf, subset: 'train', workers: 0 })).rejects.toThrow(/options.subset 'train' needs options.split/);
  });
});
