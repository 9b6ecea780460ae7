import { invalidArgument } from '../errors.js';
import type { Rgba } from '../image.js';
import { checkColor } from '../validate.js';
import { choice, color } from './params.js';

/**
 * How a geometric op reads neighbours outside the source (DESIGN-ops.md, "Coordinates and borders"):
 * `'constant'` the fill colour, `'edge'` the nearest edge pixel, `'reflect'` mirrored without repeating
 * the edge (period 2n−2), `'symmetric'` mirrored repeating it (period 2n), `'wrap'` periodic (period n).
 *
 * @example
 * const border: Border = 'reflect';
 * const moved = warpAffine(img, [1, 0, -10, 0, 1, -5], { border }); // the uncovered strip mirrored, not black
 */
export type Border = 'constant' | 'edge' | 'reflect' | 'symmetric' | 'wrap';

/**
 * How a warp samples the source: `'bilinear'` (default) or `'nearest'`.
 *
 * @example
 * const interpolation: Interpolation = 'nearest'; // no new colours: for masks and label maps
 * const turned = rotate(mask, 30, { interpolation });
 */
export type Interpolation = 'bilinear' | 'nearest';

/** Every border mode, in the order of the kernels' border codes (assembly/geometry/border.ts). */
export const BORDERS = ['constant', 'edge', 'reflect', 'symmetric', 'wrap'] as const satisfies readonly Border[];

/** Every interpolation. */
export const INTERPOLATIONS = ['bilinear', 'nearest'] as const satisfies readonly Interpolation[];

/**
 * The options every warp takes.
 *
 * @example
 * const options: WarpOptions = { interpolation: 'bilinear', border: 'constant', fill: [255, 255, 255, 255] };
 * const tilted = affine(img, { degrees: 10 }, options);
 */
export interface WarpOptions {
  /** `'bilinear'` (default) or `'nearest'`. */
  interpolation?: Interpolation;
  /** Where neighbours outside the source read from (default `'constant'`). */
  border?: Border;
  /** The colour of a constant border and of perspective's area behind the horizon, `[r, g, b, a]` (default `[0, 0, 0, 0]`). */
  fill?: Rgba;
  /** Where to write the result: a Uint8ClampedArray of exactly the output's width × height × 4 bytes. A new array by default. */
  out?: Uint8ClampedArray;
}

/** The validated sampling options as the kernels take them. */
export interface Sampling {
  /** The kernels' border code (index into BORDERS). */
  readonly border: number;
  readonly nearest: boolean;
  /** The fill colour packed as the kernels read it. */
  readonly fill: number;
}

/** Packs an RGBA colour the way pixels sit in little-endian linear memory. */
export function packColor([r, g, b, a]: Rgba): number {
  return (r | (g << 8) | (b << 16) | (a << 24)) >>> 0;
}

/** A border mode name, as its kernel code. */
export function checkBorder(value: unknown, param: string): number {
  const code = BORDERS.indexOf(value as Border);
  if (code < 0) throw invalidArgument(param, `one of ${BORDERS.map((b) => `'${b}'`).join(', ')}`, value);
  return code;
}

/** The `border` parameter of every geometric op's definition. */
export const borderParam = choice({
  doc: "Where neighbours outside the source read from: 'constant' (fill), 'edge', 'reflect' (…2 1 | 0 1…), 'symmetric' (…1 0 | 0 1…), 'wrap'.",
  values: BORDERS,
  default: 'constant',
});

/** The `interpolation` parameter of every warp's definition. */
export const interpolationParam = choice({ doc: "How the source is sampled: 'bilinear' or 'nearest'.", values: INTERPOLATIONS, default: 'bilinear' });

/** The `fill` parameter: the colour of a constant border. */
export const fillParam = color({ doc: 'The colour of a constant border (and of uncovered areas), [r, g, b, a].', default: [0, 0, 0, 0] });

/** A checked border mode's kernel code. */
export function borderCode(border: Border): number {
  return BORDERS.indexOf(border);
}

/** Validates `interpolation`, `border` and `fill` of an options object (named `param`). */
export function checkSampling(
  options: { interpolation?: unknown; border?: unknown; fill?: unknown },
  param = 'options',
): Sampling {
  const { interpolation = 'bilinear', border = 'constant', fill = [0, 0, 0, 0] } = options;
  if (!INTERPOLATIONS.includes(interpolation as Interpolation)) {
    throw invalidArgument(`${param}.interpolation`, "'bilinear' or 'nearest'", interpolation);
  }
  return {
    border: checkBorder(border, `${param}.border`),
    nearest: interpolation === 'nearest',
    fill: packColor(checkColor(fill, `${param}.fill`)),
  };
}

/** i mod n in 0..n−1. */
function floorMod(i: number, n: number): number {
  return ((i % n) + n) % n;
}

/**
 * The index neighbour `i` of a line of `n` pixels reads under the border `code`, −1 for the fill
 * colour; the rule of the kernels (assembly/geometry/border.ts), for the steps' JavaScript routes.
 */
export function borderIndex(i: number, n: number, code: number): number {
  if (i >= 0 && i < n) return i;
  switch (BORDERS[code]) {
    case 'constant':
      return -1;
    case 'edge':
      return i < 0 ? 0 : n - 1;
    case 'reflect': {
      if (n === 1) return 0;
      const m = floorMod(i, 2 * n - 2);
      return m < n ? m : 2 * n - 2 - m;
    }
    case 'symmetric': {
      const m = floorMod(i, 2 * n);
      return m < n ? m : 2 * n - 1 - m;
    }
    default:
      return floorMod(i, n);
  }
}
