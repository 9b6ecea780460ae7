// augkit's PNG codec (WebAssembly) against sharp (libspng/libpng + zlib, native) and against pngjs (augkit's
// encoder before: its browser bundle; `decoder: 'reference'`: its Node build, required on demand), on the same
// 1920×1080 photo, in one run: the ratios are what the goals read.
import { decode, encodePng } from '../src/index.js';
import { pngjsBundleEncode } from '../test/helpers/pngjsBundle.js';
import type { BenchGroup, BenchTask } from './lib/harness.js';
import { photo, size } from './lib/images.js';
import type { Peers } from './lib/peers.js';

/** PNG decode and level-1 encode groups; sharp's rows only when sharp loads. */
export async function pngGroups(peers: Peers): Promise<BenchGroup[]> {
  const img = photo(1920, 1080);
  const megapixels = (img.width * img.height) / 1e6;
  const raw = { raw: { width: img.width, height: img.height, channels: 4 as const } };
  const sharp = peers.sharp;
  // a typical photo PNG: RGB, libpng's adaptive filters, zlib level 6 (sharp's writer); else augkit's own
  const file = sharp
    ? new Uint8Array(await sharp(img.data, raw).removeAlpha().png({ compressionLevel: 6, adaptiveFiltering: true }).toBuffer())
    : encodePng(img, { colorType: 'auto' });
  const note = `${size(img)} photo, ${megapixels.toFixed(2)} megapixels: ms per megapixel = median ms ÷ ${megapixels.toFixed(2)}.`;
  const decodeTasks: BenchTask[] = [
    { id: 'augkit', label: 'augkit decode (WebAssembly)', includes: `${file.length.toLocaleString('en-US')}-byte RGB PNG to RGBA`, fn: () => decode(file) },
    { id: 'reference', label: "augkit decode, `decoder: 'reference'` (pngjs's Node build)", includes: 'the same, through pngjs', fn: () => decode(file, { decoder: 'reference' }) },
    ...(sharp ? [{ id: 'sharp', label: 'sharp, concurrency 1', includes: 'the same to raw RGBA', fn: () => sharp(file).ensureAlpha().raw().toBuffer() }] : []),
  ];
  const encodeTasks: BenchTask[] = [
    { id: 'augkit', label: 'augkit encodePng level 1', includes: 'RGBA, Paeth (SIMD), Z_RLE (WebAssembly)', fn: () => encodePng(img, { level: 1 }) },
    { id: 'auto', label: "augkit encodePng level 1, `colorType: 'auto'`", includes: 'RGB (alpha is all 255)', fn: () => encodePng(img, { level: 1, colorType: 'auto' }) },
    { id: 'pngjs', label: 'pngjs bundle (augkit before: the same bytes)', includes: 'RGBA, Paeth in JS, pako Z_RLE', fn: () => pngjsBundleEncode(img, 1) },
    ...(sharp ? [{ id: 'sharp', label: 'sharp level 1, concurrency 1', includes: 'RGBA, no filter (default)', fn: () => sharp(img.data, raw).png({ compressionLevel: 1 }).toBuffer() }] : []),
  ];
  const baseline = sharp ? 'sharp' : 'augkit';
  return [
    { id: `png decode ${size(img)}`, title: `PNG decode, ${size(img)}`, bytes: img.data.length, baseline, tasks: decodeTasks, note, ratioLabel: `time ÷ ${baseline}` },
    { id: `png encode ${size(img)}`, title: `PNG encode level 1, ${size(img)}`, bytes: img.data.length, baseline, tasks: encodeTasks, note, ratioLabel: `time ÷ ${baseline}` },
  ];
}
