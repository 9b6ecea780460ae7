// The transform catalogue: one export line per transform file. Every transform definition exported from
// here is a recipe step (schema, normalisation, StepSpec / StepInput types) and a row of docs/ops-table.md.
export * from './autoAugment.js';
export * from './centerCrop.js';
export * from './compose.js';
export * from './kerasImageDataGenerator.js';
export * from './oneOf.js';
export * from './randAugment.js';
export * from './randomAffine.js';
export * from './randomCrop.js';
export * from './randomFlip.js';
export * from './randomPerspective.js';
export * from './randomResizedCrop.js';
export * from './randomRotation.js';
export * from './randomSaltAndPepper.js';
export * from './resizeTo.js';
export * from './trivialAugmentWide.js';
