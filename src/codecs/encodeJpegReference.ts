// The reference JPEG encoder, jpeg-js: the oracle the WebAssembly encoder's 4:4:4 output is tested against,
// and `encodeJpeg(img, { encoder: 'reference' })`.
import jpeg from 'jpeg-js';
import { ownedView } from './bytes.js';

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
 * Encodes RGBA pixels as jpeg-js does (baseline, 4:4:4).
 *
 * @throws whatever jpeg-js throws (the caller reports it as INTERNAL)
 * @example
 * const file = encodeJpegReference(img.width, img.height, img.data, 90);
 */
export function encodeJpegReference(
  width: number, height: number, data: Uint8Array | Uint8ClampedArray, quality: number,
): Uint8Array {
  return ownedView(withGlobalBuffer(() => jpeg.encode({ width, height, data }, quality)).data, Uint8Array);
}
