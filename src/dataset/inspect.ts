import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { invalidArgument } from '../errors.js';
import { checkKnownKeys } from '../knownKeys.js';
import { checkBoolean, checkOptions } from '../validate.js';
import { checkDataset, nearDuplicates, type NearDuplicate } from './check.js';
import { scanDataset, type DatasetScan, type SkippedFile } from './scan.js';
import { SPLIT_NAMES } from './split.js';

/**
 * The options of {@link inspect}: whether to `decode` every image (true) and the worker threads.
 *
 * @example
 * const options: InspectOptions = { decode: false }; // headers only: fast, but no broken pixel data or duplicates found
 * const { classes, skipped } = await inspect('data', options);
 */
export interface InspectOptions {
  /** Decode every image fully to find broken pixel data, not only broken headers, and duplicates (default true). */
  decode?: boolean;
  /** Worker threads for decoding (default: available cores). */
  workers?: number;
}

/**
 * One class of an {@link InspectSummary}: its name, usable images, images per format and distinct sizes.
 *
 * @example
 * const { classes } = await inspect('data');
 * const cats: ClassReport = classes[0]!;
 * // e.g. { name: 'cat', images: 8, formats: { png: 0, jpeg: 8 }, sizes: [{ width: 271, height: 192, count: 1 }, …] }
 */
export interface ClassReport {
  readonly name: string;
  readonly images: number;
  /** Images per format. */
  readonly formats: { readonly png: number; readonly jpeg: number };
  /** Distinct sizes (as displayed, EXIF orientation applied), most frequent first. */
  readonly sizes: readonly { readonly width: number; readonly height: number; readonly count: number }[];
}

/**
 * What {@link inspect} reports about a class-per-folder data set: classes, usable images, skipped files (and how
 * many are bad), exact and near duplicates, and hints when the folder looks like something else.
 *
 * @example
 * const summary: InspectSummary = await inspect('data');
 * console.log(`${summary.images} images in ${summary.classes.length} classes, ${summary.bad} bad`);
 * for (const group of summary.duplicates) console.log('identical:', group.join(', '));
 * for (const hint of summary.hints) console.warn(hint);
 */
export interface InspectSummary {
  readonly input: string;
  readonly classes: readonly ClassReport[];
  /** Usable images in all classes. */
  readonly images: number;
  /** Hidden files, non-images, files outside class folders, unreadable images (`bad`). */
  readonly skipped: readonly SkippedFile[];
  readonly bad: number;
  /** Groups of byte-identical images (sorted paths); empty without `decode`. */
  readonly duplicates: readonly (readonly string[])[];
  /** Pairs of images whose dHashes are at most `NEAR_DUPLICATE_BITS` (8) of 64 bits apart; empty without `decode`. */
  readonly nearDuplicates: readonly NearDuplicate[];
  /** What the folder looks like when it is probably not the data set's root (a class folder, an augment output). */
  readonly hints: readonly string[];
}

/** Hints for a folder that is probably one level off: a class folder itself, or an `augment` output. */
function layoutHints(input: string, scan: DatasetScan): string[] {
  const loose = scan.skipped.filter((s) => s.reason === 'not inside a class folder' && !s.path.includes('/')).length;
  if (scan.classes.length === 0 && loose > 0) {
    return [
      `${input} has no class folders but ${loose} file${loose === 1 ? '' : 's'} directly inside: it looks like a class folder; ` +
        `inspect the folder holding it (${dirname(input)}), where each sub-folder is a class`,
    ];
  }
  const splitsOnly = scan.classes.includes('train') && scan.classes.every((c) => (SPLIT_NAMES as readonly string[]).includes(c));
  const isOutput = splitsOnly || scan.skipped.some((s) => s.path === '.augkit-job.json');
  if (isOutput) {
    return [
      `${input} looks like an augkit augment output (its "classes" are ${scan.classes.join(', ')}): ` +
        `inspect one split, e.g. ${join(input, 'train')}, to see its classes`,
    ];
  }
  return [];
}

/**
 * Describes a class-per-folder data set: classes, image counts, formats, sizes, the files that would be
 * skipped (unreadable ones marked `bad`), byte-identical images and near-duplicates (dHash), and a hint when
 * the folder looks like a class folder or an augment output. Reads, never writes.
 *
 * @throws {AugkitError} INVALID_ARGUMENT when `input` is not a folder or an option is wrong.
 * @example
 * const { classes, skipped, duplicates } = await inspect('data');
 */
export async function inspect(input: string, options?: InspectOptions): Promise<InspectSummary> {
  const o = checkOptions(options);
  checkKnownKeys(o, ['decode', 'workers'], 'inspect options');
  const decode = checkBoolean(o.decode ?? true, 'options.decode');
  const workers = o.workers ?? availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 1) throw invalidArgument('options.workers', 'a positive integer', workers);
  const scan = await scanDataset(input);
  const checked = decode ? await checkDataset(scan, workers) : undefined;
  const { images, skipped } = checked ?? scan;
  const classes = scan.classes.map((name): ClassReport => {
    const mine = images.filter((i) => i.className === name);
    const sizes = new Map<string, { width: number; height: number; count: number }>();
    for (const { width, height } of mine) {
      const key = `${width}x${height}`;
      const entry = sizes.get(key) ?? { width, height, count: 0 };
      entry.count++;
      sizes.set(key, entry);
    }
    return {
      name,
      images: mine.length,
      formats: { png: mine.filter((i) => i.format === 'png').length, jpeg: mine.filter((i) => i.format === 'jpeg').length },
      sizes: [...sizes.values()].sort((a, b) => b.count - a.count || a.width - b.width || a.height - b.height),
    };
  });
  return {
    input,
    classes,
    images: images.length,
    skipped,
    bad: skipped.filter((s) => s.bad).length,
    duplicates: checked?.duplicates ?? [],
    nearDuplicates: checked === undefined ? [] : nearDuplicates(checked.fingerprints),
    hints: layoutHints(input, scan),
  };
}
