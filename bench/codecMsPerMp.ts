// Codec cost per megapixel, before and after the codecs moved to WebAssembly (issue 13's closing table):
// "before" is what augkit ran until then — pngjs 7's browser bundle (pako 1 inflate/deflate, unfilter and
// Paeth in JavaScript) for PNG, jpeg-js for JPEG (still there as `decoder: 'reference'` /
// `encoder: 'reference'`) — and "after" augkit's default path today; sharp (libvips, libspng/libpng, zlib,
// libjpeg-turbo, concurrency 1) for scale. One 1920×1080 photo; every file is written once, before timing.
import { decode, encodeJpeg, encodePng, type RgbaImage } from '../src/index.js';
import { PNG_BUNDLE, pngjsBundleEncode, toBundledBuffer } from '../test/helpers/pngjsBundle.js';
import { median, type BenchGroup, type BenchTask, type GroupResult } from './lib/harness.js';
import { photo } from './lib/images.js';
import type { Peers } from './lib/peers.js';

const PREFIX = 'ms/MP';

interface Row {
  readonly format: string;
  readonly mode: string;
  readonly before?: () => unknown;
  readonly beforeLabel: string;
  readonly after: () => unknown;
  readonly afterLabel: string;
  readonly sharp?: () => unknown;
}

/** pngjs's bundle writing RGB (colour type 2) from RGBA with Paeth and Z_RLE: augkit's `'auto'` bytes before. */
function pngjsBundleRgb(img: RgbaImage, level: number): Uint8Array {
  return PNG_BUNDLE.sync.write(
    { width: img.width, height: img.height, data: toBundledBuffer(img.data) },
    { colorType: 2, inputColorType: 6, inputHasAlpha: true, bitDepth: 8, filterType: 4, deflateLevel: level, deflateStrategy: 3 },
  );
}

async function pngRows(img: RgbaImage, peers: Peers): Promise<Row[]> {
  const sharp = peers.sharp;
  const raw = { raw: { width: img.width, height: img.height, channels: 4 as const } };
  // files as libpng writes them (adaptive filters, default strategy); augkit's own RGB writer without sharp
  type PngOptions = { compressionLevel: number; adaptiveFiltering: true; palette?: boolean; progressive?: boolean };
  const files: [string, (s: NonNullable<Peers['sharp']>) => Promise<Buffer>][] = [
    ['RGB, level 1', (s) => s(img.data, raw).removeAlpha().png({ compressionLevel: 1, adaptiveFiltering: true }).toBuffer()],
    ['RGB, level 6', (s) => s(img.data, raw).removeAlpha().png({ compressionLevel: 6, adaptiveFiltering: true }).toBuffer()],
    ['RGB, level 9', (s) => s(img.data, raw).removeAlpha().png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer()],
    ['RGBA, level 6', (s) => s(img.data, raw).png({ compressionLevel: 6, adaptiveFiltering: true }).toBuffer()],
    ['grey, level 6', (s) => s(img.data, raw).removeAlpha().greyscale().png({ compressionLevel: 6, adaptiveFiltering: true }).toBuffer()],
    ['palette (256 colours), level 6', (s) => s(img.data, raw).png({ compressionLevel: 6, adaptiveFiltering: true, palette: true } as PngOptions).toBuffer()],
    ['RGB 16-bit, level 6', (s) => s(img.data, raw).removeAlpha().toColourspace('rgb16').png({ compressionLevel: 6, adaptiveFiltering: true }).toBuffer()],
    ['RGB Adam7, level 6', (s) => s(img.data, raw).removeAlpha().png({ compressionLevel: 6, adaptiveFiltering: true, progressive: true } as PngOptions).toBuffer()],
  ];
  const rows: Row[] = [];
  if (!sharp) {
    const file = encodePng(img, { colorType: 'auto', level: 6 });
    files.length = 0;
    rows.push(pngDecodeRow('RGB (augkit’s own writer), level 6', file));
  }
  for (const [mode, write] of files) rows.push(pngDecodeRow(mode, new Uint8Array(await write(sharp!)), sharp));
  rows.push(
    {
      format: 'PNG encode', mode: 'level 1, RGBA', before: () => pngjsBundleEncode(img, 1), beforeLabel: 'pngjs bundle',
      after: () => encodePng(img, { level: 1 }), afterLabel: 'encodePng',
      sharp: sharp && (() => sharp(img.data, raw).png({ compressionLevel: 1 }).toBuffer()),
    },
    {
      format: 'PNG encode', mode: "level 1, `colorType: 'auto'` (RGB)", before: () => pngjsBundleRgb(img, 1), beforeLabel: 'pngjs bundle',
      after: () => encodePng(img, { level: 1, colorType: 'auto' }), afterLabel: 'encodePng',
      sharp: sharp && (() => sharp(img.data, raw).removeAlpha().png({ compressionLevel: 1 }).toBuffer()),
    },
  );
  return rows;
}

