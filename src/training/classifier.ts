import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from './loadTf.js';

/** The input and output sizes of {@link smallCnn}. */
export interface ClassifierShape {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly classes: number;
}

/**
 * The fixed small CNN of `compare`: conv 3×3 ×8 (ReLU) → max-pool 2 → conv 3×3 ×16 (ReLU) → max-pool 2
 * → dense 32 (ReLU) → dense `classes` (softmax), trained with Adam (learning rate 0.002) on categorical
 * cross-entropy. Every kernel is Glorot-uniform from `seed + layer index`, every bias 0: the same `seed`
 * gives the same initial weights, so recipes compared with one seed start from one model.
 *
 * @example
 * const model = smallCnn(tf, { width: 28, height: 28, channels: 3, classes: 10 }, 7);
 * await model.fitDataset(ds, { epochs: 5 });
 */
export function smallCnn(tf: Tf, shape: ClassifierShape, seed: number): tfjs.Sequential {
  const kernel = (layer: number) => tf.initializers.glorotUniform({ seed: seed + layer });
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [shape.height, shape.width, shape.channels], filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: kernel(0) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: kernel(1) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 32, activation: 'relu', kernelInitializer: kernel(2) }),
      tf.layers.dense({ units: shape.classes, activation: 'softmax', kernelInitializer: kernel(3) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'categoricalCrossentropy' });
  return model;
}
