import { AugkitError, invalidArgument } from '../../errors.js';
import { param, type Param } from '../../ops/params.js';
import { checkOptions, isFiniteNumber } from '../../validate.js';
import type { StepInput } from '../catalogue.js';
import { defineTransform, type TransformDefinition } from '../defineTransform.js';
import { stepsParam, type StepsParam } from '../stepsParam.js';
import { createTransform, stepList, transformFromSpec, type Transform } from '../transform.js';

const weightsExpected = 'an array of non-negative numbers, one per step';

/** oneOf's weights: optional, one per step when given (all equal when not). */
type WeightsParam = Param<readonly number[], readonly number[] | undefined> & { readonly optional: true };

/**
 * The choice, defined once (see src/pipeline/defineTransform.ts).
 *
 * @example
 * oneOf([randomFlip(), randomRotation({ degrees: 5 })]).spec.weights; // [1, 1]
 */
export const oneOfTransform: TransformDefinition<'oneOf', { readonly steps: StepsParam; readonly weights: WeightsParam }> = defineTransform({
  name: 'oneOf',
  doc: 'Applies exactly one of its steps, chosen at random (uniformly, or in proportion to `weights`); the chosen child i draws from deriveSeed(seed, i).',
  example: { steps: [{ op: 'randomRotation', degrees: 30 }, { op: 'randomPerspective', distortion: 0.5 }] },
  equivalents: { torchvision: 'v2.RandomChoice([...])', albumentations: 'A.OneOf([...])' },
  positional: ['steps'],
  params: {
    steps: stepsParam({ doc: 'The steps to choose from.', minItems: 1 }),
    weights: param<readonly number[], readonly number[] | undefined, { readonly doc: string; readonly optional: true }>({
      doc: 'Relative weights, one per step (default: all equal).',
      schema: { type: 'array', items: { type: 'number', minimum: 0, 'x-expected': 'a non-negative number' }, 'x-expected': weightsExpected },
      optional: true,
      check: (value, name) => {
        if (value === undefined) return undefined;
        if (!Array.isArray(value) || !value.every((w) => isFiniteNumber(w) && w >= 0)) throw invalidArgument(name, weightsExpected, value);
        return [...value];
      },
    }),
  },
  complete: ({ steps, weights = steps.map(() => 1) }, nameOf) => {
    if (weights.length !== steps.length || !weights.some((w) => w > 0)) {
      throw new AugkitError(
        'INVALID_ARGUMENT',
        `Expected ${steps.length} non-negative weight${steps.length === 1 ? '' : 's'} (one per step, not all 0) ` +
          `for ${nameOf('weights')} but received [${weights.join(', ')}]`,
      );
    }
    return { steps, weights };
  },
  draw: ({ steps, weights }, { random, child, size }) => {
    const i = random.pick(weights!);
    return child(steps[i]!, i, size);
  },
});

/**
 * Applies exactly one of `transforms`, picked at random (uniformly, or in proportion to `weights`);
 * the chosen child `i` draws from `deriveSeed(seed, i)`.
 *
 * @param options - `weights` (one per transform, default all equal), `p` (default 1)
 * @throws {AugkitError} INVALID_ARGUMENT for an empty list, bad weights or a bad option.
 * @example
 * const geometric = oneOf([randomFlip({ horizontal: 1 }), randomRotation({ degrees: 15 })], { weights: [1, 2] });
 */
export function oneOf(
  transforms: readonly (Transform | StepInput)[],
  options?: { readonly weights?: readonly number[]; readonly p?: number },
): Transform {
  const steps = stepList(transforms, 'transforms');
  if (steps.length === 0) throw invalidArgument('transforms', 'a non-empty array of transforms', transforms);
  const placeholders = steps.map(() => ({ op: 'compose', steps: [] }));
  const shell = createTransform(oneOfTransform, checkOptions(options), { steps: placeholders });
  return transformFromSpec({ ...shell.spec, steps } as typeof shell.spec);
}
