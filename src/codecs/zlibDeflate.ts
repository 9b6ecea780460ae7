import { deflate as pakoDeflate } from 'pako/lib/deflate.js';
import { bytesAt, reserve } from '../wasm/memory.js';
import { pngModule, type PngExports } from '../wasm/png.js';

/**
 * zlib's Z_RLE strategy: after row filtering it is, on photos, both smaller and faster than the default
 * strategy (on a 400×400 photo: 318 KB in 22 ms, against 330 KB in 127 ms at level 6 with pako), and it is
 * what makes every zlib write the same bytes: pako 1 and the zlib inside Node, Deno and Bun agree byte for
 * byte at levels 1 to 9 with it (which all give one output), where with the default strategy they differ.
 * augkit's own WebAssembly port of it (assembly/png/deflate.ts) writes those bytes too, faster than native
 * zlib, in every runtime. Level 0 (stored blocks) is the exception: current zlib cuts the stored blocks
 * differently from pako 1, so level 0 always runs pako.
 */
const Z_RLE = 3;

/** Scratch the WebAssembly deflate needs for one block (DEFLATE_SCRATCH_BYTES in assembly/png/deflate.ts). */
export const DEFLATE_SCRATCH_BYTES = 65_536 + 4096;

/**
 * Room for the zlib stream of `n` bytes: the WebAssembly deflate sends a block stored or at most as large
 * as with the static codes (9 bits per byte at most), plus its trees (under 2 % of a block, which spans at
 * least 16383 bytes); pako's stored blocks (level 0) add 5 bytes per 65531.
 *
 * @example
 * const [target] = reserve([deflateCapacity(scanlines.length)], k);
 */
export function deflateCapacity(n: number): number {
  return n + (n >> 2) + 2048;
}

/**
 * Writes the zlib stream (RFC 1950) of the `length` bytes at `source` in the PNG module's memory, at `level`
 * 0..9 with the Z_RLE strategy, to `target` (room for {@link deflateCapacity} bytes), using
 * DEFLATE_SCRATCH_BYTES at `scratch`; returns its length. Levels 1..9 run in WebAssembly, level 0 (and,
 * should the WebAssembly port ever decline a stream, that one) with pako: the same bytes as zlib either way.
 *
 * @example
 * const idatBytes = deflateRleAt(k, filtered, scanlineBytes, target, scratch, 1);
 */
export function deflateRleAt(k: PngExports, source: number, length: number, target: number, scratch: number, level: number): number {
  const capacity = deflateCapacity(length);
  if (level > 0 && k.deflateRle(source, length, target, capacity, scratch) === 0) return k.deflatedLength();
  const stream = pakoDeflate(bytesAt(source, length, k), { level, strategy: Z_RLE });
  bytesAt(target, capacity, k).set(stream);
  return stream.length;
}

/**
 * The zlib stream of `data` at `level` 0..9 with the Z_RLE strategy, as {@link deflateRleAt} writes it.
 *
 * @example
 * const idat = deflateRle(filteredScanlines, 6);
 */
export function deflateRle(data: Uint8Array, level: number): Uint8Array {
  return pngModule.call('deflate', (k) => {
    const [source, scratch, target] = reserve([data.length, DEFLATE_SCRATCH_BYTES, deflateCapacity(data.length)], k) as [
      number, number, number,
    ];
    bytesAt(source, data.length, k).set(data);
    const length = deflateRleAt(k, source, data.length, target, scratch, level);
    return bytesAt(target, length, k).slice();
  });
}
