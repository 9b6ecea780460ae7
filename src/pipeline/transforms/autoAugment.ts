import { choice } from '../../ops/params.js';
import { autoAugmentSpace, drawPolicyOp, policySamplingParams } from '../augmentationSpace.js';
import { AUTO_AUGMENT_BINS, AUTO_AUGMENT_POLICIES, autoAugmentPolicies } from '../autoAugmentPolicies.js';
import type { AppliedOp } from '../catalogue.js';
import { defineTransform, type TransformOptions } from '../defineTransform.js';
import { createTransform, type Transform } from '../transform.js';

const opsByName = new Map(autoAugmentSpace.map((op) => [op.name, op]));

/**
 * AutoAugment, defined once (see src/pipeline/defineTransform.ts): torchvision v2's AutoAugment with its
 * learned policies (src/pipeline/autoAugmentPolicies.ts) and op table (src/pipeline/augmentationSpace.ts).
 * It records the concrete ops drawn.
 *
 * @example
 * autoAugment({ policy: 'svhn' }).draw(7, { width: 32, height: 32 }).length; // 0, 1 or 2
 */
export const autoAugmentTransform = defineTransform({
  name: 'autoAugment',
  doc: "AutoAugment (torchvision v2): one of the policy's 25 sub-policies chosen uniformly, then each of its two ops applied with its own probability at its magnitude bin (of 10), signed ops negated with p 0.5. See docs/policies.md.",
  example: { policy: 'svhn' },
  equivalents: { torchvision: 'AutoAugment' },
  params: {
    policy: choice({ doc: 'The dataset whose learned policy to use.', values: AUTO_AUGMENT_POLICIES, default: 'imagenet' }),
    ...policySamplingParams,
  },
  draw: ({ policy, interpolation, border, fill }, { random, requireSize }) => {
    requireSize();
    const subPolicies = autoAugmentPolicies[policy];
    const ops: AppliedOp[] = [];
    for (const [name, probability, bin] of subPolicies[random.integer(0, subPolicies.length - 1)]!) {
      if (!random.chance(probability)) continue;
      ops.push(...drawPolicyOp(opsByName.get(name)!, bin ?? 0, AUTO_AUGMENT_BINS, random, requireSize, { interpolation, border, fill }));
    }
    return ops;
  },
});

/**
 * Options of {@link autoAugment}: `policy` ('imagenet'), `interpolation` ('nearest'), `border` ('constant'), `fill` ([0, 0, 0, 0]), `p` (1).
 *
 * @example
 * const options: AutoAugmentOptions = { policy: 'svhn' };
 */
export type AutoAugmentOptions = TransformOptions<typeof autoAugmentTransform>;

/**
 * AutoAugment (Cubuk et al. 2019) as torchvision v2 draws it: a sub-policy of `policy` ('imagenet', 'cifar10'
 * or 'svhn') chosen uniformly, each of its two ops applied with its probability; signed ops are negated with
 * p 0.5. The ops drawn are recorded.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option (an unknown `policy`).
 * @example
 * const augment = autoAugment({ policy: 'cifar10' });
 * const { image, applied } = augment(img, { seed: 42 });
 */
export function autoAugment(options?: AutoAugmentOptions): Transform {
  return createTransform(autoAugmentTransform, options);
}
