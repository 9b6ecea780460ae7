import { AugkitError } from '../errors.js';
import { kernels } from './kernels.js';

const PAGE_BYTES = 65_536;
/** wasm32 can address at most 4 GiB. */
const MAX_MEMORY_BYTES = 65_536 * PAGE_BYTES;
const ALIGN = 16;
/**
 * Bytes left free after every region: SIMD kernels may read (never write) up to one vector past the
 * end of an input, e.g. the right neighbour of the last pixel, which then gets a zero weight.
 */
const OVERREAD = 16;

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

/**
 * Lays out consecutive regions of `sizes` bytes in linear memory, after the kernels' static data,
 * growing the memory if needed, and returns their pointers (16-byte aligned). The same memory is
 * reused by every call: it grows to the largest call seen and no further, until `releaseMemory()`.
 *
 * @throws {AugkitError} TOO_LARGE when the memory cannot grow that far.
 */
export function reserve(sizes: readonly number[]): number[] {
  const pointers: number[] = [];
  let end = align(kernels.heapBase());
  for (const size of sizes) {
    pointers.push(end);
    end = align(end + size + OVERREAD);
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

/**
 * The size of augkit's WebAssembly memory in bytes: 64 KiB after load, then as large as the largest
 * call so far needed (input + output + scratch), until {@link releaseMemory} gives it back.
 *
 * @example
 * resize(photo, 400, 400);
 * console.log(memoryBytes()); // ≈ photo bytes + 400·400·4 + a little scratch
 * @throws never
 */
export function memoryBytes(): number {
  return kernels.memory.buffer.byteLength;
}
