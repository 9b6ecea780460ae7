// Occlusion: a rectangle's R, G, B replaced by a colour or by seeded noise (alpha unchanged).
import type { AugkitImage, RgbaImage } from '../image.js';
import { drawSeed } from '../randomSeed.js';
import { checkImage, checkOptions } from '../validate.js';
import type { KernelStep } from '../wasm/run.js';
import { applyOp, defineOp } from './define.js';
import { seedParam } from './params.js';
import { eraseValue, safeInteger, sameSize, type EraseValue, type OutputOptions } from './pixelSteps.js';

/**
 * The options of {@link erase}: the rectangle `x`, `y`, `width`, `height` (required), `value` (`[0, 0, 0]`),
 * `seed` (for `'noise'`) and `out`.
 *
 * @example
 * const options: EraseOptions = { x: 10, y: 20, width: 50, height: 30, value: 'noise', seed: 7 };
 * const { seed } = erase(img, options); // 7
 */
export interface EraseOptions extends OutputOptions {
  /** Left column and top row, integers ≥ 0. */
  x: number;
  y: number;
  /** Size in pixels, integers ≥ 0; the part outside the image is ignored. */
  width: number;
  height: number;
  /** `[r, g, b]` (default `[0, 0, 0]`) or `'noise'`. */
  value?: EraseValue;
  /** Seed of the noise (only with `value: 'noise'`; drawn and returned when omitted). */
  seed?: number;
}

/**
 * The options of {@link cutout}: the square's centre `centerX`, `centerY` and side `size` (required),
 * `value` (`[0, 0, 0]`), `seed` (for `'noise'`) and `out`.
 *
 * @example
 * const options: CutoutOptions = { centerX: 64, centerY: 40, size: 32, value: [127, 127, 127] };
 * const holed = cutout(img, options);
 */
export interface CutoutOptions extends OutputOptions {
  /** Centre column and row of the square, integers (may lie outside the image). */
  centerX: number;
  centerY: number;
  /** Side of the square in pixels, an integer ≥ 1. */
  size: number;
  /** `[r, g, b]` (default `[0, 0, 0]`) or `'noise'`. */
  value?: EraseValue;
  /** Seed of the noise (only with `value: 'noise'`; drawn and returned when omitted). */
  seed?: number;
}

/**
 * The erased image; `seed` is the noise's (absent for a colour).
 *
 * @example
 * const result: EraseResult = erase(img, { x: 0, y: 0, width: 16, height: 16, value: 'noise' });
 * result.seed; // the seed drawn for the noise: erase(img, { …, value: 'noise', seed: result.seed }) repeats it
 * erase(img, { x: 0, y: 0, width: 16, height: 16 }).seed; // undefined: a colour needs no seed
 */
export interface EraseResult extends AugkitImage {
  readonly seed?: number;
}

/** An erase of the rectangle [left, right) × [top, bottom), clipped to the image when it runs. */
function eraseRect(left: number, top: number, right: number, bottom: number, value: EraseValue, seed: number): KernelStep {
  const noise = value === 'noise';
  const color = noise ? 0 : value[0] | (value[1] << 8) | (value[2] << 16);
  return {
    op: 'erase',
    outputSize: sameSize,
    run: (k, b, width, height) => {
      const [x0, y0] = [Math.max(0, left), Math.max(0, top)];
      const [x1, y1] = [Math.min(width, right), Math.min(height, bottom)];
      k.erase(b.src, width, height, b.dst, x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0), color, noise, seed);
    },
  };
}

const valueParam = eraseValue({ doc: "[r, g, b] (integers 0..255) or 'noise' (seeded uniform bytes).", default: [0, 0, 0] });
const seedOfNoise = seedParam({ doc: "Seed of the noise (value 'noise'); the public function draws one when omitted.", default: 0 });

/**
 * The erase, defined once (see src/ops/define.ts).
 *
 * @example
 * eraseOp.caption({ x: 1, y: 2, width: 30, height: 20, value: 'noise', seed: 5 }); // 'erase 30×20 noise'
 */
