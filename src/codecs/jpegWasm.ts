// The WebAssembly JPEG decoder's driver: jpeg-js's parse() (lib/decoder.js) ported marker by marker, with
// the same tables, checks, memory accounting and errors, handing each scan to assembly/jpeg/ and finally
// the inverse DCT and colour conversion. Streams this port leaves to jpeg-js — a second frame, an unknown
// marker (jpeg-js's recovery heuristics), segments cut off by the end of the data, a non-canonical Huffman
// table in use, two components in a frame, more than four in a scan, a sequential frame whose quantisation
// tables change after its first scan or which codes a component twice — return undefined: the caller then
// decodes with jpeg-js itself, so every stream ends the way jpeg-js ends it.
import type { AugkitImage } from '../image.js';
import { jpegModule, type JpegExports } from '../wasm/jpeg.js';
import { bytesAt, reserve } from '../wasm/memory.js';
import { unsupportedImage } from './codecErrors.js';
import { huffmanTable, HUFFMAN_TABLE_BYTES } from './jpegHuffman.js';

const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
  28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
  54, 47, 55, 62, 63,
];

/** Where each coefficient (natural order) sits in assembly/jpeg's blocks: transposed for jpeg-js's IDCT (idct.ts). */
const NATURAL_ORDER = ZIGZAG.map((_, j) => j);
const TRANSPOSED_ORDER = NATURAL_ORDER.map((j) => ((j & 7) << 3) | (j >> 3));

// assembly/jpeg/layout.ts
const FRAME_BYTES = 64;
const COMPONENT_BYTES = 64;
const F_MCUS_PER_LINE = 0;
const F_MCUS_PER_COLUMN = 1;
const F_PROGRESSIVE = 2;
const F_ISLOW = 3;
const C_H = 0;
const C_V = 1;
const C_BLOCKS_PER_LINE = 2;
const C_BLOCKS_PER_COLUMN = 3;
const C_PADDED_PER_LINE = 4;
const C_PADDED_PER_COLUMN = 5;
const C_COEFFICIENTS = 6;
const C_PLANE = 7;
const C_QUANT = 8;
const C_DC_TABLE = 9;
const C_AC_TABLE = 10;
const FALLBACK = -100;
/** assembly/jpeg/libjpegColor.ts's colour spaces and assembly/jpeg/fancyUpsample.ts's refusal. */
const GREY = 0;
const YCBCR = 1;
const RGB = 2;
const CMYK = 3;
const YCCK = 4;
const FRACTIONAL = -1;
const SCAN_ERRORS: Record<number, string> = {
  [-1]: 'invalid huffman sequence',
  [-2]: 'unexpected marker',
  [-3]: 'marker was not found',
  [-4]: 'invalid ACn encoding',
  [-5]: 'a scan uses a Huffman table the stream never defined',
};

/**
 * How samples become pixels: `'jpeg-js'` as jpeg-js does (its IDCT, nearest chroma, float colour),
 * `'libjpeg'` as libjpeg-turbo does by default (islow IDCT, fancy upsampling, integer colour tables).
 *
 * @example
 * const likePillow: JpegMode = 'libjpeg'; // decode(bytes, { jpeg: likePillow })
 */
export type JpegMode = 'jpeg-js' | 'libjpeg';

/** What the caller hands jpeg-js when it decodes (src/codecs/decodeJpeg.ts). */
export interface JpegLimits {
  readonly maxResolutionInMP: number;
  readonly maxMemoryUsageInMB: number;
}

interface FrameComponent {
  readonly index: number;
  readonly h: number;
  readonly v: number;
  readonly quantizationIdx: number;
  readonly blocksPerLine: number;
  readonly blocksPerColumn: number;
  readonly paddedPerLine: number;
  readonly paddedPerColumn: number;
  /** The tables its latest scan selected: a layout, undefined (never defined) or null (non-canonical). */
  dc?: Uint8Array | null;
  ac?: Uint8Array | null;
  /** Whether a scan coded it (sequential frames code each component once). */
  scanned: boolean;
}

interface Frame {
  readonly progressive: boolean;
  /** The component identifiers in frame order (libjpeg guesses RGB from 'R', 'G', 'B'). */
  readonly ids: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly mcusPerLine: number;
  readonly mcusPerColumn: number;
  /** {@link NATURAL_ORDER} or {@link TRANSPOSED_ORDER}, as the frame's inverse DCT wants its blocks. */
  readonly coefficientOrder: readonly number[];
  readonly components: Map<number, FrameComponent>;
  readonly order: FrameComponent[];
  /** Pointers into WebAssembly memory: the stream, the frame record (layout.ts) and so on. */
  readonly input: number;
  readonly record: number;
  readonly tables: number;
  readonly output: number;
  readonly scratch: number;
}

