import { kernelsBase64 } from './kernels.generated.js';

/** The functions assembly/index.ts exports; pointers are byte offsets into `memory`. */
export interface Kernels {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  flipHorizontal(src: number, width: number, height: number, dst: number): void;
  flipVertical(src: number, width: number, height: number, dst: number): void;
  resizeBilinearScratch(dw: number): number;
  resizeBilinear(src: number, sw: number, sh: number, dst: number, dw: number, dh: number, scratch: number): void;
  resizeAntialiasScratch(sw: number, sh: number, dw: number, dh: number): number;
  resizeAntialias(src: number, sw: number, sh: number, dst: number, dw: number, dh: number, scratch: number): void;
  rotatedWidth(w: number, h: number, degrees: number, expand: boolean): number;
  rotatedHeight(w: number, h: number, degrees: number, expand: boolean): number;
  rotate(src: number, w: number, h: number, dst: number, dw: number, dh: number, degrees: number, fill: number): void;
  saltAndPepper(
    src: number, pixels: number, dst: number, amount: number, saltVsPepper: number, seed: number, perChannel: boolean,
  ): void;
}

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The module, compiled and instantiated once when augkit is imported (it imports nothing). Synchronously,
 * not with top-level await: the module is about 8 kB, far below the 8 MB Chromium allows for synchronous
 * compilation on the main thread (the only engine with such a limit), and without top-level await the same
 * code also loads as CommonJS (`dist/index.cjs`), through Node's `require(esm)`, and in bundles targeting
 * engines without top-level await. See "Runtimes" in the README.
 */
const module = new WebAssembly.Module(decodeBase64(kernelsBase64));
const instance = new WebAssembly.Instance(module, {});

/**
 * The kernels' exports, ready to call. A live binding: {@link reinstantiateKernels} replaces it, so
 * always read `kernels.…` at the time of the call, never keep `kernels.memory` across calls.
 */
export let kernels = instance.exports as unknown as Kernels;

/**
 * Replaces the instance with a fresh one of the same compiled module (its memory back to the initial
 * size). Called after a trap, when the instance's memory or globals may be in any state. Synchronous
 * instantiation of an already compiled module is allowed on every engine's main thread for a module this
 * small; should an engine still refuse, the old instance is kept (its memory is only scratch).
 */
export function reinstantiateKernels(): void {
  try {
    kernels = new WebAssembly.Instance(module, {}).exports as unknown as Kernels;
  } catch {
    // Keep the current instance: every call lays out its own buffers again.
  }
}
