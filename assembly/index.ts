// The augkit kernels: pure functions over RGBA bytes in linear memory. The binding (src/wasm/)
// owns the memory: it places inputs, outputs and scratch after heapBase() and passes pointers.
// Compiled twice (asconfig.json): with SIMD (ASC_FEATURE_SIMD, v128 paths) and without; both builds
// compute the same bytes, which test/simd.test.ts checks.

export { flipHorizontal, flipVertical } from './geometry/flip';
export { resizeBilinear, resizeBilinearScratch } from './geometry/resize';
export { resizeAntialias, resizeAntialiasScratch } from './geometry/resizeAntialias';
export { rotate, rotateScratch, rotatedWidth, rotatedHeight } from './geometry/rotate';
// geometric ops with border modes (warps, crop, pad)
export { affineInverse } from './geometry/affineMatrix';
export { crop, pad } from './geometry/cropPad';
export { warpAffine, warpPerspective } from './geometry/warp';

export { saltAndPepper, saltAndPepperBegin, saltAndPepperHits, saltAndPepperScratch } from './noise/saltAndPepper';
export { expF64, lnF64 } from './math/elementary';

// Colour, filter, noise and occlusion kernels (op catalogue II)
export {
  applyLut, brightnessTable, channelShiftTable, colorLutScratch, expandLut, gammaTable, invertTable, mapLut, posterizeTable,
  solarizeTable,
} from './color/lut';
export { autocontrast, equalize, histogramOpScratch } from './color/histogram';
export { adjustContrast, adjustSaturation, grayscale } from './color/luma';
export { adjustHue } from './color/hue';
export { adjustSharpness } from './color/sharpness';
export { gaussianBlur, gaussianBlurScratch } from './filter/gaussianBlur';
export { gaussianNoise, gaussianNoiseBegin } from './noise/gaussianNoise';
export { mixBegin, mixBeta, mixUniform, nextGamma } from './random/gamma';
export { erase } from './noise/erase';
// training batches (augkit/node's flowFromDirectory)
export { packBytes, packFloat32 } from './tensor/pack';

/** First byte of linear memory free for the binding's use. */
export function heapBase(): usize {
  return __heap_base;
}
