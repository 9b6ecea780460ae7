import type { AugkitImage, Rgba, RgbaImage } from '../image.js';
import { kernels } from '../wasm/kernels.js';
import { applyOp, defineOp } from './define.js';
import { boolean, color, number } from './params.js';

export interface RotateOptions {
  /** Grow the canvas so the whole rotated image fits (default false: keep the input size). */
  expand?: boolean;
  /** Colour of the area not covered by the source, `[r, g, b, a]` (default transparent `[0, 0, 0, 0]`). */
  fill?: Rgba;
  /** Where to write the result: a Uint8ClampedArray of exactly the output's width × height × 4 bytes. A new array by default. */
  out?: Uint8ClampedArray;
}

/** Packs an RGBA colour the way pixels sit in little-endian linear memory. */
function packColor([r, g, b, a]: Rgba): number {
  return (r | (g << 8) | (b << 16) | (a << 24)) >>> 0;
}

/**
 * The rotation, defined once (see src/ops/define.ts): parameters, kernel step, output size, caption and forward point map.
 *
 * @example
 * rotateOp.step({ degrees: 17, expand: false, fill: [0, 0, 0, 0] }).outputSize(640, 480); // [640, 480]
 */
export const rotateOp = defineOp({
  name: 'rotate',
  doc: 'Rotates counter-clockwise about the image centre ((w−1)/2, (h−1)/2), bilinear; uncovered pixels take `fill`.',
  positional: ['degrees'],
  params: {
    degrees: number({ doc: 'Angle in degrees, counter-clockwise (negative turns clockwise); any finite value, reduced modulo 360.' }),
    expand: boolean({ doc: 'Grow the canvas so the whole rotated image fits.', default: false }),
    fill: color({ doc: 'Colour of the area not covered by the source, [r, g, b, a].', default: [0, 0, 0, 0] }),
  },
  step: ({ degrees, expand, fill }) => {
    const packed = packColor(fill);
    return {
      op: 'rotate',
      outputSize: (w, h) => [kernels.rotatedWidth(w, h, degrees, expand), kernels.rotatedHeight(w, h, degrees, expand)],
      scratchBytes: (k, _sw, _sh, dw) => k.rotateScratch(dw),
      run: (k, b, w, h, dw, dh) => k.rotate(b.src, w, h, b.dst, dw, dh, degrees, packed, b.scratch),
    };
  },
  caption: ({ degrees, expand }) => `rotate ${degrees.toFixed(1)}°${expand ? ' expand' : ''}`,
});

/**
 * Rotates counter-clockwise by `degrees` (negative turns clockwise) about the image centre
 * ((w−1)/2, (h−1)/2), with bilinear interpolation (source coordinates in float64, weights in
 * fixed point: within ±1 of the exact result); source neighbours outside the image take `fill`. Angles reduce modulo 360; quarter turns use exact cosines, so they are pixel permutations
 * when `expand` is on or width and height have the same parity.
 *
 * With `expand`, the output is `round(|(w−1)cos| + |(h−1)sin|) + 1` × `round(|(w−1)sin| + |(h−1)cos|) + 1`.
 *
 * @param img - the source image (not modified)
 * @param degrees - any finite angle in degrees
 * @param options - `expand` (default false), `fill` (default `[0, 0, 0, 0]`), `out` (default: a new array)
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, angle, option or `out`; TOO_LARGE when the
 *   expanded output exceeds the pixel limit.
 * @example
 * const tilted = rotate(img, 17, { expand: true, fill: [255, 255, 255, 255] });
 */
export function rotate(img: RgbaImage, degrees: number, options?: RotateOptions): AugkitImage {
  return applyOp(rotateOp, img, { degrees }, options);
}
