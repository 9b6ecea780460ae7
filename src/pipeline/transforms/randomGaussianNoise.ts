import { gaussianNoiseOp } from '../../ops/gaussianNoise.js';
import { range } from '../../ops/params.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random Gaussian noise, defined once (see src/pipeline/defineTransform.ts): records `gaussianNoise`
 * with the drawn standard deviation and noise seed.
 *
 * @example
 * randomGaussianNoise({ std: [5, 20] }).draw(1)[0]; // { op: 'gaussianNoise', std: …, mean: 0, perChannel: true, seed: … }
 */
export const randomGaussianNoiseTransform = defineTransform({
  name: 'randomGaussianNoise',
  doc: 'Adds seeded Gaussian noise with a standard deviation drawn uniformly from `std` (levels 0..255; torchvision v2 GaussianNoise σ = 0.1 on floats is 25.5); the noise seed is drawn and recorded.',
  example: { std: [20, 25] },
  equivalents: { torchvision: '≈ GaussianNoise', albumentations: '≈ GaussNoise' },
  params: {
    std: range({ doc: 'Standard deviation range in levels: s (0..255) for [s, s], or a [min, max] pair within 0..255.', min: 0, max: 255, default: [25.5, 25.5] }),
    mean: gaussianNoiseOp.params.mean,
    perChannel: gaussianNoiseOp.params.perChannel,
  },
  draw: ({ std, mean, perChannel }, { random }) => {
    const drawn = random.between(std[0], std[1]);
    return [applied(gaussianNoiseOp, { std: drawn, mean, perChannel, seed: random.nextSeed() })];
  },
});

/**
 * Options of {@link randomGaussianNoise}: `std` (25.5), `mean` (0), `perChannel` (true), `p` (1).
 *
 * @example
 * const options: RandomGaussianNoiseOptions = { std: [20, 25] };
 */
export type RandomGaussianNoiseOptions = TransformOptions<typeof randomGaussianNoiseTransform>;

/**
 * Gaussian noise (see `gaussianNoise`) with a standard deviation drawn uniformly from `std`; records it and
 * the noise seed.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const grain = randomGaussianNoise({ std: [0, 15], perChannel: false });
 */
export function randomGaussianNoise(options?: RandomGaussianNoiseOptions): Transform {
  return createTransform(randomGaussianNoiseTransform, options);
}
