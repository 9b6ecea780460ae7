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

/**
 * Packs RGBA images (each width × height × 4 bytes) into one batch tensor: NHWC or NCHW, 3 channels
 * (alpha dropped) or 4, raw bytes (uint8) or float32 values `(byte · rescale − mean[c]) / std[c]`.
 *
 * @example
 * const images = packImages([pixels], { width: 2, height: 2, channels: 3, dtype: 'float32', layout: 'nchw', rescale: 1 / 255, mean: [0, 0, 0], std: [1, 1, 1] });
 */
export function packImages(pixels: readonly (Uint8Array | Uint8ClampedArray)[], settings: PackSettings): Float32Array | Uint8Array {
  const { width, height, channels, layout } = settings;
  const area = width * height;
  const out = settings.dtype === 'uint8' ? new Uint8Array(pixels.length * area * channels) : new Float32Array(pixels.length * area * channels);
  const tables = settings.dtype === 'float32' ? valueTables(settings) : null;
  pixels.forEach((rgba, n) => {
    for (let c = 0; c < channels; c++) {
      const table = tables?.[c];
      // nhwc: value (p, c) of image n at n·area·C + p·C + c; nchw: at n·area·C + c·area + p
      const start = layout === 'nhwc' ? n * area * channels + c : (n * channels + c) * area;
      const step = layout === 'nhwc' ? channels : 1;
      for (let p = 0, q = start; p < area; p++, q += step) {
        const byte = rgba[p * 4 + c]!;
        out[q] = table === undefined ? byte : table[byte]!;
      }
    }
  });
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
