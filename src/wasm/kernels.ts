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
    scratch: number, border: number, nearest: boolean,
  ): void;
  // geometric ops with border modes (assembly/geometry/warp.ts, affineMatrix.ts, cropPad.ts)
  affineInverse(degrees: number, shearX: number, shearY: number, scaleX: number, scaleY: number): number;
  lnF64(x: number): number;
  expF64(x: number): number;
  warpAffine(
    src: number, w: number, h: number, dst: number, dw: number, dh: number,
    ox: number, oy: number, tx: number, ty: number, cx: number, cy: number,
    m00: number, m01: number, m10: number, m11: number, c0: number, c1: number,
    border: number, nearest: boolean, fill: number, scratch: number,
  ): void;
  warpPerspective(
    src: number, w: number, h: number, dst: number, dw: number, dh: number,
    h0: number, h1: number, h2: number, h3: number, h4: number, h5: number, h6: number, h7: number,
    border: number, nearest: boolean, fill: number, scratch: number,
  ): void;
  crop(src: number, w: number, dst: number, x: number, y: number, dw: number, dh: number): void;
  pad(
    src: number, w: number, h: number, dst: number, dw: number, dh: number, top: number, left: number,
    border: number, fill: number,
  ): void;

  saltAndPepperScratch(): number;
  saltAndPepperBegin(pixels: number, amount: number, saltVsPepper: number, seed: number, perChannel: boolean): void;
  saltAndPepperHits(list: number, capacity: number, scratch: number): number;
  saltAndPepper(
    src: number, pixels: number, dst: number, amount: number, saltVsPepper: number, seed: number, perChannel: boolean,
    scratch: number,
  ): void;
  // colour, filter, noise and occlusion kernels (op catalogue II)
  colorLutScratch(): number;
  applyLut(src: number, pixels: number, dst: number, table: number): void;
  expandLut(table: number): void;
  mapLut(src: number, pixels: number, dst: number, table: number): void;
  invertTable(table: number): void;
  solarizeTable(table: number, threshold: number): void;
  posterizeTable(table: number, bits: number): void;
  brightnessTable(table: number, factor: number): void;
  gammaTable(table: number, gamma: number, gain: number): void;
  channelShiftTable(table: number, dr: number, dg: number, db: number): void;
  histogramOpScratch(): number;
  equalize(src: number, pixels: number, dst: number, scratch: number): void;
  autocontrast(src: number, pixels: number, dst: number, scratch: number): void;
  grayscale(src: number, pixels: number, dst: number): void;
  adjustSaturation(src: number, pixels: number, dst: number, factor: number): void;
  adjustContrast(src: number, pixels: number, dst: number, factor: number, scratch: number): void;
  adjustHue(src: number, pixels: number, dst: number, hue: number): void;
  adjustSharpness(src: number, width: number, height: number, dst: number, factor: number): void;
  gaussianBlurScratch(width: number, kernelSize: number): number;
  gaussianBlur(
    src: number, width: number, height: number, dst: number, sigma: number, kernelSize: number, scratch: number,
  ): void;
  gaussianNoiseBegin(seed: number): void;
  gaussianNoise(src: number, pixels: number, dst: number, std: number, mean: number, perChannel: boolean): void;
  mixBegin(seed: number): void;
  mixBeta(alpha: number): number;
  mixUniform(): number;
  nextGamma(shape: number): number;
  /** RGBA pixels to a tensor's float32 values through per-channel tables of 256 values (assembly/tensor/pack.ts). */
  packFloat32(src: number, pixels: number, dst: number, tables: number, channels: number, planar: boolean): void;
  packBytes(src: number, pixels: number, dst: number, channels: number, planar: boolean): void;
  erase(
    src: number, width: number, height: number, dst: number, x: number, y: number, w: number, h: number,
    color: number, noise: boolean, seed: number,
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
