import { kernels } from '../wasm/kernels.js';
import { bytesAt, reserve } from '../wasm/memory.js';
import type { ClassMode } from './flowOptions.js';

/** How batch values are laid out and scaled. */
export interface PackSettings {
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
  readonly dtype: 'float32' | 'uint8';
  readonly layout: 'nhwc' | 'nchw';
  /** Per channel c: `(byte · rescale − mean[c]) / std[c]`, rounded to float32 (float32 only). */
  readonly rescale: number;
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** Bytes of the value tables packFloat32 reads (assembly/tensor/pack.ts): 256 float32 values per channel, 4 channels. */
const TABLE_BYTES = 4 * 256 * 4;

/** Channel c's float32 value of each byte 0..255 at `c·256 + byte`: one table look-up per value when packing. */
function valueTables(settings: PackSettings): Float32Array {
  const tables = new Float32Array(settings.channels * 256);
  for (let c = 0; c < settings.channels; c++) {
    for (let v = 0; v < 256; v++) tables[c * 256 + v] = (v * settings.rescale - settings.mean[c]!) / settings.std[c]!;
  }
  return tables;
}

/**
 * Packs one RGBA image (width × height × 4 bytes) into its block of a batch tensor: width × height ×
 * channels values, NHWC (`(p, c)` at `p·C + c`) or NCHW (at `c·area + p`), 3 channels (alpha dropped) or 4,
 * raw bytes (uint8) or float32 values `(byte · rescale − mean[c]) / std[c]`. Image n of a batch is the n-th
 * such block in either layout, so a batch is its images' blocks one after another. Runs in WebAssembly
 * (assembly/tensor/pack.ts) with the float32 values computed here, once per channel and byte. Writes into
 * `out` (the image's block of a batch, see {@link blockView}) or a new array, and returns it.
 *
 * @example
 * const block = packImage(pixels, { width: 2, height: 2, channels: 3, dtype: 'float32', layout: 'nchw', rescale: 1 / 255, mean: [0, 0, 0], std: [1, 1, 1] });
 */
export function packImage(rgba: Uint8Array | Uint8ClampedArray, settings: PackSettings, out = newValues(blockLength(settings), settings)): Float32Array | Uint8Array {
  const { width, height, channels } = settings;
  const pixels = width * height;
  const float = settings.dtype === 'float32';
  const planar = settings.layout === 'nchw';
  const [src, dst, tables] = reserve([pixels * 4, pixels * channels * (float ? 4 : 1), float ? TABLE_BYTES : 0]) as [number, number, number];
  bytesAt(src, pixels * 4).set(rgba);
  if (float) {
    new Float32Array(kernels.memory.buffer, tables, channels * 256).set(valueTables(settings));
    kernels.packFloat32(src, pixels, dst, tables, channels, planar);
    out.set(new Float32Array(kernels.memory.buffer, dst, pixels * channels));
  } else {
    kernels.packBytes(src, pixels, dst, channels, planar);
    out.set(bytesAt(dst, pixels * channels));
  }
  return out;
}

/** Values in one image's block: width × height × channels. */
export function blockLength(settings: PackSettings): number {
  return settings.width * settings.height * settings.channels;
}

/** A new array of `length` values of `settings.dtype`, over `buffer` from byte `offset` when given. */
function newValues(length: number, settings: PackSettings, buffer?: ArrayBufferLike, offset = 0): Float32Array | Uint8Array {
  if (settings.dtype === 'uint8') return buffer === undefined ? new Uint8Array(length) : new Uint8Array(buffer, offset, length);
  return buffer === undefined ? new Float32Array(length) : new Float32Array(buffer, offset, length);
}

/** Where an image's block is packed: `buffer` (a staging buffer of its planned batch) from byte `offset`. */
export interface BlockTarget {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  readonly offset: number;
}

/** The bytes of a batch of `images` blocks. */
export function batchBytes(images: number, settings: PackSettings): number {
  return images * blockLength(settings) * (settings.dtype === 'uint8' ? 1 : 4);
}

/**
 * The view of `target` an image's block is packed into.
 *
 * @example
 * packImage(pixels, settings, blockView({ buffer, offset: n * batchBytes(1, settings) }, settings));
 */
export function blockView(target: BlockTarget, settings: PackSettings): Float32Array | Uint8Array {
  return newValues(blockLength(settings), settings, target.buffer, target.offset);
}

/**
 * A batch's values from its images' blocks, in order, copied into an array of its own.
 *
 * @example
 * const images = batchValues(blocks, settings);
 */
export function batchValues(blocks: readonly BlockTarget[], settings: PackSettings): Float32Array | Uint8Array {
  const out = newValues(blocks.length * blockLength(settings), settings);
  blocks.forEach((block, n) => out.set(blockView(block, settings), n * blockLength(settings)));
  return out;
}

/**
 * Encodes class indices as `classMode` asks: sparse → Int32Array of indices; categorical → Float32Array
 * one-hot rows (n × classCount); binary → Float32Array of 0/1 (two classes); none → null.
 *
 * @example
 * encodeTargets(Int32Array.of(0, 2), 'categorical', 3); // Float32Array [1,0,0, 0,0,1]
 */
export function encodeTargets(labels: Int32Array, classMode: ClassMode, classCount: number): Int32Array | Float32Array | null {
  switch (classMode) {
    case 'sparse':
      return labels.slice();
    case 'binary':
      return Float32Array.from(labels);
    case 'categorical': {
      const out = new Float32Array(labels.length * classCount);
      labels.forEach((label, i) => (out[i * classCount + label] = 1));
      return out;
    }
    case 'none':
      return null;
  }
}
