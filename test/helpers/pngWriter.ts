import { deflateSync } from 'node:zlib';
import { concat, ihdr, pngChunk } from './formats.js';

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

/** What to write: raw samples (one number per sample, row-major, at the stored bit depth) and the chunks around them. */
export interface PngSpec {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace?: 0 | 1;
  samples: ArrayLike<number>;
  /** RGB triples for colour type 3. */
  palette?: Uint8Array;
  trns?: Uint8Array;
  /** Filter type of row r (of each pass): `filters[r % filters.length]`; default all five in turn. */
  filters?: readonly number[];
  /** Split the zlib stream into IDAT chunks of this size (default one chunk). */
  idatSize?: number;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** PNG filtering written from the spec (clause 9), byte by byte: the test-side twin of the decoder's unfilter. */
function filterRow(type: number, row: Uint8Array, prior: Uint8Array, bpp: number): Uint8Array {
  const out = new Uint8Array(row.length + 1);
  out[0] = type;
  for (let i = 0; i < row.length; i++) {
    const a = i >= bpp ? row[i - bpp]! : 0;
    const b = prior[i] ?? 0;
    const c = i >= bpp ? (prior[i - bpp] ?? 0) : 0;
    const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type]!;
    out[i + 1] = (row[i]! - predicted) & 0xff;
  }
  return out;
}

/** Packs samples of `depth` bits, MSB first, into bytes (16-bit samples big-endian). */
function packRow(samples: readonly number[], depth: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((samples.length * depth) / 8));
  samples.forEach((v, k) => {
    if (depth === 16) {
      out[k * 2] = v >> 8;
      out[k * 2 + 1] = v & 0xff;
    } else if (depth === 8) out[k] = v;
    else out[(k * depth) >> 3]! |= v << (8 - depth - ((k * depth) & 7));
  });
  return out;
}

/**
 * A PNG of any colour type, bit depth and interlacing, written independently of augkit and pngjs (filters
 * from the spec, Node's zlib), with optional PLTE/tRNS and the stream split over several IDAT chunks.
 */
export function writeTestPng(spec: PngSpec): Uint8Array {
  const { width, height, bitDepth, colorType, interlace = 0, samples, filters = [0, 1, 2, 3, 4] } = spec;
  const channels = CHANNELS[colorType]!;
  const bpp = Math.max(1, (channels * bitDepth) >> 3);
  const grid = interlace ? ADAM7 : ([[0, 0, 1, 1]] as const);
  const rows: Uint8Array[] = [];
  for (const [x0, y0, dx, dy] of grid) {
    let prior: Uint8Array = new Uint8Array(0);
    let r = 0;
    for (let y = y0; y < height; y += dy) {
      const values: number[] = [];
      for (let x = x0; x < width; x += dx) for (let c = 0; c < channels; c++) values.push(samples[(y * width + x) * channels + c]!);
      if (values.length === 0) continue;
      const row = packRow(values, bitDepth);
      rows.push(filterRow(filters[r++ % filters.length]!, row, prior, bpp));
      prior = row;
    }
  }
  const stream = new Uint8Array(deflateSync(concat(...rows)));
  const size = spec.idatSize ?? stream.length;
  const idats: Uint8Array[] = [];
  for (let at = 0; at < stream.length; at += size) idats.push(pngChunk('IDAT', stream.subarray(at, at + size)));
  return concat(
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr({ width, height, bitDepth, colorType, interlace })),
    ...(spec.palette ? [pngChunk('PLTE', spec.palette)] : []),
    ...(spec.trns ? [pngChunk('tRNS', spec.trns)] : []),
    ...idats,
    pngChunk('IEND', new Uint8Array()),
  );
}
