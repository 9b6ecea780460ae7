import type { AugkitImage, RgbaImage } from '../image.js';
import { checkBoolean, checkImage, checkNumberInRange, checkOptions, checkSeed } from '../validate.js';
import { runKernel } from '../wasm/run.js';

export interface SaltAndPepperOptions {
  /** Probability that a unit (pixel, or channel value with `perChannel`) is hit, 0..1 (default 0.05). */
  amount?: number;
  /** Probability that a hit is salt (255) rather than pepper (0), 0..1 (default 0.5). */
  saltVsPepper?: number;
  /** PRNG seed, an integer 0..2^53−1. Drawn at random (and returned) when omitted. */
  seed?: number;
  /** Decide R, G and B separately (scikit-image's behaviour) instead of whole pixels (default false). */
  perChannel?: boolean;
}

/** The noisy image and the seed that reproduces it. */
export interface SaltAndPepperResult extends AugkitImage {
  readonly seed: number;
}

/** A seed for calls that give none: 53 random bits from Math.random (it need not be secure, only recorded). */
export function drawSeed(): number {
  return Math.floor(Math.random() * 2 ** 21) * 2 ** 32 + Math.floor(Math.random() * 2 ** 32);
}

/**
 * Sets random pixels to white (salt) or black (pepper); alpha is never touched. Each pixel is hit
 * independently with probability `amount` (with `perChannel`, each of R, G, B separately). The
 * PRNG is xoshiro128** seeded through splitmix64 (see the README), so a seed gives the same bytes
 * in every runtime and version.
 *
 * @param img - the source image (not modified)
 * @param options - `amount` (0.05), `saltVsPepper` (0.5), `seed` (random), `perChannel` (false)
 * @returns the new image with the `seed` used
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image or option.
 * @example
 * const noisy = saltAndPepper(img, { amount: 0.02, seed: 42 });
 */
export function saltAndPepper(img: RgbaImage, options?: SaltAndPepperOptions): SaltAndPepperResult {
  const src = checkImage(img);
  const opts = checkOptions(options);
  const amount = checkNumberInRange(opts.amount ?? 0.05, 'options.amount', 0, 1);
  const saltVsPepper = checkNumberInRange(opts.saltVsPepper ?? 0.5, 'options.saltVsPepper', 0, 1);
  const seed = opts.seed === undefined ? drawSeed() : checkSeed(opts.seed, 'options.seed');
  const perChannel = checkBoolean(opts.perChannel ?? false, 'options.perChannel');
  const { width, height } = src;
  const out = runKernel({
    op: 'saltAndPepper',
    input: src,
    width,
    height,
    scratchBytes: (k) => k.saltAndPepperScratch(),
    run: (k, b) => k.saltAndPepper(b.src, width * height, b.dst, amount, saltVsPepper, seed, perChannel, b.scratch),
  });
  return { ...out, seed };
}
