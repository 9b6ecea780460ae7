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
export { resize, type ResizeOptions } from './ops/resize.js';
export { flipHorizontal, flipVertical, type FlipOptions } from './ops/flip.js';
export { rotate, type RotateOptions } from './ops/rotate.js';
export { saltAndPepper, type SaltAndPepperOptions, type SaltAndPepperResult } from './ops/saltAndPepper.js';
export { kernelBuild, releaseMemory, type KernelBuild } from './wasm/kernels.js';
export { memoryBytes } from './wasm/memory.js';
