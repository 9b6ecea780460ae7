/**
 * An 8-bit RGBA image: row-major, 4 bytes per pixel (R, G, B, A), straight alpha,
 * `data.length === width * height * 4`. A browser `ImageData` is one.
 */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/** What augkit returns: `data` is a `Uint8ClampedArray`, so `new ImageData(data, width, height)` needs no copy. */
export interface AugkitImage extends RgbaImage {
  readonly data: Uint8ClampedArray;
}

/** An RGBA colour, each channel an integer 0..255. */
export type Rgba = readonly [number, number, number, number];
