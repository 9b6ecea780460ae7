// Occlusion: a rectangle's R, G, B replaced by a colour or by seeded noise (alpha unchanged).
import { invalidArgument } from '../errors.js';
import type { AugkitImage, RgbaImage } from '../image.js';
import { checkImage, checkOptions, checkSeed, isInteger } from '../validate.js';
import { runKernel, type KernelStep } from '../wasm/run.js';
import { sameSize, type OutputOptions } from './pixelSteps.js';
import { drawSeed } from './saltAndPepper.js';

/** What fills the area: an `[r, g, b]` colour (integers 0..255) or `'noise'` (seeded random bytes). */
export type EraseValue = readonly [number, number, number] | 'noise';

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

export interface CutoutOptions extends OutputOptions {
  /** Centre column and row of the square, integers (may lie outside the image). */
  centerX: number;
  centerY: number;
  /** Side of the square in pixels, an integer ≥ 1. */
  size: number;
  /** `[r, g, b]` (default `[0, 0, 0]`) or `'noise'`. */
  value?: EraseValue;
  seed?: number;
}

/** The erased image; `seed` is the noise's (absent for a colour). */
export interface EraseResult extends AugkitImage {
  readonly seed?: number;
}

function checkCount(value: unknown, param: string, min: number): number {
  if (!isInteger(value) || !Number.isSafeInteger(value) || value < min) {
    throw invalidArgument(param, `an integer ≥ ${min}`, value);
  }
  return value;
}

function checkCoordinate(value: unknown, param: string): number {
  if (!Number.isSafeInteger(value)) throw invalidArgument(param, 'an integer', value);
  return value as number;
}

/** The fill: a packed 0x00BBGGRR colour, or noise with its seed. */
function checkValue(value: unknown, seedOption: unknown, param: string): { color: number; seed?: number } {
  if (value === 'noise') return { color: 0, seed: seedOption === undefined ? drawSeed() : checkSeed(seedOption, 'options.seed') };
  if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => isInteger(v) && v >= 0 && v <= 255)) {
    throw invalidArgument(param, "an [r, g, b] array of integers 0..255 or 'noise'", value);
  }
  return { color: value[0] | (value[1] << 8) | (value[2] << 16) };
}

/** An erase of the rectangle [left, right) × [top, bottom), clipped to the image when it runs. */
function eraseRect(left: number, top: number, right: number, bottom: number, fill: { color: number; seed?: number }): KernelStep {
  return {
    op: 'erase',
    outputSize: sameSize,
    run: (k, b, width, height) => {
      const [x0, y0] = [Math.max(0, left), Math.max(0, top)];
      const [x1, y1] = [Math.min(width, right), Math.min(height, bottom)];
      const [w, h] = [Math.max(0, x1 - x0), Math.max(0, y1 - y0)];
      k.erase(b.src, width, height, b.dst, x0, y0, w, h, fill.color, fill.seed !== undefined, fill.seed ?? 0);
    },
  };
}

/**
 * The erase as a kernel step, its options validated, with the noise seed (when `value` is 'noise').
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad option.
 */
export function eraseStep(options: EraseOptions): { step: KernelStep; seed?: number } {
  const opts = checkOptions(options);
  const x = checkCount(opts.x, 'options.x', 0);
  const y = checkCount(opts.y, 'options.y', 0);
  const width = checkCount(opts.width, 'options.width', 0);
  const height = checkCount(opts.height, 'options.height', 0);
  const fill = checkValue(opts.value ?? [0, 0, 0], opts.seed, 'options.value');
  return { step: eraseRect(x, y, x + width, y + height, fill), seed: fill.seed };
}

/**
 * Sets R, G, B of the rectangle `x, y, width, height` to `value` — a colour, or `'noise'`: one
 * xoshiro128** draw per pixel (row by row), its low three bytes as R, G, B (uniform 0..255). Alpha is
 * unchanged; the part of the rectangle outside the image is ignored. = torchvision `F.erase` on R, G, B
 * (whose `value` is a tensor; its RandomErasing draws normal noise on normalised tensors instead).
 *
 * @param options - `x`, `y`, `width`, `height` (integers ≥ 0), `value` (`[0, 0, 0]`), `seed`, `out`
 * @returns the new image, with `seed` when the value is noise
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, option or `out`.
 * @example
 * const hidden = erase(img, { x: 10, y: 20, width: 50, height: 30, value: [127, 127, 127] });
 */
export function erase(img: RgbaImage, options: EraseOptions): EraseResult {
  const src = checkImage(img);
  const { step, seed } = eraseStep(options);
  const out = runKernel(src, step, options.out);
  return seed === undefined ? out : { ...out, seed };
}

/**
 * The cutout as a kernel step (see {@link cutout}), with the noise seed when `value` is 'noise'.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad option.
 */
export function cutoutStep(options: CutoutOptions): { step: KernelStep; seed?: number } {
  const opts = checkOptions(options);
  const cx = checkCoordinate(opts.centerX, 'options.centerX');
  const cy = checkCoordinate(opts.centerY, 'options.centerY');
  const size = checkCount(opts.size, 'options.size', 1);
  const fill = checkValue(opts.value ?? [0, 0, 0], opts.seed, 'options.value');
  const [left, top] = [cx - Math.floor(size / 2), cy - Math.floor(size / 2)];
  return { step: eraseRect(left, top, left + size, top + size, fill), seed: fill.seed };
}

/**
 * Cutout (DeVries & Taylor, 2017): erases the `size` × `size` square centred on (`centerX`, `centerY`)
 * — columns `centerX − ⌊size/2⌋` up to that plus `size` — clipped to the image, so a centre near the
 * edge erases a smaller area (the reference code's square is `2·⌊size/2⌋` wide; here it is `size`).
 *
 * @param options - `centerX`, `centerY` (integers), `size` (≥ 1), `value` (`[0, 0, 0]` or 'noise'), `seed`, `out`
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, option or `out`.
 * @example
 * const holed = cutout(img, { centerX: 64, centerY: 40, size: 32 });
 */
export function cutout(img: RgbaImage, options: CutoutOptions): EraseResult {
  const src = checkImage(img);
  const { step, seed } = cutoutStep(options);
  const out = runKernel(src, step, options.out);
  return seed === undefined ? out : { ...out, seed };
}
