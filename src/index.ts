/**
 * augkit: image augmentation on raw RGBA buffers, byte-identical in every JavaScript runtime.
 *
 * @example
 * import { decode, rotate, encodePng } from 'augkit';
 * const png = encodePng(rotate(decode(bytes), 17));
 */
export { AugkitError, type AugkitErrorCode } from './errors.js';
export type { AugkitImage, Rgba, RgbaImage } from './image.js';
export { DEFAULT_PIXEL_LIMIT, getPixelLimit, setPixelLimit } from './limits.js';
export { resize, type Fit, type ResizeOptions } from './ops/resize.js';
export { resizeLonger, resizeShorter, type ResizeSideOptions } from './ops/resizeSide.js';
export { flipHorizontal, flipVertical, type FlipOptions } from './ops/flip.js';
export { rotate, type RotateOptions } from './ops/rotate.js';
// geometric ops with border modes (docs/geometry.md)
export { affine, type AffineParams } from './ops/affine.js';
export type { Border, Interpolation, WarpOptions } from './ops/border.js';
export { centerCrop } from './ops/centerCrop.js';
export { crop, type CropOptions, type Rect } from './ops/crop.js';
export { pad, type Padding, type PadOptions } from './ops/pad.js';
export { perspective, type PerspectiveOptions, type Quad } from './ops/perspective.js';
export { warpAffine, type AffineMatrix, type WarpAffineOptions } from './ops/warpAffine.js';
export { saltAndPepper, type SaltAndPepperOptions, type SaltAndPepperResult } from './ops/saltAndPepper.js';
export { kernelBuild, releaseMemory, type KernelBuild } from './wasm/kernels.js';
export { memoryBytes } from './wasm/memory.js';
export {
  decode,
  encodeJpeg,
  encodePng,
  readHeader,
  type DecodeOptions,
  type EncodeJpegOptions,
  type EncodePngOptions,
  type ImageFormat,
  type ImageHeader,
} from './codecs/index.js';
export {
  compose,
  deriveSeed,
  oneOf,
  parseRecipe,
  randomFlip,
  randomRotation,
  randomSaltAndPepper,
  recipeToJSON,
  replay,
  resizeTo,
  type AppliedOp,
  type Pipeline,
  type PipelineOptions,
  type PipelineResult,
  type RandomFlipOptions,
  type RandomRotationOptions,
  type RandomSaltAndPepperOptions,
  type Range,
  type Recipe,
  type RecipeInput,
  type ResizeToOptions,
  type SeedPart,
  type StepInput,
  type StepSpec,
  type Transform,
} from './pipeline/index.js';
