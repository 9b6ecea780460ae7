import type { AugkitImage, RgbaImage } from '../image.js';
import { kernels } from '../wasm/kernels.js';
import { affineForward, type AffineForm } from './affineForm.js';
import { borderCode, borderParam, fillParam, interpolationParam, packColor, type WarpOptions } from './border.js';
import { applyOp, defineOp } from './define.js';
import { boolean, number, omittedWhenDefault } from './params.js';

/**
 * The options of {@link rotate}: `expand` (false) and the sampling options every warp takes
 * (`interpolation`, `border`, `fill`, `out`).
 *
 * @example
 * const options: RotateOptions = { expand: true, fill: [255, 255, 255, 255] };
 * const tilted = rotate(img, 17, options); // the whole image on a larger white canvas
 */
export interface RotateOptions extends WarpOptions {
  /** Grow the canvas so the whole rotated image fits (default false: keep the input size). */
  expand?: boolean;
}

/** The output size of a rotation of a w×h image (w×h unless `expand`). */
const rotatedSize = (w: number, h: number, degrees: number, expand: boolean): [number, number] => [
  kernels.rotatedWidth(w, h, degrees, expand),
  kernels.rotatedHeight(w, h, degrees, expand),
];

/**
 * The coefficients the rotate kernel (assembly/geometry/rotate.ts) hands the warp for a w×h input: the
 * matrix [[c, −s], [s, c]] from the same WebAssembly trigonometry (affine's inverse with scale 1 and no
 * shear is exactly it), about the input centre and the output centre.
 */
function rotateForm(degrees: number, expand: boolean, w: number, h: number): AffineForm {
  const [dw, dh] = rotatedSize(w, h, degrees, expand);
  const [m00, m01, m10, m11] = new Float64Array(kernels.memory.buffer, kernels.affineInverse(degrees, 0, 0, 1, 1), 4) as unknown as [number, number, number, number];
  return { ox: (dw - 1) / 2, oy: (dh - 1) / 2, tx: 0, ty: 0, cx: (w - 1) / 2, cy: (h - 1) / 2, m00, m01, m10, m11, c0: 0, c1: 0 };
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
  example: { degrees: 25, expand: true },
  equivalents: { keras: '≈ apply_affine_transform(x, theta)', torchvision: 'F.rotate(img, angle, expand=True)', albumentations: 'A.Rotate' },
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
      outputSize: (w, h) => rotatedSize(w, h, degrees, expand),
      scratchBytes: (k, _sw, _sh, dw) => k.rotateScratch(dw),
      run: (k, b, w, h, dw, dh) => k.rotate(b.src, w, h, b.dst, dw, dh, degrees, packed, b.scratch, code, nearest),
    };
  },
  caption: ({ degrees, expand }) => `rotate ${degrees.toFixed(1)}°${expand ? ' expand' : ''}`,
  mapPoint: ({ degrees, expand }, width, height) => affineForward(rotateForm(degrees, expand, width, height)),
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
