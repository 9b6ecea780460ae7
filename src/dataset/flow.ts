import { AugkitError } from '../errors.js';
import { createFlowLoader, type FlowLoader } from './flowPool.js';
import { resolveFlowOptions, type FlowConfig, type FlowOptions } from './flowOptions.js';
import { epochDraws, labelCounts } from './flowOrder.js';
import { drawMix, mixBatch } from './flowMix.js';
import { batchBytes, batchValues, encodeTargets, type BlockTarget, type PackSettings } from './flowPack.js';
import { resolveFlowSource, type FlowSource } from './flowSource.js';
import { StagingBuffers, type StagingBuffer } from './flowStaging.js';

export type { ClassMode, FlowOptions } from './flowOptions.js';

/**
 * One batch, ready for `tf.tensor(images, shape)`.
 *
 * @example
 * const flow = flowFromDirectory('data', { batchSize: 4, size: { width: 32, height: 32 } });
 * for await (const batch of flow) {
 *   batch.shape; // [4, 32, 32, 3]: images is a Float32Array of 4 · 32 · 32 · 3 values in 0..1
 *   batch.labels; // e.g. Int32Array [1, 0, 1, 2]: indices into batch.classNames
 *   batch.paths; // e.g. ['coffee/coffee_03.jpg', 'cat/cat_04.jpg', …]: labels[i] is the class of paths[i]
 * }
 */
export interface Batch {
  /** n images as `layout` and `dtype` say: float32 `(byte · rescale − mean) / std` (default byte / 255) or the raw bytes. */
  readonly images: Float32Array | Uint8Array;
  /** `[n, height, width, channels]` (nhwc) or `[n, channels, height, width]` (nchw). */
  readonly shape: readonly [number, number, number, number];
  /** n class indices into `classNames`, whatever `classMode`. */
  readonly labels: Int32Array;
  /** The labels as `classMode` encodes them (null for 'none'), of shape `targetShape`; with `mixUp`/`cutMix`, soft one-hot rows n × classes. */
  readonly targets: Int32Array | Float32Array | null;
  /** `[n]` (sparse, binary), `[n, classes]` (categorical) or null (none). */
  readonly targetShape: readonly number[] | null;
  /** The class list; a label is an index into it. */
  readonly classNames: readonly string[];
  /** Source paths relative to the folder read, in batch order (a path repeats under `balance`). */
  readonly paths: readonly string[];
  /** 0-based epoch this batch belongs to. */
  readonly epoch: number;
}

/**
 * What a flow reads, before any image is decoded.
 *
 * @example
 * const info: FlowInfo = await flowFromDirectory('data', { batchSize: 4 }).info();
 * // e.g. { classNames: ['cat', 'coffee', 'rocket'], counts: [8, 4, 3], draws: 15, batchesPerEpoch: 4 }
 */
export interface FlowInfo {
  readonly classNames: readonly string[];
  /** Images per label. */
  readonly counts: readonly number[];
  /** Draws per epoch: the number of images, or with `balance` the largest count × the classes that have images. */
  readonly draws: number;
  readonly batchesPerEpoch: number;
}

/**
 * A training-loop reader of a class-per-folder data set (see {@link flowFromDirectory}). Iterating it runs
 * every epoch of `options.epochs`; `epoch(e)` runs epoch `e` alone (a fresh augmentation per epoch for loops
 * that ask for one epoch at a time, such as tf.js `fitDataset`). A run that ends normally leaves its worker
 * threads, warm, to the next run of the same flow; they end after 10 s with no run, or at {@link Flow.close},
 * and never keep the process alive.
 *
 * @example
 * for await (const batch of flowFromDirectory('data', { batchSize: 8 })) console.log(batch.labels);
 */
export class Flow implements AsyncIterable<Batch> {
  private readonly config: FlowConfig;
  private source: Promise<FlowSource> | undefined;
  /** Paths found unusable: reported once, not loaded again. */
  private readonly bad = new Set<string>();
  /** The loader (its worker threads) and staging buffers of the last run that ended normally, for the next run. */
  private kept: { readonly loader: FlowLoader; readonly staging: StagingBuffers } | undefined;

  /** Use {@link flowFromDirectory}. */
  constructor(
    private readonly dir: string,
    options?: FlowOptions,
  ) {
    this.config = resolveFlowOptions(options);
  }

  private async read(): Promise<FlowSource> {
    this.source ??= resolveFlowSource(this.dir, this.config).then((source) => {
      if (this.config.classMode === 'binary' && source.classNames.length !== 2) {
        throw new AugkitError(
          'INVALID_ARGUMENT',
          `options.classMode 'binary' needs exactly 2 classes but ${this.dir} has ${source.classNames.length} (${source.classNames.join(', ')}): use 'categorical' or 'sparse'`,
        );
      }
      return source;
    });
    return this.source;
  }

