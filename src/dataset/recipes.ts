import { readFile } from 'node:fs/promises';
import { AugkitError } from '../errors.js';
import { parseRecipe, type Recipe } from '../pipeline/recipe.js';
import { ioError } from './files.js';

/**
 * Reads and validates a recipe JSON file (see schema/recipe.schema.json).
 *
 * @throws {AugkitError} IO_ERROR when the file cannot be read; INVALID_ARGUMENT naming the file and the bad
 *   field, e.g. `flips.json: Expected a probability between 0 and 1 for steps[0].p but received 2 of type number`.
 * @example
 * const recipe = await loadRecipe('examples/recipes/flips.json');
 */
export async function loadRecipe(path: string): Promise<Recipe> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw ioError(`could not read recipe ${path}`, cause);
  }
  try {
    return parseRecipe(text);
  } catch (e) {
    if (e instanceof AugkitError) throw new AugkitError(e.code, `${path}: ${e.message}`, { cause: e });
    throw e;
  }
}

/**
 * The recipe used when none is given (the design's example): horizontal flip p = 0.5, rotation within
 * ±20° (black corners), salt-and-pepper 0–5% with p = 0.3.
 *
 * @example
 * const { image, applied } = defaultRecipe().pipeline(img, { seed: 1 });
 */
export function defaultRecipe(): Recipe {
  return parseRecipe({
    name: 'default',
    steps: [
      { op: 'randomFlip', horizontal: 0.5 },
      { op: 'randomRotation', degrees: [-20, 20], fill: [0, 0, 0, 255] },
      { op: 'randomSaltAndPepper', amount: [0, 0.05], p: 0.3 },
    ],
  });
}
