// Decode and encode per megapixel, so users know where their time goes. The codecs (src/codecs/,
// on pngjs and jpeg-js) land on another branch: until `decode`, `encodePng` and `encodeJpeg` are
// exported from src/index.ts these groups are skipped with a message.
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
    { id: `encode ${size(img)}`, title: `encode, ${size(img)} photo (${megapixels.toFixed(2)} MP)`, bytes: img.data.length, baseline: 'png-6', tasks: encode },
    { id: `decode ${size(img)}`, title: `decode, ${size(img)} photo (${megapixels.toFixed(2)} MP)`, bytes: img.data.length, baseline: 'png', tasks: decode },
  ];
}
