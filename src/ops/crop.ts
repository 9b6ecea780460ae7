import { invalidArgument } from '../errors.js';
import type { AugkitImage, RgbaImage } from '../image.js';
import { checkDimension, checkImage, checkOptions } from '../validate.js';
import { overlaps, runKernel, type KernelStep } from '../wasm/run.js';
import { defineOp } from './define.js';
import { offset } from './geometryParams.js';
import { dimension } from './params.js';

/**
 * A rectangle in pixels: its upper-left pixel (x, y) and its size.
 *
 * @example
 * const face: Rect = { x: 120, y: 40, width: 64, height: 64 };
 * const cropped = crop(img, face);
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The options of {@link crop}: `out`, an array to write the result into.
 *
 * @example
 * const out = new Uint8ClampedArray(64 * 64 * 4);
 * const options: CropOptions = { out };
 * for (const frame of frames) feed(crop(frame, { x: 0, y: 0, width: 64, height: 64 }, options)); // one array, reused
 */
export interface CropOptions {
  /** Where to write the result: a Uint8ClampedArray of exactly width × height × 4 bytes. A new array by default. */
  out?: Uint8ClampedArray;
}

/**
 * A step copying the rectangle `rect(sw, sh)` (checked to lie inside the sw×sh source) out of the source;
 * `op` names it in errors. Alone, it copies rows straight from the input to the output.
 */
export function rectCropStep(op: string, rect: (sw: number, sh: number) => Rect): KernelStep {
  return {
    op,
    outputSize: (sw, sh) => {
      const r = rect(sw, sh);
      return [r.width, r.height];
    },
    cropRect: rect,
    run: (k, b, sw, sh) => {
      const { x, y, width, height } = rect(sw, sh);
      k.crop(b.src, sw, b.dst, x, y, width, height);
    },
    direct: ({ width: sw, height: sh, data }, out) => {
      if (overlaps(data, out)) return false;
      const { x, y, width, height } = rect(sw, sh);
      for (let row = 0; row < height; row++) {
        const from = ((y + row) * sw + x) * 4;
        out.set(data.subarray(from, from + width * 4), row * width * 4);
      }
      return true;
    },
  };
}

function checkCoordinate(value: unknown, param: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw invalidArgument(param, 'a non-negative integer', value);
  return value as number;
}

/**
 * The crop as a kernel step (see src/wasm/run.ts), its arguments validated (whether the rectangle fits
 * is checked against each image the step meets).
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad rectangle; when run, for one not inside the image.
 */
export function cropStep(rect: Rect): KernelStep {
  const r = checkOptions(rect, 'rect');
  const x = checkCoordinate(r.x, 'rect.x');
  const y = checkCoordinate(r.y, 'rect.y');
  const width = checkDimension(r.width, 'rect.width');
  const height = checkDimension(r.height, 'rect.height');
  return rectCropStep('crop', (sw, sh) => {
    if (x + width > sw) throw invalidArgument('rect', `x + width ≤ the image width ${sw}`, `x + width = ${x + width}`);
    if (y + height > sh) throw invalidArgument('rect', `y + height ≤ the image height ${sh}`, `y + height = ${y + height}`);
    return { x, y, width, height };
  });
}

/**
 * Copies the rectangle `{ x, y, width, height }` out of the image, exactly. The rectangle must lie inside
 * the image (use {@link pad} first, or `randomCrop`'s padding, to reach beyond it).
 *
 * @param img - the source image (not modified)
 * @param rect - `x`, `y` (non-negative integers) and `width`, `height` (positive integers)
 * @param options - `out` (default: a new array)
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, rectangle (also one reaching outside the image)
 *   or `out`.
 * @example
 * const face = crop(img, { x: 120, y: 40, width: 64, height: 64 });
 */
export function crop(img: RgbaImage, rect: Rect, options?: CropOptions): AugkitImage {
  const src = checkImage(img);
  return runKernel(src, cropStep(rect), checkOptions(options).out);
}

/**
 * The crop, defined once (see src/ops/define.ts).
 *
 * @example
 * cropOp.mapPoint!({ x: 10, y: 5, width: 20, height: 20 }, 64, 48)(10, 5); // [0, 0]
 */
export const cropOp = defineOp({
  name: 'crop',
  doc: 'Copies the rectangle { x, y, width, height } out of the image, exactly; it must lie inside the image.',
  example: { x: 30, y: 10, width: 80, height: 60 },
  equivalents: { keras: 'tf.image.crop_to_bounding_box(img, y, x, height, width)', torchvision: 'F.crop(img, top, left, height, width)', albumentations: 'A.Crop(x_min, y_min, x_max, y_max)' },
  positional: ['x', 'y', 'width', 'height'],
  params: {
    x: offset('Left column of the rectangle.'),
    y: offset('Top row of the rectangle.'),
    width: dimension({ doc: 'Width of the rectangle.' }),
    height: dimension({ doc: 'Height of the rectangle.' }),
  },
  step: (rect) => cropStep(rect),
  caption: ({ x, y, width, height }) => `crop ${width}×${height} at ${x},${y}`,
  mapPoint: ({ x: left, y: top }) => (x, y) => [x - left, y - top],
});
