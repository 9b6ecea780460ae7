import { AugkitError, invalidArgument } from './errors.js';

/**
 * sharp's default: 0x3FFF × 0x3FFF pixels.
 *
 * @example
 * setPixelLimit(DEFAULT_PIXEL_LIMIT); // back to the default after raising it
 */
export const DEFAULT_PIXEL_LIMIT = 268_402_689;

let pixelLimit = DEFAULT_PIXEL_LIMIT;

/**
 * Sets the largest number of pixels (width × height) any decode or op may read or produce.
 * Returns the previous limit.
 *
 * @example
 * setPixelLimit(4096 * 4096); // refuse anything larger than 16 megapixels
 * @throws {AugkitError} INVALID_ARGUMENT when `limit` is not a positive safe integer.
 */
export function setPixelLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw invalidArgument('limit', 'a positive integer', limit);
  }
  const previous = pixelLimit;
  pixelLimit = limit;
  return previous;
}

/**
 * The pixel limit currently in force (see {@link setPixelLimit}).
 *
 * @example
 * getPixelLimit(); // 268402689 (DEFAULT_PIXEL_LIMIT) unless setPixelLimit changed it
 */
export function getPixelLimit(): number {
  return pixelLimit;
}

/** Throws TOO_LARGE when `width × height` exceeds `limit` (the global limit by default). */
export function checkPixelLimit(width: number, height: number, what: string, limit = pixelLimit): void {
  if (width * height > limit) {
    throw new AugkitError(
      'TOO_LARGE',
      `${what} of ${width}×${height} = ${width * height} pixels exceeds the limit of ${limit} pixels`,
    );
  }
}
