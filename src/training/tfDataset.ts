import type * as tfjs from '@tensorflow/tfjs';
import { invalidArgument } from '../errors.js';
import { flowFromDirectory, type Batch, type FlowOptions } from '../dataset/flow.js';
import { loadTf, type Tf } from './loadTf.js';

/**
 * The options of {@link tfDataset}: those of {@link flowFromDirectory} but `epochs` (each iteration of the
 * dataset is the next epoch), the TensorFlow.js module `tf`, and `onBatch`.
 *
 * @example
 * const options: TfDatasetOptions = { tf, size: { width: 64, height: 64 }, split: { train: 0.8, val: 0.2 }, subset: 'train', recipe, onBatch: (b) => console.log(b.epoch, b.paths.length) };
 * const ds = await tfDataset('data', options);
 * await model.fitDataset(ds, { epochs: 10 });
 */
export interface TfDatasetOptions extends Omit<FlowOptions, 'epochs'> {
  /** The TensorFlow.js module to make tensors with (default: {@link loadTf}); pass yours so tensors and model share one engine. */
  tf?: Tf;
  /** Called with each flow batch before it becomes tensors (its paths, labels, epoch …). */
  onBatch?: (batch: Batch) => void;
}

/**
 * One element of a {@link tfDataset}: a batch of images and, unless classMode is 'none', its targets.
 *
 * @example
 * const ds = await tfDataset('data', { tf, size: { width: 64, height: 64 }, batchSize: 16 });
 * await ds.take(1).forEachAsync(({ xs, ys }: TfBatch) => console.log(xs.shape, ys.shape)); // [16, 64, 64, 3] [16, 3] for 3 classes
 */
export interface TfBatch extends tfjs.TensorContainerObject {
  xs: tfjs.Tensor4D;
  ys: tfjs.Tensor;
}

/** The tensors of one flow batch: `xs` of the batch's shape, `ys` as its classMode encodes (int32 for sparse). */
function toTensors(tf: Tf, batch: Batch): TfBatch | { xs: tfjs.Tensor4D } {
  const xs = tf.tensor4d(batch.images, batch.shape as [number, number, number, number], batch.images instanceof Uint8Array ? 'int32' : 'float32');
  if (batch.targets === null) return { xs };
  const ys = tf.tensor(batch.targets, batch.targetShape as number[], batch.targets instanceof Int32Array ? 'int32' : 'float32');
  return { xs, ys };
}

/**
 * A `tf.data.Dataset` of `{ xs, ys }` batches from {@link flowFromDirectory} (default `classMode:
 * 'categorical'`, for `categoricalCrossentropy`). Each iteration of the dataset is the next epoch of the
 * flow, so `model.fitDataset(ds, { epochs })` sees new augmentations every epoch, made by the same warm worker
 * threads (they end 10 s after the last epoch, and never keep the process alive). fitDataset disposes the
 * batch tensors; dispose them yourself when you iterate the dataset by hand.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for bad options, or naming `@tensorflow/tfjs` when it is not installed.
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import { tfDataset } from 'augkit/tfjs';
 * const ds = await tfDataset('data', { tf, size: { width: 64, height: 64 }, split: { train: 0.8, val: 0.2 }, subset: 'train', recipe, seed: 1 });
 * await model.fitDataset(ds, { epochs: 10 });
 */
export async function tfDataset(dir: string, options: TfDatasetOptions = {}): Promise<tfjs.data.Dataset<TfBatch>> {
  const { tf: given, onBatch, ...flowOptions } = options;
  if (onBatch !== undefined && typeof onBatch !== 'function') throw invalidArgument('options.onBatch', 'a function', onBatch);
  if (given !== undefined && typeof given?.data?.generator !== 'function') throw invalidArgument('options.tf', 'the TensorFlow.js module', given);
  const tf = given ?? (await loadTf());
  const flow = flowFromDirectory(dir, { classMode: 'categorical', ...flowOptions });
  await flow.info(); // scan now: a bad folder fails here, not inside training
  let epoch = 0;
  return tf.data.generator(() => {
    const batches = flow.epoch(epoch++);
    return {
      async next() {
        const { done, value } = await batches.next();
        if (done) return { done: true, value: undefined };
        onBatch?.(value);
        return { done: false, value: toTensors(tf, value) };
      },
    } as unknown as Iterator<TfBatch>;
  }) as tfjs.data.Dataset<TfBatch>;
}
