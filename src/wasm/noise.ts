import type { RgbaImage } from '../image.js';
import { kernels } from './kernels.js';
import { reserve } from './memory.js';

/**
 * Hits listed per kernel call: at 5 % they cover about 320 KB of pixels, so the stretch just copied is
 * still in cache when its hits are set.
 */
const LIST_HITS = 4096;

/**
 * Salt-and-pepper for one image, with no pixel in WebAssembly memory: copies `input` into `out`
 * (which may be the input's own array, or overlap it) and sets the hits the kernel lists (it draws
 * every random number and decides every hit; this only stores 0 or 255 where it says). The copy runs
 * just ahead of the hits, a list at a time. The same bytes as the saltAndPepper kernel.
 */
export function saltAndPepperInto(
  input: RgbaImage, out: Uint8ClampedArray, amount: number, saltVsPepper: number, seed: number, perChannel: boolean,
): void {
  const source = input.data;
  const apart = source.buffer !== out.buffer ||
    source.byteOffset + source.length <= out.byteOffset || out.byteOffset + out.length <= source.byteOffset;
  // bytes of `out` copied so far; an output overlapping the input (but not the same array) is copied whole first
  let copied = out === source ? out.length : 0;
  if (!apart && copied === 0) {
    out.set(source);
    copied = out.length;
  }
  const copyUpTo = (end: number) => {
    if (end <= copied) return;
    out.set(source.subarray(copied, end), copied);
    copied = end;
  };
  // plain byte stores (the values are 0 or 255); no loads: reading a pixel back costs a cache miss
  const bytes = new Uint8Array(out.buffer, out.byteOffset, out.length);
  const k = kernels;
  const [list, scratch] = reserve([LIST_HITS * 4, k.saltAndPepperScratch()]) as [number, number];
  k.saltAndPepperBegin(input.width * input.height, amount, saltVsPepper, seed, perChannel);
  for (let count = LIST_HITS; count === LIST_HITS; ) {
    count = k.saltAndPepperHits(list, LIST_HITS, scratch);
    if (count === 0) break;
    const hits = new Uint32Array(k.memory.buffer, list, count);
    const lastUnit = hits[count - 1]! >>> 1;
    copyUpTo(((perChannel ? (lastUnit / 3) | 0 : lastUnit) + 1) * 4);
    if (perChannel) {
      for (let i = 0; i < count; i++) {
        const hit = hits[i]!;
        const unit = hit >>> 1;
        bytes[((unit / 3) | 0) * 4 + (unit % 3)] = (hit & 1) * 255;
      }
    } else {
      for (let i = 0; i < count; i++) {
        const hit = hits[i]!;
        const p = (hit >>> 1) * 4;
        const value = (hit & 1) * 255;
        bytes[p] = value;
        bytes[p + 1] = value;
        bytes[p + 2] = value;
      }
    }
  }
  copyUpTo(out.length);
}
