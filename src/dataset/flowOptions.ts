import { availableParallelism } from 'node:os';
import { checkJpegMode } from '../codecs/decode.js';
import type { JpegMode } from '../codecs/index.js';
import { AugkitError, invalidArgument } from '../errors.js';
import { checkKnownKeys } from '../knownKeys.js';
import type { Recipe } from '../pipeline/recipe.js';
import { checkBoolean, checkDimension, checkFiniteNumber, checkIntegerInRange, checkOptions, checkSeed } from '../validate.js';
import type { SkippedFile } from './scan.js';
import { checkMix, type MixConfig, type MixOptions } from './flowMix.js';
import { checkSplit, SPLIT_NAMES, type SplitFractions, type SplitName } from './split.js';

/**
 * Keras' label encodings: class indices, one-hot rows, one 0/1 per image (two classes), or no labels.
 *
 * @example
 * const classMode: ClassMode = 'categorical'; // targets: one-hot rows, targetShape [n, classes]
 * const flow = flowFromDirectory('data', { classMode });
 */
export type ClassMode = 'sparse' | 'categorical' | 'binary' | 'none';

/**
 * The options of {@link flowFromDirectory} (and, but for `epochs`, of `tfDataset`): batch size, image size and
 * recipe, order and seeds, the split and subset to read, how labels and pixels are encoded, class balancing,
 * workers, MixUp / CutMix, and callbacks for skipped files and warnings.
 *
 * @example
 * const options: FlowOptions = {
 *   batchSize: 16,
 *   size: { width: 64, height: 64 },
 *   recipe: await loadRecipe('flips.json'),
 *   split: { train: 0.8, val: 0.2 },
 *   subset: 'train',
 *   classMode: 'categorical',
 *   normalize: { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] },
 *   layout: 'nchw',
 *   epochs: 10,
 * };
 * for await (const { images, shape, targets } of flowFromDirectory('data', options)) train(images, shape, targets);
 */
export interface FlowOptions {
  /** Images per batch (default 32); the last batch of an epoch may be smaller. */
  batchSize?: number;
  /** Every image is resized to this (antialiased) before augmentation and, if the recipe changed it, after. Default 256×256. */
  size?: { width: number; height: number };
  /** Augment each image with this recipe, with a fresh seed per image and epoch (train only). Default: no augmentation. */
  recipe?: Recipe;
  /** Shuffle the order every epoch (default true). */
  shuffle?: boolean;
  /** Seed for the order and the augmentation, and for the split unless `splitSeed` is given (default 0). */
  seed?: number;
  /** Seed of the `split` partition (default `seed`): keep it fixed to vary the order and augmentation over one split. */
  splitSeed?: number;
  /** Epochs to iterate, 1..2^31−1 (default 1). */
  epochs?: number;
  /** 3 for RGB (alpha dropped, the default) or 4 for RGBA. */
  channels?: 3 | 4;
  /** The class list, in label order (Keras' `classes`). Default: the augment output's classes.json, else the sorted class folders. */
  classes?: readonly string[];
  /** Split a class-per-folder set as `augment` does for the same `split` and `seed`; needs `subset`. */
  split?: { train?: number; val?: number; test?: number };
  /** Which split to read: of `split`, or a split folder of an augment output. Only train is ever augmented. */
  subset?: SplitName;
  /** How labels are encoded in `targets` (default 'sparse'). */
  classMode?: ClassMode;
  /** Each value is multiplied by this (default 1/255; float32 only). */
  rescale?: number;
  /** Then, per channel, `(value − mean[c]) / std[c]` (float32 only). */
  normalize?: { mean: readonly number[]; std: readonly number[] };
  /** 'float32' (default) or 'uint8' (the raw bytes, no rescale). */
  dtype?: 'float32' | 'uint8';
  /** 'nhwc' (default, TensorFlow) or 'nchw' (PyTorch). */
  layout?: 'nhwc' | 'nchw';
  /** Each epoch draws every class as often as the largest: minority images repeat, each time with a new augmentation seed (train only). */
  balance?: boolean;
  /** Worker threads that decode, resize and augment (default: cores − 1, at least 1; 0: the calling thread). */
  workers?: number;
  /** Batches loaded ahead of the one being consumed (default 2). */
  prefetch?: number;
  /** How JPEG images decode (see `decode`): `'jpeg-js'` (default) or `'libjpeg'`, the pixels Python loaders see. */
  jpeg?: JpegMode;
  /** MixUp each train batch with its roll by one, λ ~ Beta(alpha, alpha) (torchvision v2); `targets` become soft n × classes rows. */
  mixUp?: MixOptions;
  /** CutMix each train batch (torchvision v2's box); with `mixUp` too, one of the two per batch. */
  cutMix?: MixOptions;
  /** Called once for each file that cannot be used (an undecodable or empty image, an unreadable file); it is left out. */
  onSkip?: (file: SkippedFile) => void;
  /** Called with each warning (a class with no images, a folder not in `classes`); default `process.emitWarning`. */
  onWarning?: (message: string) => void;
}

