import { startsWith } from './bytes.js';

/**
 * The encoded formats augkit reads and writes.
 *
 * @example
 * const format: ImageFormat = readHeader(bytes).format; // 'png' or 'jpeg'
 * const name = `photo.${format === 'jpeg' ? 'jpg' : 'png'}`;
 */
export type ImageFormat = 'png' | 'jpeg';

/** How each format is named in messages. */
export const FORMAT_NAMES: Readonly<Record<ImageFormat, string>> = { png: 'PNG', jpeg: 'JPEG' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** SOI and the 0xFF of the next marker: what browsers and file(1) take for JPEG. */
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

/**
 * The format announced by the magic bytes at the start of `bytes` (never the file name or a MIME type),
 * or `undefined` when neither signature is there.
 *
 * @example
 * sniffFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])); // 'jpeg'
 */
export function sniffFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'jpeg';
  return undefined;
}
