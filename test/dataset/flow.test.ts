import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { decode } from '../../src/codecs/index.js';
import { augment } from '../../src/dataset/augment.js';
import { flowFromDirectory, type Batch, type FlowOptions } from '../../src/dataset/flow.js';
import { resize } from '../../src/ops/resize.js';
import { parseRecipe } from '../../src/index.js';
import { ROOT, SAMPLE } from '../helpers/cli.js';
import { nextThreadId } from '../helpers/threads.js';

async function collect(iterable: AsyncIterable<Batch>): Promise<Batch[]> {
  const batches: Batch[] = [];
  for await (const b of iterable) batches.push(b);
  return batches;
}

const size = { width: 24, height: 16 };
const inThread = { size, workers: 0 } as const;
const recipe = parseRecipe({ name: 'r', steps: [{ op: 'randomRotation', degrees: 30 }, { op: 'randomFlip', horizontal: 0.5 }] });
/** The compiled package's flow (worker threads run only from dist/). */
const compiled = async () => (await import(join(ROOT, 'dist/dataset/index.js'))) as typeof import('../../src/dataset/index.js');
const compiledPool = async () => (await import(join(ROOT, 'dist/dataset/flowPool.js'))) as typeof import('../../src/dataset/flowPool.js');
/** `recipe`, parsed by the compiled package (a flow of dist/ takes dist's recipes). */
const compiledRecipe = async () => (await import(join(ROOT, 'dist/index.js'))).parseRecipe(JSON.parse(JSON.stringify({ name: 'r', steps: recipe.steps })));
const tmp = () => mkdtempSync(join(tmpdir(), 'augkit-flow-'));

/** A plain loop's pixels of one source: decode, resize to `size` (what the flow does without a recipe). */
function plainPixels(path: string, jpeg: 'jpeg-js' | 'libjpeg' = 'jpeg-js'): Uint8ClampedArray {
  return resize(decode(readFileSync(join(SAMPLE, path)), { jpeg }), size.width, size.height, { antialias: true }).data;
}

