import type { PngExports } from '../wasm/png.js';
import { corruptImage } from './codecErrors.js';
import type { PngHeader } from './pngHeader.js';

/** Bytes the inflate target needs after the image data: match copies may write up to 15 bytes past a match. */
export const INFLATE_SLACK = 16;

/** What assembly/png/inflate.ts returns besides 0 (OK), as the end of a CORRUPT_IMAGE message. */
const PROBLEMS: Readonly<Record<number, string>> = {
  1: 'whose zlib stream ends early (truncated)',
  2: 'that is not valid deflate data',
  4: 'without a valid zlib header (deflate, a window of at most 32 KiB, no preset dictionary)',
  5: 'whose zlib checksum (Adler-32) does not match the inflated data',
};
const TOO_MUCH_DATA = 3;

/**
 * Inflates the zlib stream of `length` bytes at `source` into `target` (room for the image data plus
 * INFLATE_SLACK), writing at most the `expected` bytes the header implies: the inflater itself stops at
 * the first byte too many, so a compression bomb costs no more memory or time than the image it claims.
 *
 * @throws {AugkitError} CORRUPT_IMAGE when the stream is invalid, truncated, fails its checksum, or inflates
 *   to more or fewer bytes than `expected`.
 * @example
 * inflateImageData(k, idat, idatLength, target, imageDataBytes(header), header);
 */
export function inflateImageData(
  k: PngExports, source: number, length: number, target: number, expected: number, header: PngHeader,
): void {
  const status = refuseBomb(k, source, length, target, expected, header);
  const size = `${header.width}×${header.height}`;
  if (status !== 0) throw corruptImage('png', `image data (IDAT) ${PROBLEMS[status] ?? `(inflate status ${status})`}`);
  const inflated = k.inflatedLength() >>> 0;
  if (inflated < expected) {
    throw corruptImage('png', `image data (IDAT) that inflates to ${inflated} bytes, fewer than the ${expected} bytes a ${size} image needs`);
  }
}

/**
 * Inflates as {@link inflateImageData} does but refuses only a stream that inflates past `expected` bytes,
 * returning the inflater's status otherwise (for the reference decoder, which reports the rest itself).
 *
 * @throws {AugkitError} CORRUPT_IMAGE when the stream inflates to more than `expected` bytes.
 * @example
 * refuseBomb(k, idat, idatLength, target, imageDataBytes(header), header);
 */
export function refuseBomb(
  k: PngExports, source: number, length: number, target: number, expected: number, header: PngHeader,
): number {
  const status = k.inflate(source, length, target, expected);
  if (status === TOO_MUCH_DATA) {
    throw corruptImage(
      'png',
      `image data (IDAT) that inflates to more than the ${expected} bytes a ${header.width}×${header.height} image needs`,
    );
  }
  return status;
}
