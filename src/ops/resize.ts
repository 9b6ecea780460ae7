import type { AugkitImage, Rgba, RgbaImage } from '../image.js';
import { checkPixelLimit } from '../limits.js';
import type { Kernels } from '../wasm/kernels.js';
import type { Buffers, KernelStep } from '../wasm/run.js';
import { borderCode, borderParam, fillParam, packColor, type Border } from './border.js';
import { applyOp, defineOp, type PointMap } from './define.js';
import { boolean, choice, dimension, omittedWhenDefault } from './params.js';
import { resizeScratchBytes } from './resizeScratch.js';

/**
 * How `resize` meets a target of another aspect ratio (sharp's names): `'fill'` stretches to exactly
 * width × height; `'cover'` scales to cover it (aspect kept) and crops the centre; `'contain'` scales to
 * fit inside it (aspect kept) and pads the rest with `border` / `fill`.
 *
 * @example
 * const fit: Fit = 'cover';
 * const square = resize(img, 224, 224, { fit, antialias: true }); // scaled to cover 224×224, centre kept, no stretching
 */
export type Fit = 'fill' | 'cover' | 'contain';

/**
 * The options of {@link resize}: `antialias` (false), `fit` (`'fill'`), `border` and `fill` (for `'contain'`) and `out`.
 *
 * @example
 * const options: ResizeOptions = { fit: 'contain', border: 'constant', fill: [255, 255, 255, 255], antialias: true };
 * const letterboxed = resize(img, 224, 224, options); // the whole image, white margins
 */
export interface ResizeOptions {
  /**
   * Widen the triangle filter when shrinking, so every source pixel contributes (Pillow's
   * `BILINEAR`, per channel). Off by default: plain bilinear, as `cv2.resize(INTER_LINEAR)`.
   */
  antialias?: boolean;
  /** `'fill'` (default: stretch), `'cover'` (scale + centre crop) or `'contain'` (scale + pad). */
  fit?: Fit;
  /** With `fit: 'contain'`: what the margins show (default `'constant'`: `fill`). */
  border?: Border;
  /** With `fit: 'contain'` and a constant border: the margin colour (default `[0, 0, 0, 0]`). */
  fill?: Rgba;
  /** Where to write the result: a Uint8ClampedArray of exactly width × height × 4 bytes. A new array by default. */
  out?: Uint8ClampedArray;
}

/**
 * The size a `fit` scales a sw×sh source to before cropping (cover) or padding (contain) it to dw×dh:
 * the factor `max` (cover) or `min` (contain) of dw/sw and dh/sh, each side rounded half up, at least
 * the target (cover) or at most it and at least 1 (contain).
 */
export function fitSize(fit: 'cover' | 'contain', sw: number, sh: number, dw: number, dh: number): [number, number] {
  const scale = fit === 'cover' ? Math.max(dw / sw, dh / sh) : Math.min(dw / sw, dh / sh);
  const side = (s: number, d: number) => {
    const scaled = Math.floor(s * scale + 0.5);
    return fit === 'cover' ? Math.max(d, scaled) : Math.min(d, Math.max(1, scaled));
  };
  return [side(sw, dw), side(sh, dh)];
}

/** The resize kernel for `antialias`, from `src` (sw×sh) into `dst` (dw×dh). */
function runResize(k: Kernels, src: number, sw: number, sh: number, dst: number, dw: number, dh: number, antialias: boolean, scratch: number): void {
  (antialias ? k.resizeAntialias : k.resizeBilinear)(src, sw, sh, dst, dw, dh, scratch);
}

/** Checks the antialiased resize's intermediate image (target width × source height) against the pixel limit. */
function checkIntermediate(sw: number, sh: number, dw: number, dh: number, antialias: boolean): void {
  // Pillow's order passes through a target-width × source-height image: a 1×1000000 source resized to
  // 400×400 would need 400 megapixels of it
  if (antialias && sw !== dw && sh !== dh) checkPixelLimit(dw, sh, 'resize intermediate image');
}