describe('flowFromDirectory', { timeout: 60_000 }, () => {
  it('yields NHWC float batches in 0..1 with labels indexing the sorted class names', async () => {
    const batches = await collect(flowFromDirectory(SAMPLE, { ...inThread, batchSize: 4, seed: 1 }));
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
      expect([...(b.targets as Int32Array)]).toEqual([...b.labels]);
    }
    const all = batches.flatMap((b) => b.paths);
    expect(new Set(all).size).toBe(15);
  });

  it('is deterministic for a seed; the order changes between epochs and seeds; shuffle: false keeps sorted order', async () => {
    const a = await collect(flowFromDirectory(SAMPLE, { ...inThread, batchSize: 15, seed: 2, epochs: 2 }));
    const b = await collect(flowFromDirectory(SAMPLE, { ...inThread, batchSize: 15, seed: 2, epochs: 2 }));
    expect(a.map((x) => x.paths)).toEqual(b.map((x) => x.paths));
    expect(Buffer.from(a[0]!.images.buffer).equals(Buffer.from(b[0]!.images.buffer))).toBe(true);
    expect(a[0]!.paths).not.toEqual(a[1]!.paths);
    expect(a[1]!.epoch).toBe(1);
    const sorted = await collect(flowFromDirectory(SAMPLE, { ...inThread, batchSize: 15, shuffle: false }));
    expect(sorted[0]!.paths).toEqual([...sorted[0]!.paths].sort());
    // epoch(e) alone is epoch e of a full iteration
    const [second] = await collect(flowFromDirectory(SAMPLE, { ...inThread, batchSize: 15, seed: 2, recipe }).epoch(1));
    const [full0, full1] = await collect(flowFromDirectory(SAMPLE, { ...inThread, batchSize: 15, seed: 2, recipe, epochs: 2 }));
    expect(second!.paths).toEqual(full1!.paths);
    expect(Buffer.from(second!.images.buffer).equals(Buffer.from(full1!.images.buffer))).toBe(true);
    expect(Buffer.from(full0!.images.buffer).equals(Buffer.from(full1!.images.buffer))).toBe(false);
  });

  it('augments with a recipe and keeps the batch size fixed; 4 channels keeps alpha', async () => {
    const rotate = parseRecipe({ name: 'r', steps: [{ op: 'randomRotation', degrees: 30, expand: true }] });
    const [plain] = await collect(flowFromDirectory(SAMPLE, { ...inThread, batchSize: 15, shuffle: false }));
    const [augmented] = await collect(flowFromDirectory(SAMPLE, { ...inThread, batchSize: 15, shuffle: false, recipe: rotate, channels: 4 }));
    expect(augmented!.shape).toEqual([15, 16, 24, 4]);
    expect(augmented!.images.length).toBe((plain!.images.length / 3) * 4);
  });

  it('uint8 / float32, nhwc / nchw, rescale and normalize agree with a plain decode-resize loop', async () => {
    const mean = [0.5, 0.4, 0.3];
    const std = [0.2, 0.25, 0.3];
    const base: FlowOptions = { ...inThread, batchSize: 15, shuffle: false };
    const [bytes] = await collect(flowFromDirectory(SAMPLE, { ...base, dtype: 'uint8' }));
    const [nchw] = await collect(flowFromDirectory(SAMPLE, { ...base, layout: 'nchw', rescale: 1 / 127.5, normalize: { mean, std } }));
    expect(bytes!.images).toBeInstanceOf(Uint8Array);
    expect(nchw!.shape).toEqual([15, 3, 16, 24]);
    const area = size.width * size.height;
    bytes!.paths.forEach((path, n) => {
      const rgba = plainPixels(path);
      for (let p = 0; p < area; p++) {
        for (let c = 0; c < 3; c++) {
          const byte = rgba[p * 4 + c]!;
          if (bytes!.images[(n * area + p) * 3 + c] !== byte) throw new Error(`uint8 nhwc differs at ${path} pixel ${p} channel ${c}`);
          const expected = Math.fround((byte / 127.5 - mean[c]!) / std[c]!);
          if (nchw!.images[(n * 3 + c) * area + p] !== expected) throw new Error(`normalized nchw differs at ${path} pixel ${p} channel ${c}`);
        }
      }
    });
  });

  it("decodes JPEGs as libjpeg does with jpeg: 'libjpeg', in worker threads too", async () => {
    const options = { size, batchSize: 15, shuffle: false, dtype: 'uint8', jpeg: 'libjpeg' } as const;
    const [batch] = await collect(flowFromDirectory(SAMPLE, { ...options, workers: 0 }));
    const area = size.width * size.height;
    let differsFromDefault = false;
    batch!.paths.forEach((path, n) => {
      const rgba = plainPixels(path, 'libjpeg');
      const fallback = plainPixels(path);
      for (let p = 0; p < area; p++) {
        for (let c = 0; c < 3; c++) {
          if (batch!.images[(n * area + p) * 3 + c] !== rgba[p * 4 + c]) throw new Error(`${path} pixel ${p} channel ${c} is not libjpeg's`);
          if (rgba[p * 4 + c] !== fallback[p * 4 + c]) differsFromDefault = true;
        }
      }
    });
    expect(differsFromDefault).toBe(true);
    const dist = await compiled();
    const [threaded] = await collect(dist.flowFromDirectory(SAMPLE, { ...options, workers: 2 }));
    expect(threaded!.images).toEqual(batch!.images);
  });

  it('encodes labels as classMode says', async () => {
    const [categorical] = await collect(flowFromDirectory(SAMPLE, { ...inThread, batchSize: 15, classMode: 'categorical' }));
    expect(categorical!.targetShape).toEqual([15, 3]);
    categorical!.labels.forEach((label, i) => {
      expect([...(categorical!.targets as Float32Array).subarray(i * 3, i * 3 + 3)]).toEqual([0, 1, 2].map((k) => (k === label ? 1 : 0)));
    });
    const [binary] = await collect(flowFromDirectory(SAMPLE, { ...inThread, batchSize: 15, classMode: 'binary', classes: ['rocket', 'cat'] }));
    expect(binary!.shape[0]).toBe(11); // 3 rockets + 8 cats; coffee is not in the list
    binary!.paths.forEach((p, i) => expect(binary!.targets![i]).toBe(p.startsWith('cat/') ? 1 : 0));
    const [none] = await collect(flowFromDirectory(SAMPLE, { ...inThread, batchSize: 15, classMode: 'none' }));
    expect(none!.targets).toBeNull();
  });

  it('balance: every class drawn as often as the largest, repeats spread evenly and augmented afresh; classWeights', async () => {
    const flow = flowFromDirectory(SAMPLE, { ...inThread, batchSize: 100, balance: true, recipe, seed: 3 });
    const [batch] = await collect(flow);
    const perClass = [0, 0, 0];
    batch!.labels.forEach((l) => perClass[l]!++);
    expect(perClass).toEqual([8, 8, 8]);
    const perImage = new Map<string, number>();
    batch!.paths.forEach((p) => perImage.set(p, (perImage.get(p) ?? 0) + 1));
    expect(perImage.size).toBe(15);
    for (const cls of ['coffee', 'rocket']) {
      const counts = [...perImage].filter(([p]) => p.startsWith(`${cls}/`)).map(([, n]) => n);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    // a repeated image is augmented with a new seed each time
    const first = batch!.paths.indexOf('rocket/rocket_01.jpg');
    const again = batch!.paths.indexOf('rocket/rocket_01.jpg', first + 1);
    const one = size.width * size.height * 3;
    expect(Buffer.from(batch!.images.subarray(first * one, (first + 1) * one).buffer.slice(first * one * 4, (first + 1) * one * 4)).equals(
      Buffer.from(batch!.images.buffer.slice(again * one * 4, (again + 1) * one * 4)),
    )).toBe(false);
    expect((await flow.info()).draws).toBe(24);
    const weights = await flow.classWeights();
    expect(weights).toEqual({ 0: 15 / (3 * 8), 1: 15 / (3 * 4), 2: 15 / (3 * 3) });
  });

  it('subset: the same stratified partition that augment writes for the same split and seed; only train is augmented', async () => {
    const split = { train: 0.6, val: 0.2, test: 0.2 };
    // an untidy copy of the sample: a file that does not decode, and a byte-identical copy in a sub-folder
    const data = tmp();
    cpSync(SAMPLE, data, { recursive: true });
    writeFileSync(join(data, 'cat', 'truncated.jpg'), readFileSync(join(SAMPLE, 'cat', 'cat_01.jpg')).subarray(0, 400));
    mkdirSync(join(data, 'cat', 'copies'));
    cpSync(join(SAMPLE, 'cat', 'cat_02.jpg'), join(data, 'cat', 'copies', 'cat_02.jpg'));
    const out = tmp();
    await augment({ input: data, out, split, seed: 11, variants: 0, workers: 1, size: { width: 8, height: 8 } });
    const manifest = readFileSync(join(out, 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { source: string; split: string });
    for (const subset of ['train', 'val', 'test'] as const) {
      const skipped: string[] = [];
      const flow = flowFromDirectory(data, { ...inThread, batchSize: 64, split, subset, seed: 11, onWarning: () => {}, onSkip: (f) => skipped.push(f.path) });
      const mine = (await collect(flow)).flatMap((b) => b.paths).sort();
      expect(mine).toEqual(manifest.filter((r) => r.split === subset).map((r) => r.source).sort());
      expect(skipped).toEqual(['cat/truncated.jpg']);
    }
    // the augment output itself: subset picks the split folder, classes.json the labels
    const manifestFiles = readFileSync(join(out, 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { file: string; split: string; class: string });
    const [val] = await collect(flowFromDirectory(out, { ...inThread, subset: 'val', batchSize: 64, shuffle: false, onWarning: () => {} }));
    expect(val!.classNames).toEqual(JSON.parse(readFileSync(join(out, 'classes.json'), 'utf8')).classes);
    expect(val!.paths.map((p) => `val/${p}`)).toEqual(manifestFiles.filter((r) => r.split === 'val').map((r) => r.file).sort());
    val!.paths.forEach((p, i) => expect(val!.classNames[val!.labels[i]!]).toBe(p.split('/')[0]));
    const where = (path: string) => manifest.find((r) => r.source === path)!.split;
    expect(where('cat/copies/cat_02.jpg')).toBe(where('cat/cat_02.jpg'));
    expect(() => flowFromDirectory(SAMPLE, { split, subset: 'val', recipe })).toThrow(/options.recipe.*train/);
    expect(() => flowFromDirectory(SAMPLE, { split, subset: 'test', balance: true })).toThrow(/options.balance/);
  });

  it('reads the class list of an augment output (classes.json) and reports a split with fewer classes', async () => {
    const out = tmp();
    for (const split of ['train', 'test']) mkdirSync(join(out, split));
    cpSync(join(SAMPLE, 'cat'), join(out, 'train', 'cat'), { recursive: true });
    cpSync(join(SAMPLE, 'rocket'), join(out, 'train', 'rocket'), { recursive: true });
    cpSync(join(SAMPLE, 'rocket'), join(out, 'test', 'rocket'), { recursive: true });
    writeFileSync(join(out, 'classes.json'), JSON.stringify({ classes: ['cat', 'coffee', 'rocket'] }, null, 2) + '\n');
    const warnings: string[] = [];
    const [test] = await collect(flowFromDirectory(out, { ...inThread, subset: 'test', batchSize: 64, onWarning: (w) => warnings.push(w) }));
    expect(test!.classNames).toEqual(['cat', 'coffee', 'rocket']);
    expect([...new Set(test!.labels)]).toEqual([2]);
    expect(warnings.join('\n')).toMatch(/no images of 2 of the 3 classes: cat, coffee/);
    const [direct] = await collect(flowFromDirectory(join(out, 'test'), { ...inThread, batchSize: 64, onWarning: () => {} }));
    expect([...new Set(direct!.labels)]).toEqual([2]);
    await expect(collect(flowFromDirectory(out, inThread))).rejects.toThrow(/options.subset is needed/);
  });

  it('reports empty and undecodable files through onSkip, once', async () => {
    const dir = tmp();
    cpSync(SAMPLE, dir, { recursive: true });
    writeFileSync(join(dir, 'cat', 'empty.jpg'), '');
    writeFileSync(join(dir, 'cat', 'truncated.jpg'), readFileSync(join(SAMPLE, 'cat', 'cat_01.jpg')).subarray(0, 400));
    const skipped: string[] = [];
    const batches = await collect(flowFromDirectory(dir, { ...inThread, batchSize: 64, epochs: 2, onSkip: (s) => skipped.push(s.path) }));
    expect(skipped.sort()).toEqual(['cat/empty.jpg', 'cat/truncated.jpg']);
    expect(batches.map((b) => b.shape[0])).toEqual([15, 15]);
  });

  it('a loop may stop early: the loads prefetched for it are dropped, and the flow can be iterated again', async () => {
    const flow = flowFromDirectory(SAMPLE, { ...inThread, batchSize: 2, prefetch: 3, seed: 6 });
    for await (const first of flow) {
      expect(first.shape[0]).toBe(2);
      break;
    }
    const all = await collect(flow);
    expect(all.flatMap((b) => b.paths).length).toBe(15);
  });

  it('rejects bad options with INVALID_ARGUMENT naming the option', async () => {
    const cases: [unknown, RegExp][] = [
      [{ batchSize: 0 }, /options.batchSize/],
      [{ size: [64, 64] }, /options.size/],
      [{ size: { width: 64, heigth: 64 } }, /Unknown option `heigth`.*did you mean `height`/],
      [{ chanels: 3 }, /Unknown option `chanels`.*did you mean `channels`/],
      [{ validationSplit: 0.2 }, /Unknown option `validationSplit`/],
      [{ subset: 'validation', split: { train: 0.8, val: 0.2 } }, /options.subset/],
      [{ split: { train: 0.8, val: 0.2 } }, /options.split needs options.subset/],
      [{ classMode: 'onehot' }, /options.classMode/],
      [{ dtype: 'uint8', rescale: 1 }, /options.rescale/],
      [{ jpeg: 'pillow' }, /options.jpeg/],
      [{ normalize: { mean: [0, 0], std: [1, 1, 1] } }, /options.normalize.mean/],
      [{ normalize: { mean: [0, 0, 0], std: [1, 0, 1] } }, /options.normalize.std\[1\]/],
      [{ workers: -1 }, /options.workers/],
      [{ classes: ['cat', 'cat'] }, /options.classes\[1\]/],
    ];
    for (const [options, message] of cases) {
      let error: unknown;
      try {
        flowFromDirectory(SAMPLE, options as FlowOptions);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(options)).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) });
    }
    await expect(collect(flowFromDirectory(SAMPLE, { ...inThread, classMode: 'binary' }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/options.classMode 'binary' needs exactly 2 classes/),
    });
    await expect(collect(flowFromDirectory(SAMPLE, { ...inThread, subset: 'train' }))).rejects.toThrow(/options.subset 'train' needs options.split/);
    await expect(collect(flowFromDirectory(`${SAMPLE}/missing`, inThread))).rejects.toThrow('folder');
  });
});

