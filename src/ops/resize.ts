import type { AugkitImage, RgbaImage } from '../image.js';
import { checkPixelLimit } from '../limits.js';
import { applyOp, defineOp } from './define.js';
import { resizeScratchBytes } from './resizeScratch.js';
import { boolean, dimension } from './params.js';

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
 * The resize, defined once (see src/ops/define.ts).
 *
 * @example
 * resizeOp.mapPoint!({ width: 200, height: 100, antialias: false }, 400, 200)(399.5, 0); // [199.75, -0.25]
 */
export const resizeOp = defineOp({
  name: 'resize',
  doc: 'Resizes to width × height, bilinear with half-pixel centres (cv2.INTER_LINEAR within ±1); `antialias` widens the filter when shrinking (Pillow BILINEAR). The same size is an exact copy.',
  positional: ['width', 'height'],
  params: {
    width: dimension({ doc: 'Target width in pixels.' }),
    height: dimension({ doc: 'Target height in pixels.' }),
    antialias: boolean({ doc: 'Widen the triangle filter when shrinking, so every source pixel contributes (Pillow BILINEAR).', default: false }),
  },
  step: ({ width: dw, height: dh, antialias }) => ({
    op: 'resize',
    outputSize: () => [dw, dh],
    scratchBytes: (_k, sw, sh) => {
      // Pillow's order passes through a target-width × source-height image: a 1×1000000 source resized to
      // 400×400 would need 400 megapixels of it
      if (antialias && sw !== dw && sh !== dh) checkPixelLimit(dw, sh, 'resize intermediate image');
      return resizeScratchBytes(sw, sh, dw, dh, antialias);
    },
    run: (k, b, sw, sh) => (antialias ? k.resizeAntialias : k.resizeBilinear)(b.src, sw, sh, b.dst, dw, dh, b.scratch),
  }),
  caption: ({ width, height }) => `resize ${width}×${height}`,
  // half-pixel centres: x' = (x + 0.5) · dw / sw − 0.5
  mapPoint: ({ width: dw, height: dh }, sw, sh) => (x, y) => [((x + 0.5) * dw) / sw - 0.5, ((y + 0.5) * dh) / sh - 0.5],
});

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
  return applyOp(resizeOp, img, { width, height }, options);
}
