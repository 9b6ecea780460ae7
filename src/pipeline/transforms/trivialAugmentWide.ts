import { integer } from '../../ops/params.js';
import { drawPolicyOp, policySamplingParams, trivialAugmentWideSpace } from '../augmentationSpace.js';
import { defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * TrivialAugment Wide, defined once (see src/pipeline/defineTransform.ts): torchvision v2's TrivialAugmentWide
 * with its wide op table (src/pipeline/augmentationSpace.ts). It records the concrete op drawn.
 *
 * @example
 * trivialAugmentWide().draw(7).length; // 0 (Identity) or 1
 */
export const trivialAugmentWideTransform = defineTransform({
  name: 'trivialAugmentWide',
  doc: "TrivialAugment Wide (torchvision v2): one op chosen uniformly from torchvision's 14 at a magnitude bin drawn uniformly from `numMagnitudeBins`, signed ops negated with p 0.5; wide ranges (shear 0.99, translate 32 px, rotate 135°, enhance 1 ± 0.99, posterize to 2 bits). See docs/policies.md.",
  example: {},
  equivalents: { torchvision: 'TrivialAugmentWide' },
  params: {
    numMagnitudeBins: integer({ doc: 'How many magnitude bins span each op’s range, 2..1000.', min: 2, max: 1000, default: 31 }),
    ...policySamplingParams,
  },
  draw: ({ numMagnitudeBins, interpolation, border, fill }, { random, requireSize }) => {
    const op = trivialAugmentWideSpace[random.integer(0, trivialAugmentWideSpace.length - 1)]!;
    // torchvision draws the bin only for an op with a magnitude
    const bin = op.magnitude === 'none' ? 0 : random.integer(0, numMagnitudeBins - 1);
    return drawPolicyOp(op, bin, numMagnitudeBins, random, requireSize, { interpolation, border, fill });
  },
});

/**
 * Options of {@link trivialAugmentWide}: `numMagnitudeBins` (31), `interpolation` ('nearest'), `border` ('constant'), `fill` ([0, 0, 0, 0]), `p` (1).
 *
 * @example
 * const options: TrivialAugmentWideOptions = {};
 */
export type TrivialAugmentWideOptions = TransformOptions<typeof trivialAugmentWideTransform>;

/**
 * TrivialAugment Wide (Müller & Hutter 2021) as torchvision v2 draws it: one op chosen uniformly from 14, at a
 * magnitude bin drawn uniformly; signed ops are negated with p 0.5. The op drawn is recorded.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const augment = trivialAugmentWide();
 * const { image, applied } = augment(img, { seed: 42 });
 */
export function trivialAugmentWide(options?: TrivialAugmentWideOptions): Transform {
  return createTransform(trivialAugmentWideTransform, options);
}
