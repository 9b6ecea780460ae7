import { availableParallelism } from 'node:os';
import { invalidArgument } from '../errors.js';
import { checkBoolean, checkOptions } from '../validate.js';
import { runPool } from './pool.js';
import { byCodeUnits, scanDataset, type SkippedFile } from './scan.js';

export interface InspectOptions {
  /** Decode every image fully to find broken pixel data, not only broken headers (default true). */
  decode?: boolean;
  /** Worker threads for decoding (default: available cores). */
  workers?: number;
}

export interface ClassReport {
  readonly name: string;
  readonly images: number;
  /** Images per format. */
  readonly formats: { readonly png: number; readonly jpeg: number };
  /** Distinct sizes (as displayed, EXIF orientation applied), most frequent first. */
  readonly sizes: readonly { readonly width: number; readonly height: number; readonly count: number }[];
}

export interface InspectSummary {
  readonly input: string;
  readonly classes: readonly ClassReport[];
  /** Usable images in all classes. */
  readonly images: number;
  /** Hidden files, non-images, files outside class folders, unreadable images (`bad`). */
  readonly skipped: readonly SkippedFile[];
  readonly bad: number;
}

/**
 * Describes a class-per-folder data set: classes, image counts, formats, sizes, and the files that
 * would be skipped (unreadable ones marked `bad`). Reads, never writes.
 *
 * @throws {AugkitError} INVALID_ARGUMENT when `input` is not a folder.
 * @example
 * const { classes, skipped } = await inspect('data');
 */
export async function inspect(input: string, options?: InspectOptions): Promise<InspectSummary> {
  const o = checkOptions(options);
  const decode = checkBoolean(o.decode ?? true, 'options.decode');
  const workers = o.workers ?? availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 1) throw invalidArgument('options.workers', 'a positive integer', workers);
  const scan = await scanDataset(input);
  const skipped = [...scan.skipped];
  const broken = new Set<number>();
  if (decode) {
    const tasks = scan.images.map((image, index) => ({ kind: 'inspect' as const, index, fsPath: image.fsPath }));
    await runPool(tasks, workers, (result) => {
      const failure = result.failure ?? result.fatal;
      if (failure) {
        broken.add(result.index);
        skipped.push({ path: scan.images[result.index]!.path, reason: `${failure.code}: ${failure.message}`, bad: true });
      }
    });
  }
  const images = scan.images.filter((_, i) => !broken.has(i));
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
  skipped.sort((a, b) => byCodeUnits(a.path, b.path));
  return { input, classes, images: images.length, skipped, bad: skipped.filter((s) => s.bad).length };
}
