import { channelShiftOp } from '../../ops/color.js';
import { boolean, range } from '../../ops/params.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random channel shift, defined once (see src/pipeline/defineTransform.ts): records `channelShift`
 * with the drawn `[dr, dg, db]`.
 *
 * @example
 * randomChannelShift({ shift: 20 }).spec.shift; // [-20, 20]
 */
export const randomChannelShiftTransform = defineTransform({
  name: 'randomChannelShift',
  doc: "Adds a value drawn uniformly from `shift` to R, G and B (one for all: Keras channel_shift_range; one per channel with `perChannel`: albumentations RGBShift); clamped to 0..255.",
  example: { shift: 40, perChannel: true },
  equivalents: { keras: '≈ channel_shift_range', albumentations: '≈ RGBShift' },
  params: {
    shift: range({ doc: 'Shift range in levels: r (0..255) for [−r, r], or a [min, max] pair within −255..255.', min: -255, max: 255, symmetric: true }),
    perChannel: boolean({ doc: 'Draw R, G and B separately; false adds one drawn value to all three.', default: false }),
  },
  draw: ({ shift: [lo, hi], perChannel }, { random }) => {
    const dr = random.between(lo, hi);
    const [dg, db] = perChannel ? [random.between(lo, hi), random.between(lo, hi)] : [dr, dr];
    return [applied(channelShiftOp, { shift: [dr, dg, db] })];
  },
});

/**
 * Options of {@link randomChannelShift}: `shift` (required), `perChannel` (false), `p` (1).
 *
 * @example
 * const options: RandomChannelShiftOptions = { shift: 40, perChannel: true };
 */
export type RandomChannelShiftOptions = TransformOptions<typeof randomChannelShiftTransform>;

/**
 * Adds a value drawn uniformly from `shift` to R, G, B (see `channelShift`), one per channel with
 * `perChannel`; records the shifts.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const tint = randomChannelShift({ shift: 20, perChannel: true });
 */
export function randomChannelShift(options: RandomChannelShiftOptions): Transform {
  return createTransform(randomChannelShiftTransform, options);
}