/** jpeg-js's requestMemoryAllocation: the same running total against the same budget. */
class MemoryBudget {
  private total = 0;
  constructor(private readonly max: number) {}
  request(bytes: number): void {
    const total = this.total + bytes;
    if (total > this.max) {
      throw new Error(`maxMemoryUsageInMB limit exceeded by at least ${Math.ceil((total - this.max) / 1024 / 1024)}MB`);
    }
    this.total = total;
  }
}

/**
 * Where decoded pixels are returned: `'copy'`, a new array the caller owns; `'view'`, a view of the
 * decoder's WebAssembly memory, valid only until the next call into that module — for a caller that copies
 * the pixels on at once (the flow's workers, into the kernels' memory) and so saves a fresh array per image,
 * whose first-touch page faults cost about a fifth of a decode.
 *
 * @example
 * const output: DecodedPixels = 'view';
 */
export type DecodedPixels = 'copy' | 'view';

/**
 * Decodes `data` as jpeg-js would with `tolerantDecoding` and these limits, to the same RGBA bytes — or,
 * `mode` `'libjpeg'`, to libjpeg-turbo's bytes from the same coefficients (and libjpeg's colour-space
 * guess: Adobe RGB, 'R','G','B' identifiers, CMYK without an Adobe marker) — or returns undefined for a
 * stream it leaves to jpeg-js (see the top of this file).
 *
 * @throws {Error} wherever jpeg-js throws, with its message (the caller turns it into CORRUPT_IMAGE); an
 *   AugkitError TOO_LARGE when WebAssembly memory cannot grow; a WebAssembly trap (a bug) as INTERNAL.
 * @example
 * const img = decodeJpegWasm(bytes, { maxResolutionInMP: 3, maxMemoryUsageInMB: 80 }) ?? decodeWithJpegJs(bytes);
 */
export function decodeJpegWasm(
  data: Uint8Array, limits: JpegLimits, mode: JpegMode = 'jpeg-js', output: DecodedPixels = 'copy',
): AugkitImage | undefined {
  return jpegModule.call('decode', (k) => parse(k, data, limits, mode, output));
}

/** What the markers before the frame's end said about its colours. */
interface ColourMarkers {
  jfif: boolean;
  /** The Adobe APP14 transform code, undefined without the marker. */
  adobe: number | undefined;
}

