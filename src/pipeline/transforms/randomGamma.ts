import { adjustGammaOp } from '../../ops/color.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { positiveRange } from '../rangeParams.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random gamma correction, defined once (see src/pipeline/defineTransform.ts): records `adjustGamma`
 * with the drawn gamma and the gain.
 *
 * @example
 * randomGamma().spec.gamma; // [0.8, 1.2]
 */
export const randomGammaTransform = defineTransform({
  name: 'randomGamma',
  doc: 'Gamma correction with a gamma drawn uniformly from `gamma` (albumentations RandomGamma with gamma_limit (80, 120) is [0.8, 1.2]).',
  example: { gamma: [0.5, 0.6] },
  equivalents: { albumentations: '≈ RandomGamma' },
  params: {
    gamma: positiveRange({ doc: 'Gamma range, values > 0: g for [g, g] or [min, max].', max: 100, default: [0.8, 1.2] }),
    gain: adjustGammaOp.params.gain,
  },
  draw: ({ gamma, gain }, { random }) => [applied(adjustGammaOp, { gamma: random.between(gamma[0], gamma[1]), gain })],
});

/**
 * Options of {@link randomGamma}: `gamma` ([0.8, 1.2]), `gain` (1), `p` (1).
 *
 * @example
 * const options: RandomGammaOptions = { gamma: [0.5, 0.6] };
 */
export type RandomGammaOptions = TransformOptions<typeof randomGammaTransform>;

/**
 * Gamma correction (see `adjustGamma`) with a gamma drawn uniformly from `gamma`; records the gamma.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const exposure = randomGamma({ gamma: [0.7, 1.5] });
 */
export function randomGamma(options?: RandomGammaOptions): Transform {
  return createTransform(randomGammaTransform, options);
}
