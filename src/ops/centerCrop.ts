import { invalidArgument } from '../errors.js';
import type { AugkitImage, RgbaImage } from '../image.js';
import { checkDimension, checkImage, checkOptions } from '../validate.js';
import { runKernel, type KernelStep } from '../wasm/run.js';
import { rectCropStep, type CropOptions } from './crop.js';
import { defineOp } from './define.js';
import { dimension } from './params.js';

/** The top-left corner of a dw×dh centre crop of a sw×sh image. */
const centreOffset = (sw: number, sh: number, dw: number, dh: number) => ({ x: Math.floor((sw - dw) / 2), y: Math.floor((sh - dh) / 2) });

/**
 * The centre crop as a kernel step (see src/wasm/run.ts), its arguments validated.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad size; when run, for one larger than the image.
 */
export function centerCropStep(width: number, height: number): KernelStep {
  const dw = checkDimension(width, 'width');
  const dh = checkDimension(height, 'height');
  return rectCropStep('centerCrop', (sw, sh) => {
    if (dw > sw) throw invalidArgument('width', `at most the image width ${sw} (pad or use fit: 'contain' to grow)`, dw);
    if (dh > sh) throw invalidArgument('height', `at most the image height ${sh} (pad or use fit: 'contain' to grow)`, dh);
    return { ...centreOffset(sw, sh, dw, dh), width: dw, height: dh };
  });
}

/**
 * Crops `width`×`height` out of the middle: `x = floor((W − width) / 2)`, `y = floor((H − height) / 2)`
 * (torchvision rounds `(W − width) / 2` half to even instead, so odd margins can differ by one pixel).
 *
 * @param img - the source image (not modified)
 * @param width - at most the image width
 * @param height - at most the image height
 * @param options - `out` (default: a new array)
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, size (also one larger than the image) or `out`.
 * @example
 * const middle = centerCrop(img, 224, 224);
 */
export function centerCrop(img: RgbaImage, width: number, height: number, options?: CropOptions): AugkitImage {
  const src = checkImage(img);
  return runKernel(src, centerCropStep(width, height), checkOptions(options).out);
}

/**
 * The centre crop, defined once (see src/ops/define.ts).
 *
 * @example
 * centerCropOp.mapPoint!({ width: 32, height: 32 }, 64, 48)(16, 8); // [0, 0]
 */
export const centerCropOp = defineOp({
  name: 'centerCrop',
  doc: 'Crops width × height out of the middle: x = floor((W − width) / 2), y likewise (torchvision rounds half to even). Larger than the image → INVALID_ARGUMENT.',
  example: { width: 96, height: 64 },
  equivalents: { keras: 'layers.CenterCrop(height, width)', torchvision: 'F.center_crop(img, [height, width])', albumentations: 'A.CenterCrop(height, width)' },
  positional: ['width', 'height'],
  params: { width: dimension({ doc: 'Width of the crop, at most the image width.' }), height: dimension({ doc: 'Height of the crop, at most the image height.' }) },
  step: ({ width, height }) => centerCropStep(width, height),
  caption: ({ width, height }) => `centre crop ${width}×${height}`,
  mapPoint: ({ width, height }, sw, sh) => {
    const { x: left, y: top } = centreOffset(sw, sh, width, height);
    return (x, y) => [x - left, y - top];
  },
});
