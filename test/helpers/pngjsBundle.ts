// pngjs's browser bundle (its own Buffer polyfill and pako 1 inside): the PNG encoder augkit ran before its
// WebAssembly one, kept for the tests and benchmarks that compare the two (Node only).
import pngjs from 'pngjs/browser.js';

/** pngjs's browser bundle. */
export const PNG_BUNDLE = pngjs.PNG;

/** The Buffer class inside the bundle (a Uint8Array subclass), taken from the pixel buffer it allocates. */
const BundledBuffer = new pngjs.PNG({ width: 1, height: 1 }).data.constructor as unknown as {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): Uint8Array;
};

/** `bytes` in the bundle's Buffer class, which its `PNG.sync` calls expect (no copy). */
export function toBundledBuffer(bytes: Uint8Array | Uint8ClampedArray): Uint8Array {
  return BundledBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** augkit's encodePng before WebAssembly: the bundle with Paeth on every row and Z_RLE (the same bytes). */
export function pngjsBundleEncode(img: { width: number; height: number; data: Uint8Array | Uint8ClampedArray }, level: number): Uint8Array {
  return PNG_BUNDLE.sync.write(
    { width: img.width, height: img.height, data: toBundledBuffer(img.data) },
    { colorType: 6, inputColorType: 6, inputHasAlpha: true, bitDepth: 8, filterType: 4, deflateLevel: level, deflateStrategy: 3 },
  );
}
