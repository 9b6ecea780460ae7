import { scalarBase64, simdBase64 } from './kernels.generated.js';
import { releaseModules, useBuild, WasmModule, type KernelBuild } from './module.js';

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
  rotateScratch(dw: number): number;
  rotate(
    src: number, w: number, h: number, dst: number, dw: number, dh: number, degrees: number, fill: number,
    scratch: number,
  ): void;
  saltAndPepperScratch(): number;
  saltAndPepperBegin(pixels: number, amount: number, saltVsPepper: number, seed: number, perChannel: boolean): void;
  saltAndPepperHits(list: number, capacity: number, scratch: number): number;
  saltAndPepper(
    src: number, pixels: number, dst: number, amount: number, saltVsPepper: number, seed: number, perChannel: boolean,
    scratch: number,
  ): void;
}

export { simdSupported, type KernelBuild } from './module.js';

/**
 * The kernels' exports, ready to call (compiled and instantiated once, when augkit is imported). A live
 * binding: {@link releaseMemory}, {@link reinstantiateKernels} and {@link useKernelBuild} replace the
 * instance, so read `kernels.…` at the time of each call, never keep `kernels.memory` across calls.
 */
export let kernels: Kernels;

/**
 * The kernels module (assembly/index.ts). Unlike the codec modules it is compiled and instantiated when
 * augkit is imported (every op needs it) and each new instance is published as {@link kernels}.
 */
const kernelsModule = new WasmModule<Kernels>('kernels', { simdBase64, scalarBase64 }, (instance) => {
  kernels = instance;
});

/**
 * Which build of the WebAssembly kernels this engine runs: `'simd'` (128-bit SIMD, every current
 * browser, Node ≥ 16, Deno, Bun) or `'scalar'` (engines without WebAssembly SIMD, e.g. Safari < 16.4).
 * Both give byte-identical results; only the speed differs.
 *
 * @example
 * console.log(`augkit runs its ${kernelBuild()} kernels`);
 */
export function kernelBuild(): KernelBuild {
  return kernelsModule.build;
}

/**
 * Releases the WebAssembly memory augkit has grown for large images: linear memory can only grow, so
 * this replaces the kernels' instance with a fresh one (synchronously, from the module compiled at
 * load) whose memory starts at 64 KiB, and drops the codec modules' instances (a codec used again gets
 * a fresh one). Later calls grow it again as needed. Nothing else changes:
 * results, seeds and options behave the same before and after.
 *
 * @example
 * for (const file of bigScans) save(resize(load(file), 1024, 768));
 * releaseMemory(); // give the scratch memory back before the app idles
 * @throws never
 */
export function releaseMemory(): void {
  releaseModules();
}

/**
 * Switches the kernels and every codec module to the given build (compiling it now) with a fresh
 * memory. For tests and benchmarks that compare the builds; not part of the public API.
 *
 * @throws {WebAssembly.CompileError} when this engine cannot compile that build (SIMD without support).
 */
export function useKernelBuild(next: KernelBuild): void {
  useBuild(next);
}

/**
 * Replaces the kernels' instance with a fresh one of the same compiled module (its memory back to the
 * initial size). Called after a trap, when the instance's memory or globals may be in any state.
 */
export function reinstantiateKernels(): void {
  kernelsModule.reinstantiate();
}
