// JPEG decode: augkit's WebAssembly decoder (the default), its libjpeg mode (`jpeg: 'libjpeg'`: islow IDCT,
// fancy upsampling, sharp's very bytes), jpeg-js (`decoder: 'reference'`, what augkit decoded with before)
// and sharp (libjpeg-turbo, concurrency 1), on photos of 1920×1080 and
// 1024×768, baseline 4:2:0 and progressive, quality 90, written by sharp. The ratio column divides each
// row's time by augkit's: on the sharp row it is augkit's speed as a fraction of sharp's (goal ≥ 0.8).
import { decode } from '../src/index.js';
import type { BenchGroup, BenchTask } from './lib/harness.js';
import { photo, size } from './lib/images.js';
import type { Peers } from './lib/peers.js';

const SIZES: [number, number][] = [[1920, 1080], [1024, 768]];
const MODES = [
  { id: 'baseline', label: 'baseline 4:2:0', options: { quality: 90 } },
  { id: 'progressive', label: 'progressive 4:2:0', options: { quality: 90, progressive: true } },
] as const;

/** One group per size and mode; without sharp (it writes the JPEGs) there are none. */
export async function jpegDecodeGroups(peers: Peers, log: (message: string) => void): Promise<BenchGroup[]> {
  const sharp = peers.sharp;
  if (!sharp) {
    log('jpeg decode: skipped (sharp is needed to write the JPEGs)');
    return [];
  }
  const groups: BenchGroup[] = [];
  for (const [width, height] of SIZES) {
    const img = photo(width, height);
    const megapixels = (width * height) / 1e6;
    for (const mode of MODES) {
      const raw = { raw: { width, height, channels: 4 as const } };
      const bytes = new Uint8Array(await sharp(img.data, raw).jpeg(mode.options).toBuffer());
      const includes = `${bytes.length.toLocaleString('en-US')} bytes → RGBA`;
      const tasks: BenchTask[] = [
        { id: 'wasm', label: 'augkit decode (WebAssembly, default)', includes, fn: () => decode(bytes) },
        { id: 'libjpeg', label: "augkit decode, `jpeg: 'libjpeg'` (WebAssembly)", includes, fn: () => decode(bytes, { jpeg: 'libjpeg' }) },
        { id: 'jpeg-js', label: "augkit decode, `decoder: 'reference'` (jpeg-js)", includes, fn: () => decode(bytes, { decoder: 'reference' }) },
        { id: 'sharp', label: 'sharp, concurrency 1', includes: `${bytes.length.toLocaleString('en-US')} bytes → RGB`, fn: async () => sharp(bytes).raw().toBuffer() },
      ];
      groups.push({
        id: `jpeg decode ${mode.id} ${size(img)}`,
        title: `JPEG decode, ${mode.label}, ${size(img)} photo (${megapixels.toFixed(2)} MP)`,
        bytes: img.data.length,
        baseline: 'wasm',
        tasks,
        ratioLabel: 'time ÷ augkit decode',
        note: `ms per megapixel = median ms ÷ ${megapixels.toFixed(2)}.`,
      });
    }
  }
  return groups;
}
