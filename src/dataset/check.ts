import { hashWords, NEAR_DUPLICATE_BITS, wordsDistance } from './fingerprint.js';
import { runPool } from './pool.js';
import { byCodeUnits, type DatasetScan, type SkippedFile } from './scan.js';
import type { SourceFingerprint } from './task.js';

/** Images per check thread at least: a thread's start (loading the module, compiling WebAssembly) costs about as much as decoding this many. */
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
  const fingerprints = new Map<string, SourceFingerprint>();
  const failed: SkippedFile[] = [];
  const tasks = scan.images.map((image, index) => ({ kind: 'check' as const, index, fsPath: image.fsPath }));
  let done = 0;
  // a check is one decode: below a few dozen images, starting threads costs more than it saves
  await runPool(tasks, Math.min(workers, Math.ceil(tasks.length / IMAGES_PER_THREAD)), (result) => {
    const image = scan.images[result.index]!;
    const failure = result.failure ?? result.fatal;
    if (failure !== undefined) failed.push({ path: image.path, reason: `${failure.code}: ${failure.message}`, bad: true });
    else fingerprints.set(image.path, result.fingerprint!);
    onProgress?.(++done, tasks.length);
  });
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
 * bits apart. Compares every pair (n²/2 comparisons of two 32-bit words: about a second for 30 000 images).
 *
 * @example
 * nearDuplicates(checked.fingerprints); // [{ a: 'cat/a.jpg', b: 'cat/a_small.jpg', distance: 2 }]
 */
export function nearDuplicates(fingerprints: ReadonlyMap<string, SourceFingerprint>): NearDuplicate[] {
  const entries = [...fingerprints].sort((x, y) => byCodeUnits(x[0], y[0]));
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
