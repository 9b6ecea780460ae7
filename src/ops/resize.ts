import type { AugkitImage, RgbaImage } from '../image.js';
import { checkBoolean, checkDimension, checkImage, checkOptions } from '../validate.js';
import { runKernel, type KernelStep } from '../wasm/run.js';

export interface ResizeOptions {
  /**
   * Widen the triangle filter when shrinking, so every source pixel contributes (Pillow's
   * `BILINEAR`, per channel). Off by default: plain bilinear, as `cv2.resize(INTER_LINEAR)`.
   */
  antialias?: boolean;
  /** Where to write the result: a Uint8ClampedArray of exactly width × height × 4 bytes. A new array by default. */
  out?: Uint8ClampedArray;
}

/**
 * The resize as a kernel step (see src/wasm/run.ts), its arguments validated.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad size or option.
 */
export function resizeStep(width: number, height: number, options?: ResizeOptions): KernelStep {
  const dw = checkDimension(width, 'width');
  const dh = checkDimension(height, 'height');
  const { antialias = false } = checkOptions(options);
  checkBoolean(antialias, 'options.antialias');
  return {
    op: 'resize',
    outputSize: () => [dw, dh],
    scratchBytes: (k, sw, sh) => (antialias ? k.resizeAntialiasScratch(sw, sh, dw, dh) : k.resizeBilinearScratch(dw)),
    run: (k, b, sw, sh) => (antialias ? k.resizeAntialias : k.resizeBilinear)(b.src, sw, sh, b.dst, dw, dh, b.scratch),
  };
}

/**
 * Resizes to `width`×`height` with bilinear interpolation and half-pixel centres:
 * `sx = (x + 0.5) · sw / dw − 0.5`, clamped to the image. Each channel (alpha too) is
 * interpolated independently in fixed point (weights of 1/16384, as OpenCV uses 1/2048) and rounded
 * half up: within ±1 of the exact result. The same size returns an exact copy.
 *
 * @param img - the source image (not modified)
 * @param width - target width, a positive integer
 * @param height - target height, a positive integer
 * @param options - `antialias` (default false), `out` (default: a new array)
 * @returns a new image of `width`×`height` (its data is `options.out` when given)
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, size, option or `out`; TOO_LARGE when the
 *   target exceeds the pixel limit.
 * @example
 * const thumb = resize(img, 400, 400, { antialias: true });
 * // in a loop: reuse one output array
 * const out = new Uint8ClampedArray(224 * 224 * 4);
 * for (const frame of frames) feed(resize(frame, 224, 224, { out }));
 */
export function resize(img: RgbaImage, width: number, height: number, options?: ResizeOptions): AugkitImage {
  const src = checkImage(img);
  const step = resizeStep(width, height, options);
  return runKernel(src, step, options?.out);
}
