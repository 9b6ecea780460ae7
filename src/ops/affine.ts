import { invalidArgument } from '../errors.js';
import type { AugkitImage, RgbaImage } from '../image.js';
import { checkFiniteNumber, checkImage, checkOptions, isFiniteNumber } from '../validate.js';
import { kernels } from '../wasm/kernels.js';
import { runKernel, type KernelStep } from '../wasm/run.js';
import { affineForward, affineFormStep, type AffineForm } from './affineForm.js';
import { borderParam, checkSampling, fillParam, interpolationParam, type WarpOptions } from './border.js';
import { defineOp } from './define.js';
import { pair } from './geometryParams.js';

import { number } from './params.js';

/**
 * The parameters of {@link affine}; every one defaults to the identity.
 *
 * @example
 * const params: AffineParams = { degrees: 10, translate: [5, -3], scale: 1.1, shear: [5, 0] };
 * const tilted = affine(img, params, { border: 'reflect' });
 */
export interface AffineParams {
  /** Counter-clockwise on screen, in degrees (default 0). */
  degrees?: number;
  /** `[tx, ty]` in pixels (default `[0, 0]`). */
  translate?: readonly [number, number];
  /** One factor for both axes or `[sx, sy]`, each > 0 (default 1). */
  scale?: number | readonly [number, number];
  /** Degrees in (−90, 90): one number shears x only (as torchvision), or `[shx, shy]` (default 0). */
  shear?: number | readonly [number, number];
}

function checkPair(value: unknown, param: string, check: (v: unknown) => boolean, what: string): [number, number] {
  if (check(value)) return [value as number, value as number];
  if (Array.isArray(value) && value.length === 2 && value.every(check)) return [value[0], value[1]];
  throw invalidArgument(param, what, value);
}

const isScale = (v: unknown) => isFiniteNumber(v) && v > 0;
const isShear = (v: unknown) => isFiniteNumber(v) && Math.abs(v) < 90;

/**
 * The affine transform as a kernel step (see src/wasm/run.ts), its arguments validated.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad parameter or option.
 */
export function affineStep(params: AffineParams, options?: WarpOptions): KernelStep {
  const p = checkOptions(params, 'params');
  const degrees = checkFiniteNumber(p.degrees ?? 0, 'params.degrees');
  const translate: unknown = p.translate ?? [0, 0];
  if (!Array.isArray(translate) || translate.length !== 2 || !translate.every(isFiniteNumber)) {
    throw invalidArgument('params.translate', 'an array [tx, ty] of 2 finite numbers', translate);
  }
  const [tx, ty] = translate as [number, number];
  const [scaleX, scaleY] = checkPair(p.scale ?? 1, 'params.scale', isScale, 'a number > 0 or an array [sx, sy] of them');
  const shear = p.shear ?? 0;
  const [shearX, shearY] = isShear(shear)
    ? [shear as number, 0]
    : checkPair(shear, 'params.shear', isShear, 'degrees in (−90, 90): a number or an array [shx, shy]');
  const sampling = checkSampling(checkOptions(options));
  const form = affineForm(degrees, [tx, ty], [scaleX, scaleY], [shearX, shearY]);
  return affineFormStep('affine', form, (sw, sh) => [sw, sh], sampling, 'params', params);
}

type Pair = readonly [number, number];

/**
 * The warp kernel's coefficients for `affine` on a sw×sh image: the output → source matrix M⁻¹ (computed in
 * WebAssembly) about the centre, after the translation. The kernel step and the forward point map both use it.
 */
function affineForm(degrees: number, [tx, ty]: Pair, [scaleX, scaleY]: Pair, [shearX, shearY]: Pair): (sw: number, sh: number) => AffineForm {
  const at = kernels.affineInverse(degrees, shearX, shearY, scaleX, scaleY);
  const [m00, m01, m10, m11] = new Float64Array(kernels.memory.buffer, at, 4) as unknown as [number, number, number, number];
  return (sw, sh) => {
    const cx = (sw - 1) / 2;
    const cy = (sh - 1) / 2;
    return { ox: cx, oy: cy, tx, ty, cx, cy, m00, m01, m10, m11, c0: 0, c1: 0 };
  };
}

