import type { RgbaImage } from '../image.js';
import { resize } from '../ops/resize.js';

/**
 * Hamming distance (differing bits of 64) up to which two images count as near-duplicates. Re-encoding,
 * resizing, small crops and brightness changes move a dHash by a few bits; unrelated images differ in about 32.
 *
 * @example
 * NEAR_DUPLICATE_BITS; // 8: dHashes that differ in at most 8 of their 64 bits are near-duplicates
 */
export const NEAR_DUPLICATE_BITS = 8;

/**
 * The 64-bit difference hash (dHash) of an image, as 16 hex digits: the image resized to 9×8 (antialiased,
 * alpha ignored), its luma `(77·R + 150·G + 29·B) >> 8`, and per row one bit per neighbour pair, 1 where the
 * left pixel is brighter than the right; rows top to bottom, bits most significant first.
 *
 * @example
 * differenceHash(decode(bytes)); // e.g. '3c3c7e7e3c181800'
 */
export function differenceHash(img: RgbaImage): string {
  const small = resize(img, 9, 8, { antialias: true }).data;
  const luma = (i: number) => (77 * small[i * 4]! + 150 * small[i * 4 + 1]! + 29 * small[i * 4 + 2]!) >> 8;
  let hex = '';
  for (let y = 0; y < 8; y++) {
    let row = 0;
    for (let x = 0; x < 8; x++) row = (row << 1) | (luma(y * 9 + x) > luma(y * 9 + x + 1) ? 1 : 0);
    hex += row.toString(16).padStart(2, '0');
  }
  return hex;
}

function bitCount32(v: number): number {
  let n = v - ((v >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * A hash from {@link differenceHash} as its two 32-bit halves, for comparing many pairs.
 *
 * @example
 * hashWords('00000001ffffffff'); // [1, 4294967295]
 */
export function hashWords(hash: string): readonly [number, number] {
  return [Number.parseInt(hash.slice(0, 8), 16), Number.parseInt(hash.slice(8), 16)];
}

/**
 * Differing bits between two hashes given as {@link hashWords}.
 *
 * @example
 * wordsDistance([1, 0], [0, 0]); // 1
 */
export function wordsDistance(a: readonly [number, number], b: readonly [number, number]): number {
  return bitCount32(a[0] ^ b[0]) + bitCount32(a[1] ^ b[1]);
}

/**
 * Differing bits between two hashes from {@link differenceHash}.
 *
 * @example
 * hashDistance('ff00000000000000', 'fe00000000000000'); // 1
 */
export function hashDistance(a: string, b: string): number {
  return wordsDistance(hashWords(a), hashWords(b));
}
