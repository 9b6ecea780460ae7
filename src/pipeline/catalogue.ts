import type { AppliedOf } from '../ops/define.js';
import * as ops from '../ops/index.js';
import type { SpecOf, StepInputOf, TransformDefinition } from './defineTransform.js';
import { byName, lookup } from './opCatalogue.js';
import * as transforms from './transforms/index.js';

export { opDefinition, opDefinitions } from './opCatalogue.js';

/** The exports of `M` whose `kind` is `K` (checked on `kind` alone, so StepSpec can be derived from definitions that refer to it). */
type DefinitionsOf<M, K extends string> = { [E in keyof M]: M[E] extends { readonly kind: K } ? M[E] : never }[keyof M];
type OpDefinitions = DefinitionsOf<typeof ops, 'op'>;
type TransformDefinitions = DefinitionsOf<typeof transforms, 'transform'>;

/**
 * One operation as a pipeline applied it, with every parameter fixed: the functional op's name and
 * arguments (`{ op: 'rotate', degrees, expand, fill }` …), one member per op definition in src/ops/.
 * A list of these (`applied`) is what `replay` runs and what the dataset manifest records.
 *
 * @example
 * const { image, applied } = randomRotation({ degrees: 15 })(img, { seed: 42 });
 * applied; // [{ op: 'rotate', degrees: -10.20268821856007, expand: false, fill: [0, 0, 0, 0] }]
 * const again: AppliedOp[] = JSON.parse(JSON.stringify(applied));
 * replay(img, again); // the same bytes as image
 */
export type AppliedOp = AppliedOf<OpDefinitions>;

/**
 * A transform as plain, JSON-ready data with every default filled in (what a recipe step normalises to), one member per transform.
 *
 * @example
 * const spec: StepSpec = randomRotation({ degrees: 15 }).spec;
 * // { op: 'randomRotation', p: 1, degrees: [-15, 15], expand: false, fill: [0, 0, 0, 0] }
 */
export type StepSpec = SpecOf<TransformDefinitions>;

/**
 * A recipe step as written: `op`, then that transform's options (short forms allowed, defaults optional), one member per transform.
 *
 * @example
 * const steps: StepInput[] = [{ op: 'randomFlip', horizontal: 0.5 }, { op: 'randomRotation', degrees: 15, p: 0.8 }];
 * const pipeline = compose(steps);
 * const recipe = parseRecipe({ name: 'flip-rotate', steps });
 */
export type StepInput = StepInputOf<TransformDefinitions>;

let transformsByName: ReadonlyMap<string, TransformDefinition> | undefined;

/** Every transform definition exported from src/pipeline/transforms/index.ts, by name. */
export function transformDefinitions(): ReadonlyMap<string, TransformDefinition> {
  return (transformsByName ??= byName<TransformDefinition>(transforms, 'transform'));
}

/** The definition of transform `name` (already validated to exist). */
export function transformDefinition(name: string): TransformDefinition {
  return lookup(transformDefinitions(), name, 'transform');
}
