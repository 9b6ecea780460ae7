import { invalidArgument } from '../errors.js';
import { param, type JsonSchema } from '../ops/params.js';
import type { StepInput, StepSpec } from './catalogue.js';
import { normalizeSteps } from './transform.js';

/**
 * The parameter type of child steps: `Param<readonly StepInput[], readonly StepSpec[]>` spelt out member by
 * member, because StepSpec is itself derived from the transform definitions (members are resolved lazily,
 * type arguments are not).
 */
export interface StepsParam {
  readonly schema: JsonSchema;
  readonly doc: string;
  check(value: unknown, name: string): readonly StepSpec[];
  readonly input?: readonly StepInput[];
}

/**
 * The child steps of `compose` and `oneOf`: an array of steps (each validated by the schema before it
 * gets here), normalised one by one. `minItems` 1 for `oneOf`.
 *
 * @example
 * const steps = stepsParam({ doc: 'The steps, applied in order.', minItems: 0 });
 */
export function stepsParam(options: { readonly doc: string; readonly minItems: number }): StepsParam {
  const expected = options.minItems > 0 ? 'a non-empty array of steps' : 'an array of steps';
  return param<readonly StepInput[], readonly StepSpec[]>({
    doc: options.doc,
    schema: { type: 'array', ...(options.minItems > 0 && { minItems: options.minItems }), items: { $ref: '#/definitions/step' }, 'x-expected': expected },
    check: (value, name) => {
      if (!Array.isArray(value) || value.length < options.minItems) throw invalidArgument(name, expected, value);
      return normalizeSteps(value as readonly StepInput[], name);
    },
  });
}
