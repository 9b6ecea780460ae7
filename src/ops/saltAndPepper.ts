import type { AugkitImage, RgbaImage } from '../image.js';
import { drawSeed } from '../randomSeed.js';
import { checkImage, checkOptions } from '../validate.js';
import { saltAndPepperInto } from '../wasm/noise.js';
import { applyOp, defineOp } from './define.js';
import { boolean, number, seedParam } from './params.js';

/**
 * The options of {@link saltAndPepper}: `amount` (0.05), `saltVsPepper` (0.5), `seed` (random),
 * `perChannel` (false) and `out`.
 *
 * @example
 * const options: SaltAndPepperOptions = { amount: 0.02, saltVsPepper: 0.8, seed: 42 }; // mostly white specks
 * const noisy = saltAndPepper(img, options);
 */
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

/**
 * The noisy image and the seed that reproduces it.
 *
 * @example
 * const result: SaltAndPepperResult = saltAndPepper(img, { amount: 0.02 });
 * const same = saltAndPepper(img, { amount: 0.02, seed: result.seed }); // the same bytes as result
 */
export interface SaltAndPepperResult extends AugkitImage {
  readonly seed: number;
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
  const src = checkImage(img); // first, and once: a too-large image is TOO_LARGE whatever the options
  const opts = checkOptions(options);
  const seed = opts.seed === undefined ? drawSeed() : opts.seed;
  return { ...applyOp(saltAndPepperOp, src, {}, { ...opts, seed }), seed: seed as number };
}

/**
 * Salt-and-pepper noise, defined once (see src/ops/define.ts). The seed is a parameter like the others:
 * an applied record always holds the one that was used.
 *
 * @example
 * saltAndPepperOp.caption({ amount: 0.02, saltVsPepper: 0.5, perChannel: false, seed: 1 }); // 's&p 2.0%'
 */
export const saltAndPepperOp = defineOp({
  name: 'saltAndPepper',
  doc: 'Sets random pixels to white (salt) or black (pepper), each hit independently with probability `amount`; alpha is kept. Seeded xoshiro128** (the same bytes in every runtime).',
  example: { amount: 0.08, seed: 1 },
  equivalents: { albumentations: 'A.SaltAndPepper' },
  params: {
    amount: number({ doc: 'Probability that a unit (pixel, or channel value with perChannel) is hit.', min: 0, max: 1, default: 0.05 }),
    saltVsPepper: number({ doc: 'Probability that a hit is salt (255) rather than pepper (0).', min: 0, max: 1, default: 0.5 }),
    perChannel: boolean({ doc: "Decide R, G and B separately (scikit-image's behaviour) instead of whole pixels.", default: false }),
    seed: seedParam({ doc: 'PRNG seed; the public function draws one (and returns it) when omitted.' }),
  },
  step: ({ amount, saltVsPepper, perChannel, seed }) => ({
    op: 'saltAndPepper',
    outputSize: (width, height) => [width, height],
    scratchBytes: (k) => k.saltAndPepperScratch(),
    run: (k, b, width, height) =>
      k.saltAndPepper(b.src, width * height, b.dst, amount, saltVsPepper, seed, perChannel, b.scratch),
    // alone: copy the input to the output and set the hits the kernel lists (no pixel in WebAssembly memory)
    direct: (input, out) => (saltAndPepperInto(input, out, amount, saltVsPepper, seed, perChannel), true),
  }),
  caption: ({ amount, perChannel, saltVsPepper }) =>
    `s&p ${(amount * 100).toFixed(1)}%${perChannel ? ' per ch' : ''}${saltVsPepper !== 0.5 ? ` salt ${Math.round(saltVsPepper * 100)}%` : ''}`,
});
