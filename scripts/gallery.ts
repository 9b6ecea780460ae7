// docs/gallery.md and its pictures (docs/gallery/), generated from the op and transform definitions — each
// one's `example` and `equivalents` — by scripts/build-gallery.mjs (npm run docs:gallery); test/gallery.test.ts
// checks the committed page is current, re-renders a few pictures byte for byte, and names any definition
// without an example. Everything here is deterministic: the same definitions give the same bytes.
import { decode } from '../src/codecs/decode.js';
import { encodePng } from '../src/codecs/encodePng.js';
import { contactSheet, describeOp } from '../src/dataset/sheet.js';
import type { RgbaImage } from '../src/image.js';
import type { Equivalents, OpDefinition, ParamMap } from '../src/ops/define.js';
import { opStep } from '../src/ops/define.js';
import { resize } from '../src/ops/resize.js';
import { opDefinitions, transformDefinitions, type AppliedOp } from '../src/pipeline/catalogue.js';
import type { TransformDefinition } from '../src/pipeline/defineTransform.js';
import { runOps } from '../src/pipeline/execute.js';
import { parseRecipe } from '../src/pipeline/recipe.js';
import { stepProbability } from '../src/pipeline/transform.js';

/** The sample photo every picture starts from, and the size it is brought to (`fit: 'cover'`) first. */
export const GALLERY_PHOTO = 'examples/sample/cat/cat_01.jpg';
export const GALLERY_SIZE = { width: 144, height: 96 } as const;
/** The pipeline seed of each transform's one draw. */
export const GALLERY_SEED = 2;
/** Larger outputs are shown fitted into this box (aspect kept), so the pictures stay small. */
const SHOWN = { width: 216, height: 144 } as const;
/** The recipe preview sheet: what `augkit preview <photo> --recipe … -n 8 --tile 112 --seed 2026` draws. */
export const PREVIEW_SHEET = { recipe: 'examples/recipes/flips-rotation-noise.json', count: 8, tile: 112, seed: 2026 } as const;

const PNG = { level: 9, colorType: 'auto' } as const;
type Kind = 'op' | 'transform';

/** One picture of the gallery: the ops it shows, drawn once for transforms. */
export interface GalleryEntry {
  readonly kind: Kind;
  readonly name: string;
  /** The picture, relative to docs/. */
  readonly file: string;
  /** The example as written: op parameters, or the step options. */
  readonly example: { readonly [key: string]: unknown };
  /** The concrete ops the picture applies to the gallery photo. */
  readonly applied: readonly AppliedOp[];
  readonly params: ParamMap;
  readonly equivalents: Equivalents | undefined;
}

const pictureFile = (kind: Kind, name: string) => `gallery/${kind === 'op' ? 'op' : 'step'}-${name}.png`;

/** What a definition without an example should add, to paste into its definition. */
function missingExample(kind: Kind, definition: OpDefinition | TransformDefinition): string {
  const required = Object.entries(definition.params)
    .filter(([, p]) => p.default === undefined && !p.optional)
    .map(([key]) => `${key}: …`);
  const where = kind === 'op' ? `its defineOp({ name: '${definition.name}', … }) in src/ops/` : `its defineTransform in src/pipeline/transforms/${definition.name}.ts`;
  const what = kind === 'op' ? `the op's parameters for the ${GALLERY_SIZE.width} × ${GALLERY_SIZE.height} gallery photo` : `step options drawing at least one op at seed ${GALLERY_SEED} (set p: 1 if it is gated)`;
  return `${kind} ${definition.name} has no example: add \`example: { ${required.join(', ')} },\` (${what}) after the \`doc\` line of ${where}, then run npm run docs:gallery`;
}

/** One message per catalogued op or transform without an `example` (empty when all have one). */
export function missingExamples(): string[] {
  return [
    ...[...opDefinitions().values()].filter((d) => d.example === undefined).map((d) => missingExample('op', d)),
    ...[...transformDefinitions().values()].filter((d) => d.example === undefined).map((d) => missingExample('transform', d)),
  ];
}

/**
 * Every op and transform of the catalogue as a gallery entry, sorted by name (ops first).
 *
 * @throws {Error} listing every definition without an example (see {@link missingExamples}).
 */
export function galleryEntries(): GalleryEntry[] {
  const missing = missingExamples();
  if (missing.length > 0) throw new Error(missing.join('\n'));
  const ops = [...opDefinitions().values()].map((d): GalleryEntry => {
    const example = d.example as GalleryEntry['example'];
    return { kind: 'op', name: d.name, file: pictureFile('op', d.name), example, applied: [{ op: d.name, ...example } as AppliedOp], params: d.params, equivalents: d.equivalents };
  });
  const transforms = [...transformDefinitions().values()].map((d): GalleryEntry => {
    const example = d.example as GalleryEntry['example'];
    const recipe = parseRecipe({ name: `gallery-${d.name}`, steps: [{ op: d.name, ...example }] });
    const applied = recipe.pipeline.draw(GALLERY_SEED, GALLERY_SIZE);
    return { kind: 'transform', name: d.name, file: pictureFile('transform', d.name), example, applied, params: { ...d.params, p: stepProbability }, equivalents: d.equivalents };
  });
  return [...ops, ...transforms];
}

/** The size `applied` gives the gallery photo. */
function outputSize(applied: readonly AppliedOp[]): readonly [number, number] {
  return applied.reduce((size, op) => opStep(opDefinitions().get(op.op)!, op).outputSize(size[0], size[1]), [GALLERY_SIZE.width, GALLERY_SIZE.height] as readonly [number, number]);
}

