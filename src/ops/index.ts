// The op catalogue: one export line per op file — its definition(s), public function(s) and their types.
// Every op definition exported from here is picked up by the pipeline (applied records, replay), the recipe
// schema and the docs table (docs/ops-table.md); src/index.ts re-exports all of it.
export { affine, affineOp, type AffineParams } from './affine.js';
export { centerCrop, centerCropOp } from './centerCrop.js';
export { adjustBrightness, adjustBrightnessOp, adjustContrast, adjustContrastOp, adjustGamma, adjustGammaOp, adjustHue, adjustHueOp, adjustSaturation, adjustSaturationOp, channelShift, channelShiftOp, grayscale, grayscaleOp } from './color.js';
export { crop, cropOp, type CropOptions, type Rect } from './crop.js';
export { cutout, cutoutOp, type CutoutOptions, erase, eraseOp, type EraseOptions, type EraseResult } from './erase.js';
export { flipHorizontal, flipHorizontalOp, flipVertical, flipVerticalOp, type FlipOptions } from './flip.js';
export { gaussianBlur, gaussianBlurOp, type GaussianBlurOptions } from './gaussianBlur.js';
export { gaussianNoise, gaussianNoiseOp, type GaussianNoiseOptions, type GaussianNoiseResult } from './gaussianNoise.js';
export { autocontrast, autocontrastOp, equalize, equalizeOp, invert, invertOp, posterize, posterizeOp, solarize, solarizeOp } from './imageOps.js';
export { jpegArtifacts, jpegArtifactsOp } from './jpegArtifacts.js';
export { pad, padOp, type Padding, type PadOptions } from './pad.js';
export { perspective, perspectiveOp, type PerspectiveOptions, type Quad } from './perspective.js';
export { resize, resizeOp, type Fit, type ResizeOptions } from './resize.js';
export { resizeLonger, resizeLongerOp, resizeShorter, resizeShorterOp, type ResizeSideOptions } from './resizeSide.js';
export { rotate, rotateOp, type RotateOptions } from './rotate.js';
export { saltAndPepper, saltAndPepperOp, type SaltAndPepperOptions, type SaltAndPepperResult } from './saltAndPepper.js';
export { adjustSharpness, adjustSharpnessOp } from './sharpness.js';
export { warpAffine, warpAffineOp, type AffineMatrix, type WarpAffineOptions } from './warpAffine.js';
