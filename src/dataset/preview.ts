import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { decode, encodePng } from '../codecs/index.js';
import { invalidArgument } from '../errors.js';
import { ioError, writeFileAtomic } from './files.js';
import { contactSheet, type ContactSheetOptions } from './sheet.js';

export interface PreviewOptions extends ContactSheetOptions {
  /** The image to preview (PNG or JPEG). */
  image: string;
  /** Where to write the sheet (PNG). */
  out: string;
}

export interface PreviewResult {
  readonly out: string;
  readonly width: number;
  readonly height: number;
  readonly variants: readonly { readonly seed: number; readonly applied: readonly unknown[] }[];
}

/**
 * Writes a contact sheet PNG of `count` variants of one image under a recipe (see `contactSheet`).
 *
 * @throws {AugkitError} IO_ERROR when the image cannot be read or the sheet written; the decoder's codes for a bad
 *   image; INVALID_ARGUMENT for bad options.
 * @example
 * await preview({ image: 'data/cat/cat_01.jpg', recipe: await loadRecipe('flips.json'), count: 11, out: 'sheet.png' });
 */
export async function preview(options: PreviewOptions): Promise<PreviewResult> {
  const { image, out, ...sheet } = options;
  if (typeof image !== 'string' || image === '') throw invalidArgument('image', 'a file path', image);
  if (typeof out !== 'string' || out === '') throw invalidArgument('out', 'a file path', out);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(image);
  } catch (cause) {
    throw ioError(`could not read ${image}`, cause);
  }
  const title =
    sheet.title ?? `${basename(image)} · ${sheet.recipe?.name} · seed ${sheet.seed ?? 0}`;
  const result = contactSheet(decode(bytes), { ...sheet, title });
  await writeFileAtomic(out, encodePng(result.image));
  return { out, width: result.image.width, height: result.image.height, variants: result.variants };
}