function pngDecodeRow(mode: string, file: Uint8Array, sharp?: Peers['sharp']): Row {
  return {
    format: 'PNG decode', mode, before: () => PNG_BUNDLE.sync.read(toBundledBuffer(file)), beforeLabel: 'pngjs bundle',
    after: () => decode(file), afterLabel: 'decode', sharp: sharp && (() => sharp(file).ensureAlpha().raw().toBuffer()),
  };
}

async function jpegRows(img: RgbaImage, peers: Peers): Promise<Row[]> {
  const sharp = peers.sharp;
  const raw = { raw: { width: img.width, height: img.height, channels: 4 as const } };
  const files: [string, Uint8Array][] = [['baseline 4:2:0 q90', encodeJpeg(img, { quality: 90 })]];
  if (sharp) files.push(['progressive 4:2:0 q90', new Uint8Array(await sharp(img.data, raw).jpeg({ quality: 90, progressive: true }).toBuffer())]);
  const rows: Row[] = [];
  for (const [file, bytes] of files) {
    const reference = () => decode(bytes, { decoder: 'reference' });
    const toRaw = sharp && (() => sharp(bytes).raw().toBuffer());
    rows.push(
      { format: 'JPEG decode', mode: `${file}, default (jpeg-js's bytes)`, before: reference, beforeLabel: 'jpeg-js', after: () => decode(bytes), afterLabel: 'decode', sharp: toRaw },
      {
        format: 'JPEG decode', mode: `${file}, \`jpeg: 'libjpeg'\``, before: reference, beforeLabel: 'jpeg-js (no libjpeg mode before)',
        after: () => decode(bytes, { jpeg: 'libjpeg' }), afterLabel: 'decode', sharp: toRaw,
      },
    );
  }
  rows.push(
    {
      format: 'JPEG encode', mode: 'q90 4:2:0 (default)', before: () => encodeJpeg(img, { quality: 90, chroma: '444', encoder: 'reference' }),
      beforeLabel: 'jpeg-js (4:4:4 only)', after: () => encodeJpeg(img, { quality: 90 }), afterLabel: 'encodeJpeg',
      sharp: sharp && (() => sharp(img.data, raw).jpeg({ quality: 90 }).toBuffer()),
    },
    {
      format: 'JPEG encode', mode: 'q90 4:4:4', before: () => encodeJpeg(img, { quality: 90, chroma: '444', encoder: 'reference' }),
      beforeLabel: 'jpeg-js', after: () => encodeJpeg(img, { quality: 90, chroma: '444' }), afterLabel: 'encodeJpeg',
      sharp: sharp && (() => sharp(img.data, raw).jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer()),
    },
  );
  return rows;
}

/** One group per format and mode, tasks `before`, `after` and (when sharp loads) `sharp`. */
export async function msPerMpGroups(peers: Peers): Promise<BenchGroup[]> {
  const img = photo(1920, 1080);
  const rows = [...(await pngRows(img, peers)), ...(await jpegRows(img, peers))];
  return rows.map((row): BenchGroup => ({
    id: `${PREFIX} ${row.format} ${row.mode}`,
    title: `${row.format}, ${row.mode} (1920×1080)`,
    bytes: img.data.length,
    baseline: 'after',
    ratioLabel: 'time ÷ after',
    tasks: [
      ...(row.before ? [{ id: 'before', label: `before: ${row.beforeLabel}`, includes: 'one call', fn: row.before }] : []),
      { id: 'after', label: `after: augkit ${row.afterLabel}`, includes: 'one call', fn: row.after },
      ...(row.sharp ? [{ id: 'sharp', label: 'sharp, concurrency 1', includes: 'one call', fn: row.sharp }] : []),
    ] satisfies BenchTask[],
  }));
}

/** The closing table: ms per megapixel before, after, the speed-up, and sharp, one line per format and mode. */
export function msPerMpTable(results: readonly GroupResult[]): string {
  const megapixels = (1920 * 1080) / 1e6;
  const perMp = (ms: number) => (Number.isFinite(ms) ? (ms / megapixels).toFixed(1) : '—');
  const lines = [
    '| format | mode | before (ms/MP) | after (ms/MP) | speed-up | sharp c=1 (ms/MP) | after ÷ sharp speed |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const group of results.filter((g) => g.id.startsWith(PREFIX))) {
    const [format, mode] = group.title.replace(/ \(1920×1080\)$/, '').split(/, (.*)/s) as [string, string];
    const before = median(group, 'before');
    const after = median(group, 'after');
    const sharp = median(group, 'sharp');
    const label = group.tasks.find((t) => t.id === 'before')?.label.replace(/^before: /, '') ?? '';
    lines.push(
      `| ${format} | ${mode} | ${perMp(before)} (${label}) | ${perMp(after)} | ${Number.isFinite(before) ? `${(before / after).toFixed(1)}×` : '—'} | ${perMp(sharp)} | ${Number.isFinite(sharp) ? `${(sharp / after).toFixed(2)}×` : '—'} |`,
    );
  }
  return lines.join('\n');
}
