import type { DecoderChoice } from './decode.js';
import type { AugkitImage } from '../image.js';
import { ownedView } from './bytes.js';
import { decoderFailed } from './codecErrors.js';
import type { PngHeader } from './pngHeader.js';
import { checkPngImageData } from './pngImageData.js';
import { PNG, toBundledBuffer } from './pngjs.js';

/**
 * Decodes a PNG whose header has already been checked against the limits, with pngjs: every colour type
 * and bit depth, Adam7 interlacing, palette with tRNS, CRCs checked. 16-bit samples are reduced to 8 bits
 * as `round(v × 255 / 65535)`; gamma (gAMA) is not applied. The image data is first checked to inflate to
 * exactly what the header implies at most (see {@link checkPngImageData}).
 *
 * @throws {AugkitError} CORRUPT_IMAGE for anything pngjs rejects (truncation, CRC mismatch, bad zlib data…)
 *   and for image data too short or too long for the header.
 * @example
 * const img = decodePng(bytes, readPngHeader(bytes));
 */
export function decodePng(bytes: Uint8Array, header: PngHeader, decoder: DecoderChoice = 'reference'): AugkitImage {
  void decoder; // only the reference decoder exists so far
  checkPngImageData(bytes, header);
  try {
    const png = PNG.sync.read(toBundledBuffer(bytes), { checkCRC: true, skipRescale: false });
    return { width: png.width, height: png.height, data: ownedView(png.data, Uint8ClampedArray) };
  } catch (cause) {
    throw decoderFailed('png', cause);
  }
}
