import { AugkitError } from '../errors.js';
import type { AugkitImage, RgbaImage } from '../image.js';
import { checkPixelLimit } from '../limits.js';
import { kernels, reinstantiateKernels, type Kernels } from './kernels.js';
import { bytesAt, reserve } from './memory.js';

/** Pointers a kernel call receives: input pixels, output pixels and scratch. */
export interface Buffers {
  readonly src: number;
  readonly dst: number;
  readonly scratch: number;
}

/** One kernel call producing a `width`×`height` image from `input`. */
export interface KernelCall {
  /** The public op's name, for error messages. */
  readonly op: string;
  readonly input: RgbaImage;
  readonly width: number;
  readonly height: number;
  /** Bytes of scratch the kernel needs (none by default). */
  readonly scratchBytes?: (k: Kernels) => number;
  readonly run: (k: Kernels, buffers: Buffers) => void;
}

/**
 * Runs one kernel: copies the input pixels into linear memory, calls it, copies the result out into
 * a new Uint8ClampedArray. The input is never modified.
 *
 * Anything the kernel call throws — a WebAssembly trap (out-of-bounds access, `unreachable`) is the
 * only thing it can throw — is a bug: it becomes AugkitError INTERNAL naming the op, and the instance is
 * replaced by a fresh one first, so the next call starts from a clean module whatever state the trap left.
 *
 * @throws {AugkitError} TOO_LARGE when the output exceeds the pixel limit, memory cannot grow, or the
 *   output array cannot be allocated; INTERNAL when the kernel traps.
 */
export function runKernel({ op, input, width, height, scratchBytes, run }: KernelCall): AugkitImage {
  checkPixelLimit(width, height, `${op} output`);
  const outBytes = width * height * 4;
  const [src, dst, scratch] = reserve([input.data.length, outBytes, scratchBytes?.(kernels) ?? 0]);
  bytesAt(src, input.data.length).set(input.data);
  try {
    run(kernels, { src, dst, scratch });
  } catch (cause) {
    reinstantiateKernels();
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AugkitError('INTERNAL', `${op} failed inside WebAssembly (${reason}); please report this`, { cause });
  }
  let data: Uint8ClampedArray;
  try {
    data = new Uint8ClampedArray(kernels.memory.buffer.slice(dst, dst + outBytes));
  } catch (cause) {
    // A RangeError: the engine cannot allocate an ArrayBuffer this large right now.
    throw new AugkitError('TOO_LARGE', `${op} output of ${outBytes} bytes could not be allocated`, { cause });
  }
  return { width, height, data };
}
