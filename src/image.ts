/**
 * An 8-bit RGBA image: row-major, 4 bytes per pixel (R, G, B, A), straight alpha,
 * `data.length === width * height * 4`. A browser `ImageData` is one.
 *
 * @example
 * const red: RgbaImage = { width: 2, height: 1, data: new Uint8Array([255, 0, 0, 255, 255, 0, 0, 255]) };
 * const fromCanvas: RgbaImage = ctx.getImageData(0, 0, 640, 480); // a browser ImageData works as it is
 * const thumb = resize(fromCanvas, 160, 120);
 */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/**
 * What augkit returns: `data` is a `Uint8ClampedArray`, so `new ImageData(data, width, height)` needs no copy.
 *
 * @example
 * const img: AugkitImage = decode(bytes);
 * ctx.putImageData(new ImageData(img.data, img.width, img.height), 0, 0); // no copy
 */
export interface AugkitImage extends RgbaImage {
  readonly data: Uint8ClampedArray;
}

/**
 * An RGBA colour, each channel an integer 0..255.
 *
 * @example
 * const white: Rgba = [255, 255, 255, 255];
 * const tilted = rotate(img, 17, { expand: true, fill: white });
 */
export type Rgba = readonly [number, number, number, number];
