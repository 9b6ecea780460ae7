import jpeg from 'jpeg-js';
import { AugkitError } from '../errors.js';
import type { AugkitImage } from '../image.js';
import { ownedView } from './bytes.js';
import { decoderFailed, unsupportedImage } from './codecErrors.js';
import type { JpegHeader } from './jpegHeader.js';
import { checkJpegScanData } from './jpegScanData.js';
import { decodeJpegWasm, type DecodedPixels, type JpegLimits, type JpegMode } from './jpegWasm.js';
import type { DecoderChoice } from './decode.js';

/** Huffman-coded DCT processes jpeg-js decodes: SOF0 baseline, SOF1 extended, SOF2 progressive. */
const DECODABLE_FRAME_TYPES = [0, 1, 2];
const BYTES_PER_MB = 1024 * 1024;
/** Room for jpeg-js's accounting of quantisation and Huffman tables. */
const TABLES_BYTES = 16 * BYTES_PER_MB;

/**
 * The memory budget handed to jpeg-js (`maxMemoryUsageInMB`), from the size in the frame header.
 * jpeg-js charges, per component, 4 bytes a pixel of DCT blocks, 1 of upsampled samples and 1 of output
 * plane, over a frame padded to whole MCUs (at most 32 more pixels each way), for up to 4 components,
 * plus 4 bytes a pixel of RGBA: 28 × (w + 32) × (h + 32). Its default (512 MB) would refuse photos near
 * 30 megapixels that the pixel limit allows, while this budget still stops a stream whose later frame
 * headers would allocate more than its first one declared.
 */
function memoryBudgetMB(width: number, height: number): number {
  return Math.ceil((28 * (width + 32) * (height + 32) + TABLES_BYTES) / BYTES_PER_MB);
}

/**
 * The limits jpeg-js decodes a `width`×`height` frame under — `maxResolutionInMP` is the frame size itself,
 * rounded up (the pixel limit was already checked on the header), `maxMemoryUsageInMB` from
 * {@link memoryBudgetMB} — and the WebAssembly decoder reproduces.
 *
 * @example
 * decodeJpegWasm(bytes, jpegLimits(header.width, header.height));
 */
export function jpegLimits(width: number, height: number): JpegLimits {
  return { maxResolutionInMP: Math.ceil((width * height) / 1e6), maxMemoryUsageInMB: memoryBudgetMB(width, height) };
}

/**
 * Decodes a JPEG whose header has already been checked against the limits, to jpeg-js's bytes: baseline,
 * extended and progressive, 1 (grey), 3 (YCbCr) or 4 (CMYK/YCCK, Adobe APP14) components, restart markers.
 * The orientation is not applied here. `output` `'view'` may return a view of the WebAssembly decoder's memory
 * (`DecodedPixels`). `decoder` `'wasm'` (default) runs the WebAssembly port of jpeg-js's
 * decoder (src/codecs/jpegWasm.ts), which hands the rare streams it does not take on to jpeg-js itself;
 * `'reference'` runs jpeg-js. `mode` `'libjpeg'` (WebAssembly only) turns the same coefficients into
 * libjpeg-turbo's pixels instead — what Pillow, OpenCV, torchvision and sharp decode to (docs/codecs.md);
 * the rare streams the WebAssembly decoder hands to jpeg-js still decode to jpeg-js's pixels.
 *
 * Options: `tolerantDecoding` (jpeg-js's default) only makes jpeg-js skip blocks a scan addresses outside
 * the frame — its single-component scans run past the last block when the restart interval does not
 * divide the block count — which would otherwise be TypeErrors. Truncated or damaged streams fail either
 * way (every truncation of the corpus JPEGs does). `maxResolutionInMP` is the frame size itself, rounded
 * up: the pixel limit was already checked on the header.
 *
 * @throws {AugkitError} UNSUPPORTED_FORMAT for lossless, hierarchical or arithmetic-coded JPEG or samples
 *   other than 8-bit; CORRUPT_IMAGE for anything jpeg-js rejects, and for a stream with no scan, too
 *   little scan data for its frame or a component coded twice in a sequential frame; TOO_LARGE for more
 *   than 256 scans (see {@link checkJpegScanData}).
 * @example
 * const img = decodeJpeg(bytes, readJpegHeader(bytes));
 */
export function decodeJpeg(
  bytes: Uint8Array, header: JpegHeader, decoder: DecoderChoice = 'wasm', mode: JpegMode = 'jpeg-js', output: DecodedPixels = 'copy',
): AugkitImage {
  const { width, height, frameType, precision } = header;
  if (!DECODABLE_FRAME_TYPES.includes(frameType) || precision !== 8) {
    throw unsupportedImage(
      'a baseline, extended or progressive Huffman JPEG (SOF0, SOF1, SOF2) with 8-bit samples',
      `SOF${frameType} with ${precision}-bit samples`,
    );
  }
  checkJpegScanData(bytes, header);
  const limits = jpegLimits(width, height);
  try {
    const decoded = decoder === 'wasm' ? decodeJpegWasm(bytes, limits, mode, output) : undefined;
    if (decoded) return decoded;
  } catch (cause) {
    if (cause instanceof AugkitError) throw cause;
    throw decoderFailed('jpeg', cause);
  }
  try {
    const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: true, ...limits });
    return { width: decoded.width, height: decoded.height, data: ownedView(decoded.data, Uint8ClampedArray) };
  } catch (cause) {
    throw decoderFailed('jpeg', cause);
  }
}
