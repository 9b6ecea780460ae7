import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AugkitError } from '../errors.js';
import { checkSources, duplicateLeaders } from './check.js';
import { withTaskPool } from './pool.js';
import type { FlowConfig } from './flowOptions.js';
import { scanDataset, type SourceImage } from './scan.js';
import { assignSplits, SPLIT_NAMES, type SplitName } from './split.js';

/** The name of the class list `augment` writes beside train/, val/ and test/. */
export const CLASSES_FILE = 'classes.json';

/** An image the flow reads, with its label. */
export interface FlowImage {
  readonly source: SourceImage;
  /** Index into the class list. */
  readonly label: number;
}

/** What a flow reads: the class list (label order) and the images, sorted by path. */
export interface FlowSource {
  readonly classNames: readonly string[];
  readonly images: readonly FlowImage[];
}

/** The class list of an augment output root, or null when `root` has no classes.json. */
async function readClassList(root: string): Promise<string[] | null> {
  const file = join(root, CLASSES_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw new AugkitError('IO_ERROR', `cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
  let classes: unknown;
  try {
    classes = (JSON.parse(text) as { classes?: unknown }).classes;
  } catch {
    classes = undefined;
  }
  if (!Array.isArray(classes) || !classes.every((c) => typeof c === 'string')) {
    throw new AugkitError('INVALID_ARGUMENT', `Expected {"classes": [names…]} in ${file} (written by augment) but it does not hold that`);
  }
  return classes as string[];
}

/**
 * Finds the folder, class list and images a flow reads. Three kinds of `dir`:
 * an augment output root (it has classes.json: `subset` picks the split folder); one split folder of an
 * augment output (its parent has classes.json); or a class-per-folder set, split with `split` + `subset`
 * as `augment` splits it: every image decode-checked first (`checkSources`, as augment checks), then the same
 * {@link assignSplits} call over the images that decode, byte-identical copies kept together, over every
 * class folder (so the partition is augment's whatever `classes` keeps). Labels index `classes`, else classes.json, else
 * the sorted class folders; folders outside that list, and classes with no images, are warned about.
 *
 * @throws {AugkitError} INVALID_ARGUMENT when `split`/`subset` do not fit the kind of folder.
 * @example
 * const { classNames, images } = await resolveFlowSource('augmented', resolveFlowOptions({ subset: 'val' }));
 */
export async function resolveFlowSource(dir: string, config: FlowConfig): Promise<FlowSource> {
  let folder = dir;
  let listed: string[] | null = await readClassList(dir);
  let kind: 'root' | 'split folder' | 'data set' = 'data set';
  if (listed !== null) {
    kind = 'root';
    if (config.split !== null) throw new AugkitError('INVALID_ARGUMENT', `options.split: ${dir} is an augment output (it has ${CLASSES_FILE}), already split; pass only options.subset`);
    if (config.subset === null) throw new AugkitError('INVALID_ARGUMENT', `options.subset is needed: ${dir} is an augment output (it has ${CLASSES_FILE}); pass subset 'train', 'val' or 'test'`);
    folder = join(dir, config.subset);
  } else if (SPLIT_NAMES.includes(basename(dir) as SplitName) && (listed = await readClassList(dirname(dir))) !== null) {
    kind = 'split folder';
    if (config.split !== null) throw new AugkitError('INVALID_ARGUMENT', `options.split: ${dir} is a split folder of an augment output, already split`);
    if (config.subset !== null && config.subset !== basename(dir)) {
      throw new AugkitError('INVALID_ARGUMENT', `options.subset is '${config.subset}' but ${dir} is the ${basename(dir)} folder of an augment output`);
    }
  } else if (config.subset !== null && config.split === null) {
    throw new AugkitError('INVALID_ARGUMENT', `options.subset '${config.subset}' needs options.split (or an augment output folder, which has ${CLASSES_FILE})`);
  }

  let scan = await scanDataset(folder);
  let images = scan.images;
  if (config.split !== null) {
    // augment's partition: decode-check every image first, split only those that decode, duplicates together
    // the split needs which images decode and the byte-identical groups (content hashes), not the dHashes
    const checked = await withTaskPool(Math.max(1, config.workers), (pool) => checkSources(scan, pool, { dHash: false }));
    const assignment = assignSplits(checked.images, config.split, config.splitSeed, duplicateLeaders(checked.duplicates));
    scan = checked;
    images = checked.images.filter((image) => assignment.get(image.path)!.split === config.subset);
  }
  for (const skipped of scan.skipped) if (skipped.bad) config.onSkip(skipped);
  const classNames = config.classes ?? listed ?? scan.classes;
  const where = kind === 'root' ? folder : dir;
  for (const name of scan.classes) {
    if (!classNames.includes(name)) config.onWarning(`${where}: folder \`${name}\` is not in the class list (${classNames.join(', ')}); its images are left out`);
  }
  const counts = new Map<string, number>(classNames.map((name) => [name, 0]));
  const labelled: FlowImage[] = [];
  for (const source of images) {
    const label = classNames.indexOf(source.className);
    if (label < 0) continue;
    counts.set(source.className, counts.get(source.className)! + 1);
    labelled.push({ source, label });
  }
  const empty = [...counts].filter(([, n]) => n === 0).map(([name]) => name);
  if (empty.length > 0) {
    const part = config.subset !== null && kind === 'data set' ? ` (subset ${config.subset})` : '';
    config.onWarning(`${where}${part} has no images of ${empty.length} of the ${classNames.length} classes: ${empty.join(', ')}`);
  }
  return { classNames, images: labelled };
}
