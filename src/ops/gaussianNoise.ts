import type { AugkitImage, RgbaImage } from '../image.js';
import { checkBoolean, checkFiniteNumber, checkImage, checkNonNegativeNumber, checkOptions, checkSeed } from '../validate.js';
import { runKernel, type KernelStep } from '../wasm/run.js';
import { pixelwiseStep, type OutputOptions } from './pixelSteps.js';
import { drawSeed } from './saltAndPepper.js';

export interface GaussianNoiseOptions extends OutputOptions {
  /** Standard deviation in levels (0..255 scale), ≥ 0. */
  std: number;
  /** Added to every value before the noise (default 0). */
  mean?: number;
  /** Draw R, G, B separately (default true); false adds one draw to all three (luminance noise). */
  perChannel?: boolean;
  /** PRNG seed, an integer 0..2^53−1. Drawn at random (and returned) when omitted. */
  seed?: number;
}

/** The noisy image and the seed that reproduces it. */
export interface GaussianNoiseResult extends AugkitImage {
  readonly seed: number;
}

/**
 * The noise as a kernel step, its options validated, with the seed it uses (drawn here when the
 * options give none). Alone it streams strip by strip, the normal stream continuing across strips.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad option.
 */
export function gaussianNoiseStep(options: GaussianNoiseOptions): { step: KernelStep; seed: number } {
  const opts = checkOptions(options);
  const std = checkNonNegativeNumber(opts.std, 'options.std');
  const mean = checkFiniteNumber(opts.mean ?? 0, 'options.mean');
  const perChannel = checkBoolean(opts.perChannel ?? true, 'options.perChannel');
  const seed = opts.seed === undefined ? drawSeed() : checkSeed(opts.seed, 'options.seed');
  const step = pixelwiseStep(
    'gaussianNoise',
    (k, src, pixels, dst) => k.gaussianNoise(src, pixels, dst, std, mean, perChannel),
    (k) => k.gaussianNoiseBegin(seed),
  );
  return { step, seed };
}

/**
 * Adds seeded Gaussian noise to R, G, B: `v + mean + std · z`, rounded half away from zero and clamped;
 * alpha unchanged. `z` are standard normals from xoshiro128** by Box–Muller (specified in the README,
 * "Random numbers"; ln, sin and cos run in WebAssembly), so a seed gives the same bytes everywhere.
 *
 * @param options - `std` (≥ 0), `mean` (0), `perChannel` (true), `seed` (random), `out`
 * @returns the new image with the `seed` used
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, option or `out`.
 * @example
 * const grainy = gaussianNoise(img, { std: 10, seed: 42 });
 */
export function gaussianNoise(img: RgbaImage, options: GaussianNoiseOptions): GaussianNoiseResult {
  const src = checkImage(img);
  const { step, seed } = gaussianNoiseStep(options);
  return { ...runKernel(src, step, options.out), seed };
}
