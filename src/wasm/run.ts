import { AugkitError, invalidArgument } from '../errors.js';
import type { AugkitImage, RgbaImage } from '../image.js';
import { checkPixelLimit } from '../limits.js';
import { kernels, reinstantiateKernels, type Kernels } from './kernels.js';
import { bytesAt, reserve } from './memory.js';

/** Pointers a kernel call receives: input pixels, output pixels and scratch. They never overlap. */
export interface Buffers {
  readonly src: number;
  readonly dst: number;
  readonly scratch: number;
}

/**
 * One kernel applied to an image of whatever size reaches it: what an op (or a pipeline of ops)
 * hands the binding once its arguments are validated. Steps hold no pixels and can be reused.
 */
export interface KernelStep {
  /** The public op's name, for error messages. */
  readonly op: string;
  /** The output size for a `width`×`height` input. */
  outputSize(width: number, height: number): readonly [number, number];
  /** Bytes of scratch the kernel needs for that call (none when absent). */
  scratchBytes?(k: Kernels, sw: number, sh: number, dw: number, dh: number): number;
  /** Runs the kernel from `src` (sw×sh) into `dst` (dw×dh). */
  run(k: Kernels, buffers: Buffers, sw: number, sh: number, dw: number, dh: number): void;
  /**
   * Optional shortcut for a step that runs alone, when its fastest form needs no pixel in WebAssembly
   * memory (e.g. a vertical flip only moves whole rows): writes the result for `input` straight into
   * `out` (output-sized, possibly the caller's) and returns true, or returns false to use `run`.
   * `zeroed` says `out` is a new array, all zeros, so zeros need not be written again.
   * It must give exactly the bytes `run` gives.
   */
  direct?(input: RgbaImage, out: Uint8ClampedArray, zeroed: boolean): boolean;
  /**
   * Optional, for a step that only copies a rectangle out of its input (a crop): the rectangle for an
   * sw×sh input. When such a step comes first in a sequence, only the rectangle's rows are copied into
   * WebAssembly memory, already cropped, and the step itself is not run.
   */
  cropRect?(sw: number, sh: number): { x: number; y: number; width: number; height: number };
  /**
   * Optional, for a same-size step whose output can be computed in place a strip of rows at a time,
   * top to bottom: `begin` once per image, then `rows` on each strip (`pointer` at its first pixel).
   * A step that runs alone then streams the image through one small buffer: each pixel crosses into
   * WebAssembly memory and back once while it is in cache, and the memory stays the size of a strip.
   * It must give exactly the bytes `run` gives.
   */
  readonly strips?: {
    begin?(k: Kernels, width: number, height: number, scratch: number): void;
    rows(k: Kernels, pointer: number, scratch: number, width: number, firstRow: number, rowCount: number): void;
  };
}

/**
 * Bytes per strip when a step runs strip by strip: small enough that the strip stays in the core's
 * L2 cache (≥ 512 KiB on current x86 and ARM cores) between the copy in, the kernel and the copy out.
 */
export const STRIP_BYTES = 128 * 1024;

/** Whether two byte arrays share any memory. */
export function overlaps(a: Uint8Array | Uint8ClampedArray, b: Uint8Array | Uint8ClampedArray): boolean {
  return a.buffer === b.buffer && a.byteOffset < b.byteOffset + b.length && b.byteOffset < a.byteOffset + a.length;
}

/**
 * The output array: the caller's `out` when given (checked to be a Uint8ClampedArray of exactly
 * `width`×`height`×4 bytes), else a new one.
 *
 * @throws {AugkitError} INVALID_ARGUMENT when `out` is not undefined and not such an array.
 */
export function outputArray(out: unknown, width: number, height: number, param = 'options.out'): Uint8ClampedArray {
  const length = width * height * 4;
  if (out === undefined) {
    try {
      return new Uint8ClampedArray(length);
    } catch (cause) {
      // a RangeError: the engine cannot allocate an array this large right now
      throw new AugkitError('TOO_LARGE', `an output of ${length} bytes could not be allocated`, { cause });
    }
  }
  if (!(out instanceof Uint8ClampedArray) || out.length !== length) {
    throw invalidArgument(param, `a Uint8ClampedArray of length ${width}×${height}×4 = ${length}`, out);
  }
  return out;
}

/**
 * Runs kernel calls. Anything they throw — a WebAssembly trap (out-of-bounds access, `unreachable`) is the
 * only thing they can throw — is a bug: it becomes AugkitError INTERNAL naming the op, and the instance is
 * replaced by a fresh one first, so the next call starts from a clean module whatever state the trap left.
 */
function call(op: string, run: () => void): void {
  try {
    run();
  } catch (cause) {
    reinstantiateKernels();
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AugkitError('INTERNAL', `${op} failed inside WebAssembly (${reason}); please report this`, { cause });
  }
}

/**
 * Runs one step: copies the input pixels into linear memory, runs the kernel, copies the result out
 * into `out` or a new Uint8ClampedArray (or takes the step's `direct` route). The input is never
 * modified; `out` may be the input's own array. A WebAssembly trap becomes AugkitError INTERNAL.
 *
 * @throws {AugkitError} TOO_LARGE when the output exceeds the pixel limit, memory cannot grow or the
 *   output array cannot be allocated; INVALID_ARGUMENT for a bad `out`; INTERNAL when the kernel traps.
 */
