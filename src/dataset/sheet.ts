import { invalidArgument } from '../errors.js';
import type { AugkitImage, RgbaImage } from '../image.js';
import { resize } from '../ops/resize.js';
import { checkValues } from '../ops/define.js';
import { opDefinition, type AppliedOp } from '../pipeline/catalogue.js';
import type { Recipe } from '../pipeline/recipe.js';
import { deriveSeed } from '../pipeline/seed.js';
import { runOps } from '../pipeline/execute.js';
import { checkDimension, checkImage, checkIntegerInRange, checkOptions, checkSeed } from '../validate.js';
import { Canvas, type Color } from './canvas.js';
import { ADVANCE, DESCENT, GLYPH_HEIGHT, textWidth } from './font.js';

/**
 * The options of {@link contactSheet} (and of {@link preview}): the `recipe` (required), how many variants
 * (`count`, 16), the `seed` (0), a first resize (`size`), the thumbnail box (`tile`, 200) and a `title`.
 *
 * @example
 * const options: ContactSheetOptions = { recipe: await loadRecipe('flips.json'), count: 8, seed: 3, tile: 128, title: 'flips, seed 3' };
 * const { image } = contactSheet(decode(bytes), options);
 */
export interface ContactSheetOptions {
  /** The recipe to preview. */
  recipe: Recipe;
  /** Variants to draw, 1..256 (default 16). */
  count?: number;
  /** Global seed (default 0); variant `i` (1-based) uses the pipeline seed `deriveSeed(seed, 'preview', i)`. */
  seed?: number;
  /** Resize the image to this first, as `augment`'s `size` does (default: keep its size). */
  size?: { width: number; height: number };
  /** Side of the square box each thumbnail is fitted into, in pixels, 64..1024 (default 200). */
  tile?: number;
  /** A line of text at the top (default: the recipe's name and the seed). */
  title?: string;
}

/**
 * What {@link contactSheet} returns: the sheet image, and the seed and applied ops of each variant on it.
 *
 * @example
 * const sheet: ContactSheet = contactSheet(decode(bytes), { recipe, count: 11 });
 * await writeFile('sheet.png', encodePng(sheet.image));
 * const { seed, applied } = sheet.variants[0]!; // replay(decode(bytes), applied) redraws the first variant
 */
export interface ContactSheet {
  /** The sheet: the original and each variant, fitted into equal boxes, captioned. */
  readonly image: AugkitImage;
  /** Each variant's pipeline seed and applied ops, in sheet order. */
  readonly variants: readonly { readonly seed: number; readonly applied: readonly AppliedOp[] }[];
}

const BACKGROUND: Color = [30, 30, 30];
const TEXT: Color = [235, 235, 235];
const DIM: Color = [150, 150, 150];
const ACCENT: Color = [255, 209, 102];
const MARGIN = 16;
const GAP = 16;
const LINE = GLYPH_HEIGHT + DESCENT + 3;

/**
 * One op as a short caption (its definition's): `flip H`, `rotate -12.3°`, `s&p 2.1%`, `resize 400×400`.
 * The record's values are checked first, so parameters records leave out at their defaults are filled in.
 *
 * @example
 * describeOp({ op: 'flipHorizontal' }); // 'flip H'
 */
export function describeOp(op: AppliedOp): string {
  const definition = opDefinition(op.op);
  return definition.caption(checkValues(definition.params, op, (key) => key));
}

/** Joins words into lines of at most `max` characters (a longer word gets a line of its own, cut). */
function wrap(parts: readonly string[], max: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 2 + part.length <= max) lines[last] += `, ${part}`;
    else lines.push(part.length > max ? `${part.slice(0, max - 1)}…` : part);
  }
  return lines;
}

function fit(img: RgbaImage, box: number): AugkitImage {
  const scale = Math.min(box / img.width, box / img.height);
  const width = Math.max(1, Math.round(img.width * scale));
  const height = Math.max(1, Math.round(img.height * scale));
  return resize(img, width, height, { antialias: true });
}