function parse(k: JpegExports, data: Uint8Array, limits: JpegLimits, mode: JpegMode, output: DecodedPixels): AugkitImage | undefined {
  const budget = new MemoryBudget(limits.maxMemoryUsageInMB * 1024 * 1024);
  let offset = 0;
  const readUint16 = () => {
    const value = (data[offset]! << 8) | data[offset + 1]!;
    offset += 2;
    return value;
  };
  const readDataBlock = () => {
    const length = readUint16();
    const array = data.subarray(offset, offset + length - 2);
    offset += array.length;
    return array;
  };
  const markers: ColourMarkers = { jfif: false, adobe: undefined };
  let frame: Frame | undefined;
  let resetInterval = 0;
  let scans = 0;
  const quantizationTables: (Int32Array | undefined)[] = [];
  const huffmanTablesAC: (Uint8Array | null | undefined)[] = [];
  const huffmanTablesDC: (Uint8Array | null | undefined)[] = [];
  if (readUint16() !== 0xffd8) throw new Error('SOI not found');
  let fileMarker = readUint16();
  while (fileMarker !== 0xffd9) {
    if (fileMarker === 0xff00) {
      // nothing
    } else if ((fileMarker >= 0xffe0 && fileMarker <= 0xffef) || fileMarker === 0xfffe) {
      const appData = readDataBlock();
      if (fileMarker === 0xffee && appData[0] === 0x41 && appData[1] === 0x64 && appData[2] === 0x6f &&
        appData[3] === 0x62 && appData[4] === 0x65 && appData[5] === 0) {
        markers.adobe = appData[11] ?? 0; // 'Adobe\0'
      }
      if (fileMarker === 0xffe0 && appData[0] === 0x4a && appData[1] === 0x46 && appData[2] === 0x49 &&
        appData[3] === 0x46 && appData[4] === 0) {
        markers.jfif = true; // 'JFIF\0'
      }
    } else if (fileMarker === 0xffdb) {
      if (frame && !frame.progressive && scans > 0) return undefined;
      const end = readUint16() + offset - 2;
      while (offset < end) {
        if (offset >= data.length) return undefined;
        const spec = data[offset++]!;
        budget.request(64 * 4);
        const table = new Int32Array(64);
        if (spec >> 4 === 0) {
          for (let j = 0; j < 64; j++) table[ZIGZAG[j]!] = data[offset++]!;
        } else if (spec >> 4 === 1) {
          for (let j = 0; j < 64; j++) table[ZIGZAG[j]!] = readUint16();
        } else {
          throw new Error('DQT: invalid table spec');
        }
        quantizationTables[spec & 15] = table;
      }
    } else if (fileMarker >= 0xffc0 && fileMarker <= 0xffc2) {
      if (frame) return undefined; // jpeg-js reads every frame, then refuses all but one
      const next = startFrame(k, data, offset, fileMarker === 0xffc2, mode, limits, budget);
      if (!next) return undefined;
      [frame, offset] = next;
    } else if (fileMarker === 0xffc4) {
      const huffmanLength = readUint16();
      for (let i = 2; i < huffmanLength; ) {
        if (offset + 17 > data.length) return undefined;
        const spec = data[offset++]!;
        const codeLengths = data.slice(offset, offset + 16);
        offset += 16;
        const count = codeLengths.reduce((sum, n) => sum + n, 0);
        if (offset + count > data.length) return undefined;
        budget.request(16 + count);
        const values = data.slice(offset, offset + count);
        offset += count;
        i += 17 + count;
        (spec >> 4 === 0 ? huffmanTablesDC : huffmanTablesAC)[spec & 15] = huffmanTable(codeLengths, values) ?? null;
      }
    } else if (fileMarker === 0xffdd) {
      readUint16();
      resetInterval = readUint16();
    } else if (fileMarker === 0xffdc) {
      readUint16();
      readUint16();
    } else if (fileMarker === 0xffda) {
      readUint16();
      const selectors = data[offset++]!;
      if (!frame) throw new TypeError("Cannot read properties of undefined (reading 'components')");
      if (!(selectors <= 4) || offset + 2 * selectors + 3 > data.length) return undefined;
      const list: FrameComponent[] = [];
      for (let i = 0; i < selectors; i++) {
        const component = frame.components.get(data[offset++]!);
        if (!component) throw new TypeError("Cannot set properties of undefined (setting 'huffmanTableDC')");
        const tableSpec = data[offset++]!;
        component.dc = huffmanTablesDC[tableSpec >> 4];
        component.ac = huffmanTablesAC[tableSpec & 15];
        list.push(component);
      }
      const ss = data[offset++]!;
      const se = data[offset++]!;
      const approximation = data[offset++]!;
      const result = decodeScan(k, data, frame, list, offset, resetInterval, ss, se, approximation, quantizationTables);
      if (result === undefined) return undefined;
      offset = result;
      scans++;
    } else if (fileMarker === 0xffff) {
      if (data[offset] !== 0xff) offset--; // fill bytes
    } else {
      return undefined; // jpeg-js's guesses at damaged markers, or its error
    }
    fileMarker = readUint16();
  }
  if (!frame) throw new Error('only single frame JPEGs supported');
  return finish(k, frame, quantizationTables, markers, mode, budget, output);
}

