import type { AugkitImage, RgbaImage } from '../image.js';
import { kernels } from '../wasm/kernels.js';
import { borderCode, borderParam, fillParam, interpolationParam, packColor, type WarpOptions } from './border.js';
import { applyOp, defineOp } from './define.js';
import { boolean, number, omittedWhenDefault } from './params.js';

export interface RotateOptions extends WarpOptions {
  /** Grow the canvas so the whole rotated image fits (default false: keep the input size). */
  expand?: boolean;
}

/**
 * The rotation, defined once (see src/ops/define.ts). `interpolation` and `border` came later: records
 * leave them out while they hold their defaults, so earlier manifests keep their bytes.
 *
 * @example
 * rotateOp.step({ degrees: 17, expand: false, fill: [0, 0, 0, 0], interpolation: 'bilinear', border: 'constant' }).outputSize(640, 480); // [640, 480]
 */
export const rotateOp = defineOp({
  name: 'rotate',
  doc: 'Rotates counter-clockwise about the image centre ((w−1)/2, (h−1)/2); neighbours outside the image follow `border` (default: `fill`).',
  positional: ['degrees'],
  params: {
    degrees: number({ doc: 'Angle in degrees, counter-clockwise (negative turns clockwise); any finite value, reduced modulo 360.' }),
    expand: boolean({ doc: 'Grow the canvas so the whole rotated image fits.', default: false }),
    fill: fillParam,
    interpolation: omittedWhenDefault(interpolationParam),
    border: omittedWhenDefault(borderParam),
  },
  step: ({ degrees, expand, fill, interpolation, border }) => {
    const packed = packColor(fill);
    const code = borderCode(border);
    const nearest = interpolation === 'nearest';
    return {
      op: 'rotate',
      outputSize: (w, h) => [kernels.rotatedWidth(w, h, degrees, expand), kernels.rotatedHeight(w, h, degrees, expand)],
      scratchBytes: (k, _sw, _sh, dw) => k.rotateScratch(dw),
      run: (k, b, w, h, dw, dh) => k.rotate(b.src, w, h, b.dst, dw, dh, degrees, packed, b.scratch, code, nearest),
    };
  },
  caption: ({ degrees, expand }) => `rotate ${degrees.toFixed(1)}°${expand ? ' expand' : ''}`,
});

/**
 * Rotates counter-clockwise by `degrees` (negative turns clockwise) about the image centre
 * ((w−1)/2, (h−1)/2), with bilinear interpolation (source coordinates in float64, weights in
 * fixed point: within ±1 of the exact result) or `interpolation: 'nearest'`; source neighbours outside the
 * image follow `border` (default `'constant'`: they take `fill`; see docs/geometry.md). Angles reduce modulo
 * 360; quarter turns use exact cosines, so they are pixel permutations when `expand` is on or width and
 * height have the same parity. `affine(img, { degrees })` gives the same bytes.
 *
 * With `expand`, the output is `round(|(w−1)cos| + |(h−1)sin|) + 1` × `round(|(w−1)sin| + |(h−1)cos|) + 1`.
 *
 * @param img - the source image (not modified)
 * @param degrees - any finite angle in degrees
 * @param options - `expand` (default false), `interpolation` (default `'bilinear'`), `border` (default
 *   `'constant'`), `fill` (default `[0, 0, 0, 0]`), `out` (default: a new array)
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, angle, option or `out`; TOO_LARGE when the
 *   expanded output exceeds the pixel limit.
 * @example
 * const tilted = rotate(img, 17, { expand: true, fill: [255, 255, 255, 255] });
 * const mirrored = rotate(img, 30, { border: 'reflect' }); // no empty corners
 */
export function rotate(img: RgbaImage, degrees: number, options?: RotateOptions): AugkitImage {
  return applyOp(rotateOp, img, { degrees }, options);
}
