/**
 * Types for pngjs's browserify bundle, `pngjs/browser.js` (UMD/CommonJS; it carries its own Buffer polyfill
 * and a JavaScript zlib, so it needs no Node built-in). Only what augkit's tests and benchmarks use is
 * declared; the buffers are the bundle's own Buffer class, a Uint8Array subclass (see `pngjsBundle.ts`).
 */
declare module 'pngjs/browser.js' {
  namespace pngjs {
    interface PngImage {
      width: number;
      height: number;
      data: Uint8Array;
    }

    interface PngReadOptions {
      /** Reject a chunk whose CRC does not match (default true). */
      checkCRC?: boolean;
      /** Keep 16-bit samples instead of reducing them to 8 bits (default false). */
      skipRescale?: boolean;
    }

    interface PngWriteOptions {
      colorType?: 0 | 2 | 4 | 6;
      inputColorType?: 0 | 2 | 4 | 6;
      bitDepth?: 8 | 16;
      inputHasAlpha?: boolean;
      /** -1: adaptive (tries 0–4 on every row); 0–4: that PNG filter on every row. */
      filterType?: -1 | 0 | 1 | 2 | 3 | 4;
      deflateLevel?: number;
      deflateStrategy?: number;
    }

    interface PngClass {
      /** With a positive width and height, allocates `data` (zeroed) in the bundle's Buffer class. */
      new (options: { width: number; height: number }): PngImage;
      sync: {
        /** Expects the bundle's own Buffer: it calls Buffer methods such as `readUInt32BE` on `buffer`. */
        read(buffer: Uint8Array, options?: PngReadOptions): PngImage;
        write(png: PngImage, options?: PngWriteOptions): Uint8Array;
      };
    }

    const PNG: PngClass;
  }
  export = pngjs;
}
