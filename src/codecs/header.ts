import { toBytes } from './bytes.js';
import { unsupportedImage } from './codecErrors.js';
import { readJpegHeader, type JpegHeader } from './jpegHeader.js';
import { readPngHeader, type PngHeader } from './pngHeader.js';
import { sniffFormat, type ImageFormat } from './sniff.js';

/**
 * What {@link readHeader} reports about an encoded image.
 *
 * @example
 * const header: ImageHeader = readHeader(await readFile('photo.jpg'));
 * // { format: 'jpeg', width: 4032, height: 3024, orientation: 6 }
 * const upright = header.orientation >= 5 ? [header.height, header.width] : [header.width, header.height];
 */
export interface ImageHeader {
  readonly format: ImageFormat;
  /** Width as stored, before any EXIF orientation is applied. */
  readonly width: number;
  /** Height as stored, before any EXIF orientation is applied. */
  readonly height: number;
  /**
   * EXIF orientation 1..8 (JPEG APP1); 1 means stored upright, and is what PNG always reports
   * (an eXIf chunk is not read).
   */
  readonly orientation: number;
}

/** A header with the format-specific details the decoders need. */
export type ParsedHeader = ({ format: 'png'; orientation: 1 } & PngHeader) | ({ format: 'jpeg' } & JpegHeader);

/** At most this many leading bytes are shown when the signature is unknown. */
const SHOWN_BYTES = 8;

function describeStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return '0 bytes';
  const hex = Array.from(bytes.subarray(0, SHOWN_BYTES), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `${bytes.length} bytes starting with ${hex}`;
}

/**
 * Sniffs `bytes` and reads the header of its format (see {@link readHeader}), keeping the details
 * the decoders need.
 *
 * @throws {AugkitError} UNSUPPORTED_FORMAT without a PNG or JPEG signature; CORRUPT_IMAGE for a bad header.
 * @example
 * const header = parseHeader(bytes);
 * if (header.format === 'jpeg' && header.frameType === 2) console.log('progressive');
 */
export function parseHeader(bytes: Uint8Array): ParsedHeader {
  const format = sniffFormat(bytes);
  if (format === 'png') return { format, orientation: 1, ...readPngHeader(bytes) };
  if (format === 'jpeg') return { format, ...readJpegHeader(bytes) };
  throw unsupportedImage('a PNG or JPEG signature', describeStart(bytes));
}

/**
 * Reads the format, stored size and EXIF orientation of a PNG or JPEG without decoding any pixels:
 * the PNG IHDR chunk (with its CRC), or the JPEG segments up to the frame header (SOFn). The format
 * comes from the signature alone. A header that reads fine says nothing about the pixel data after it.
 *
 * @param bytes - the encoded file
 * @throws {AugkitError} INVALID_ARGUMENT when `bytes` is not a Uint8Array or ArrayBuffer;
 *   UNSUPPORTED_FORMAT without a PNG or JPEG signature (empty input included);
 *   CORRUPT_IMAGE when the header is truncated or invalid (e.g. a zero width or a bad IHDR CRC).
 * @example
 * const { format, width, height, orientation } = readHeader(await readFile('photo.jpg'));
 * // { format: 'jpeg', width: 4032, height: 3024, orientation: 6 } — displayed as 3024×4032
 */
export function readHeader(bytes: Uint8Array | ArrayBuffer): ImageHeader {
  const { format, width, height, orientation } = parseHeader(toBytes(bytes));
  return { format, width, height, orientation };
}
