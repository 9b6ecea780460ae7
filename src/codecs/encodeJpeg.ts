import jpeg from 'jpeg-js';
import type { RgbaImage } from '../image.js';
import { checkImage, checkIntegerInRange, checkOptions } from '../validate.js';
import { ownedView } from './bytes.js';
import { encoderFailed } from './codecErrors.js';

export interface EncodeJpegOptions {
  /** 1..100 (default 90): the IJG quality scale, as in libjpeg, Pillow and sharp. */
  quality?: number;
}

const DEFAULT_QUALITY = 90;

/**
 * Runs `encode` with a global `Buffer` guaranteed. jpeg-js's encoder ends with
 * `if (typeof module === 'undefined') return new Uint8Array(byteout); return Buffer.from(byteout);`.
 * Loaded as CommonJS — by Node, by every bundler, by Deno's npm layer — `module` exists, so it calls
 * `Buffer.from`, a ReferenceError in browsers and workers, which have no Buffer. Where none is defined, a
 * stand-in whose `from` builds a plain Uint8Array is installed for the duration of this synchronous call
 * (no other code can run meanwhile) and the global property is put back exactly as it was in `finally`,
 * even if encoding throws. A real Buffer is left alone; its result, possibly a slice of Node's pool, is
 * copied by `ownedView`.
 */
function withGlobalBuffer<T>(encode: () => T): T {
  if (typeof (globalThis as { Buffer?: unknown }).Buffer !== 'undefined') return encode();
  const previous = Object.getOwnPropertyDescriptor(globalThis, 'Buffer');
  Object.defineProperty(globalThis, 'Buffer', {
    configurable: true,
    writable: true,
    value: { from: (bytes: ArrayLike<number>) => Uint8Array.from(bytes) },
  });
  try {
    return encode();
  } finally {
    if (previous) Object.defineProperty(globalThis, 'Buffer', previous);
    else delete (globalThis as { Buffer?: unknown }).Buffer;
  }
}

/**
 * Encodes an image as a baseline JPEG (YCbCr, no chroma subsampling) with jpeg-js. JPEG has no alpha:
 * the alpha channel is dropped (not composited), so transparent pixels show their stored RGB.
 *
 * @param img - the image (not modified); a browser `ImageData` works as is
 * @param options - `quality`: integer 1..100 (default 90)
 * @returns the JPEG file as a plain Uint8Array, in every runtime
 * @throws {AugkitError} INVALID_ARGUMENT for a malformed image or a quality that is not an integer in
 *   1..100; TOO_LARGE above the pixel limit.
 * @example
 * await writeFile('out.jpg', encodeJpeg(img, { quality: 85 }));
 */
export function encodeJpeg(img: RgbaImage, options?: EncodeJpegOptions): Uint8Array {
  const { width, height, data } = checkImage(img);
  const { quality = DEFAULT_QUALITY } = checkOptions(options);
  checkIntegerInRange(quality, 'options.quality', 1, 100);
  try {
    const encoded = withGlobalBuffer(() => jpeg.encode({ width, height, data }, quality));
    return ownedView(encoded.data, Uint8Array);
  } catch (cause) {
    throw encoderFailed('jpeg', cause);
  }
}
