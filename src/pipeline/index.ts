export type { AppliedOp } from './execute.js';
export { parseRecipe, recipeToJSON, type Recipe, type RecipeInput } from './recipe.js';
export { replay } from './replay.js';
export { deriveSeed, type SeedPart } from './seed.js';
export {
  compose,
  oneOf,
  randomFlip,
  randomRotation,
  randomSaltAndPepper,
  resizeTo,
  type Pipeline,
  type PipelineOptions,
  type PipelineResult,
  type RandomFlipOptions,
  type RandomRotationOptions,
  type RandomSaltAndPepperOptions,
  type Range,
  type ResizeToOptions,
  type StepInput,
  type StepSpec,
  type Transform,
} from './transforms.js';
