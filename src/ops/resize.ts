import type { AugkitImage, RgbaImage } from '../image.js';
import { checkPixelLimit } from '../limits.js';
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
    scratchBytes: (_k, sw, sh) => {
      // Pillow's order passes through a target-width × source-height image: a 1×1000000 source resized to
      // 400×400 would need 400 megapixels of it
      if (antialias && sw !== dw && sh !== dh) checkPixelLimit(dw, sh, 'resize intermediate image');
      return resizeScratchBytes(sw, sh, dw, dh, antialias);
    },
    run: (k, b, sw, sh) => (antialias ? k.resizeAntialias : k.resizeBilinear)(b.src, sw, sh, b.dst, dw, dh, b.scratch),
  };
}

/**
 * Bytes of scratch each resize kernel needs, computed here in float64 rather than by the kernels'
 * `resize*Scratch` exports: those return a wasm32 `usize`, which wraps past 4 GiB (and reads as negative
 * past 2 GiB in JavaScript), so a legal request such as 1×40000 → 40000×1 with antialias would get a
 * scratch region far too small and the kernel would write outside it. A true size over what linear memory
 * can hold becomes TOO_LARGE in `reserve`. Same formulas as assembly/geometry/resize*.ts (a test checks
 * that they agree wherever the kernels' arithmetic does not wrap).
 */
export function resizeScratchBytes(sw: number, sh: number, dw: number, dh: number, antialias: boolean): number {
  // bilinear: per output column an 8-byte entry, plus two row buffers of 8 bytes a pixel in whole vectors
  if (!antialias) return dw * 8 + 2 * Math.ceil((dw * 8) / 16) * 16;
  const tableBytes = (inSize: number, outSize: number) =>
    inSize === outSize ? 0 : (2 + Math.ceil(Math.max(inSize / outSize, 1)) * 2 + 1) * 4 * outSize;
  const intermediate = sw !== dw && sh !== dh ? dw * sh * 4 : 0;
  return tableBytes(sw, dw) + tableBytes(sh, dh) + intermediate;
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
 *   target (or, with antialias, the intermediate target-width × source-height image) exceeds the pixel
 *   limit, or the input, output and scratch exceed what WebAssembly memory can hold.
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