export const eraseOp = defineOp({
  name: 'erase',
  doc: "Sets R, G, B of the rectangle (clipped to the image) to a colour or to seeded noise; alpha kept (= torchvision F.erase on R, G, B).",
  example: { x: 20, y: 20, width: 56, height: 32, value: 'noise', seed: 1 },
  equivalents: { torchvision: 'F.erase(img, i, j, h, w, v)' },
  params: {
    x: safeInteger({ doc: 'Left column, ≥ 0.', min: 0 }),
    y: safeInteger({ doc: 'Top row, ≥ 0.', min: 0 }),
    width: safeInteger({ doc: 'Width in pixels, ≥ 0.', min: 0 }),
    height: safeInteger({ doc: 'Height in pixels, ≥ 0.', min: 0 }),
    value: valueParam,
    seed: seedOfNoise,
  },
  step: ({ x, y, width, height, value, seed }) => eraseRect(x, y, x + width, y + height, value, seed),
  caption: ({ width, height, value }) => `erase ${width}×${height}${value === 'noise' ? ' noise' : ''}`,
});

/**
 * The checked image (first: a too-large image is TOO_LARGE whatever the options; read once) and the seed a
 * call uses: the given one, one drawn for noise, or none for a colour.
 */
function imageAndSeed(img: RgbaImage, options: { value?: EraseValue; seed?: number }): [RgbaImage, number | undefined] {
  const src = checkImage(img);
  const opts = checkOptions(options);
  if (opts.seed !== undefined) return [src, opts.seed];
  return [src, opts.value === 'noise' ? drawSeed() : undefined];
}

/**
 * Sets R, G, B of the rectangle `x, y, width, height` to `value` — a colour, or `'noise'`: one
 * xoshiro128** draw per pixel (row by row), its low three bytes as R, G, B (uniform 0..255). Alpha is
 * unchanged; the part of the rectangle outside the image is ignored. = torchvision `F.erase` on R, G, B.
 *
 * @param options - `x`, `y`, `width`, `height` (integers ≥ 0), `value` (`[0, 0, 0]`), `seed`, `out`
 * @returns the new image, with `seed` when the value is noise
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, option or `out`.
 * @example
 * const hidden = erase(img, { x: 10, y: 20, width: 50, height: 30, value: [127, 127, 127] });
 */
export function erase(img: RgbaImage, options: EraseOptions): EraseResult {
  const [src, seed] = imageAndSeed(img, options);
  const out = applyOp(eraseOp, src, {}, { ...options, seed });
  return options.value === 'noise' ? { ...out, seed: seed! } : out;
}

/**
 * Cutout, defined once (see src/ops/define.ts).
 *
 * @example
 * cutoutOp.caption({ centerX: 5, centerY: 5, size: 16, value: [0, 0, 0], seed: 0 }); // 'cutout 16'
 */
export const cutoutOp = defineOp({
  name: 'cutout',
  doc: 'Erases the size × size square centred on (centerX, centerY), clipped to the image (DeVries & Taylor, 2017).',
  example: { centerX: 72, centerY: 48, size: 40 },
  equivalents: { albumentations: '≈ A.CoarseDropout' },
  params: {
    centerX: safeInteger({ doc: 'Centre column (may lie outside the image).' }),
    centerY: safeInteger({ doc: 'Centre row (may lie outside the image).' }),
    size: safeInteger({ doc: 'Side of the square in pixels, ≥ 1.', min: 1 }),
    value: valueParam,
    seed: seedOfNoise,
  },
  step: ({ centerX, centerY, size, value, seed }) => {
    const [left, top] = [centerX - Math.floor(size / 2), centerY - Math.floor(size / 2)];
    return eraseRect(left, top, left + size, top + size, value, seed);
  },
  caption: ({ size, value }) => `cutout ${size}${value === 'noise' ? ' noise' : ''}`,
});

/**
 * Cutout (DeVries & Taylor, 2017): erases the `size` × `size` square whose left column is
 * `centerX − ⌊size/2⌋` (top row likewise), clipped to the image, so a centre near the edge erases a
 * smaller area (the paper's code erases `2·⌊size/2⌋` wide; here it is `size`).
 *
 * @param options - `centerX`, `centerY` (integers), `size` (≥ 1), `value` (`[0, 0, 0]` or 'noise'), `seed`, `out`
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, option or `out`.
 * @example
 * const holed = cutout(img, { centerX: 64, centerY: 40, size: 32 });
 */
export function cutout(img: RgbaImage, options: CutoutOptions): EraseResult {
  const [src, seed] = imageAndSeed(img, options);
  const out = applyOp(cutoutOp, src, {}, { ...options, seed });
  return options.value === 'noise' ? { ...out, seed: seed! } : out;
}