/**
 * Draws a contact sheet: the original and `count` variants of `img` under `recipe`, each fitted into a
 * square box and captioned with its seed and applied parameters, so a recipe can be judged before a run.
 * Composed with augkit's own `resize`; encode it with `encodePng`.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image or option.
 * @example
 * const { image } = contactSheet(decode(bytes), { recipe, count: 11, seed: 1 });
 * await writeFile('sheet.png', encodePng(image));
 */
export function contactSheet(img: RgbaImage, options: ContactSheetOptions): ContactSheet {
  const src = checkImage(img);
  const o = checkOptions(options);
  if (o.recipe === undefined || typeof o.recipe.pipeline !== 'function') {
    throw invalidArgument('options.recipe', 'a recipe (from parseRecipe or loadRecipe)', o.recipe);
  }
  const count = checkIntegerInRange(o.count ?? 16, 'options.count', 1, 256);
  const seed = checkSeed(o.seed ?? 0, 'options.seed');
  const tile = checkIntegerInRange(o.tile ?? 200, 'options.tile', 64, 1024);
  const base =
    o.size === undefined
      ? src
      : resize(src, checkDimension(o.size.width, 'options.size.width'), checkDimension(o.size.height, 'options.size.height'), {
          antialias: true,
        });
  const title = o.title ?? `${o.recipe.name} · seed ${seed} · ${count} variants`;

  const variants = Array.from({ length: count }, (_, i) => {
    const variantSeed = deriveSeed(seed, 'preview', i + 1);
    const applied = o.recipe!.pipeline.draw(variantSeed, { width: base.width, height: base.height });
    return { seed: variantSeed, applied, image: runOps(base, applied) };
  });
  const maxChars = Math.floor((tile + 1) / ADVANCE);
  const captions: { text: string; color: Color }[][] = [
    [
      { text: 'original', color: ACCENT },
      { text: `${src.width}×${src.height}${o.size ? ` → ${base.width}×${base.height}` : ''}`, color: DIM },
    ],
    ...variants.map((v, i) => [
      { text: `#${i + 1}  seed ${v.seed}`.length <= maxChars ? `#${i + 1}  seed ${v.seed}` : `#${i + 1} ${v.seed}`, color: DIM },
      ...wrap(v.applied.length === 0 ? ['(unchanged)'] : v.applied.map(describeOp), maxChars).map((text) => ({ text, color: TEXT })),
    ]),
  ];
  const thumbs = [base, ...variants.map((v) => v.image)].map((image) => fit(image, tile));
  const columns = Math.ceil(Math.sqrt(thumbs.length));
  const rows = Math.ceil(thumbs.length / columns);
  const box = Math.max(...thumbs.map((t) => t.height));
  const captionHeight = Math.max(...captions.map((c) => c.length)) * LINE;
  const cellHeight = box + 8 + captionHeight;
  const width = MARGIN * 2 + columns * tile + (columns - 1) * GAP;
  const titleScale = textWidth(title) * 2 <= width - 2 * MARGIN ? 2 : 1;
  const header = (GLYPH_HEIGHT + DESCENT) * titleScale + 12;
  const height = MARGIN + header + rows * cellHeight + (rows - 1) * GAP + MARGIN;

  const canvas = new Canvas(width, height, BACKGROUND);
  canvas.text(title, MARGIN, MARGIN, TEXT, titleScale);
  thumbs.forEach((thumb, i) => {
    const x = MARGIN + (i % columns) * (tile + GAP);
    const y = MARGIN + header + Math.floor(i / columns) * (cellHeight + GAP);
    canvas.blend(thumb, x + ((tile - thumb.width) >> 1), y + ((box - thumb.height) >> 1));
    captions[i]!.forEach(({ text, color }, line) => canvas.text(text, x, y + box + 8 + line * LINE, color));
  });
  return {
    image: { width, height, data: canvas.data },
    variants: variants.map(({ seed: s, applied }) => ({ seed: s, applied })),
  };
}
