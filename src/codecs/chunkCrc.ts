import { bytesAt } from '../wasm/memory.js';
import type { PngExports } from '../wasm/png.js';

type Crc32 = (data: Uint8Array) => number;

/** node:zlib's crc32 (Node ≥ 20.15 and the runtimes that follow it: hardware CRC instructions), if the runtime has one. */
function nativeCrc32(): Crc32 | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const zlib = process?.getBuiltinModule?.('node:zlib') as { crc32?: Crc32 } | undefined;
    return typeof zlib?.crc32 === 'function' ? zlib.crc32 : undefined;
  } catch {
    return undefined;
  }
}

const native = nativeCrc32();

/**
 * The CRC-32 of a PNG chunk's `length` bytes (type and data) at `pointer` in the PNG module's memory:
 * the runtime's native zlib where it has one, the WebAssembly slicing-by-8 otherwise (the same number).
 *
 * @example
 * view.setUint32(idatEnd, chunkCrc(k, idatAt + 4, idatLength + 4));
 */
export function chunkCrc(k: PngExports, pointer: number, length: number): number {
  return (native ? native(bytesAt(pointer, length, k)) : k.crc32(pointer, length)) >>> 0;
}