export function runKernel(input: RgbaImage, step: KernelStep, out?: unknown): AugkitImage {
  const [width, height] = step.outputSize(input.width, input.height);
  checkPixelLimit(width, height, `${step.op} output`);
  const data = outputArray(out, width, height);
  if (step.direct?.(input, data, out === undefined)) return { width, height, data };
  const sameSize = width === input.width && height === input.height;
  // strips may not write rows a later strip still has to read: `out` is the input itself or apart from it
  const apart = !overlaps(input.data, data) || (input.data.buffer === data.buffer && input.data.byteOffset === data.byteOffset);
  if (step.strips && sameSize && apart) return runStrips(input, step, data);
  return runSteps(input, [step], [[width, height]], data);
}

/** Runs a step with `strips` over the image a strip of rows at a time, through one buffer. */
function runStrips(input: RgbaImage, step: KernelStep, data: Uint8ClampedArray): AugkitImage {
  const { width, height } = input;
  const strips = step.strips!;
  const rowBytes = width * 4;
  const stripRows = Math.min(height, Math.max(1, Math.floor(STRIP_BYTES / rowBytes)));
  const scratchBytes = step.scratchBytes?.(kernels, width, height, width, height) ?? 0;
  const [buffer, scratch] = reserve([stripRows * rowBytes, scratchBytes]) as [number, number];
  call(step.op, () => {
    strips.begin?.(kernels, width, height, scratch);
    for (let first = 0; first < height; first += stripRows) {
      const from = first * rowBytes;
      const bytes = Math.min(stripRows, height - first) * rowBytes;
      bytesAt(buffer, bytes).set(input.data.subarray(from, from + bytes));
      strips.rows(kernels, buffer, scratch, width, first, bytes / rowBytes);
      data.set(bytesAt(buffer, bytes), from);
    }
  });
  return { width, height, data };
}

/**
 * Runs steps one after another without leaving WebAssembly memory: the input is copied in once,
 * each kernel reads the previous one's output (two regions used in turn), and only the last result
 * is copied out, into `out` or a new Uint8ClampedArray. The pipeline layer's primitive; with no
 * steps it returns a copy. `direct` shortcuts are not used here.
 *
 * @example
 * // resize then flip, one copy in and one copy out
 * const thumb = runKernelSequence(img, [resizeStep(400, 400), flipHorizontalStep]);
 * @throws {AugkitError} TOO_LARGE when an intermediate or the output exceeds the pixel limit or
 *   memory cannot grow; INVALID_ARGUMENT for a bad `out`; INTERNAL for a WebAssembly trap.
 */
export function runKernelSequence(input: RgbaImage, steps: readonly KernelStep[], out?: unknown): AugkitImage {
  const sizes: [number, number][] = [];
  let [width, height] = [input.width, input.height];
  for (const step of steps) {
    [width, height] = step.outputSize(width, height);
    checkPixelLimit(width, height, `${step.op} output`);
    sizes.push([width, height]);
  }
  return runSteps(input, steps, sizes, outputArray(out, width, height));
}

/** The common part: `sizes[i]` is the output size of `steps[i]`, `data` the final output array. */
function runSteps(
  input: RgbaImage, steps: readonly KernelStep[], sizes: readonly (readonly [number, number])[], data: Uint8ClampedArray,
): AugkitImage {
  // image i (0 = input) lives in region i % 2; each region is as large as its largest image
  const regionBytes = [input.data.length, 0];
  let scratchBytes = 0;
  let [sw, sh] = [input.width, input.height];
  steps.forEach((step, i) => {
    const [dw, dh] = sizes[i]!;
    const region = (i + 1) % 2;
    regionBytes[region] = Math.max(regionBytes[region]!, dw * dh * 4);
    scratchBytes = Math.max(scratchBytes, step.scratchBytes?.(kernels, sw, sh, dw, dh) ?? 0);
    [sw, sh] = [dw, dh];
  });
  const [first, second, scratch] = reserve([regionBytes[0]!, regionBytes[1]!, scratchBytes]) as [number, number, number];
  let [src, dst] = [first, second];
  [sw, sh] = [input.width, input.height];
  const leadingCrop = steps[0]?.cropRect?.(sw, sh);
  if (leadingCrop) {
    // the crop happens on the way in: its rows, and no more, enter region 1 (where step 0 would write)
    const { x, y, width, height } = leadingCrop;
    const rows = bytesAt(second, width * height * 4);
    for (let row = 0; row < height; row++) {
      const from = ((y + row) * sw + x) * 4;
      rows.set(input.data.subarray(from, from + width * 4), row * width * 4);
    }
    [src, dst, sw, sh] = [second, first, width, height];
  } else {
    bytesAt(first, input.data.length).set(input.data);
  }
  steps.forEach((step, i) => {
    if (i === 0 && leadingCrop) return;
    const [dw, dh] = sizes[i]!;
    call(step.op, () => step.run(kernels, { src, dst, scratch }, sw, sh, dw, dh));
    [src, dst, sw, sh] = [dst, src, dw, dh];
  });
  data.set(bytesAt(src, data.length));
  return { width: sw, height: sh, data };
}