  /**
   * The class list and counts, without decoding any image.
   *
   * @example
   * const { classNames, batchesPerEpoch } = await flowFromDirectory('data', { batchSize: 16 }).info();
   */
  async info(): Promise<FlowInfo> {
    const { classNames, images } = await this.read();
    const counts = labelCounts(images, classNames.length);
    const draws = this.config.balance ? Math.max(0, ...counts) * counts.filter((n) => n > 0).length : images.length;
    return { classNames, counts, draws, batchesPerEpoch: Math.ceil(draws / this.config.batchSize) };
  }

  /**
   * Keras-style class weights, `images / (classes · images of the class)` per label (a class with no
   * images gets 0): pass them as `classWeight` to weigh the loss instead of sampling with `balance`.
   *
   * @example
   * await model.fitDataset(ds, { epochs: 5, classWeight: await flow.classWeights() });
   */
  async classWeights(): Promise<Record<number, number>> {
    const { classNames, images } = await this.read();
    const counts = labelCounts(images, classNames.length);
    return Object.fromEntries(counts.map((n, label) => [label, n === 0 ? 0 : images.length / (classNames.length * n)]));
  }

  /**
   * The batches of epoch `e` alone (its order and augmentation are those of epoch `e` of a full iteration).
   *
   * @example
   * for (let e = 0; e < 10; e++) for await (const batch of flow.epoch(e)) train(batch);
   */
  async *epoch(e: number): AsyncGenerator<Batch, void, undefined> {
    if (!Number.isSafeInteger(e) || e < 0) throw new AugkitError('INVALID_ARGUMENT', `Expected a non-negative integer for epoch but received ${String(e)}`);
    yield* this.run([e]);
  }

  /** Every epoch of `options.epochs`, in order. */
  [Symbol.asyncIterator](): AsyncGenerator<Batch, void, undefined> {
    return this.run(Array.from({ length: this.config.epochs }, (_, e) => e));
  }

  /**
   * Ends the worker threads this flow keeps between runs (`epoch(e)` after `epoch(e − 1)`), now. Without it they
   * end by themselves after 10 s with no run, and they never keep the process alive; a later run starts new ones.
   *
   * @example
   * for (let e = 0; e < 10; e++) for await (const batch of flow.epoch(e)) train(batch);
   * await flow.close();
   */
  async close(): Promise<void> {
    const kept = this.kept;
    this.kept = undefined;
    await kept?.loader.close();
  }

  private async *run(epochs: readonly number[]): AsyncGenerator<Batch, void, undefined> {
    // a run that follows one which ended normally takes over its threads, warm, and its staging buffers, all free;
    // otherwise the new threads load their modules while the folder is read
    const kept = this.kept;
    this.kept = undefined;
    const loader = kept?.loader ?? createFlowLoader(this.config.workers);
    let staging = kept?.staging;
    let finished = false;
    try {
      const { classNames, images } = await this.read();
      staging ??= new StagingBuffers(batchBytes(this.config.batchSize, this.packSettings()), this.config.workers > 0);
      for (const epoch of epochs) yield* this.batches(epoch, classNames, images, loader, staging);
      finished = true;
    } finally {
      // a run stopped early may still have loads packing into its staging buffers: its threads are not reused
      if (finished && this.kept === undefined) this.kept = { loader, staging: staging! };
      else await loader.close();
    }
  }

  /** What a worker needs to pack an image (the config also holds functions, which cannot be posted). */
  private packSettings(): PackSettings {
    const c = this.config;
    return { width: c.width, height: c.height, channels: c.channels, dtype: c.dtype, layout: c.layout, rescale: c.rescale, mean: c.mean, std: c.std };
  }

