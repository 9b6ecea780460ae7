import { AugkitError } from '../errors.js';
import { kernels } from './kernels.js';
import { modulesMemoryBytes, type WasmExports } from './module.js';

const PAGE_BYTES = 65_536;
/** wasm32 can address at most 4 GiB. */
const MAX_MEMORY_BYTES = 65_536 * PAGE_BYTES;
const ALIGN = 16;
/**
 * Bytes left free after every region: SIMD kernels may read (never write) up to one vector past the
 * end of an input, e.g. the right neighbour of the last pixel, which then gets a zero weight.
 */
const OVERREAD = 16;
/**
 * Regions start 2112 bytes (half a 4 KiB page plus a cache line) apart modulo 4096. A kernel that
 * reads one region while writing another at the same offsets would otherwise have its loads and
 * stores collide in the low 12 address bits, which x86 cores treat as a possible dependency
 * ("4K aliasing"): measured, it made flipHorizontal 1.5-3× slower than memcpy instead of on par.
 */
const STAGGER = 2112;
const PAGE_ALIGN = 4096;

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

/**
 * Lays out consecutive regions of `sizes` bytes in linear memory (the kernels' unless another module's
 * exports are given), after the module's static data,
 * growing the memory if needed, and returns their pointers (16-byte aligned, staggered modulo 4 KiB,
 * see STAGGER). The same memory is
 * reused by every call: it grows to the largest call seen and no further, until `releaseMemory()`.
 *
 * @throws {AugkitError} TOO_LARGE when the memory cannot grow that far.
 */
export function reserve(sizes: readonly number[], module: WasmExports = kernels): number[] {
  const pointers: number[] = [];
  let start = align(module.heapBase());
  sizes.forEach((size, i) => {
    pointers.push(start);
    const end = start + size + OVERREAD;
    start = Math.ceil(end / PAGE_ALIGN) * PAGE_ALIGN + (((i + 1) * STAGGER) % PAGE_ALIGN);
  });
  ensureCapacity(module, pointers.length ? pointers[pointers.length - 1]! + sizes[sizes.length - 1]! + OVERREAD : start);
  return pointers;
}

function ensureCapacity({ memory }: WasmExports, bytes: number): void {
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

/**
 * A view of `length` bytes of linear memory (the kernels' unless another module's exports are given) at
 * `pointer`, valid until the memory next grows.
 */
export function bytesAt(pointer: number, length: number, module: WasmExports = kernels): Uint8Array {
  return new Uint8Array(module.memory.buffer, pointer, length);
}

/**
 * The size of augkit's WebAssembly memory in bytes: 64 KiB after load, then as large as the largest
 * call so far needed (input + output + scratch), until {@link releaseMemory} gives it back. Counts the
 * kernels' memory and that of every codec module in use.
 *
 * @example
 * resize(photo, 400, 400);
 * console.log(memoryBytes()); // ≈ photo bytes + 400·400·4 + a little scratch
 * @throws never
 */
export function memoryBytes(): number {
  return modulesMemoryBytes();
}
