import { invalidArgument } from '../errors.js';
import type { AugkitImage } from '../image.js';
import { checkPixelLimit, getPixelLimit } from '../limits.js';
import { checkOptions } from '../validate.js';
import { toBytes } from './bytes.js';
import { decodeJpeg } from './decodeJpeg.js';
import type { DecodedPixels, JpegMode } from './jpegWasm.js';
import { decodePng } from './decodePng.js';
import { parseHeader } from './header.js';
import { applyOrientation } from './orientation.js';
import { FORMAT_NAMES } from './sniff.js';

/**
 * The options of {@link decode}: EXIF `orientation` (`'apply'`), a per-call `pixelLimit`, the `decoder`
 * (`'wasm'`) and the `jpeg` decoding mode (`'jpeg-js'`).
 *
 * @example
 * const options: DecodeOptions = { orientation: 'ignore', pixelLimit: 4096 * 4096, jpeg: 'libjpeg' };
 * const img = decode(await readFile('photo.jpg'), options);
 */
export interface DecodeOptions {
  /**
   * `'apply'` (default): turn a JPEG upright according to its EXIF orientation, as browsers display it;
   * `'ignore'`: return the pixels as stored.
   */
  orientation?: 'apply' | 'ignore';
  /** Largest width × height accepted for this call, instead of the global limit (see `setPixelLimit`). */
  pixelLimit?: number;
  /**
   * `'wasm'` (default): augkit's WebAssembly decoders; `'reference'`: the JavaScript decoders they are tested
   * against (jpeg-js; for PNG pngjs, an optional peer dependency loaded on demand in Node, Deno and Bun).
   * Both give the same pixels; the reference is slower.
   */
  decoder?: DecoderChoice;
  /**
   * How JPEG samples become pixels. `'jpeg-js'` (default): jpeg-js's bytes (its IDCT, nearest-neighbour
   * chroma, float colour), what augkit has always returned; `'libjpeg'`: libjpeg-turbo's bytes (islow
   * IDCT, fancy upsampling, integer colour), what Pillow, OpenCV, torchvision and sharp return. Needs
   * `decoder` `'wasm'`. See docs/codecs.md.
   */
  jpeg?: JpegMode;
}

/** The JPEG decoding modes of {@link DecodeOptions.jpeg}. */
const JPEG_MODES: readonly JpegMode[] = ['jpeg-js', 'libjpeg'];

/**
 * Checks a `jpeg` option (named `name` in errors).
 *
 * @throws {AugkitError} INVALID_ARGUMENT unless it is `'jpeg-js'` or `'libjpeg'`.
 * @example
 * const mode = checkJpegMode(options.jpeg, 'options.jpeg');
 */
export function checkJpegMode(value: unknown, name: string): JpegMode {
  if (!JPEG_MODES.includes(value as JpegMode)) throw invalidArgument(name, '"jpeg-js" or "libjpeg"', value);
  return value as JpegMode;
}

/** Which implementation decodes: augkit's WebAssembly decoder or the JavaScript reference it must equal. */
export type DecoderChoice = 'wasm' | 'reference';

function checkDecoder(value: unknown): DecoderChoice {
  if (value !== 'wasm' && value !== 'reference') throw invalidArgument('options.decoder', '"wasm" or "reference"', value);
  return value;
}

function checkOrientationMode(value: unknown): 'apply' | 'ignore' {
  if (value !== 'apply' && value !== 'ignore') throw invalidArgument('options.orientation', '"apply" or "ignore"', value);
  return value;
}

function checkLimitOption(value: unknown): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    throw invalidArgument('options.pixelLimit', 'a positive integer', value);
  }
  return value as number;
}

/**
 * Decodes a PNG or JPEG to 8-bit RGBA. The format is sniffed from the magic bytes; the header is read and
 * checked against the pixel limit before any decoder allocates pixel memory.
 *
 * - PNG: every colour type and bit depth (16-bit reduced as `round(v × 255 / 65535)`), Adam7 interlacing,
 *   palette with tRNS transparency; no gamma correction.
 * - JPEG: baseline, extended and progressive, grey, YCbCr and Adobe CMYK; missing alpha becomes 255.
 *   The EXIF orientation is applied by default (6 turns the image 90° clockwise, 8 counter-clockwise,
 *   3 by 180°, 2/4/5/7 mirror), so width and height may swap relative to {@link readHeader}.
 *
 * @param bytes - the encoded file (not modified)
 * @param options - `orientation` (`'apply'` or `'ignore'`), `pixelLimit` (overrides the global limit),
 *   `decoder` (`'wasm'` or `'reference'`), `jpeg` (`'jpeg-js'` or `'libjpeg'`)
 * @returns a new image whose `data` is a Uint8ClampedArray
 * @throws {AugkitError} INVALID_ARGUMENT for a bad `bytes` type or option;
 *   UNSUPPORTED_FORMAT without a PNG or JPEG signature (empty input included), or for a JPEG coding process
 *   jpeg-js cannot decode (lossless, arithmetic, 12-bit);
 *   CORRUPT_IMAGE when the stream is truncated, fails a CRC or is otherwise undecodable;
 *   TOO_LARGE when the header's width × height exceeds the pixel limit.
 * @example
 * const img = decode(await readFile('photo.jpg'));           // upright, as a browser shows it
 * const raw = decode(bytes, { orientation: 'ignore' });       // as stored
 * const small = decode(bytes, { pixelLimit: 4096 * 4096 });   // refuse anything above 16 MP
 * const same = decode(bytes, { decoder: 'reference' });       // through pngjs / jpeg-js
 * const likePillow = decode(bytes, { jpeg: 'libjpeg' });      // libjpeg-turbo's pixels
 */
export function decode(bytes: Uint8Array | ArrayBuffer, options?: DecodeOptions): AugkitImage {
  return decodeTo('copy', bytes, options);
}

/**
 * {@link decode} for a caller that copies the pixels on at once: a JPEG's `data` may be a view of the
 * WebAssembly decoder's memory (`DecodedPixels` `'view'`), overwritten by the next decode. Same
 * checks, errors and bytes as `decode`. Internal (the flow's workers); not part of the public API.
 *
 * @example
 * const resized = runKernelSequence(decodeTransient(bytes), steps);   // copied into the kernels' memory first
 */
export function decodeTransient(bytes: Uint8Array | ArrayBuffer, options?: DecodeOptions): AugkitImage {
  return decodeTo('view', bytes, options);
}

function decodeTo(output: DecodedPixels, bytes: Uint8Array | ArrayBuffer, options?: DecodeOptions): AugkitImage {
  const input = toBytes(bytes);
  const { orientation = 'apply', pixelLimit = getPixelLimit(), decoder = 'wasm', jpeg = 'jpeg-js' } = checkOptions(options);
  const mode = checkOrientationMode(orientation);
  const limit = checkLimitOption(pixelLimit);
  const implementation = checkDecoder(decoder);
  const jpegMode = checkJpegMode(jpeg, 'options.jpeg');
  if (jpegMode === 'libjpeg' && implementation === 'reference') {
    throw invalidArgument('options.jpeg', '"jpeg-js" with decoder "reference" (jpeg-js has no libjpeg mode)', jpeg);
  }
  const header = parseHeader(input);
  checkPixelLimit(header.width, header.height, `${FORMAT_NAMES[header.format]} image`, limit);
  const img =
    header.format === 'png' ? decodePng(input, header, implementation) : decodeJpeg(input, header, implementation, jpegMode, output);
  return mode === 'apply' ? applyOrientation(img, header.orientation) : img;
}