  private async *batches(
    epoch: number, classNames: readonly string[], images: FlowSource['images'], loader: FlowLoader, staging: StagingBuffers,
  ): AsyncGenerator<Batch, void, undefined> {
    const c = this.config;
    const pack = this.packSettings();
    const draws = epochDraws(images, classNames, c, epoch).filter((d) => !this.bad.has(d.image.source.path));
    // the window of loads in flight: this batch and `prefetch` batches ahead, in draw order
    const window = (c.prefetch + 1) * c.batchSize;
    const inFlight: { path: string; label: number; into: BlockTarget; result: ReturnType<FlowLoader['load']> }[] = [];
    // draw d is packed as image d mod batchSize of a staging buffer planned for batch ⌊d / batchSize⌋, shared with
    // the worker threads; each batch is copied out of its images' places (an image left out shifts the rest)
    let planned: StagingBuffer | undefined;
    let next = 0;
    const fill = () => {
      for (; next < draws.length && inFlight.length < window; next++) {
        const { image, seed } = draws[next]!;
        const slot = next % c.batchSize;
        if (slot === 0) planned = staging.take(Math.min(c.batchSize, draws.length - next));
        const into = { buffer: planned!, offset: batchBytes(slot, pack) };
        const ops = c.recipe === null ? [] : c.recipe.pipeline.draw(seed, { width: c.width, height: c.height });
        const result = loader.load({ id: next, fsPath: image.source.fsPath, ops, jpeg: c.jpeg, pack, into });
        // a load that fails after the consumer stopped (break, or an earlier failure) is nobody's to report
        result.catch(() => {});
        inFlight.push({ path: image.source.path, label: image.label, into, result });
      }
    };
    let blocks: BlockTarget[] = [];
    let labels: number[] = [];
    let paths: string[] = [];
    let batchIndex = 0;
    const batch = (): Batch => {
      const n = blocks.length;
      const labelArray = Int32Array.from(labels);
      const images = batchValues(blocks, pack);
      for (const block of blocks) staging.release(block.buffer);
      const mixed = c.mix.length > 0;
      const targets = mixed
        ? mixBatch(images, labelArray, classNames.length, { n, ...c }, drawMix(c.mix, c.seed, epoch, batchIndex, c.width, c.height))
        : encodeTargets(labelArray, c.classMode, classNames.length);
      batchIndex++;
      return {
        images,
        shape: c.layout === 'nhwc' ? [n, c.height, c.width, c.channels] : [n, c.channels, c.height, c.width],
        labels: labelArray,
        targets,
        targetShape: targets === null ? null : mixed || c.classMode === 'categorical' ? [n, classNames.length] : [n],
        classNames,
        paths,
        epoch,
      };
    };
    fill();
    while (inFlight.length > 0) {
      const { path, label, into, result } = inFlight.shift()!;
      const loaded = await result;
      fill();
      if ('failure' in loaded) {
        if (!this.bad.has(path)) c.onSkip({ path, reason: `${loaded.failure.code}: ${loaded.failure.message}`, bad: true });
        this.bad.add(path);
        staging.release(into.buffer);
        continue;
      }
      if (this.bad.has(path)) {
        staging.release(into.buffer);
        continue;
      }
      blocks.push(into);
      labels.push(label);
      paths.push(path);
      if (blocks.length === c.batchSize) {
        yield batch();
        blocks = [];
        labels = [];
        paths = [];
      }
    }
    if (blocks.length > 0) yield batch();
  }
}

/**
 * Reads a class-per-folder data set (or an augment output) in batches for a training loop, like Keras'
 * `flow_from_directory`: decodes (EXIF orientation applied), resizes to `size`, optionally augments with
 * `recipe`, and packs batches as `layout`, `dtype`, `rescale`/`normalize` and `classMode` say. Decoding,
 * resizing and augmenting run on `workers` threads, `prefetch` batches ahead; batches are the same, in the
 * same order, for any `workers`.
 *
 * Deterministic for a seed: epoch `e`'s draws (see `balance`) are shuffled with `deriveSeed(seed, 'flow', e)`,
 * and image `path` is augmented in epoch `e` with the pipeline seed `deriveSeed(seed, 'flow', e, path)`
 * (its repeat k under `balance`: `deriveSeed(seed, 'flow', e, path, k)`). With `split` + `subset` the set is
 * partitioned exactly as `augment` partitions it for the same split and seed; only train is augmented.
 * With `mixUp` / `cutMix`, batch b of epoch e is mixed after packing (see docs/training.md) from the
 * stream `deriveSeed(seed, 'mix', e, b)`, so it too is the same for any `workers`.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for bad options, at once; for a `dir` that is not a folder or does
 *   not fit `split`/`subset`/`classMode`, when iteration starts.
 * @example
 * const flow = flowFromDirectory('data', { size: { width: 64, height: 64 }, split: { train: 0.8, val: 0.2 }, subset: 'train', recipe, classMode: 'categorical' });
 * for await (const { images, shape, targets, targetShape } of flow) {
 *   tf.tidy(() => model.trainOnBatch(tf.tensor4d(images, shape), tf.tensor2d(targets, targetShape)));
 * }
 */
export function flowFromDirectory(dir: string, options?: FlowOptions): Flow {
  return new Flow(dir, options);
}