/**
 * Rotates, scales, shears and translates about the image centre `c = ((w−1)/2, (h−1)/2)`, keeping the
 * size: the forward map is `p' = c + t + R·Sh·S·(p − c)` with `R` the counter-clockwise rotation (as
 * {@link rotate}), `Sh = [[1, 0], [ky, 1]]·[[1, kx], [0, 1]]`, `kx = tan(shx°)`, `ky = tan(shy°)` (positive
 * `shx` moves lower rows right), `S = diag(sx, sy)`. Each output pixel samples the exact float64 inverse
 * (trigonometry in WebAssembly); with scale 1 and no shear that inverse is rotate's own, so
 * `affine(img, { degrees: d })` gives the bytes of `rotate(img, d)`. As torchvision's `affine`, but with
 * pixel-centre coordinates and exact (not 1/32 px) positions.
 *
 * @param img - the source image (not modified)
 * @param params - `degrees` (0), `translate` (`[0, 0]`), `scale` (1), `shear` (0)
 * @param options - `interpolation` (`'bilinear'`), `border` (`'constant'`), `fill` (`[0, 0, 0, 0]`), `out`
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, parameter, option or `out`.
 * @example
 * const tilted = affine(img, { degrees: 10, scale: 1.1, shear: [5, 0] }, { border: 'reflect' });
 */
export function affine(img: RgbaImage, params: AffineParams, options?: WarpOptions): AugkitImage {
  const src = checkImage(img);
  return runKernel(src, affineStep(params, options), options?.out);
}

/**
 * The affine transform about the centre, defined once (see src/ops/define.ts). Records hold every
 * parameter as a pair, so they replay whatever short form the caller wrote.
 *
 * @example
 * affineOp.mapPoint!({ degrees: 0, translate: [3, 4], scale: [1, 1], shear: [0, 0], interpolation: 'bilinear', border: 'constant', fill: [0, 0, 0, 0] }, 9, 9)(4, 4); // [7, 8]
 */
export const affineOp = defineOp({
  name: 'affine',
  doc: "Rotates, scales, shears and translates about the image centre, keeping the size: p' = c + t + R·Sh·S·(p − c). affine(img, { degrees: d }) gives the bytes of rotate(img, d).",
  example: { degrees: 15, translate: [8, 4], scale: 0.85, shear: 10, border: 'reflect' },
  equivalents: { keras: '≈ apply_affine_transform(x, theta, tx, ty, shear, zx, zy) (inverse zoom, other shear)', torchvision: 'F.affine(img, angle, translate, scale, shear)', albumentations: 'A.Affine' },
  params: {
    degrees: number({ doc: 'Rotation, counter-clockwise on screen, in degrees.', default: 0 }),
    translate: pair({ doc: 'Translation [tx, ty] in pixels.', default: [0, 0], expected: 'an array [tx, ty] of 2 finite numbers' }),
    scale: pair({ doc: 'Scale: one factor for both axes or [sx, sy], each > 0.', default: [1, 1], exclusiveMin: 0, valid: (v) => v > 0, expected: 'a number > 0 or an array [sx, sy] of them' }),
    shear: pair({
      doc: 'Shear in degrees within (−90, 90): one number shears x only (as torchvision), or [shx, shy].',
      default: [0, 0],
      singleIsX: true,
      exclusiveMin: -90,
      valid: (v) => Math.abs(v) < 90,
      expected: 'degrees in (−90, 90): a number or an array [shx, shy]',
    }),
    interpolation: interpolationParam,
    border: borderParam,
    fill: fillParam,
  },
  step: ({ degrees, translate, scale, shear, ...options }) => affineStep({ degrees, translate, scale, shear }, options),
  caption: ({ degrees, translate, scale, shear }) =>
    `affine ${degrees.toFixed(1)}° t ${translate.map((v) => v.toFixed(1)).join(',')} s ${scale.map((v) => v.toFixed(2)).join(',')} sh ${shear.map((v) => v.toFixed(1)).join(',')}`,
  mapPoint: ({ degrees, translate, scale, shear }, width, height) => affineForward(affineForm(degrees, translate, scale, shear)(width, height)),
});
