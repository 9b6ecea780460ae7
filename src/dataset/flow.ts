import { readFile } from 'node:fs/promises';
import { decode } from '../codecs/index.js';
import { AugkitError, invalidArgument } from '../errors.js';
import type { AugkitImage } from '../image.js';
import { resize } from '../ops/resize.js';
import { runOps } from '../pipeline/execute.js';
import type { Recipe } from '../pipeline/recipe.js';
import { deriveSeed, SeedStream } from '../pipeline/seed.js';
import { checkBoolean, checkDimension, checkIntegerInRange, checkOptions, checkSeed } from '../validate.js';
import { scanDataset, type SkippedFile } from './scan.js';

export interface FlowOptions {
  /** Images per batch (default 32); the last batch of an epoch may be smaller. */
  batchSize?: number;
  /** Every image is resized to this (antialiased) before augmentation and, if the recipe changed it, after. Default 256×256. */
  size?: { width: number; height: number };
  /** Augment each image with this recipe, with a fresh seed per image and epoch. Default: no augmentation. */
  recipe?: Recipe;
  /** Shuffle the order every epoch (default true). */
  shuffle?: boolean;
  /** Seed for the order and the augmentation (default 0). */
  seed?: number;
  /** Epochs to iterate, 1..2^31−1 (default 1). */
  epochs?: number;
  /** 3 for RGB (alpha dropped, the default) or 4 for RGBA. */
  channels?: 3 | 4;
  /** Called for each image that cannot be decoded; it is left out. */
  onSkip?: (file: SkippedFile) => void;
}

/** One batch, ready for `tf.tensor4d(images, [n, height, width, channels])`. */
export interface Batch {
  /** n × height × width × channels values in 0..1 (value / 255), NHWC. */
  readonly images: Float32Array;
  /** n class indices into `classNames`. */
  readonly labels: Int32Array;
  /** Every class folder name, sorted; a label is an index into it. */
  readonly classNames: readonly string[];
  readonly shape: readonly [number, number, number, number];
  /** Source paths relative to the folder, in batch order. */
  readonly paths: readonly string[];
  /** 0-based epoch this batch belongs to. */
  readonly epoch: number;
}

/**
 * Reads a class-per-folder data set in batches for a training loop, like Keras' `flow_from_directory`:
 * decodes (EXIF orientation applied), resizes to `size`, optionally augments with `recipe`, and packs
 * float NHWC batches with integer labels. Deterministic for a seed: the order of epoch `e` is a Fisher–Yates
 * shuffle drawing from `deriveSeed(seed, 'flow', e)`, and image `path` in epoch `e` is augmented with the
 * pipeline seed `deriveSeed(seed, 'flow', e, path)`. Images are decoded in this thread, one batch ahead of none:
 * for large sets, augment to disk with `augment` and read those files instead.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for bad options or a `dir` that is not a folder.
 * @example
 * for await (const { images, labels, shape } of flowFromDirectory('data', { batchSize: 16, size: { width: 224, height: 224 }, recipe })) {
 *   await model.trainOnBatch(tf.tensor4d(images, shape), tf.oneHot(tf.tensor1d(labels, 'int32'), 3));
 * }
 */
export async function* flowFromDirectory(dir: string, options?: FlowOptions): AsyncGenerator<Batch, void, undefined> {
  const o = checkOptions(options);
  const batchSize = checkIntegerInRange(o.batchSize ?? 32, 'options.batchSize', 1, 65536);
  const width = checkDimension(o.size?.width ?? 256, 'options.size.width');
  const height = checkDimension(o.size?.height ?? 256, 'options.size.height');
  const shuffle = checkBoolean(o.shuffle ?? true, 'options.shuffle');
  const seed = checkSeed(o.seed ?? 0, 'options.seed');
  const epochs = checkIntegerInRange(o.epochs ?? 1, 'options.epochs', 1, 2 ** 31 - 1);
  const channels = o.channels ?? 3;
  if (channels !== 3 && channels !== 4) throw invalidArgument('options.channels', '3 or 4', channels);
  if (o.recipe !== undefined && typeof o.recipe.pipeline !== 'function') {
    throw invalidArgument('options.recipe', 'a recipe (from parseRecipe or loadRecipe)', o.recipe);
  }
  const scan = await scanDataset(dir);
  const classNames = scan.classes;
  const bad = new Set<string>();

  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = scan.images.filter((i) => !bad.has(i.path));
    if (shuffle) {
      const stream = new SeedStream(deriveSeed(seed, 'flow', epoch));
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(stream.uniform() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
    }
    let images = new Float32Array(batchSize * height * width * channels);
    let labels = new Int32Array(batchSize);
    let paths: string[] = [];
    for (const source of order) {
      let img: AugkitImage;
      try {
        img = resize(decode(await readFile(source.fsPath)), width, height, { antialias: true });
      } catch (e) {
        // a decoding or file-system error leaves the image out; anything else is a bug
        if (!(e instanceof AugkitError) && typeof (e as { code?: unknown })?.code !== 'string') throw e;
        bad.add(source.path);
        o.onSkip?.({ path: source.path, reason: `${(e as { code?: string }).code}: ${(e as Error).message}`, bad: true });
        continue;
      }
      if (o.recipe !== undefined) {
        img = runOps(img, o.recipe.pipeline.draw(deriveSeed(seed, 'flow', epoch, source.path), { width: img.width, height: img.height }));
        if (img.width !== width || img.height !== height) img = resize(img, width, height, { antialias: true });
      }
      const n = paths.length;
      const offset = n * width * height * channels;
      for (let p = 0, q = offset; p < img.data.length; p += 4) {
        images[q++] = img.data[p]! / 255;
        images[q++] = img.data[p + 1]! / 255;
        images[q++] = img.data[p + 2]! / 255;
        if (channels === 4) images[q++] = img.data[p + 3]! / 255;
      }
      labels[n] = classNames.indexOf(source.className);
      paths.push(source.path);
      if (paths.length === batchSize) {
        yield { images, labels, classNames, shape: [batchSize, height, width, channels], paths, epoch };
        images = new Float32Array(batchSize * height * width * channels);
        labels = new Int32Array(batchSize);
        paths = [];
      }
    }
    if (paths.length > 0) {
      const n = paths.length;
      yield {
        images: images.slice(0, n * height * width * channels),
        labels: labels.slice(0, n),
        classNames,
        shape: [n, height, width, channels],
        paths,
        epoch,
      };
    }
  }
}
