import type { AugkitImage, RgbaImage } from '../image.js';
import { checkBoolean, checkDimension, checkImage, checkOptions } from '../validate.js';
import { runKernel } from '../wasm/run.js';

export interface ResizeOptions {
  /**
   * Widen the triangle filter when shrinking, so every source pixel contributes (Pillow's
   * `BILINEAR`, per channel). Off by default: plain bilinear, as `cv2.resize(INTER_LINEAR)`.
   */
  antialias?: boolean;
}

/**
 * Resizes to `width`×`height` with bilinear interpolation and half-pixel centres:
 * `sx = (x + 0.5) · sw / dw − 0.5`, clamped to the image. Each channel (alpha too) is
 * interpolated independently in fixed point (weights of 1/16384, as OpenCV uses 1/2048) and rounded
 * half up: within ±1 of the exact result. The same size returns an exact copy.
 *
 * @param img - the source image (not modified)
 * @param width - target width, an integer 1..65535
 * @param height - target height, an integer 1..65535
 * @param options - `antialias` (default false)
 * @returns a new image of `width`×`height`
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, size or option; TOO_LARGE when the
 *   target exceeds the pixel limit.
 * @example
 * const thumb = resize(img, 400, 400, { antialias: true });
 */
export function resize(img: RgbaImage, width: number, height: number, options?: ResizeOptions): AugkitImage {
  const src = checkImage(img);
  const dw = checkDimension(width, 'width');
  const dh = checkDimension(height, 'height');
  const { antialias = false } = checkOptions(options);
  checkBoolean(antialias, 'options.antialias');
  const { width: sw, height: sh } = src;
  return runKernel({
    op: 'resize',
    input: src,
    width: dw,
    height: dh,
    scratchBytes: (k) => (antialias ? k.resizeAntialiasScratch(sw, sh, dw, dh) : k.resizeBilinearScratch(dw)),
    run: (k, b) => (antialias ? k.resizeAntialias : k.resizeBilinear)(b.src, sw, sh, b.dst, dw, dh, b.scratch),
  });
}
