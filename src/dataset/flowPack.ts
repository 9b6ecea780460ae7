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

/** Per channel, the float32 value of each byte 0..255: one table look-up per value when packing. */
function valueTables(settings: PackSettings): Float32Array[] {
  return Array.from({ length: settings.channels }, (_, c) => {
    const table = new Float32Array(256);
    for (let v = 0; v < 256; v++) table[v] = (v * settings.rescale - settings.mean[c]!) / settings.std[c]!;
    return table;
  });
}

/** Every channel of a byte table: each byte is its own value (uint8). */
const IDENTITY = Uint8Array.from({ length: 256 }, (_, v) => v);

/**
 * Writes channel `c` of `area` RGBA pixels as `table[byte]` into `out`, from index `start`, `step` apart.
 * One loop per channel with a fixed stride keeps the engine on one typed-array shape per call site.
 */
function packChannel(rgba: Uint8Array | Uint8ClampedArray, c: number, area: number, table: Float32Array | Uint8Array, out: Float32Array | Uint8Array, start: number, step: number): void {
  for (let p = 0, s = c, q = start; p < area; p++, s += 4, q += step) out[q] = table[rgba[s]!]!;
}

/**
 * Packs one RGBA image (width × height × 4 bytes) into its block of a batch tensor: width × height ×
 * channels values, NHWC (`(p, c)` at `p·C + c`) or NCHW (at `c·area + p`), 3 channels (alpha dropped) or 4,
 * raw bytes (uint8) or float32 values `(byte · rescale − mean[c]) / std[c]`. Image n of a batch is the n-th
 * such block in either layout, so a batch is its images' blocks one after another.
 *
 * @example
 * const block = packImage(pixels, { width: 2, height: 2, channels: 3, dtype: 'float32', layout: 'nchw', rescale: 1 / 255, mean: [0, 0, 0], std: [1, 1, 1] });
 */
export function packImage(rgba: Uint8Array | Uint8ClampedArray, settings: PackSettings): Float32Array | Uint8Array {
  const { width, height, channels, layout } = settings;
  const area = width * height;
  const out = settings.dtype === 'uint8' ? new Uint8Array(area * channels) : new Float32Array(area * channels);
  const tables = settings.dtype === 'float32' ? valueTables(settings) : null;
  for (let c = 0; c < channels; c++) {
    packChannel(rgba, c, area, tables?.[c] ?? IDENTITY, out, layout === 'nhwc' ? c : c * area, layout === 'nhwc' ? channels : 1);
  }
  return out;
}

/**
 * The batch tensor of packed image blocks ({@link packImage}), one after another.
 *
 * @example
 * const images = joinImages([packImage(a, settings), packImage(b, settings)], settings);
 */
export function joinImages(blocks: readonly (Float32Array | Uint8Array)[], settings: PackSettings): Float32Array | Uint8Array {
  const size = settings.width * settings.height * settings.channels;
  const out = settings.dtype === 'uint8' ? new Uint8Array(blocks.length * size) : new Float32Array(blocks.length * size);
  blocks.forEach((block, n) => out.set(block, n * size));
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
