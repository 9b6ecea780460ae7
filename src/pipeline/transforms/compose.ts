import type { AppliedOp, StepInput } from '../catalogue.js';
import { defineTransform, type TransformDefinition } from '../defineTransform.js';
import { stepsParam, type StepsParam } from '../stepsParam.js';
import { checkOptions } from '../../validate.js';
import { createTransform, stepList, transformFromSpec, type Transform } from '../transform.js';

/**
 * The sequence, defined once (see src/pipeline/defineTransform.ts). Each child draws for the size the
 * previous children leave.
 *
 * @example
 * compose([randomFlip()]).spec.op; // 'compose'
 */
export const composeTransform: TransformDefinition<'compose', { readonly steps: StepsParam }> = defineTransform({
  name: 'compose',
  doc: 'Applies its steps in order; child i draws from deriveSeed(seed, i).',
  example: { steps: [{ op: 'randomFlip', horizontal: 1 }, { op: 'randomRotation', degrees: 20 }] },
  equivalents: { keras: 'keras.Sequential([...])', torchvision: 'v2.Compose([...])', albumentations: 'A.Compose([...])' },
  positional: ['steps'],
  params: { steps: stepsParam({ doc: 'The steps, applied in order.', minItems: 0 }) },
  draw: ({ steps }, { child, sizeAfter, size }) => {
    const ops: AppliedOp[] = [];
    let current = size;
    steps.forEach((step, i) => {
      const drawn = child(step, i, current);
      ops.push(...drawn);
      current = sizeAfter(drawn, current);
    });
    return ops;
  },
});

/**
 * Applies `transforms` in order; child `i` draws from `deriveSeed(seed, i)`.
 *
 * @param transforms - transforms or plain step objects (typed: `{ op: 'randomFlip', horizontal: 1 }`)
 * @param options - `p`: probability that the whole sequence runs (default 1)
 * @throws {AugkitError} INVALID_ARGUMENT for a non-transform element or a bad option.
 * @example
 * const pipeline = compose([randomFlip(), randomRotation({ degrees: 20 })]);
 * const { image, applied } = pipeline(img, { seed: 42 });
 * replay(img, applied); // the same bytes as image
 */
export function compose(transforms: readonly (Transform | StepInput)[], options?: { readonly p?: number }): Transform {
  const steps = stepList(transforms, 'transforms');
  const shell = createTransform(composeTransform, checkOptions(options), { steps: [] });
  return transformFromSpec({ ...shell.spec, steps } as typeof shell.spec);
}