/**
 * A resize to a size that depends on the source's (`size(sw, sh)`), as a kernel step; `op` names it in errors.
 */
export function scaledResizeStep(op: string, size: (sw: number, sh: number) => readonly [number, number], antialias: boolean): KernelStep {
  return {
    op,
    outputSize: size,
    scratchBytes: (_k, sw, sh, dw, dh) => {
      checkIntermediate(sw, sh, dw, dh, antialias);
      return resizeScratchBytes(sw, sh, dw, dh, antialias);
    },
    run: (k, b, sw, sh, dw, dh) => runResize(k, b.src, sw, sh, b.dst, dw, dh, antialias, b.scratch),
  };
}

/**
 * Where the scaled rw×rh image's top-left pixel lands in the dw×dh output: `−floor(margin / 2)` for the
 * centre crop of `'cover'`, `floor(margin / 2)` for the pad of `'contain'`.
 */
function fitOffset(fit: 'cover' | 'contain', rw: number, rh: number, dw: number, dh: number): [number, number] {
  return fit === 'cover' ? [-Math.floor((rw - dw) / 2), -Math.floor((rh - dh) / 2)] : [Math.floor((dw - rw) / 2), Math.floor((dh - rh) / 2)];
}

/**
 * `fit: 'cover'` or `'contain'` as one kernel step: the resize writes a scaled image into scratch, then
 * the centre crop or the pad brings it to dw×dh.
 */
function fitStep(fit: 'cover' | 'contain', dw: number, dh: number, antialias: boolean, border: number, fill: number): KernelStep {
  const layout = (sw: number, sh: number) => {
    const [rw, rh] = fitSize(fit, sw, sh, dw, dh);
    const resizeBytes = Math.ceil(resizeScratchBytes(sw, sh, rw, rh, antialias) / 16) * 16;
    return { rw, rh, resizeBytes };
  };
  return {
    op: 'resize',
    outputSize: () => [dw, dh],
    scratchBytes: (_k, sw, sh) => {
      const { rw, rh, resizeBytes } = layout(sw, sh);
      checkPixelLimit(rw, rh, `resize (fit: '${fit}') scaled image`);
      checkIntermediate(sw, sh, rw, rh, antialias);
      return resizeBytes + rw * rh * 4;
    },
    run: (k, b: Buffers, sw, sh) => {
      const { rw, rh, resizeBytes } = layout(sw, sh);
      const scaled = b.scratch + resizeBytes;
      runResize(k, b.src, sw, sh, scaled, rw, rh, antialias, b.scratch);
      const [ox, oy] = fitOffset(fit, rw, rh, dw, dh);
      if (fit === 'cover') k.crop(scaled, rw, b.dst, -ox, -oy, dw, dh);
      else k.pad(scaled, rw, rh, b.dst, dw, dh, oy, ox, border, fill);
    },
  };
}

/**
 * The forward map of a plain resize from sw×sh to dw×dh, then shifted by (ox, oy): the inverse of the
 * kernels' half-pixel-centre source position `sx = (x + 0.5)·sw/dw − 0.5` (assembly/geometry/resize.ts).
 *
 * @example
 * scaleMap(400, 200, 200, 100)(399.5, 0); // [199.75, -0.25]
 */
export const scaleMap = (sw: number, sh: number, dw: number, dh: number, ox = 0, oy = 0): PointMap => (x, y) =>
  [((x + 0.5) * dw) / sw - 0.5 + ox, ((y + 0.5) * dh) / sh - 0.5 + oy];

/**
 * The resize, defined once (see src/ops/define.ts). `fit`, `border` and `fill` came later: records leave
 * them out while they hold their defaults, so earlier manifests keep their bytes.
 *
 * @example
 * resizeOp.mapPoint!({ width: 200, height: 100, antialias: false, fit: 'fill', border: 'constant', fill: [0, 0, 0, 0] }, 400, 200)(399.5, 0); // [199.75, -0.25]
 */