/** Reads a frame header (SOF0, SOF1, SOF2) at `at` and lays out its memory, as jpeg-js's prepareComponents sizes it. */
function startFrame(
  k: JpegExports, data: Uint8Array, at: number, progressive: boolean, mode: JpegMode, limits: JpegLimits,
  budget: MemoryBudget,
): [Frame, number] | undefined {
  let offset = at + 2; // the length
  const readUint16 = () => {
    const value = (data[offset]! << 8) | data[offset + 1]!;
    offset += 2;
    return value;
  };
  offset++; // precision
  const scanLines = readUint16();
  const samplesPerLine = readUint16();
  const pixelsInFrame = scanLines * samplesPerLine;
  const maxPixels = limits.maxResolutionInMP * 1000 * 1000;
  if (pixelsInFrame > maxPixels) {
    throw new Error(`maxResolutionInMP limit exceeded by ${Math.ceil((pixelsInFrame - maxPixels) / 1e6)}MP`);
  }
  const count = data[offset++]!;
  if (offset + 3 * count > data.length) return undefined;
  const declared: { id: number; h: number; v: number; q: number }[] = [];
  for (let i = 0; i < count; i++) {
    const h = data[offset + 1]! >> 4;
    const v = data[offset + 1]! & 15;
    if (h <= 0 || v <= 0) throw new Error('Invalid sampling factor, expected values above 0');
    declared.push({ id: data[offset]!, h, v, q: data[offset + 2]! });
    offset += 3;
  }
  // two components (jpeg-js cannot output them), five or more, or one identifier twice: jpeg-js's business
  if (![1, 3, 4].includes(count) || new Set(declared.map((c) => c.id)).size !== count) return undefined;
  const maxH = Math.max(1, ...declared.map((c) => c.h));
  const maxV = Math.max(1, ...declared.map((c) => c.v));
  const mcusPerLine = Math.ceil(samplesPerLine / 8 / maxH);
  const mcusPerColumn = Math.ceil(scanLines / 8 / maxV);
  const order = declared.map(({ h, v, q }, index): FrameComponent => {
    const paddedPerLine = mcusPerLine * h;
    const paddedPerColumn = mcusPerColumn * v;
    budget.request(paddedPerLine * paddedPerColumn * 256);
    return {
      index, h, v, quantizationIdx: q, paddedPerLine, paddedPerColumn, scanned: false,
      blocksPerLine: Math.ceil((Math.ceil(samplesPerLine / 8) * h) / maxH),
      blocksPerColumn: Math.ceil((Math.ceil(scanLines / 8) * v) / maxV),
    };
  });
  const planeBytes = order.map((c) => c.blocksPerLine * c.blocksPerColumn * 64);
  const coefficientBytes = order.map((c) => (progressive ? c.paddedPerLine * c.paddedPerColumn * 256 : 0));
  const lineBytes = (samplesPerLine + 31) & ~15;
  const [input, record, tables, ...rest] = reserve(
    [
      data.length, FRAME_BYTES + 4 * COMPONENT_BYTES + 4 * 256, 8 * HUFFMAN_TABLE_BYTES, ...planeBytes,
      ...coefficientBytes, samplesPerLine * scanLines * 4, 4 * lineBytes,
    ],
    k,
  ) as number[];
  bytesAt(input!, data.length, k).set(data);
  const words = new Int32Array(k.memory.buffer, record!, (FRAME_BYTES + 4 * COMPONENT_BYTES) / 4);
  words[F_MCUS_PER_LINE] = mcusPerLine;
  words[F_MCUS_PER_COLUMN] = mcusPerColumn;
  words[F_PROGRESSIVE] = progressive ? 1 : 0;
  words[F_ISLOW] = mode === 'libjpeg' ? 1 : 0;
  const quant = record! + FRAME_BYTES + 4 * COMPONENT_BYTES;
  order.forEach((c, i) => {
    const at = (FRAME_BYTES + i * COMPONENT_BYTES) / 4;
    words[at + C_H] = c.h;
    words[at + C_V] = c.v;
    words[at + C_BLOCKS_PER_LINE] = c.blocksPerLine;
    words[at + C_BLOCKS_PER_COLUMN] = c.blocksPerColumn;
    words[at + C_PADDED_PER_LINE] = c.paddedPerLine;
    words[at + C_PADDED_PER_COLUMN] = c.paddedPerColumn;
    words[at + C_PLANE] = rest[i]!;
    words[at + C_COEFFICIENTS] = rest[count + i]!;
    words[at + C_QUANT] = quant + i * 256;
    // blocks no scan reaches: zero coefficients, which transform to 128
    if (progressive) bytesAt(rest[count + i]!, coefficientBytes[i]!, k).fill(0);
    else bytesAt(rest[i]!, planeBytes[i]!, k).fill(128);
  });
  const frame: Frame = {
    progressive, ids: declared.map((c) => c.id), width: samplesPerLine, height: scanLines, mcusPerLine, mcusPerColumn, order,
    coefficientOrder: mode === 'libjpeg' ? NATURAL_ORDER : TRANSPOSED_ORDER,
    components: new Map(declared.map((c, i) => [c.id, order[i]!])),
    input: input!, record: record!, tables: tables!, output: rest[2 * count]!, scratch: rest[2 * count + 1]!,
  };
  return [frame, offset];
}

/**
 * Copies the quantisation table of each component in the frame's coefficient order (zeros for one the stream
 * has not defined (yet)).
 */
function writeQuantization(k: JpegExports, frame: Frame, components: readonly FrameComponent[], tables: (Int32Array | undefined)[]): void {
  for (const c of components) {
    const target = new Int32Array(k.memory.buffer, frame.record + FRAME_BYTES + 4 * COMPONENT_BYTES + c.index * 256, 64);
    const table = tables[c.quantizationIdx];
    if (!table) target.fill(0);
    else frame.coefficientOrder.forEach((at, j) => (target[at] = table[j]!));
  }
}

