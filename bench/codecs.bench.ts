// Decode and encode per megapixel, so users know where their time goes. The codecs (src/codecs/,
// on pngjs and jpeg-js) land on another branch: until `decode`, `encodePng` and `encodeJpeg` are
// exported from src/index.ts those groups are skipped with a message. The pngjs / jpeg-js groups
// run the libraries directly, to choose encodePng's defaults: zlib level, strategy and row filter.
import { createRequire } from 'node:module';
import type { PNG as PngClass, PackerOptions } from 'pngjs';
import * as augkit from '../src/index.js';
import type { RgbaImage } from '../src/index.js';
import type { BenchGroup, BenchTask } from './lib/harness.js';
import { photo, size } from './lib/images.js';

type Decode = (bytes: Uint8Array) => RgbaImage;
type EncodePng = (img: RgbaImage, options?: { level?: number }) => Uint8Array;
type EncodeJpeg = (img: RgbaImage, options?: { quality?: number }) => Uint8Array;

interface Codecs {
  decode: Decode;
  encodePng: EncodePng;
  encodeJpeg: EncodeJpeg;
}

/** The codec exports if this branch has them. */
function codecs(): Codecs | undefined {
  const exports = augkit as unknown as Partial<Codecs>;
  const { decode, encodePng, encodeJpeg } = exports;
  if (typeof decode !== 'function' || typeof encodePng !== 'function' || typeof encodeJpeg !== 'function') return undefined;
  return { decode, encodePng, encodeJpeg };
}

const require = createRequire(import.meta.url);

/**
 * pngjs's encoder and decoder with the options encodePng may choose between, and jpeg-js, on the
 * same photo. pngjs's own default is level 9 with the Z_RLE strategy (3) and the adaptive filter
 * (-1: each row tries all five filters).
 */
export function libraryCodecGroups(): BenchGroup[] {
  const { PNG } = require('pngjs') as { PNG: typeof PngClass };
  const jpeg = require('jpeg-js') as typeof import('jpeg-js');
  const img = photo(1920, 1080);
  const megapixels = (img.width * img.height) / 1e6;
  const buffer = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length);
  // PNG.sync.write reads width, height and data only (the types ask for a whole PNG instance)
  const meta = { width: img.width, height: img.height, data: buffer } as unknown as PngClass;
  const strategies: Record<number, string> = { 0: 'default', 1: 'filtered', 3: 'RLE' };
  const filters: Record<number, string> = { [-1]: 'adaptive', 0: 'none', 1: 'sub', 2: 'up', 4: 'paeth' };
  const combos: [number, number, number][] = [
    [9, 3, -1], [1, 0, -1], [3, 0, -1], [6, 0, -1], [6, 0, 4], [6, 0, 2], [3, 0, 4], [1, 0, 4], [6, 3, 4],
  ];
  const encode = combos.map(([level, strategy, filter]): BenchTask => {
    const options: PackerOptions = { deflateLevel: level, deflateStrategy: strategy, filterType: filter };
    const bytes = PNG.sync.write(meta, options).length;
    return {
      id: `png-${level}-${strategy}-${filter}`,
      label: `pngjs level ${level}, ${strategies[strategy]}, ${filters[filter]}${level === 9 && strategy === 3 && filter === -1 ? ' (pngjs default)' : ''}`,
      includes: `${bytes.toLocaleString('en-US')} bytes (${((bytes * 8) / (img.width * img.height)).toFixed(2)} bits/pixel)`,
      fn: () => PNG.sync.write(meta, options),
    };
  });
  const jpegs = [75, 90].map((quality) => ({ quality, bytes: jpeg.encode({ width: img.width, height: img.height, data: buffer }, quality).data }));
  encode.push(
    ...jpegs.map(({ quality, bytes }): BenchTask => ({
      id: `jpeg-${quality}`, label: `jpeg-js quality ${quality}`, includes: `${bytes.length.toLocaleString('en-US')} bytes`,
      fn: () => jpeg.encode({ width: img.width, height: img.height, data: buffer }, quality),
    })),
  );
  const png = PNG.sync.write(meta, { deflateLevel: 6, deflateStrategy: 0, filterType: -1 });
  const decode: BenchTask[] = [
    { id: 'png', label: 'pngjs read', includes: 'level 6 adaptive PNG to RGBA', fn: () => PNG.sync.read(png) },
    {
      id: 'jpeg', label: 'jpeg-js decode', includes: 'quality 90 JPEG to RGBA',
      fn: () => jpeg.decode(jpegs[1]!.bytes, { useTArray: true, formatAsRGBA: true }),
    },
  ];
  const note = `${size(img)} photo, ${megapixels.toFixed(2)} megapixels: ms per megapixel = median ms ÷ ${megapixels.toFixed(2)}.`;
  return [
    { id: `pngjs encode ${size(img)}`, title: `pngjs and jpeg-js encode, ${size(img)}`, bytes: img.data.length, baseline: 'png-9-3--1', tasks: encode, note, ratioLabel: 'time ÷ pngjs default' },
    { id: `pngjs decode ${size(img)}`, title: `pngjs and jpeg-js decode, ${size(img)}`, bytes: img.data.length, baseline: 'png', tasks: decode, note, ratioLabel: 'time ÷ pngjs read' },
  ];
}

/** Decode and encode groups on a photo of 1920×1080 (2.07 MP); the tables give ms per call and per megapixel. */
export function codecGroups(log: (message: string) => void): BenchGroup[] {
  const c = codecs();
  if (!c) {
    log('codecs: skipped (decode, encodePng, encodeJpeg are not exported from src/index.ts on this branch)');
    return [];
  }
  const img = photo(1920, 1080);
  const megapixels = (img.width * img.height) / 1e6;
  const perMp = (what: string) => `${what}; per megapixel: divide by ${megapixels.toFixed(2)}`;
  const pngLevels = [1, 3, 6, 9];
  const pngBytes = new Map(pngLevels.map((level) => [level, c.encodePng(img, { level })]));
  const jpegBytes = c.encodeJpeg(img, { quality: 90 });
  const encode: BenchTask[] = [
    ...pngLevels.map((level): BenchTask => ({
      id: `png-${level}`, label: `encodePng, level ${level}`,
      includes: perMp(`zlib level ${level}, ${pngBytes.get(level)!.length.toLocaleString('en-US')} bytes out`),
      fn: () => c.encodePng(img, { level }),
    })),
    {
      id: 'jpeg-90', label: 'encodeJpeg, quality 90',
      includes: perMp(`${jpegBytes.length.toLocaleString('en-US')} bytes out`), fn: () => c.encodeJpeg(img, { quality: 90 }),
    },
  ];
  const decode: BenchTask[] = [
    { id: 'png', label: 'decode PNG (level 6)', includes: perMp('sniff, header check, inflate, unfilter'), fn: () => c.decode(pngBytes.get(6)!) },
    { id: 'jpeg', label: 'decode JPEG (quality 90)', includes: perMp('sniff, header check, baseline decode'), fn: () => c.decode(jpegBytes) },
  ];
  return [
    { id: `encode ${size(img)}`, title: `encode, ${size(img)} photo (${megapixels.toFixed(2)} MP)`, bytes: img.data.length, baseline: 'png-6', tasks: encode, ratioLabel: 'time ÷ level 6' },
    { id: `decode ${size(img)}`, title: `decode, ${size(img)} photo (${megapixels.toFixed(2)} MP)`, bytes: img.data.length, baseline: 'png', tasks: decode, ratioLabel: 'time ÷ PNG' },
  ];
}