const KNOWN: readonly (keyof FlowOptions)[] = [
  'batchSize', 'size', 'recipe', 'shuffle', 'seed', 'splitSeed', 'epochs', 'channels', 'classes', 'split', 'subset', 'classMode',
  'rescale', 'normalize', 'dtype', 'layout', 'balance', 'workers', 'prefetch', 'jpeg', 'mixUp', 'cutMix', 'onSkip',
  'onWarning',
];
const CLASS_MODES: readonly ClassMode[] = ['sparse', 'categorical', 'binary', 'none'];

/** Flow options with every default filled in and every value checked. */
export interface FlowConfig {
  readonly batchSize: number;
  readonly width: number;
  readonly height: number;
  readonly recipe: Recipe | null;
  readonly shuffle: boolean;
  readonly seed: number;
  readonly splitSeed: number;
  readonly epochs: number;
  readonly channels: 3 | 4;
  readonly classes: readonly string[] | null;
  readonly split: SplitFractions | null;
  readonly subset: SplitName | null;
  readonly classMode: ClassMode;
  readonly dtype: 'float32' | 'uint8';
  readonly layout: 'nhwc' | 'nchw';
  /** Per channel: `(value · rescale − mean) / std`. */
  readonly rescale: number;
  readonly mean: readonly number[];
  readonly std: readonly number[];
  readonly balance: boolean;
  readonly workers: number;
  readonly prefetch: number;
  readonly jpeg: JpegMode;
  /** The batch mixes (empty: none). */
  readonly mix: MixConfig;
  readonly onSkip: (file: SkippedFile) => void;
  readonly onWarning: (message: string) => void;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], param: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw invalidArgument(param, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value);
  return value as T;
}

function checkFunction<T>(value: unknown, param: string): T | undefined {
  if (value !== undefined && typeof value !== 'function') throw invalidArgument(param, 'a function', value);
  return value as T | undefined;
}

function checkChannelValues(value: unknown, param: string, channels: number, positive: boolean): number[] {
  if (!Array.isArray(value) || value.length !== channels) throw invalidArgument(param, `an array of ${channels} numbers (one per channel)`, value);
  return value.map((v, c) => {
    const n = checkFiniteNumber(v, `${param}[${c}]`);
    if (positive && !(n > 0)) throw invalidArgument(`${param}[${c}]`, 'a positive number', v);
    return n;
  });
}

function checkClassList(value: unknown): readonly string[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.length === 0) throw invalidArgument('options.classes', 'a non-empty array of class folder names', value);
  value.forEach((name, i) => {
    if (typeof name !== 'string' || name === '' || name.includes('/')) throw invalidArgument(`options.classes[${i}]`, 'a class folder name', name);
    if (value.indexOf(name) !== i) throw invalidArgument(`options.classes[${i}]`, 'a name not already in the list', name);
  });
  return [...(value as string[])];
}

/**
 * Checks flow options and fills in the defaults. Unknown keys are rejected first (with the closest known
 * name), then each value; combinations that cannot work name both options.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the option.
 * @example
 * resolveFlowOptions({ size: { width: 64, height: 64 }, split: { train: 0.8, val: 0.2 }, subset: 'val' });
 */
