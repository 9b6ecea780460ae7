import { AugkitError, invalidArgument } from '../errors.js';
import type { RgbaImage } from '../image.js';
import { checkImage, checkIntegerInRange, checkOptions } from '../validate.js';
import { encoderFailed } from './codecErrors.js';
import { encodeJpegReference } from './encodeJpegReference.js';
import { encodeJpegWasm } from './encodeJpegWasm.js';

/** Chroma sampling: `'420'` averages Cb and Cr over 2×2 pixels (as libjpeg, sharp, Pillow); `'444'` keeps them all. */
export type JpegChroma = '420' | '444';

/** Which implementation encodes: augkit's WebAssembly encoder or jpeg-js, the reference its 4:4:4 output equals. */
export type EncoderChoice = 'wasm' | 'reference';

/**
 * The options of {@link encodeJpeg}: `quality` (90), `chroma` (`'420'`) and `encoder` (`'wasm'`).
 *
 * @example
 * const options: EncodeJpegOptions = { quality: 85, chroma: '444' };
 * await writeFile('out.jpg', encodeJpeg(img, options));
 */
export interface EncodeJpegOptions {
  /** 1..100 (default 90): the IJG quality scale, as in libjpeg, Pillow and sharp. */
  quality?: number;
  /** `'420'` (default: chroma at half width and height, as libjpeg and sharp write) or `'444'` (full-resolution chroma, jpeg-js's bytes). */
  chroma?: JpegChroma;
  /**
   * `'wasm'` (default) or `'reference'` (jpeg-js, 4:4:4 only). For `chroma: '444'` both write the same bytes;
   * the reference is slower.
   */
  encoder?: EncoderChoice;
}

const DEFAULT_QUALITY = 90;

function checkChroma(value: unknown): JpegChroma {
  if (value !== '420' && value !== '444') throw invalidArgument('options.chroma', '"420" or "444"', value);
  return value;
}

function checkEncoder(value: unknown): EncoderChoice {
  if (value !== 'wasm' && value !== 'reference') throw invalidArgument('options.encoder', '"wasm" or "reference"', value);
  return value;
}

/**
 * Encodes an image as a baseline JPEG (JFIF, YCbCr): jpeg-js's encoder (its quality tables, float AAN DCT,
 * integer colour conversion and standard Huffman tables) ported to WebAssembly, with 4:2:0 chroma
 * subsampling by default. `chroma: '444'` writes exactly the bytes jpeg-js writes. In 4:2:0 each chroma
 * sample is the mean of 2×2 pixels' Cb (Cr), rounded as libjpeg does: (sum + 1) >> 2 in even chroma columns,
 * (sum + 2) >> 2 in odd ones. JPEG has no alpha: the alpha channel is dropped (not composited), so
 * transparent pixels show their stored RGB. The same bytes come out in every runtime, SIMD or not.
 *
 * @param img - the image (not modified); a browser `ImageData` works as is
 * @param options - `quality`: integer 1..100 (default 90); `chroma`: `'420'` (default) or `'444'`;
 *   `encoder`: `'wasm'` (default) or `'reference'` (jpeg-js, needs `chroma: '444'`)
 * @returns the JPEG file as a plain Uint8Array, in every runtime
 * @throws {AugkitError} INVALID_ARGUMENT for a malformed image, a quality that is not an integer in 1..100,
 *   an unknown chroma or encoder, or `encoder: 'reference'` with `chroma: '420'`; TOO_LARGE above the pixel
 *   limit or when WebAssembly memory cannot hold the image.
 * @example
 * await writeFile('out.jpg', encodeJpeg(img, { quality: 85 }));
 * const asJpegJs = encodeJpeg(img, { chroma: '444' }); // jpeg-js's bytes, several times faster
 */
export function encodeJpeg(img: RgbaImage, options?: EncodeJpegOptions): Uint8Array {
  const { width, height, data } = checkImage(img);
  const { quality = DEFAULT_QUALITY, chroma = '420', encoder = 'wasm' } = checkOptions(options);
  checkIntegerInRange(quality, 'options.quality', 1, 100);
  const sampling = checkChroma(chroma);
  if (checkEncoder(encoder) === 'wasm') return encodeJpegWasm(width, height, data, quality, sampling === '420');
  if (sampling !== '444') throw invalidArgument('options.chroma', '"444" with encoder "reference"', chroma);
  try {
    return encodeJpegReference(width, height, data, quality);
  } catch (cause) {
    if (cause instanceof AugkitError) throw cause;
    throw encoderFailed('jpeg', cause);
  }
}
