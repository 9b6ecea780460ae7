export type { AppliedOp, StepInput, StepSpec } from './catalogue.js';
export type { DrawContext, Size, TransformDefinition, TransformOptions } from './defineTransform.js';
export { parseRecipe, recipeToJSON, type Recipe, type RecipeInput } from './recipe.js';
export { mapPoints, type Point } from './mapPoints.js';
export { replay } from './replay.js';
export { deriveSeed, type SeedPart } from './seed.js';
export type { Pipeline, PipelineOptions, PipelineResult, Transform } from './transform.js';
export * from './transforms/index.js';