describe('flowFromDirectory worker threads (compiled package)', { timeout: 60_000 }, () => {
  it('the same batches, in the same order, with the same bytes for 0, 1 and 2 workers', async () => {
    const dist = await compiled();
    const distRecipe = await compiledRecipe();
    const options = { size, batchSize: 5, recipe: distRecipe, balance: true, seed: 5, epochs: 2, prefetch: 1 };
    const runs = await Promise.all([0, 1, 2].map((workers) => collect(dist.flowFromDirectory(SAMPLE, { ...options, workers }))));
    for (const run of runs.slice(1)) {
      expect(run.map((b) => b.paths)).toEqual(runs[0]!.map((b) => b.paths));
      run.forEach((b, i) => expect(Buffer.from(b.images.buffer).equals(Buffer.from(runs[0]![i]!.images.buffer))).toBe(true));
    }
    expect(runs[0]!.length).toBe(10);
    // each batch owns a plain buffer: the shared staging memory the workers pack into is reused
    for (const run of runs) for (const b of run) expect(b.images.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('epoch(e) after a finished run takes over its threads; close() ends them; bytes are a fresh flow\'s either way', async () => {
    const dist = await compiled();
    const distRecipe = await compiledRecipe();
    const options = { size, batchSize: 4, recipe: distRecipe, seed: 8, workers: 2 };
    const flow = dist.flowFromDirectory(SAMPLE, options);
    const e0 = await collect(flow.epoch(0));
    const before = await nextThreadId();
    const e1 = await collect(flow.epoch(1));
    // no thread was started for epoch 1: the next thread id is the one after the probe's
    expect(await nextThreadId()).toBe(before + 1);
    await flow.close();
    const e2 = await collect(flow.epoch(2));
    const after = await nextThreadId();
    expect(after).toBe(before + 1 + options.workers + 1);
    await flow.close();
    const fresh = await collect(dist.flowFromDirectory(SAMPLE, { ...options, epochs: 3 }));
    expect([...e0, ...e1, ...e2].map((b) => b.paths)).toEqual(fresh.map((b) => b.paths));
    [...e0, ...e1, ...e2].forEach((b, i) => expect(Buffer.from(b.images.buffer).equals(Buffer.from(fresh[i]!.images.buffer))).toBe(true));
  });

  it('a run stopped early does not hand its threads on (their loads may still be packing); the next run is right', async () => {
    const dist = await compiled();
    const options = { size, batchSize: 2, prefetch: 3, seed: 9, workers: 2, dtype: 'uint8' } as const;
    const flow = dist.flowFromDirectory(SAMPLE, options);
    await collect(flow.epoch(0));
    for await (const first of flow.epoch(1)) {
      expect(first.shape[0]).toBe(2);
      break;
    }
    const before = await nextThreadId();
    const e2 = await collect(flow.epoch(2));
    expect(await nextThreadId()).toBe(before + options.workers + 1);
    await flow.close();
    const [inThreadRun] = [await collect(dist.flowFromDirectory(SAMPLE, { ...options, workers: 0 }).epoch(2))];
    e2.forEach((b, i) => expect(Buffer.from(b.images.buffer).equals(Buffer.from(inThreadRun![i]!.images.buffer))).toBe(true));
  });

  it('idle threads end after IDLE_THREAD_MS and start again with the next run', async () => {
    const dist = await compiled();
    const { IDLE_THREAD_MS } = await compiledPool();
    const options = { size, batchSize: 8, seed: 4, workers: 2, dtype: 'uint8' } as const;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const flow = dist.flowFromDirectory(SAMPLE, options);
      await collect(flow.epoch(0));
      vi.advanceTimersByTime(IDLE_THREAD_MS - 1);
      const before = await nextThreadId();
      await collect(flow.epoch(1));
      expect(await nextThreadId()).toBe(before + 1); // not idle long enough: the same threads
      vi.advanceTimersByTime(IDLE_THREAD_MS);
      const e2 = await collect(flow.epoch(2));
      expect(await nextThreadId()).toBe(before + 1 + options.workers + 1);
      await flow.close();
      const fresh = await collect(dist.flowFromDirectory(SAMPLE, { ...options, workers: 0 }).epoch(2));
      e2.forEach((b, i) => expect(Buffer.from(b.images.buffer).equals(Buffer.from(fresh[i]!.images.buffer))).toBe(true));
    } finally {
      vi.useRealTimers();
    }
  });

  it('threads that never get a job (a run with nothing to load) end after IDLE_THREAD_MS too', async () => {
    const dist = await compiled();
    const { IDLE_THREAD_MS } = await compiledPool();
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const warnings: string[] = [];
      const flow = dist.flowFromDirectory(SAMPLE, { size, workers: 2, classes: ['dog'], onWarning: (w) => warnings.push(w) });
      expect(await collect(flow.epoch(0))).toEqual([]);
      expect(warnings.join()).toMatch(/no images of 1 of the 1 classes: dog/);
      vi.advanceTimersByTime(IDLE_THREAD_MS - 1);
      expect(terminate).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(terminate).toHaveBeenCalledTimes(2);
      await flow.close();
    } finally {
      vi.useRealTimers();
      terminate.mockRestore();
    }
  });

  it('a kept thread that dies between runs fails the next run with INTERNAL instead of leaving it waiting', async () => {
    const dist = await compiled();
    const flow = dist.flowFromDirectory(SAMPLE, { size, batchSize: 8, workers: 2 });
    // the loader unrefs each thread it starts: that call hands the test the threads
    const started: Worker[] = [];
    const unref = vi.spyOn(Worker.prototype, 'unref').mockImplementation(function (this: Worker) {
      if (!started.includes(this)) started.push(this);
    });
    try {
      await collect(flow.epoch(0));
    } finally {
      unref.mockRestore();
    }
    expect(started.length).toBe(2);
    await started[0]!.terminate();
    await expect(collect(flow.epoch(1))).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/a flow worker thread exited/) });
    await flow.close();
  });

  it('a flow nobody closes, even one stopped between batches, does not keep the process alive', () => {
    const script = `
      const { flowFromDirectory } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/dataset/index.js')).href)});
      const flow = flowFromDirectory(${JSON.stringify(SAMPLE)}, { size: { width: 24, height: 16 }, batchSize: 2, prefetch: 3, workers: 2 });
      for await (const batch of flow.epoch(0)) {}
      const batches = flow.epoch(1);
      await batches.next(); // then dropped, neither finished nor returned
      console.log('done');`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.stderr).toBe('');
    expect(child.signal).toBeNull();
    expect(child.stdout.trim()).toBe('done');
  });

  it('images left out (undecodable) shift the rest the same way for 0 and 2 workers', async () => {
    const dist = await compiled();
    const dir = tmp();
    cpSync(SAMPLE, dir, { recursive: true });
    writeFileSync(join(dir, 'cat', 'empty.jpg'), '');
    writeFileSync(join(dir, 'coffee', 'truncated.jpg'), readFileSync(join(SAMPLE, 'cat', 'cat_01.jpg')).subarray(0, 400));
    const options = { size, batchSize: 4, seed: 3, epochs: 2, dtype: 'uint8', layout: 'nchw' } as const;
    const [inThreadRun, threaded] = await Promise.all([0, 2].map((workers) => collect(dist.flowFromDirectory(dir, { ...options, workers }))));
    expect(threaded!.map((b) => b.paths)).toEqual(inThreadRun!.map((b) => b.paths));
    threaded!.forEach((b, i) => expect(Buffer.from(b.images.buffer).equals(Buffer.from(inThreadRun![i]!.images.buffer))).toBe(true));
    expect(threaded!.flatMap((b) => b.paths).length).toBe(30);
    // and each image's values are a plain loop's, wherever the left-out images moved it
    const area = size.width * size.height;
    for (const b of threaded!) {
      b.paths.forEach((path, n) => {
        const rgba = plainPixels(path);
        for (let c = 0; c < 3; c++) {
          for (let p = 0; p < area; p++) {
            if (b.images[(n * 3 + c) * area + p] !== rgba[p * 4 + c]) throw new Error(`${path} channel ${c} pixel ${p} is not the plain loop's`);
          }
        }
      });
    }
  });
});
