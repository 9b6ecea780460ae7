import { describe, expect, it } from 'vitest';
import { flowFromDirectory, type Batch } from '../../src/dataset/flow.js';
import { parseRecipe } from '../../src/index.js';
import { SAMPLE } from '../helpers/cli.js';

async function collect(iterable: AsyncIterable<Batch>): Promise<Batch[]> {
  const batches: Batch[] = [];
  for await (const b of iterable) batches.push(b);
  return batches;
}

const size = { width: 24, height: 16 };

describe('flowFromDirectory', () => {
  it('yields NHWC float batches in 0..1 with labels indexing the sorted class names', async () => {
    const batches = await collect(flowFromDirectory(SAMPLE, { batchSize: 4, size, seed: 1 }));
    expect(batches.map((b) => b.shape)).toEqual([
      [4, 16, 24, 3],
      [4, 16, 24, 3],
      [4, 16, 24, 3],
      [3, 16, 24, 3],
    ]);
    for (const b of batches) {
      expect(b.classNames).toEqual(['cat', 'coffee', 'rocket']);
      expect(b.images.length).toBe(b.shape[0] * 16 * 24 * 3);
      expect(b.images.every((v) => v >= 0 && v <= 1)).toBe(true);
      b.paths.forEach((p, i) => expect(b.classNames[b.labels[i]!]).toBe(p.split('/')[0]));
    }
    const all = batches.flatMap((b) => b.paths);
    expect(new Set(all).size).toBe(15);
  });

  it('is deterministic for a seed; the order changes between epochs and seeds; shuffle: false keeps sorted order', async () => {
    const a = await collect(flowFromDirectory(SAMPLE, { batchSize: 15, size, seed: 2, epochs: 2 }));
    const b = await collect(flowFromDirectory(SAMPLE, { batchSize: 15, size, seed: 2, epochs: 2 }));
    expect(a.map((x) => x.paths)).toEqual(b.map((x) => x.paths));
    expect(Buffer.from(a[0]!.images.buffer).equals(Buffer.from(b[0]!.images.buffer))).toBe(true);
    expect(a[0]!.paths).not.toEqual(a[1]!.paths);
    expect(a[1]!.epoch).toBe(1);
    const sorted = await collect(flowFromDirectory(SAMPLE, { batchSize: 15, size, shuffle: false }));
    expect(sorted[0]!.paths).toEqual([...sorted[0]!.paths].sort());
  });

  it('augments with a recipe and keeps the batch size fixed; 4 channels keeps alpha', async () => {
    const recipe = parseRecipe({ name: 'r', steps: [{ op: 'randomRotation', degrees: 30, expand: true }] });
    const [plain] = await collect(flowFromDirectory(SAMPLE, { batchSize: 15, size, shuffle: false }));
    const [augmented] = await collect(flowFromDirectory(SAMPLE, { batchSize: 15, size, shuffle: false, recipe, channels: 4 }));
    expect(augmented!.shape).toEqual([15, 16, 24, 4]);
    expect(augmented!.images.length).toBe(plain!.images.length / 3 * 4);
  });

  it('rejects bad options', async () => {
    await expect(collect(flowFromDirectory(SAMPLE, { batchSize: 0 }))).rejects.toThrow('options.batchSize');
    await expect(collect(flowFromDirectory(`${SAMPLE}/missing`))).rejects.toThrow('folder');
  });
});
