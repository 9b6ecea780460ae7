import { corruptImage } from './codecErrors.js';
import { crc32 } from './crc32.js';

/** Signature (8) + chunk length (4) + "IHDR" (4) + IHDR data (13) + CRC (4). */
const HEADER_END = 33;
const IHDR = 0x49484452;
/** PNG widths and heights are 31-bit (PNG spec, 11.2.2). */
const MAX_PNG_DIMENSION = 0x7fffffff;

/** What augkit needs from a PNG before decoding it. */
export interface PngHeader {
  width: number;
  height: number;
  /** Bits per sample: 1, 2, 4, 8 or 16. */
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  colorType: number;
  /** Adam7 interlacing (interlace method 1). */
  interlaced: boolean;
}

/** Bit depths allowed for each colour type (PNG spec, table 11.1). */
const BIT_DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16], // grey
  2: [8, 16], // RGB
  3: [1, 2, 4, 8], // palette
  4: [8, 16], // grey + alpha
  6: [8, 16], // RGBA
};

/**
 * Reads and checks the IHDR chunk of a PNG (`bytes` starts with the PNG signature): chunk length, type
 * and CRC, a width and height in 1..2³¹−1, a valid bit depth / colour type pair, and compression, filter and
 * interlace methods the spec defines. Nothing after IHDR is read.
 *
 * @throws {AugkitError} CORRUPT_IMAGE when the IHDR chunk is missing, truncated or invalid.
 * @example
 * const { width, height } = readPngHeader(bytes);
 */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  if (bytes.length < HEADER_END) {
    throw corruptImage('png', `${bytes.length} bytes, too few to hold the IHDR chunk (${HEADER_END} bytes with the signature)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_END);
  if (view.getUint32(8) !== 13 || view.getUint32(12) !== IHDR) {
    throw corruptImage('png', 'a first chunk that is not a 13-byte IHDR chunk');
  }
  if (crc32(bytes.subarray(12, 29)) !== view.getUint32(29)) {
    throw corruptImage('png', 'an IHDR chunk whose CRC does not match its contents');
  }
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width < 1 || height < 1 || width > MAX_PNG_DIMENSION || height > MAX_PNG_DIMENSION) {
    throw corruptImage('png', `an IHDR chunk declaring ${width}×${height} pixels`);
  }
  const [bitDepth, colorType, compression, filter, interlace] = bytes.subarray(24, 29);
  if (!BIT_DEPTHS[colorType]?.includes(bitDepth)) {
    throw corruptImage('png', `an IHDR chunk with colour type ${colorType} and bit depth ${bitDepth}`);
  }
  if (compression !== 0 || filter !== 0 || interlace > 1) {
    throw corruptImage(
      'png',
      `an IHDR chunk with compression method ${compression}, filter method ${filter} and interlace method ${interlace}`,
    );
  }
  return { width, height, bitDepth, colorType, interlaced: interlace === 1 };
}
