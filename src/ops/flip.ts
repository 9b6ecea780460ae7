import type { AugkitImage, RgbaImage } from '../image.js';
import { overlaps, type KernelStep } from '../wasm/run.js';
import { applyOp, defineOp } from './define.js';

/**
 * The options of {@link flipHorizontal} and {@link flipVertical}: `out`, an array to write the result into.
 *
 * @example
 * const options: FlipOptions = { out: frame.data };
 * flipHorizontal(frame, options); // in place: the output is the input's own array
 */
export interface FlipOptions {
  /**
   * Where to write the result: a Uint8ClampedArray of exactly width × height × 4 bytes (e.g. the
   * previous frame's output, or `img.data` itself to flip in place). A new array by default.
   */
  out?: Uint8ClampedArray;
}

const sameSize = (width: number, height: number) => [width, height] as const;

/**
 * The horizontal flip as a kernel step (see src/wasm/run.ts). Rows are independent, so alone it runs
 * in place on strips of rows.
 */
const flipHorizontalStep: KernelStep = {
  op: 'flipHorizontal',
  outputSize: sameSize,
  run: (k, b, width, height) => k.flipHorizontal(b.src, width, height, b.dst),
  strips: { rows: (k, pointer, _scratch, width, _first, rows) => k.flipHorizontal(pointer, width, rows, pointer) },
};

/**
 * The vertical flip as a kernel step. Alone it only moves whole rows, which `TypedArray.set` does
 * straight from the input to the output: no pixel needs to visit WebAssembly memory (unless the output
 * overlaps the input, e.g. a flip in place; then the kernel runs).
 */
const flipVerticalStep: KernelStep = {
  op: 'flipVertical',
  outputSize: sameSize,
  run: (k, b, width, height) => k.flipVertical(b.src, width, height, b.dst),
  direct: ({ width, height, data }, out) => {
    if (overlaps(data, out)) return false;
    const rowBytes = width * 4;
    for (let y = 0, to = (height - 1) * rowBytes; y < height; y++, to -= rowBytes) {
      out.set(data.subarray(y * rowBytes, y * rowBytes + rowBytes), to);
    }
    return true;
  },
};

/**
 * The horizontal flip, defined once (see src/ops/define.ts).
 *
 * @example
 * flipHorizontalOp.mapPoint!({}, 640, 480)(0, 10); // [639, 10]
 */
export const flipHorizontalOp = defineOp({
  name: 'flipHorizontal',
  doc: 'Mirrors the image left to right: pixel (x, y) moves to (w − 1 − x, y). Exact.',
  example: {},
  equivalents: { keras: 'tf.image.flip_left_right(img)', torchvision: 'F.hflip(img)', albumentations: 'A.HorizontalFlip(p=1)' },
  params: {},
  step: () => flipHorizontalStep,
  caption: () => 'flip H',
  mapPoint: (_values, width) => (x, y) => [width - 1 - x, y],
});

/**
 * The vertical flip, defined once (see src/ops/define.ts).
 *
 * @example
 * flipVerticalOp.mapPoint!({}, 640, 480)(0, 10); // [0, 469]
 */
export const flipVerticalOp = defineOp({
  name: 'flipVertical',
  doc: 'Mirrors the image top to bottom: pixel (x, y) moves to (x, h − 1 − y). Exact.',
  example: {},
  equivalents: { keras: 'tf.image.flip_up_down(img)', torchvision: 'F.vflip(img)', albumentations: 'A.VerticalFlip(p=1)' },
  params: {},
  step: () => flipVerticalStep,
  caption: () => 'flip V',
  mapPoint: (_values, _width, height) => (x, y) => [x, height - 1 - y],
});

/**
 * Mirrors the image left to right: pixel (x, y) moves to (width − 1 − x, y). Exact.
 *
 * @param img - the source image (not modified, unless it is also `options.out`)
 * @param options - `out`: an array to write the result into instead of a new one
 * @throws {AugkitError} INVALID_ARGUMENT for a malformed image or `out`.
 * @example
 * const mirrored = flipHorizontal(img);
 * flipHorizontal(frame, { out: frame.data }); // in place, nothing allocated
 */
export function flipHorizontal(img: RgbaImage, options?: FlipOptions): AugkitImage {
  return applyOp(flipHorizontalOp, img, {}, options);
}

/**
 * Mirrors the image top to bottom: pixel (x, y) moves to (x, height − 1 − y). Exact.
 *
 * @param img - the source image (not modified, unless it is also `options.out`)
 * @param options - `out`: an array to write the result into instead of a new one
 * @throws {AugkitError} INVALID_ARGUMENT for a malformed image or `out`.
 * @example
 * const upsideDown = flipVertical(img);
 */
export function flipVertical(img: RgbaImage, options?: FlipOptions): AugkitImage {
  return applyOp(flipVerticalOp, img, {}, options);
}
