import pngjs from 'pngjs/browser.js';

/**
 * pngjs, from its browser bundle in every runtime. pngjs's main entry needs Node's zlib, stream and Buffer;
 * the bundle carries a Buffer polyfill and a JavaScript zlib, so Node, Deno, Bun and browsers run the very
 * same code and write the very same PNG bytes.
 */
export const PNG = pngjs.PNG;

/**
 * The Buffer class inside the bundle (a Uint8Array subclass). It is not exported, so it is taken from the
 * pixel buffer pngjs allocates for a 1×1 image, once.
 */
const BundledBuffer = new PNG({ width: 1, height: 1 }).data.constructor as unknown as {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): Uint8Array;
};

/**
 * Wraps `bytes` in the bundle's Buffer class without copying: `PNG.sync.read` calls Buffer methods
 * (`readUInt32BE`, …) on its input, which a plain Uint8Array, or the Node Buffer of another runtime, lacks.
 * Bytes in a SharedArrayBuffer (pixels shared between workers) are copied first: the bundle's Buffer only
 * wraps an ArrayBuffer and throws a TypeError for anything else.
 *
 * @example
 * const png = PNG.sync.read(toBundledBuffer(new Uint8Array(fileBytes)));
 */
export function toBundledBuffer(bytes: Uint8Array | Uint8ClampedArray): Uint8Array {
  if (!(bytes.buffer instanceof ArrayBuffer)) return BundledBuffer.from(new Uint8Array(bytes).buffer, 0, bytes.byteLength);
  return BundledBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
