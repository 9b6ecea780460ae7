import type { AugkitImage, RgbaImage } from '../image.js';
import { checkBoolean, checkImage, checkNumberInRange, checkOptions, checkSeed } from '../validate.js';
import { saltAndPepperInto } from '../wasm/noise.js';
import { runKernel, type KernelStep } from '../wasm/run.js';

export interface SaltAndPepperOptions {
  /** Probability that a unit (pixel, or channel value with `perChannel`) is hit, 0..1 (default 0.05). */
  amount?: number;
  /** Probability that a hit is salt (255) rather than pepper (0), 0..1 (default 0.5). */
  saltVsPepper?: number;
  /** PRNG seed, an integer 0..2^53−1. Drawn at random (and returned) when omitted. */
  seed?: number;
  /** Decide R, G and B separately (scikit-image's behaviour) instead of whole pixels (default false). */
  perChannel?: boolean;
  /** Where to write the result: a Uint8ClampedArray of exactly width × height × 4 bytes (may be `img.data`). A new array by default. */
  out?: Uint8ClampedArray;
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
 * @param options - `amount` (0.05), `saltVsPepper` (0.5), `seed` (random), `perChannel` (false),
 *   `out` (a new array)
 * @returns the new image with the `seed` used
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, option or `out`.
 * @example
 * const noisy = saltAndPepper(img, { amount: 0.02, seed: 42 });
 */
export function saltAndPepper(img: RgbaImage, options?: SaltAndPepperOptions): SaltAndPepperResult {
  const src = checkImage(img);
  const { step, seed } = saltAndPepperStep(options);
  return { ...runKernel(src, step, options?.out), seed };
}

/**
 * The noise as a kernel step (see src/wasm/run.ts), its options validated, with the seed it uses
 * (drawn here when the options give none, so a pipeline can record it).
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad option.
 */
export function saltAndPepperStep(options?: SaltAndPepperOptions): { step: KernelStep; seed: number } {
  const opts = checkOptions(options);
  const amount = checkNumberInRange(opts.amount ?? 0.05, 'options.amount', 0, 1);
  const saltVsPepper = checkNumberInRange(opts.saltVsPepper ?? 0.5, 'options.saltVsPepper', 0, 1);
  const seed = opts.seed === undefined ? drawSeed() : checkSeed(opts.seed, 'options.seed');
  const perChannel = checkBoolean(opts.perChannel ?? false, 'options.perChannel');
  const step: KernelStep = {
    op: 'saltAndPepper',
    outputSize: (width, height) => [width, height],
    scratchBytes: (k) => k.saltAndPepperScratch(),
    run: (k, b, width, height) =>
      k.saltAndPepper(b.src, width * height, b.dst, amount, saltVsPepper, seed, perChannel, b.scratch),
    // alone: copy the input to the output and set the hits the kernel lists (no pixel in WebAssembly memory)
    direct: (input, out) => (saltAndPepperInto(input, out, amount, saltVsPepper, seed, perChannel), true),
  };
  return { step, seed };
}
