import { corruptImage } from './codecErrors.js';
import { inflatedSize } from './inflatedSize.js';
import type { PngHeader } from './pngHeader.js';

/** Samples per pixel for each colour type. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Adam7 passes: first column, first row, column step, row step. */
const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/**
 * Deflate's largest expansion: a 258-byte match coded in 2 bits (a 1-bit length code and a 1-bit
 * distance code) makes 1032 output bytes per input byte; nothing inflates further.
 */
const MAX_INFLATE_RATIO = 1032;

const IDAT = 0x49444154;
const IEND = 0x49454e44;

/**
 * The exact size of the filtered scanlines a PNG's zlib stream must inflate to: one filter byte plus the
 * packed samples per row, per Adam7 pass when interlaced (an empty pass has no rows at all).
 *
 * @example
 * imageDataBytes({ width: 2, height: 2, bitDepth: 8, colorType: 6, interlaced: false }); // 2 × (1 + 8) = 18
 */
export function imageDataBytes({ width, height, bitDepth, colorType, interlaced }: PngHeader): number {
  const bitsPerPixel = CHANNELS[colorType] * bitDepth;
  const pass = (w: number, h: number) => (w > 0 && h > 0 ? h * (1 + Math.ceil((w * bitsPerPixel) / 8)) : 0);
  if (!interlaced) return pass(width, height);
  return ADAM7.reduce(
    (sum, [x0, y0, dx, dy]) => sum + pass(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)),
    0,
  );
}

/** PNG chunk lengths are 31-bit (PNG spec, 5.3). */
const MAX_CHUNK_LENGTH = 0x7fffffff;

/**
 * The IDAT payloads of `bytes`, joined (no copy for the usual single IDAT), walking the chunks as pngjs does.
 * Only chunk lengths are checked here: one of 2³¹ or more makes pngjs loop forever (its bundled Buffer's
 * `slice` truncates offsets with `~~`, so an IDAT that long is read as empty, again and again).
 */
function idatStream(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  for (let offset = 8; offset + 8 <= bytes.length; ) {
    const length = view.getUint32(offset);
    if (length > MAX_CHUNK_LENGTH) {
      throw corruptImage('png', `a chunk at offset ${offset} declaring ${length} bytes, more than the PNG maximum of 2³¹−1`);
    }
    const start = offset + 8;
    const end = Math.min(start + length, bytes.length);
    const type = view.getUint32(offset + 4);
    if (type === IEND) break;
    if (type === IDAT) parts.push(bytes.subarray(start, end));
    offset = start + length + 4;
  }
  if (parts.length === 1) return parts[0];
  const joined = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/**
 * Checks, before pngjs allocates anything, that the image data of a PNG can be what its header says:
 *
 * - the IDAT bytes could inflate to the size the header implies at all (deflate expands at most 1032×), so
 *   a few bytes claiming 16000×16000 pixels are refused instead of being given a gigabyte buffer;
 * - they do not inflate to more than that size. pngjs's bundled zlib inflates the whole stream with no
 *   output cap (for interlaced images by design; for the others the cap pngjs requests is lost in its
 *   browser bundle), so a small compression bomb would otherwise take gigabytes and seconds. The stream is
 *   walked without output and the walk stops at the first byte too many.
 *
 * Whatever else is wrong (CRCs, bad zlib data, too little data) is left to pngjs to report, except a chunk
 * length over 2³¹−1, which would hang it.
 *
 * @throws {AugkitError} CORRUPT_IMAGE when the image data is too short or too long for the header, or a
 *   chunk length exceeds 2³¹−1.
 * @example
 * checkPngImageData(bytes, readPngHeader(bytes));
 */
export function checkPngImageData(bytes: Uint8Array, header: PngHeader): void {
  const expected = imageDataBytes(header);
  const stream = idatStream(bytes);
  const size = `${header.width}×${header.height}`;
  if (stream.length * MAX_INFLATE_RATIO < expected) {
    throw corruptImage(
      'png',
      `${stream.length} bytes of image data (IDAT), too few to inflate to the ${expected} bytes a ${size} image needs`,
    );
  }
  if (inflatedSize(stream, expected) > expected) {
    throw corruptImage('png', `image data (IDAT) that inflates to more than the ${expected} bytes a ${size} image needs`);
  }
}
