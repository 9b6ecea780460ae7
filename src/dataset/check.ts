import { hashWords, NEAR_DUPLICATE_BITS, wordsDistance } from './fingerprint.js';
import type { BaseCache } from './baseCache.js';
import { type TaskPool, withTaskPool } from './pool.js';
import { byCodeUnits, type DatasetScan, type SkippedFile, type SourceImage } from './scan.js';
import type { BaseRecipe, CheckTask, SourceFingerprint } from './task.js';

/**
 * Images per check thread at least, when the threads are not running yet: a thread's start (loading the
 * module, compiling WebAssembly) costs about as much as decoding this many.
 */
const IMAGES_PER_THREAD = 32;

/**
 * A scan after every image was decoded: `images` holds only those that decode, `skipped` also those that do not.
 *
 * @example
 * const checked: CheckedDataset = await checkDataset(await scanDataset('data'), 4);
 * checked.images.length; // the images that decode (the others moved to checked.skipped, bad)
 * checked.duplicates; // e.g. [['cat/cat_01.jpg', 'cat/copy_of_cat_01.jpg']]
 */
export interface CheckedDataset extends DatasetScan {
  /** Each decodable image's content hash and dHash, by path. */
  readonly fingerprints: ReadonlyMap<string, SourceFingerprint>;
  /** Groups of byte-identical images (two or more paths each, sorted), sorted by their first path. */
  readonly duplicates: readonly (readonly string[])[];
}

/**
 * Two images whose dHashes differ in at most {@link NEAR_DUPLICATE_BITS} bits (and whose bytes differ).
 *
 * @example
 * const checked = await checkDataset(await scanDataset('data'), 4);
 * const pairs: NearDuplicate[] = nearDuplicates(checked.fingerprints);
 * for (const { a, b, distance } of pairs) console.log(`${a} ≈ ${b} (${distance} of 64 bits)`);
 */
export interface NearDuplicate {
  readonly a: string;
  readonly b: string;
  /** Differing bits of 64. */
  readonly distance: number;
}

/**
 * Decodes every image of a scan (on `workers` threads) and keeps those that decode: the images a split,
 * a balance target and every count are computed over. What fails to decode moves to `skipped` (`bad`), with
 * the decoder's reason. Each decoded image is fingerprinted on the way, so exact duplicates are found from
 * the same read.
 *
 * @example
 * const checked = await checkDataset(await scanDataset('data'), 4);
 */
export async function checkDataset(
  scan: DatasetScan,
  workers: number,
  onProgress?: (done: number, total: number) => void,
): Promise<CheckedDataset> {
  return withTaskPool(workers, (pool) => checkSources(scan, pool, { dHash: true, onProgress }));
}

/**
 * What {@link checkSources} computes besides whether each source decodes.
 *
 * @example
 * const options: CheckSourcesOptions = { dHash: true, onProgress: (done, total) => bar.update(done, total) };
 */
export interface CheckSourcesOptions {
  /** Compute each image's dHash (near-duplicates); the sha256 is always computed. */
  readonly dHash: boolean;
  /**
   * Keep sources decoded and run through `keep.baseOps` in `keep.cache`: those for which `keep.reserve` (called
   * in the sources' order, before any check runs) reserved room in it.
   */
  readonly keep?: BaseRecipe & { readonly cache: BaseCache; readonly reserve: (image: SourceImage, index: number) => boolean };
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * {@link checkDataset} on the threads of `pool` (those it runs already; else at most one per 32 images, so 32 or
 * fewer run in this thread), optionally keeping the decoded sources for the write phase.
 *
 * @example
 * const cache = new BaseCache(DEFAULT_CACHE_BYTES);
 * const checked = await checkSources(scan, pool, {
 *   dHash: false,
 *   keep: { baseOps, cache, reserve: (image) => cache.reserve(image.path, image.width * image.height * 4) },
 * });
 */
export async function checkSources(scan: DatasetScan, pool: TaskPool, options: CheckSourcesOptions): Promise<CheckedDataset> {
  const { keep, onProgress } = options;
  const fingerprints = new Map<string, SourceFingerprint>();
  const failed: SkippedFile[] = [];
  const tasks = scan.images.map((image, index): CheckTask => {
    const kept = keep !== undefined && keep.reserve(image, index);
    return {
      kind: 'check',
      index,
      fsPath: image.fsPath,
      dHash: options.dHash,
      ...(kept && { keep: { baseOps: keep.baseOps, jpeg: keep.jpeg } }),
    };
  });
  let done = 0;
  // threads the pool has not started yet are started only for enough images
  await pool.run(tasks, (result) => {
    const image = scan.images[result.index]!;
    const failure = result.failure ?? result.fatal;
    if (failure !== undefined) failed.push({ path: image.path, reason: `${failure.code}: ${failure.message}`, bad: true });
    else fingerprints.set(image.path, result.fingerprint!);
    if (tasks[result.index]!.keep) keep!.cache.settle(image.path, result.base);
    onProgress?.(++done, tasks.length);
  }, Math.ceil(tasks.length / IMAGES_PER_THREAD));
  const images = scan.images.filter((image) => fingerprints.has(image.path));
  const skipped = [...scan.skipped, ...failed].sort((a, b) => byCodeUnits(a.path, b.path));
  const bySha = new Map<string, string[]>();
  for (const image of images) {
    const sha = fingerprints.get(image.path)!.sha256;
    bySha.set(sha, [...(bySha.get(sha) ?? []), image.path]);
  }
  const duplicates = [...bySha.values()].filter((paths) => paths.length > 1).sort((a, b) => byCodeUnits(a[0]!, b[0]!));
  return { ...scan, images, skipped, fingerprints, duplicates };
}

/**
 * Pairs of images that look alike without being byte-identical: dHashes at most {@link NEAR_DUPLICATE_BITS}
 * bits apart (fingerprints without a dHash are left out). Compares every pair (n²/2 comparisons of two 32-bit words: about a second for 30 000 images).
 *
 * @example
 * nearDuplicates(checked.fingerprints); // [{ a: 'cat/a.jpg', b: 'cat/a_small.jpg', distance: 2 }]
 */
export function nearDuplicates(fingerprints: ReadonlyMap<string, SourceFingerprint>): NearDuplicate[] {
  const entries = [...fingerprints]
    .filter((entry): entry is [string, Required<SourceFingerprint>] => entry[1].dHash !== undefined)
    .sort((x, y) => byCodeUnits(x[0], y[0]));
  const words = entries.map(([, f]) => hashWords(f.dHash));
  const pairs: NearDuplicate[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const distance = wordsDistance(words[i]!, words[j]!);
      if (distance > NEAR_DUPLICATE_BITS || entries[i]![1].sha256 === entries[j]![1].sha256) continue;
      pairs.push({ a: entries[i]![0], b: entries[j]![0], distance });
    }
  }
  return pairs;
}

/**
 * Each duplicate's group leader (its group's first path), for every path of `groups` but the leaders.
 *
 * @example
 * duplicateLeaders([['cat/a.jpg', 'cat/copy/a.jpg']]); // Map { 'cat/copy/a.jpg' => 'cat/a.jpg' }
 */
export function duplicateLeaders(groups: readonly (readonly string[])[]): Map<string, string> {
  const leaders = new Map<string, string>();
  for (const group of groups) for (const path of group.slice(1)) leaders.set(path, group[0]!);
  return leaders;
}
