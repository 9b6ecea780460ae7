import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decode, encodeJpeg, encodePng, type JpegMode } from '../codecs/index.js';
import { AugkitError, invalidArgument } from '../errors.js';
import { ioError, writeFileAtomic } from './files.js';
import { contactSheet, type ContactSheetOptions } from './sheet.js';

/**
 * The options of {@link preview}: the `image` to preview and the sheet's `out` file, the JPEG decoding mode, and
 * those of a contact sheet (`recipe`, `count`, `seed`, `size`, `tile`, `title`).
 *
 * @example
 * const options: PreviewOptions = { image: 'data/cat/cat_01.jpg', recipe: await loadRecipe('flips.json'), count: 11, tile: 160, out: 'sheet.jpg' };
 * await preview(options);
 */
export interface PreviewOptions extends ContactSheetOptions {
  /** The image to preview (PNG or JPEG). */
  image: string;
  /** Where to write the sheet: PNG, or JPEG (quality 90) for a name ending in .jpg or .jpeg. */
  out: string;
  /** How a JPEG image decodes: `'jpeg-js'` (default) or `'libjpeg'` (see `decode`). */
  jpeg?: JpegMode;
}

/** The format a sheet's file name asks for; other extensions are refused rather than written mislabelled. */
function sheetFormat(out: string): 'png' | 'jpeg' {
  const ext = extname(out).toLowerCase();
  if (ext === '.jpg' || ext === '.jpeg') return 'jpeg';
  if (ext === '.png' || ext === '') return 'png';
  throw new AugkitError('INVALID_ARGUMENT', `Expected a .png, .jpg or .jpeg file name for out but received "${out}": preview writes PNG or JPEG`);
}

/**
 * What {@link preview} returns: the file written, the sheet's size, and each variant's seed and applied ops.
 *
 * @example
 * const result: PreviewResult = await preview({ image: 'data/cat/cat_01.jpg', recipe, out: 'sheet.png' });
 * console.log(`${result.out}: ${result.width}×${result.height}, ${result.variants.length} variants`);
 */
export interface PreviewResult {
  readonly out: string;
  readonly width: number;
  readonly height: number;
  readonly variants: readonly { readonly seed: number; readonly applied: readonly unknown[] }[];
}

/**
 * Writes a contact sheet (PNG, or JPEG for `.jpg`/`.jpeg`) of `count` variants of one image under a recipe (see `contactSheet`).
 *
 * @throws {AugkitError} IO_ERROR when the image cannot be read or the sheet written; the decoder's codes for a bad
 *   image; INVALID_ARGUMENT for bad options.
 * @example
 * await preview({ image: 'data/cat/cat_01.jpg', recipe: await loadRecipe('flips.json'), count: 11, out: 'sheet.png' });
 */
export async function preview(options: PreviewOptions): Promise<PreviewResult> {
  const { image, out, jpeg, ...sheet } = options;
  if (typeof image !== 'string' || image === '') throw invalidArgument('image', 'a file path', image);
  if (typeof out !== 'string' || out === '') throw invalidArgument('out', 'a file path', out);
  const format = sheetFormat(out);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(image);
  } catch (cause) {
    throw ioError(`could not read ${image}`, cause);
  }
  const title =
    sheet.title ?? `${basename(image)} · ${sheet.recipe?.name} · seed ${sheet.seed ?? 0}`;
  const result = contactSheet(decode(bytes, { jpeg }), { ...sheet, title });
  await writeFileAtomic(out, format === 'jpeg' ? encodeJpeg(result.image, { quality: 90 }) : encodePng(result.image));
  return { out, width: result.image.width, height: result.image.height, variants: result.variants };
}
