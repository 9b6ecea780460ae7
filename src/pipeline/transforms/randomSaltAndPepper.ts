import { range } from '../../ops/params.js';
import { saltAndPepperOp } from '../../ops/saltAndPepper.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * Random salt-and-pepper noise, defined once (see src/pipeline/defineTransform.ts).
 *
 * @example
 * randomSaltAndPepper({ amount: 0.02 }).spec.amount; // [0.02, 0.02]
 */
export const randomSaltAndPepperTransform = defineTransform({
  name: 'randomSaltAndPepper',
  doc: 'Sets a random fraction of the pixels to white or black; the fraction is drawn uniformly from `amount`, the noise seed is drawn too and recorded.',
  example: { amount: [0.02, 0.1] },
  equivalents: { albumentations: 'A.SaltAndPepper(amount)' },
  params: {
    amount: range({ doc: 'Fraction of pixels hit: a number 0..1, or a [min, max] pair within 0..1.', min: 0, max: 1 }),
    saltVsPepper: saltAndPepperOp.params.saltVsPepper,
    perChannel: saltAndPepperOp.params.perChannel,
  },
  draw: ({ amount, saltVsPepper, perChannel }, { random }) => {
    const drawn = random.between(amount[0], amount[1]);
    const seed = random.nextSeed();
    return [applied(saltAndPepperOp, { amount: drawn, saltVsPepper, perChannel, seed })];
  },
});

/**
 * Options of {@link randomSaltAndPepper}: `amount` (required), `saltVsPepper` (0.5), `perChannel` (false), `p` (1).
 *
 * @example
 * const options: RandomSaltAndPepperOptions = { amount: [0.02, 0.1] };
 */
export type RandomSaltAndPepperOptions = TransformOptions<typeof randomSaltAndPepperTransform>;

/**
 * Salt-and-pepper noise with an amount drawn uniformly from `amount`; the noise seed is drawn too and recorded.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const noise = randomSaltAndPepper({ amount: [0, 0.05], p: 0.3 });
 */
export function randomSaltAndPepper(options: RandomSaltAndPepperOptions): Transform {
  return createTransform(randomSaltAndPepperTransform, options);
}
