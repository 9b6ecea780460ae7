// augkit's JPEG encoder (WebAssembly) against sharp (libjpeg-turbo, native) and against what augkit ran
// before (jpeg-js, still there as `encoder: 'reference'`), quality 90 on the same 1920×1080 photo, in one
// run: the ratios are what the goal reads. sharp writes 4:2:0 by default, as augkit now does; the 4:4:4 rows
// compare like with like for the mode whose bytes equal jpeg-js's.
import { encodeJpeg } from '../src/index.js';
import type { BenchGroup, BenchTask } from './lib/harness.js';
import { photo, size } from './lib/images.js';
import type { Peers } from './lib/peers.js';

/** The JPEG encode group; sharp's rows only when sharp loads. */
export function jpegEncodeGroups(peers: Peers): BenchGroup[] {
  const img = photo(1920, 1080);
  const megapixels = (img.width * img.height) / 1e6;
  const raw = { raw: { width: img.width, height: img.height, channels: 4 as const } };
  const sharp = peers.sharp;
  const bytes = (chroma: '420' | '444') => `${encodeJpeg(img, { quality: 90, chroma }).length.toLocaleString('en-US')} bytes`;
  const note = `${size(img)} photo, ${megapixels.toFixed(2)} megapixels: ms per megapixel = median ms ÷ ${megapixels.toFixed(2)}.`;
  const tasks: BenchTask[] = [
    { id: 'augkit', label: 'augkit encodeJpeg q90 (WebAssembly, 4:2:0 default)', includes: bytes('420'), fn: () => encodeJpeg(img, { quality: 90 }) },
    { id: 'augkit-444', label: "augkit encodeJpeg q90, `chroma: '444'`", includes: `${bytes('444')}, jpeg-js's bytes`, fn: () => encodeJpeg(img, { quality: 90, chroma: '444' }) },
    {
      id: 'reference', label: "`encoder: 'reference'` (jpeg-js: before)", includes: '4:4:4, the same bytes',
      fn: () => encodeJpeg(img, { quality: 90, chroma: '444', encoder: 'reference' }),
    },
    ...(sharp
      ? [
          { id: 'sharp', label: 'sharp q90, concurrency 1', includes: 'RGBA in, 4:2:0 (default)', fn: () => sharp(img.data, raw).jpeg({ quality: 90 }).toBuffer() },
          {
            id: 'sharp-444', label: 'sharp q90 4:4:4, concurrency 1', includes: 'RGBA in',
            fn: () => sharp(img.data, raw).jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer(),
          },
        ]
      : []),
  ];
  const baseline = sharp ? 'sharp' : 'augkit';
  return [{ id: `jpeg encode ${size(img)}`, title: `JPEG encode q90, ${size(img)}`, bytes: img.data.length, baseline, tasks, note, ratioLabel: `time ÷ ${baseline}` }];
}
