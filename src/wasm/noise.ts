import type { RgbaImage } from '../image.js';
import { kernels } from './kernels.js';
import { reserve } from './memory.js';

/** Whether typed arrays are little-endian here (all current engines; checked, not assumed). */
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Hits listed per kernel call: 64 KiB of list. */
const LIST_HITS = 16_384;

/**
 * Salt-and-pepper for one image, with no pixel in WebAssembly memory: copies `input` into `out`
 * (which may be the input's own array, or overlap it), then sets the hits the kernel lists (it draws
 * every random number and decides every hit; this only stores 0 or 255 where it says). The same bytes
 * as the saltAndPepper kernel.
 */
export function saltAndPepperInto(
  input: RgbaImage, out: Uint8ClampedArray, amount: number, saltVsPepper: number, seed: number, perChannel: boolean,
): void {
  if (out !== input.data) out.set(input.data);
  const bytes = new Uint8Array(out.buffer, out.byteOffset, out.length); // plain stores (the values are 0 or 255)
  // whole pixels as one little-endian u32 (RGB in the low 24 bits) when the array is aligned for it
  const words = !perChannel && out.byteOffset % 4 === 0 && littleEndian ? new Uint32Array(out.buffer, out.byteOffset, out.length / 4) : undefined;
  const k = kernels;
  const [list, scratch] = reserve([LIST_HITS * 4, k.saltAndPepperScratch()]) as [number, number];
  k.saltAndPepperBegin(input.width * input.height, amount, saltVsPepper, seed, perChannel);
  for (let count = LIST_HITS; count === LIST_HITS; ) {
    count = k.saltAndPepperHits(list, LIST_HITS, scratch);
    const hits = new Uint32Array(k.memory.buffer, list, count);
    if (perChannel) {
      for (let i = 0; i < count; i++) {
        const hit = hits[i]!;
        const unit = hit >>> 1;
        bytes[((unit / 3) | 0) * 4 + (unit % 3)] = (hit & 1) * 255;
      }
    } else if (words) {
      for (let i = 0; i < count; i++) {
        const hit = hits[i]!;
        const p = hit >>> 1;
        words[p] = (words[p]! & 0xff000000) | (hit & 1 ? 0x00ffffff : 0);
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
}
