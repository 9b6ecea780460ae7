import type { AugkitImage, RgbaImage } from '../image.js';
import { drawSeed } from '../randomSeed.js';
import { checkImage, checkOptions } from '../validate.js';
import { applyOp, defineOp } from './define.js';
import { boolean, number, seedParam } from './params.js';
import { nonNegative, pixelwiseStep, type OutputOptions } from './pixelSteps.js';

/**
 * The options of {@link gaussianNoise}: `std` (required), `mean` (0), `perChannel` (true), `seed` (random) and `out`.
 *
 * @example
 * const options: GaussianNoiseOptions = { std: 10, perChannel: false, seed: 42 }; // luminance noise
 * const grainy = gaussianNoise(img, options);
 */
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

/**
 * The noisy image and the seed that reproduces it.
 *
 * @example
 * const result: GaussianNoiseResult = gaussianNoise(img, { std: 10 });
 * const same = gaussianNoise(img, { std: 10, seed: result.seed }); // the same bytes as result
 */
export interface GaussianNoiseResult extends AugkitImage {
  readonly seed: number;
}

/**
 * Gaussian noise, defined once (see src/ops/define.ts); the seed is recorded like any parameter. Alone it
 * streams strip by strip, the normal stream continuing across strips.
 *
 * @example
 * gaussianNoiseOp.caption({ std: 10, mean: 0, perChannel: true, seed: 1 }); // 'noise σ10.0'
 */
export const gaussianNoiseOp = defineOp({
  name: 'gaussianNoise',
  doc: 'Adds seeded Gaussian noise to R, G, B: v + mean + std·z, z standard normal (Box–Muller on xoshiro128**); alpha kept.',
  example: { std: 25, seed: 1 },
  equivalents: { keras: '≈ layers.GaussianNoise(stddev)', torchvision: '≈ v2.GaussianNoise (on floats)', albumentations: 'A.GaussNoise' },
  params: {
    std: nonNegative({ doc: 'Standard deviation in levels, ≥ 0.' }),
    mean: number({ doc: 'Added to every value before the noise.', default: 0 }),
    perChannel: boolean({ doc: 'Draw R, G, B separately; false adds one draw to all three.', default: true }),
    seed: seedParam({ doc: 'PRNG seed; the public function draws one (and returns it) when omitted.' }),
  },
  step: ({ std, mean, perChannel, seed }) => pixelwiseStep(
    'gaussianNoise',
    (k, src, pixels, dst) => k.gaussianNoise(src, pixels, dst, std, mean, perChannel),
    (k) => k.gaussianNoiseBegin(seed),
  ),
  caption: ({ std, mean, perChannel }) => `noise σ${std.toFixed(1)}${mean !== 0 ? ` μ${mean.toFixed(1)}` : ''}${perChannel ? '' : ' luma'}`,
});

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
  const src = checkImage(img); // first: a too-large image is TOO_LARGE whatever the options
  const opts = checkOptions(options);
  const seed = opts.seed === undefined ? drawSeed() : opts.seed;
  return { ...applyOp(gaussianNoiseOp, src, {}, { ...opts, seed }), seed: seed as number };
}
