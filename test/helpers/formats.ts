// PNG chunk and JPEG marker surgery for tests and the fuzzer: list a file's structure, rebuild chunks with
// correct CRCs, craft small files that declare large images.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 with a table (the fuzzer recomputes CRCs of whole IDAT chunks). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One chunk of a PNG: where it starts (its length field) and ends (after its CRC). */
export interface PngChunk {
  type: string;
  /** Offset of the 4-byte length field. */
  start: number;
  /** Offset of the payload. */
  data: number;
  /** Payload length as declared. */
  length: number;
  /** Offset after the CRC (may lie past the end of a damaged file). */
  end: number;
}

/** The chunks of a PNG as declared by their length fields, up to the end of the file. */
export function pngChunks(bytes: Uint8Array): PngChunk[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  for (let start = 8; start + 8 <= bytes.length; ) {
    const length = view.getUint32(start);
    const type = String.fromCharCode(...bytes.subarray(start + 4, start + 8));
    const end = start + 12 + length;
    chunks.push({ type, start, data: start + 8, length, end });
    start = end;
  }
  return chunks;
}

/**
 * Where a PNG's image data ends: the offset after the CRC of the last non-empty IDAT chunk of the first run
 * of IDATs. augkit needs nothing after it, so a file cut there or later still decodes to the whole image.
 */
export function pngImageDataEnd(bytes: Uint8Array): number {
  const chunks = pngChunks(bytes);
  let last = chunks.findIndex((chunk) => chunk.type === 'IDAT');
  for (let i = last + 1; chunks[i]?.type === 'IDAT'; i++) if (chunks[i]!.length > 0) last = i;
  return chunks[last]!.end;
}

/** A chunk with its length and a correct CRC. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Recomputes the CRC of every complete chunk, so damage inside a chunk reaches the decoder behind the CRC check. */
export function fixPngCrcs(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (const chunk of pngChunks(out)) {
    if (chunk.end <= out.length) view.setUint32(chunk.end - 4, crc32(out.subarray(chunk.start + 4, chunk.end - 4)));
  }
  return out;
}

export interface IhdrFields {
  width: number;
  height: number;
  bitDepth?: number;
  colorType?: number;
  interlace?: number;
}

/** The 13-byte IHDR payload. */
export function ihdr({ width, height, bitDepth = 8, colorType = 6, interlace = 0 }: IhdrFields): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data.set([bitDepth, colorType, 0, 0, interlace], 8);
  return data;
}

/** A PNG made of an IHDR, the given zlib stream as one IDAT, and IEND. */
export function pngFile(header: IhdrFields, zlibStream: Uint8Array): Uint8Array {
  return concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr(header)), pngChunk('IDAT', zlibStream), pngChunk('IEND', new Uint8Array()));
}

/** A zlib stream of `length` zero bytes: the classic compression bomb (about 1000:1). */
export function zeros(length: number): Uint8Array {
  return new Uint8Array(deflateSync(new Uint8Array(length), { level: 9 }));
}

/** One segment of a JPEG, from its 0xFF to the end of its payload. */
export interface JpegMarker {
  /** The marker code (0xD8 SOI, 0xC0 SOF0, 0xDA SOS, …). */
  marker: number;
  /** Offset of the 0xFF. */
  start: number;
  /** Offset after the segment (after the 0xFF xx for markers without a length). */
  end: number;
}

/**
 * The markers of a JPEG in file order: segments by their length fields, then inside entropy-coded data the
 * next 0xFF that is neither a stuffed 0x00 nor a fill byte (RSTn markers included).
 */
export function jpegMarkers(bytes: Uint8Array): JpegMarker[] {
  const markers: JpegMarker[] = [];
  let at = 0;
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff || bytes[at + 1] === 0x00 || bytes[at + 1] === 0xff) {
      at++;
      continue;
    }
    const marker = bytes[at + 1];
    const standalone = marker === 0xd8 || marker === 0xd9 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
    const length = standalone || at + 4 > bytes.length ? 0 : (bytes[at + 2] << 8) | bytes[at + 3];
    const end = Math.min(at + 2 + length, bytes.length);
    markers.push({ marker, start: at, end });
    at = end;
  }
  return markers;
}

/** Offset of the first frame header (SOF0..SOF15 except DHT, JPG, DAC) of a JPEG. */
export function sofOffset(jpeg: Uint8Array): number {
  const sof = jpegMarkers(jpeg).find(
    ({ marker }) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc,
  );
  if (!sof) throw new Error('no SOF');
  return sof.start;
}

/** A copy of `jpeg` whose frame header declares `width`×`height`. */
export function withJpegSize(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const out = jpeg.slice();
  const view = new DataView(out.buffer);
  const sof = sofOffset(out);
  view.setUint16(sof + 5, height);
  view.setUint16(sof + 7, width);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function jpegSegment(marker: number, payload: Uint8Array): Uint8Array {
  const length = payload.length + 2;
  return concat(new Uint8Array([0xff, marker, length >> 8, length & 0xff]), payload);
}

/** Bits (MSB first) as entropy-coded bytes: padded with 1s, 0xFF stuffed with 0x00. */
function entropyBytes(bits: number[]): Uint8Array {
  const padded = [...bits];
  while (padded.length % 8) padded.push(1);
  const out: number[] = [];
  for (let i = 0; i < padded.length; i += 8) {
    const byte = padded.slice(i, i + 8).reduce((b, bit) => (b << 1) | bit, 0);
    out.push(byte);
    if (byte === 0xff) out.push(0);
  }
  return new Uint8Array(out);
}

/**
 * A valid grey progressive JPEG of `size`×`size` (a flat grey image) with one DC scan and `acScans`
 * identical AC scans: each codes every block in a few bytes (an end-of-band run), so the file stays small
 * while a decoder visits every block once per scan.
 */
export function progressiveJpegWithScans(size: number, acScans: number): Uint8Array {
  const blocks = Math.ceil(size / 8) ** 2;
  const oneCodeOfLength1 = [1, ...new Array<number>(15).fill(0)];
  const dqt = jpegSegment(0xdb, concat(new Uint8Array([0]), new Uint8Array(64).fill(1)));
  const sof2 = jpegSegment(0xc2, new Uint8Array([8, size >> 8, size & 0xff, size >> 8, size & 0xff, 1, 1, 0x11, 0]));
  // DC table 0: the 1-bit code 0 is category 0 (no change); AC table 0: the 1-bit code 0 is EOB14 (a run of 2^14 + 14 bits).
  const dht = jpegSegment(0xc4, new Uint8Array([0x00, ...oneCodeOfLength1, 0x00, 0x10, ...oneCodeOfLength1, 0xe0]));
  const dcScan = concat(jpegSegment(0xda, new Uint8Array([1, 1, 0x00, 0, 0, 0])), new Uint8Array(Math.ceil(blocks / 8)));
  const runs: number[] = [];
  for (let left = blocks; left > 0; left -= 32_767) {
    const extra = Math.min(left, 32_767) - 16_384;
    runs.push(0, ...Array.from({ length: 14 }, (_, i) => (extra >> (13 - i)) & 1));
  }
  const acScan = concat(jpegSegment(0xda, new Uint8Array([1, 1, 0x00, 1, 63, 0])), entropyBytes(runs));
  return concat(new Uint8Array([0xff, 0xd8]), dqt, sof2, dht, dcScan, ...new Array<Uint8Array>(acScans).fill(acScan), new Uint8Array([0xff, 0xd9]));
}
