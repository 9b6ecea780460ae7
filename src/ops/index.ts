// The op catalogue: one export line per op file. Every op definition exported from here is picked up by
// the pipeline (applied records, replay), the recipe schema and the docs table (docs/ops-table.md).
export * from './flip.js';
export * from './resize.js';
export * from './rotate.js';
export * from './saltAndPepper.js';
// colour, filter, noise and occlusion ops (op catalogue II)
export * from './color.js';
export * from './erase.js';
export * from './gaussianBlur.js';
export * from './gaussianNoise.js';
export * from './imageOps.js';
export * from './jpegArtifacts.js';
export * from './sharpness.js';