/** Hands one scan to WebAssembly; the offset after it, or undefined to leave the stream to jpeg-js. */
function decodeScan(
  k: JpegExports, data: Uint8Array, frame: Frame, list: readonly FrameComponent[], offset: number,
  resetInterval: number, ss: number, se: number, approximation: number, quantizationTables: (Int32Array | undefined)[],
): number | undefined {
  const words = new Int32Array(k.memory.buffer, frame.record, (FRAME_BYTES + 4 * COMPONENT_BYTES) / 4);
  let packed = 0;
  for (const [i, c] of list.entries()) {
    if (!frame.progressive) {
      if (c.scanned) return undefined;
      c.scanned = true;
    }
    if (c.dc === null || c.ac === null) return undefined;
    packed |= c.index << (8 * i);
  }
  for (const c of new Set(list)) {
    const at = (FRAME_BYTES + c.index * COMPONENT_BYTES) / 4;
    const slot = frame.tables + 2 * c.index * HUFFMAN_TABLE_BYTES;
    words[at + C_DC_TABLE] = c.dc ? slot : 0;
    words[at + C_AC_TABLE] = c.ac ? slot + HUFFMAN_TABLE_BYTES : 0;
    if (c.dc) bytesAt(slot, HUFFMAN_TABLE_BYTES, k).set(c.dc);
    if (c.ac) bytesAt(slot + HUFFMAN_TABLE_BYTES, HUFFMAN_TABLE_BYTES, k).set(c.ac);
  }
  if (!frame.progressive) writeQuantization(k, frame, list, quantizationTables);
  const result = k.decodeScan(
    frame.record, frame.input, data.length, offset, list.length, packed >>> 0, resetInterval, ss, se,
    approximation >> 4, approximation & 15,
  );
  if (result === FALLBACK) return undefined;
  if (result < 0) throw new Error(SCAN_ERRORS[result] ?? `scan error ${result}`);
  return result;
}

/** libjpeg's default_decompress_parms (jdapimin.c): the colour space of the frame's components. */
function libjpegColourSpace(frame: Frame, markers: ColourMarkers): number {
  if (frame.ids.length === 1) return GREY;
  if (frame.ids.length === 4) return markers.adobe === undefined || markers.adobe === 0 ? CMYK : YCCK;
  if (markers.jfif) return YCBCR;
  if (markers.adobe !== undefined) return markers.adobe === 0 ? RGB : YCBCR;
  const [a, b, c] = frame.ids;
  return a === 82 && b === 71 && c === 66 ? RGB : YCBCR;
}

/** jpeg-js's buildComponentData, getData and copyToImageData (or libjpeg's output stage): samples, then RGBA. */
function finish(
  k: JpegExports, frame: Frame, quantizationTables: (Int32Array | undefined)[], markers: ColourMarkers,
  mode: JpegMode, budget: MemoryBudget, output: DecodedPixels,
): AugkitImage {
  const { width, height, order } = frame;
  for (const c of order) {
    budget.request((c.blocksPerLine << 3) * c.blocksPerColumn * 8);
    if (!quantizationTables[c.quantizationIdx] && c.blocksPerLine > 0 && c.blocksPerColumn > 0) {
      throw new TypeError("Cannot read properties of undefined (reading '0')"); // jpeg-js dequantises with it
    }
  }
  if (frame.progressive) {
    writeQuantization(k, frame, order, quantizationTables);
    for (const c of order) k.transformComponent(frame.record, c.index);
  }
  budget.request(width * height * order.length);
  if (mode === 'jpeg-js' && order.length === 4 && markers.adobe === undefined) {
    throw new Error('Unsupported color mode (4 components)');
  }
  budget.request(width * height * 4);
  if (mode === 'jpeg-js') {
    k.convert(frame.record, order.length, markers.adobe !== undefined && markers.adobe !== 0, frame.output, width, height, frame.scratch);
  } else if (
    k.convertLibjpeg(frame.record, order.length, libjpegColourSpace(frame, markers), frame.output, width, height, frame.scratch) === FRACTIONAL
  ) {
    throw unsupportedImage('sampling factors libjpeg upsamples (integral ratios)', `factors ${order.map((c) => `${c.h}×${c.v}`).join(', ')}`);
  }
  const pixels = new Uint8ClampedArray(k.memory.buffer, frame.output, width * height * 4);
  // slice: one allocation and a memcpy (a Uint8ClampedArray built from a Uint8Array converts byte by byte)
  return { width, height, data: output === 'view' ? pixels : pixels.slice() };
}
