import { AugkitError } from '../errors.js';
import { kernels } from './kernels.js';

const PAGE_BYTES = 65_536;
/** wasm32 can address at most 4 GiB. */
const MAX_MEMORY_BYTES = 65_536 * PAGE_BYTES;
const ALIGN = 16;

const base = align(kernels.heapBase());

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

/**
 * Lays out consecutive regions of `sizes` bytes in linear memory, after the kernels' static data,
 * growing the memory if needed, and returns their pointers. The same scratch is reused by every call:
 * memory grows to the largest call seen and no further.
 *
 * @throws {AugkitError} TOO_LARGE when the memory cannot grow that far.
 */
export function reserve(sizes: readonly number[]): number[] {
  const pointers: number[] = [];
  let end = base;
  for (const size of sizes) {
    pointers.push(end);
    end = align(end + size);
  }
  ensureCapacity(end);
  return pointers;
}

function ensureCapacity(bytes: number): void {
  const { memory } = kernels;
  const have = memory.buffer.byteLength;
  if (bytes <= have) return;
  const tooLarge = () =>
    new AugkitError('TOO_LARGE', `needs ${bytes} bytes of WebAssembly memory, more than this engine can provide`);
  if (bytes > MAX_MEMORY_BYTES) throw tooLarge();
  try {
    memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
  } catch (cause) {
    throw Object.assign(tooLarge(), { cause });
  }
}

/** A view of `length` bytes of linear memory at `pointer` (valid until the memory next grows). */
export function bytesAt(pointer: number, length: number): Uint8Array {
  return new Uint8Array(kernels.memory.buffer, pointer, length);
}

/** Current size of the kernels' linear memory in bytes. */
export function memoryBytes(): number {
  return kernels.memory.buffer.byteLength;
}
