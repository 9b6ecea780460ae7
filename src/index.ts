/**
 * augkit: image augmentation on raw RGBA buffers, byte-identical in every JavaScript runtime.
 *
 * @example
 * import { decode, rotate, encodePng } from 'augkit';
 * const png = encodePng(rotate(decode(bytes), 17));
 *
 * @packageDocumentation
 * @module augkit
 */
export { AugkitError, type AugkitErrorCode } from './errors.js';
export type { AugkitImage, Rgba, RgbaImage } from './image.js';
export { DEFAULT_PIXEL_LIMIT, getPixelLimit, setPixelLimit } from './limits.js';
// the functional ops (src/ops/index.ts: one line per op file) and the types of their definitions
export * from './ops/index.js';
export type { Border, Interpolation, WarpOptions } from './ops/border.js';
export type { AppliedOf, Equivalents, Inputs, OpDefinition, ParamMap, PointMap, Values } from './ops/define.js';
export type { Param, Range } from './ops/params.js';
export { kernelBuild, releaseMemory, type KernelBuild } from './wasm/kernels.js';
export type { EraseValue, OutputOptions } from './ops/pixelSteps.js';
export { memoryBytes } from './wasm/memory.js';
export {
  decode,
  encodeJpeg,
  encodePng,
  readHeader,
  type DecodeOptions,
  type JpegMode,
  type EncodeJpegOptions,
  type EncodePngOptions,
  type ImageFormat,
  type ImageHeader,
} from './codecs/index.js';
// pipelines, recipes and the random transforms (src/pipeline/transforms/index.ts: one line per transform)
export * from './pipeline/index.js';
