import { AugkitError } from '../errors.js';
import { checkAgainstSchema } from './schemaErrors.js';
import type { StepInput, StepSpec } from './catalogue.js';
import { normalizeSteps, transformFromSpec, type Pipeline } from './transform.js';

/**
 * A validated recipe: its name, its normalised steps and the pipeline that runs them.
 *
 * @example
 * const recipe: Recipe = parseRecipe(await readFile('flips.json', 'utf8'));
 * recipe.steps; // [{ op: 'randomFlip', p: 1, horizontal: 0.5, vertical: 0 }]
 * const { image, applied } = recipe.pipeline(img, { seed: 7 });
 */
export interface Recipe {
  /** Names the output folder when several recipes run side by side. */
  readonly name: string;
  readonly description?: string;
  /** The steps with every default filled in. */
  readonly steps: readonly StepSpec[];
  /** Runs the steps in order: `recipe.pipeline(img, { seed })`; step `i` draws from `deriveSeed(seed, i)`. */
  readonly pipeline: Pipeline;
}

/**
 * A recipe as written in JSON (see schema/recipe.schema.json); `steps` is typed per transform.
 *
 * @example
 * const input: RecipeInput = { name: 'flips', description: 'mirror half the images', steps: [{ op: 'randomFlip', horizontal: 0.5 }] };
 * const recipe = parseRecipe(input);
 */
export interface RecipeInput {
  readonly name: string;
  readonly description?: string;
  readonly steps: readonly StepInput[];
}

/**
 * Validates a recipe — a JSON string or the parsed object — against schema/recipe.schema.json and
 * returns it ready to run. The schema is compiled by Ajv at build time; errors name the bad field.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the first bad field, e.g.
 *   `Expected a number 0..360 or a [min, max] pair of numbers within -360..360 for steps[2].degrees but received "20" of type string`
 * @example
 * const recipe = parseRecipe({ name: 'flips', steps: [{ op: 'randomFlip', horizontal: 0.5 }] });
 * const { image, applied } = recipe.pipeline(img, { seed: 7 });
 */
export function parseRecipe(recipe: string | RecipeInput | unknown): Recipe {
  let value = recipe;
  if (typeof recipe === 'string') {
    try {
      value = JSON.parse(recipe);
    } catch (cause) {
      throw new AugkitError('INVALID_ARGUMENT', `Expected JSON for recipe but it does not parse: ${(cause as Error).message}`, {
        cause,
      });
    }
  }
  checkAgainstSchema('recipe', value, '');
  const input = value as RecipeInput;
  const steps = normalizeSteps(input.steps, 'steps');
  const pipeline = transformFromSpec({ op: 'compose', p: 1, steps });
  const parsed: Recipe = { name: input.name, ...(input.description !== undefined && { description: input.description }), steps, pipeline };
  return Object.freeze(parsed);
}

/**
 * A recipe as plain JSON data (normalised), e.g. to store next to a training run.
 *
 * @example
 * const json = JSON.stringify(recipeToJSON(parseRecipe({ name: 'flips', steps: [{ op: 'randomFlip' }] })));
 */
export function recipeToJSON(recipe: Recipe): RecipeInput {
  return { name: recipe.name, ...(recipe.description !== undefined && { description: recipe.description }), steps: recipe.steps };
}