export const resizeOp = defineOp({
  name: 'resize',
  doc: "Resizes to width × height, bilinear with half-pixel centres (cv2.INTER_LINEAR within ±1); `antialias` widens the filter when shrinking (Pillow BILINEAR). `fit` (sharp's names): 'fill' stretches, 'cover' scales and crops the centre, 'contain' scales and pads. The same size is an exact copy.",
  example: { width: 96, height: 96, antialias: true },
  equivalents: { keras: 'layers.Resizing(height, width)', torchvision: 'F.resize(img, [height, width])', albumentations: 'A.Resize(height, width)' },
  positional: ['width', 'height'],
  params: {
    width: dimension({ doc: 'Target width in pixels.' }),
    height: dimension({ doc: 'Target height in pixels.' }),
    antialias: boolean({ doc: 'Widen the triangle filter when shrinking, so every source pixel contributes (Pillow BILINEAR).', default: false }),
    fit: omittedWhenDefault(
      choice({ doc: "'fill' (stretch), 'cover' (scale to cover, crop the centre) or 'contain' (scale to fit, pad).", values: ['fill', 'cover', 'contain'], default: 'fill' }),
    ),
    border: omittedWhenDefault(borderParam),
    fill: omittedWhenDefault(fillParam),
  },
  step: ({ width: dw, height: dh, antialias, fit, border, fill }) =>
    fit === 'fill' ? scaledResizeStep('resize', () => [dw, dh], antialias) : fitStep(fit, dw, dh, antialias, borderCode(border), packColor(fill)),
  caption: ({ width, height, fit }) => `resize ${width}×${height}${fit === 'fill' ? '' : ` ${fit}`}`,
  mapPoint: ({ width: dw, height: dh, fit }, sw, sh) => {
    if (fit === 'fill') return scaleMap(sw, sh, dw, dh);
    const [rw, rh] = fitSize(fit, sw, sh, dw, dh);
    return scaleMap(sw, sh, rw, rh, ...fitOffset(fit, rw, rh, dw, dh));
  },
});

/**
 * Resizes to `width`×`height` with bilinear interpolation and half-pixel centres:
 * `sx = (x + 0.5) · sw / dw − 0.5`, clamped to the image. Each channel (alpha too) is
 * interpolated independently in fixed point (weights of 1/16384, as OpenCV uses 1/2048) and rounded
 * half up: within ±1 of the exact result. The same size returns an exact copy.
 *
 * `fit` decides what happens when the aspect ratios differ (sharp's names): `'fill'` stretches;
 * `'cover'` scales by max(width/W, height/H) (sides rounded half up) and takes the centre crop
 * (`x = floor((scaled − width) / 2)`); `'contain'` scales by the min and pads the margins
 * (`left = floor((width − scaled) / 2)`) with `border` / `fill`.
 *
 * @param img - the source image (not modified)
 * @param width - target width, a positive integer
 * @param height - target height, a positive integer
 * @param options - `antialias` (default false), `fit` (default `'fill'`), `border` and `fill` (for
 *   `'contain'`; default `'constant'`, `[0, 0, 0, 0]`), `out` (default: a new array)
 * @returns a new image of `width`×`height` (its data is `options.out` when given)
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, size, option or `out`; TOO_LARGE when the
 *   target (or, with antialias, the intermediate target-width × source-height image) exceeds the pixel
 *   limit, or the input, output and scratch exceed what WebAssembly memory can hold.
 * @example
 * const thumb = resize(img, 400, 400, { antialias: true });
 * const square = resize(img, 224, 224, { fit: 'cover', antialias: true }); // no stretching
 * // in a loop: reuse one output array
 * const out = new Uint8ClampedArray(224 * 224 * 4);
 * for (const frame of frames) feed(resize(frame, 224, 224, { out }));
 */
export function resize(img: RgbaImage, width: number, height: number, options?: ResizeOptions): AugkitImage {
  return applyOp(resizeOp, img, { width, height }, options);
}
