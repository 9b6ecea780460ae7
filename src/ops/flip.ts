import type { AugkitImage, RgbaImage } from '../image.js';
import { checkImage } from '../validate.js';
import { runKernel } from '../wasm/run.js';

function flip(op: 'flipHorizontal' | 'flipVertical', img: RgbaImage): AugkitImage {
  const src = checkImage(img);
  const { width, height } = src;
  return runKernel({ op, input: src, width, height, run: (k, b) => k[op](b.src, width, height, b.dst) });
}

/**
 * Mirrors the image left to right: pixel (x, y) moves to (width − 1 − x, y). Exact.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a malformed image.
 * @example
 * const mirrored = flipHorizontal(img);
 */
export function flipHorizontal(img: RgbaImage): AugkitImage {
  return flip('flipHorizontal', img);
}

/**
 * Mirrors the image top to bottom: pixel (x, y) moves to (x, height − 1 − y). Exact.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a malformed image.
 * @example
 * const upsideDown = flipVertical(img);
 */
export function flipVertical(img: RgbaImage): AugkitImage {
  return flip('flipVertical', img);
}
