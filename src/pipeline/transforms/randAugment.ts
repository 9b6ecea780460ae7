import { AugkitError } from '../../errors.js';
import { integer } from '../../ops/params.js';
import { drawPolicyOp, policySamplingParams, randAugmentSpace } from '../augmentationSpace.js';
import type { AppliedOp } from '../catalogue.js';
import { defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * RandAugment, defined once (see src/pipeline/defineTransform.ts): torchvision v2's RandAugment with its op
 * table (src/pipeline/augmentationSpace.ts). It records the concrete ops drawn (Identity records none).
 *
 * @example
 * randAugment({ numOps: 3 }).draw(7, { width: 224, height: 224 }).length; // ≤ 3
 */
export const randAugmentTransform = defineTransform({
  name: 'randAugment',
  doc: "RandAugment (torchvision v2): `numOps` times, an op chosen uniformly from torchvision's 14 (Identity, ShearX/Y, TranslateX/Y, Rotate, Brightness, Color, Contrast, Sharpness, Posterize, Solarize, AutoContrast, Equalize) at bin `magnitude` of `numMagnitudeBins`, signed ops negated with p 0.5. See docs/policies.md.",
  example: { numOps: 4, magnitude: 15 },
  equivalents: { torchvision: 'RandAugment' },
  params: {
    numOps: integer({ doc: 'How many ops to apply in sequence, 0..100.', min: 0, max: 100, default: 2 }),
    magnitude: integer({ doc: 'The magnitude bin of every op, 0..numMagnitudeBins − 1.', min: 0, max: 999, default: 9 }),
    numMagnitudeBins: integer({ doc: 'How many magnitude bins span each op’s range, 2..1000.', min: 2, max: 1000, default: 31 }),
    ...policySamplingParams,
  },
  complete: (values, nameOf) => {
    if (values.magnitude >= values.numMagnitudeBins) {
      throw new AugkitError(
        'INVALID_ARGUMENT',
        `Expected an integer 0..${values.numMagnitudeBins - 1} (below numMagnitudeBins) for ${nameOf('magnitude')} but received ${values.magnitude}`,
      );
    }
    return values;
  },
  draw: ({ numOps, magnitude, numMagnitudeBins, interpolation, border, fill }, { random, requireSize }) => {
    requireSize();
    const ops: AppliedOp[] = [];
    for (let i = 0; i < numOps; i++) {
      const op = randAugmentSpace[random.integer(0, randAugmentSpace.length - 1)]!;
      ops.push(...drawPolicyOp(op, magnitude, numMagnitudeBins, random, requireSize, { interpolation, border, fill }));
    }
    return ops;
  },
});

/**
 * Options of {@link randAugment}: `numOps` (2), `magnitude` (9), `numMagnitudeBins` (31), `interpolation` ('nearest'), `border` ('constant'), `fill` ([0, 0, 0, 0]), `p` (1).
 *
 * @example
 * const options: RandAugmentOptions = { numOps: 4, magnitude: 15 };
 */
export type RandAugmentOptions = TransformOptions<typeof randAugmentTransform>;

/**
 * RandAugment (Cubuk et al. 2020) as torchvision v2 draws it: `numOps` ops, each chosen uniformly from 14, all
 * at magnitude bin `magnitude`; signed ops (shears, translations, rotation, enhancements) are negated with p 0.5.
 * The ops drawn are recorded, so a manifest replays to the same bytes.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option (`magnitude` must be below `numMagnitudeBins`).
 * @example
 * const augment = randAugment({ numOps: 2, magnitude: 9 });
 * const { image, applied } = augment(img, { seed: 42 });
 */
export function randAugment(options?: RandAugmentOptions): Transform {
  return createTransform(randAugmentTransform, options);
}