export function resolveFlowOptions(options: FlowOptions | undefined): FlowConfig {
  const o = checkOptions(options);
  checkKnownKeys(o, KNOWN, 'flowFromDirectory options');
  const size: unknown = o.size ?? { width: 256, height: 256 };
  if (size === null || typeof size !== 'object' || Array.isArray(size)) throw invalidArgument('options.size', 'an object { width, height }', size);
  checkKnownKeys(size, ['width', 'height'], 'options.size');
  const { width, height } = size as { width?: unknown; height?: unknown };
  const channels = o.channels ?? 3;
  if (channels !== 3 && channels !== 4) throw invalidArgument('options.channels', '3 or 4', channels);
  if (o.recipe !== undefined && typeof o.recipe?.pipeline?.draw !== 'function') {
    throw invalidArgument('options.recipe', 'a recipe (from parseRecipe or loadRecipe)', o.recipe);
  }
  const subset = o.subset === undefined ? null : oneOf(o.subset, SPLIT_NAMES, 'options.subset', 'train');
  const split = o.split === undefined ? null : checkSplit(o.split, 'options.split');
  if (split !== null && subset === null) {
    throw new AugkitError('INVALID_ARGUMENT', "options.split needs options.subset ('train', 'val' or 'test'): which split should the flow read?");
  }
  const balance = checkBoolean(o.balance ?? false, 'options.balance');
  if (subset !== null && subset !== 'train') {
    if (o.recipe !== undefined) throw new AugkitError('INVALID_ARGUMENT', `options.recipe is for the train subset only, but options.subset is '${subset}': ${subset} images are never augmented`);
    if (balance) throw new AugkitError('INVALID_ARGUMENT', `options.balance is for the train subset only, but options.subset is '${subset}'`);
  }
  const mix = checkMix(o);
  const classMode = oneOf(o.classMode, CLASS_MODES, 'options.classMode', 'sparse');
  if (mix.length > 0) {
    const option = `options.${mix[0]!.kind}`;
    if (subset !== null && subset !== 'train') throw new AugkitError('INVALID_ARGUMENT', `${option} is for the train subset only, but options.subset is '${subset}'`);
    if (classMode === 'none') throw new AugkitError('INVALID_ARGUMENT', `${option} mixes labels: it needs options.classMode other than 'none'`);
  }
  const dtype = oneOf(o.dtype, ['float32', 'uint8'] as const, 'options.dtype', 'float32');
  if (dtype === 'uint8' && (o.rescale !== undefined || o.normalize !== undefined)) {
    throw new AugkitError('INVALID_ARGUMENT', `options.dtype 'uint8' gives the raw bytes: options.${o.rescale !== undefined ? 'rescale' : 'normalize'} needs dtype 'float32'`);
  }
  const rescale = o.rescale === undefined ? 1 / 255 : checkFiniteNumber(o.rescale, 'options.rescale');
  let mean: number[] = new Array<number>(channels).fill(0);
  let std: number[] = new Array<number>(channels).fill(1);
  if (o.normalize !== undefined) {
    const n: unknown = o.normalize;
    if (n === null || typeof n !== 'object' || Array.isArray(n)) throw invalidArgument('options.normalize', 'an object { mean, std }', n);
    checkKnownKeys(n, ['mean', 'std'], 'options.normalize');
    mean = checkChannelValues((n as { mean?: unknown }).mean, 'options.normalize.mean', channels, false);
    std = checkChannelValues((n as { std?: unknown }).std, 'options.normalize.std', channels, true);
  }
  return {
    batchSize: checkIntegerInRange(o.batchSize ?? 32, 'options.batchSize', 1, 65536),
    width: checkDimension(width ?? 256, 'options.size.width'),
    height: checkDimension(height ?? 256, 'options.size.height'),
    recipe: o.recipe ?? null,
    shuffle: checkBoolean(o.shuffle ?? true, 'options.shuffle'),
    seed: checkSeed(o.seed ?? 0, 'options.seed'),
    splitSeed: checkSeed(o.splitSeed ?? o.seed ?? 0, o.splitSeed === undefined ? 'options.seed' : 'options.splitSeed'),
    epochs: checkIntegerInRange(o.epochs ?? 1, 'options.epochs', 1, 2 ** 31 - 1),
    channels,
    classes: checkClassList(o.classes),
    split,
    subset,
    classMode,
    dtype,
    layout: oneOf(o.layout, ['nhwc', 'nchw'] as const, 'options.layout', 'nhwc'),
    rescale,
    mean,
    std,
    balance,
    workers: checkIntegerInRange(o.workers ?? Math.max(1, availableParallelism() - 1), 'options.workers', 0, 256),
    prefetch: checkIntegerInRange(o.prefetch ?? 2, 'options.prefetch', 0, 64),
    jpeg: checkJpegMode(o.jpeg ?? 'jpeg-js', 'options.jpeg'),
    mix,
    onSkip: checkFunction(o.onSkip, 'options.onSkip') ?? (() => {}),
    onWarning: checkFunction(o.onWarning, 'options.onWarning') ?? ((message: string) => process.emitWarning(message, 'AugkitWarning')),
  };
}
