// Imported before the bundle on purpose: evaluating it first gives the bundle a working `__proto__` in Deno.
import { endBundleEvaluation, withStandardProto } from './protoAccessor.js';
import pngjs from 'pngjs/browser.js';

endBundleEvaluation();

/**
 * pngjs, from its browser bundle in every runtime. pngjs's main entry needs Node's zlib, stream and Buffer;
 * the bundle carries a Buffer polyfill and a JavaScript zlib, so Node, Deno, Bun and browsers run the very
 * same code and write the very same PNG bytes. Every call goes through `withStandardProto`, which the
 * bundle's Buffer polyfill needs in Deno (see `protoAccessor.ts`).
 */
export const PNG = {
  sync: {
    read: (buffer: Uint8Array, options?: pngjs.PngReadOptions) =>
      withStandardProto(() => pngjs.PNG.sync.read(buffer, options)),
    write: (png: pngjs.PngImage, options?: pngjs.PngWriteOptions) =>
      withStandardProto(() => pngjs.PNG.sync.write(png, options)),
  },
};

/**
 * The Buffer class inside the bundle (a Uint8Array subclass). It is not exported, so it is taken from the
 * pixel buffer pngjs allocates for a 1×1 image, once.
 */
const BundledBuffer = withStandardProto(() => new pngjs.PNG({ width: 1, height: 1 }).data.constructor) as unknown as {
  prototype: object;
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): Uint8Array;
};

// Where the bundle was evaluated without a working `__proto__` anyway (in Deno, when the program imported
// pngjs/browser.js before augkit), its Buffer was never linked to Uint8Array: link it as the bundle meant to.
if ((BundledBuffer as unknown) !== Uint8Array && Object.getPrototypeOf(BundledBuffer.prototype) !== Uint8Array.prototype) {
  Object.setPrototypeOf(BundledBuffer.prototype, Uint8Array.prototype);
  Object.setPrototypeOf(BundledBuffer, Uint8Array);
}

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
  // a SharedArrayBuffer cannot back the bundle's Buffer: copy such bytes into a plain ArrayBuffer
  const owned = bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
  return withStandardProto(() => BundledBuffer.from(owned.buffer, owned.byteOffset, owned.byteLength));
}