/** The output as shown: fitted into {@link SHOWN} when larger. */
function shown(img: RgbaImage): RgbaImage {
  const scale = Math.min(1, SHOWN.width / img.width, SHOWN.height / img.height);
  if (scale === 1) return img;
  return resize(img, Math.max(1, Math.round(img.width * scale)), Math.max(1, Math.round(img.height * scale)), { antialias: true });
}

/** The gallery photo: the sample decoded and brought to {@link GALLERY_SIZE} (`fit: 'cover'`, antialiased). */
export function galleryPhoto(photoBytes: Uint8Array): RgbaImage {
  return resize(decode(photoBytes), GALLERY_SIZE.width, GALLERY_SIZE.height, { fit: 'cover', antialias: true });
}

/** A picture file (relative to docs/) and how to draw it. */
export interface GalleryPicture {
  readonly file: string;
  render(): Uint8Array;
}

/**
 * Every picture of the gallery: the photo, one per entry, and the recipe preview sheet. `read(path)` reads a
 * file of the repository (the photo, the preview recipe).
 */
export function galleryPictures(read: (repositoryPath: string) => Uint8Array): GalleryPicture[] {
  const photoBytes = read(GALLERY_PHOTO);
  const photo = galleryPhoto(photoBytes);
  return [
    { file: 'gallery/original.png', render: () => encodePng(photo, PNG) },
    ...galleryEntries().map((entry) => ({ file: entry.file, render: () => encodePng(shown(runOps(photo, entry.applied)), PNG) })),
    {
      file: 'gallery/preview.png',
      render: () => {
        const recipe = parseRecipe(new TextDecoder().decode(read(PREVIEW_SHEET.recipe)));
        const { count, tile, seed } = PREVIEW_SHEET;
        const title = `${GALLERY_PHOTO.split('/').pop()} · ${recipe.name} · seed ${seed}`;
        return encodePng(contactSheet(decode(photoBytes), { recipe, count, tile, seed, title }).image, PNG);
      },
    },
  ];
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const code = (text: string) => `\`${cell(text)}\``;
/** JSON with a space after commas and colons, the way the docs write values. */
const json = (value: unknown) => JSON.stringify(value).replace(/,(?=\S)/g, ', ').replace(/":/g, '": ');

function defaults(params: ParamMap): string {
  const lines = Object.entries(params)
    .filter(([, p]) => p.default !== undefined)
    .map(([key, p]) => code(`${key} = ${json(p.default)}`));
  return lines.length === 0 ? '—' : lines.join('<br>');
}

function equivalents(e: Equivalents | undefined): string {
  const lines = (['keras', 'torchvision', 'albumentations'] as const).filter((k) => e?.[k] !== undefined).map((k) => `${k}: ${code(e![k]!)}`);
  return lines.length === 0 ? '—' : lines.join('<br>');
}

function row(entry: GalleryEntry): string {
  const [w, h] = outputSize(entry.applied);
  const before = `<img src="gallery/original.png" width="${GALLERY_SIZE.width / 2}" alt="before">`;
  const after = `<img src="${entry.file}" alt="${entry.name}">`;
  const used =
    entry.kind === 'op'
      ? `${code(json(entry.example))} → ${w}×${h}`
      : `${code(json({ op: entry.name, ...entry.example }))}<br>drew: ${entry.applied.length === 0 ? '(nothing)' : entry.applied.map((op) => code(describeOp(op))).join(', ')} → ${w}×${h}`;
  return `| [${code(entry.name)}](ops-table.md) | ${before} → ${after} | ${used} | ${defaults(entry.params)} | ${equivalents(entry.equivalents)} |`;
}

/**
 * The whole docs page, from the definitions (no pixels are computed: a stale page is cheap to detect).
 *
 * @example
 * writeFileSync('docs/gallery.md', galleryMarkdown());
 */
export function galleryMarkdown(): string {
  const entries = galleryEntries();
  const header = '| name | before → after | parameters of this picture | defaults | Keras / torchvision / albumentations |\n| --- | --- | --- | --- | --- |';
  const { width, height } = GALLERY_SIZE;
  return [
    '<!-- Generated by scripts/build-gallery.mjs (npm run docs:gallery) from the op and transform definitions — do not edit. -->',
    '# Gallery',
    '',
    `Every functional op and random transform of augkit on one sample photo (\`${GALLERY_PHOTO}\`, brought to`,
    `${width}×${height} with \`resize(img, ${width}, ${height}, { fit: 'cover', antialias: true })\`), with the parameters of the`,
    `picture (each definition's \`example\`), the defaults, and the closest Keras / torchvision / albumentations call`,
    `(\`≈\`: it differs in detail). Transforms show one draw, pipeline seed ${GALLERY_SEED}, and the ops it drew. Outputs larger than`,
    `${SHOWN.width}×${SHOWN.height} are shown scaled down; the size after \`→\` is the real one. Every parameter is described in the`,
    '[ops table](ops-table.md); geometry conventions are in [geometry](geometry.md).',
    '',
    '## Functional ops',
    '',
    header,
    ...entries.filter((e) => e.kind === 'op').map(row),
    '',
    '## Random transforms (recipe steps)',
    '',
    header,
    ...entries.filter((e) => e.kind === 'transform').map(row),
    '',
    '## Recipe preview sheet',
    '',
    `\`augkit preview ${GALLERY_PHOTO} --recipe ${PREVIEW_SHEET.recipe} -n ${PREVIEW_SHEET.count} --tile ${PREVIEW_SHEET.tile} --seed ${PREVIEW_SHEET.seed} --out preview.png\``,
    'draws this sheet (the original and eight variants, each captioned with what was applied) — the way to judge a recipe',
    'before a run (see [dataset](dataset.md)).',
    '',
    `![Recipe preview sheet: the cat photo and 8 variants under ${PREVIEW_SHEET.recipe}](gallery/preview.png)`,
    '',
  ].join('\n');
}
