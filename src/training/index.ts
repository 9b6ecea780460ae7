/**
 * augkit/tfjs: TensorFlow.js datasets from class-per-folder images (Node). Needs `@tensorflow/tfjs`
 * (or `@tensorflow/tfjs-node`) installed beside augkit.
 *
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import { tfDataset } from 'augkit/tfjs';
 * const ds = await tfDataset('data', { tf, size: { width: 64, height: 64 } });
 *
 * @packageDocumentation
 * @module augkit/tfjs
 */
export { loadTf, TF_PACKAGES, type Tf } from './loadTf.js';
export { tfDataset, type TfBatch, type TfDatasetOptions } from './tfDataset.js';
