/**
 * augkit/node: the dataset workflow on top of augkit (Node only) — augment a class-per-folder data set
 * into train/val/test folders with manifests, inspect it, preview recipes, and stream training batches.
 *
 * @example
 * import { augment, loadRecipe } from 'augkit/node';
 * await augment({ input: 'data', out: 'augmented', recipes: [await loadRecipe('flips.json')], balance: true,
 *   split: { train: 0.7, val: 0.15, test: 0.15 }, size: { width: 224, height: 224 } });
 *
 * @packageDocumentation
 * @module augkit/node
 */
export {
  augment,
  CLASS_LIST,
  manifestName,
  skippedName,
  type AugmentOptions,
  type AugmentProgress,
  type AugmentSummary,
  type OutputCounts,
} from './augment.js';
export { checkDataset, nearDuplicates, type CheckedDataset, type NearDuplicate } from './check.js';
export { differenceHash, hashDistance, NEAR_DUPLICATE_BITS } from './fingerprint.js';
export { Flow, flowFromDirectory, type Batch, type ClassMode, type FlowInfo, type FlowOptions } from './flow.js';
export { inspect, type ClassReport, type InspectOptions, type InspectSummary } from './inspect.js';
export {
  planAugment,
  type AugmentPlan,
  type ClassPlan,
  type ManifestRecord,
  type OutputFormat,
  type PlanOptions,
  type PlannedFile,
  type PlannedSource,
} from './plan.js';
export { preview, type PreviewOptions, type PreviewResult } from './preview.js';
export { defaultRecipe, loadRecipe } from './recipes.js';
export { scanDataset, type DatasetScan, type SkippedFile, type SourceImage } from './scan.js';
export { contactSheet, describeOp, type ContactSheet, type ContactSheetOptions } from './sheet.js';
export { assignSplits, checkSplit, parseSplit, splitCounts, type SplitAssignment, type SplitFractions, type SplitName } from './split.js';
export { readFileList, scanFileList } from './fileList.js';
export { mergeShards, shardComplete, type MergeOptions, type MergeReport, type ShardProblem } from './merge.js';
export {
  augmentFromPlan,
  loadPlan,
  makePlan,
  writePlan,
  type LoadedPlan,
  type MakePlanOptions,
  type PlanBody,
  type PlannedRunOptions,
  type PlanFileOptions,
  type PlanFileOutput,
  type PlanFileSource,
} from './planFile.js';
export { shardFromEnvironment, type EngineShard } from './shardEnv.js';
export type { SourceFingerprint } from './task.js';
export { compare, type CompareOptions, type CompareReport } from '../training/compare.js';
export { type CompareRun, type RecipeScore } from '../training/compareScore.js';
export { formatCompare } from '../training/compareTable.js';
