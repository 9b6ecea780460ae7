import type { AugkitImage, RgbaImage } from '../image.js';
import { checkBoolean, checkDimension, checkImage, checkOptions } from '../validate.js';
import { runKernel, type KernelStep } from '../wasm/run.js';
import { scaledResizeStep, scaleMap } from './resize.js';
import { defineOp } from './define.js';
import { boolean, dimension } from './params.js';

/**
 * The options of {@link resizeShorter} and {@link resizeLonger}: `antialias` (false) and `out`.
 *
 * @example
 * const options: ResizeSideOptions = { antialias: true };
 * const eval224 = centerCrop(resizeShorter(img, 256, options), 224, 224);
 */
export interface ResizeSideOptions {
  /** Widen the filter when shrinking (Pillow's BILINEAR), default false; see `resize`. */
  antialias?: boolean;
  /** Where to write the result: a Uint8ClampedArray of exactly the output's width × height × 4 bytes. A new array by default. */
  out?: Uint8ClampedArray;
}

/**
 * The size with one side (the shorter or the longer) set to `n` and the aspect ratio kept: the other
 * side is `side · n / that side`, rounded half up, at least 1. A square gets n × n.
 */
export function sideSize(which: 'shorter' | 'longer', w: number, h: number, n: number): [number, number] {
  const pickWidth = which === 'shorter' ? w <= h : w >= h;
  const other = (side: number, reference: number) => Math.max(1, Math.floor((side * n) / reference + 0.5));
  return pickWidth ? [n, other(h, w)] : [other(w, h), n];
}

function sideStep(which: 'shorter' | 'longer', n: number, options?: ResizeSideOptions): KernelStep {
  const side = checkDimension(n, 'n');
  const { antialias = false } = checkOptions(options);
  checkBoolean(antialias, 'options.antialias');
  const op = which === 'shorter' ? 'resizeShorter' : 'resizeLonger';
  return scaledResizeStep(op, (w, h) => sideSize(which, w, h, side), antialias);
}

/**
 * `resizeShorter` as a kernel step (see src/wasm/run.ts), its arguments validated.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad size or option.
 */
export function resizeShorterStep(n: number, options?: ResizeSideOptions): KernelStep {
  return sideStep('shorter', n, options);
}

/**
 * `resizeLonger` as a kernel step (see src/wasm/run.ts), its arguments validated.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad size or option.
 */
export function resizeLongerStep(n: number, options?: ResizeSideOptions): KernelStep {
  return sideStep('longer', n, options);
}

/**
 * Resizes so the **shorter** side is `n`, keeping the aspect ratio (the longer side `longer · n /
 * shorter`, rounded half up): torchvision's `Resize(n)`, albumentations' `SmallestMaxSize`. Then
 * `centerCrop(n, n)` gives the classic evaluation crop.
 *
 * @param img - the source image (not modified)
 * @param n - the shorter side's new length, a positive integer
 * @param options - `antialias` (default false), `out`
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, size, option or `out`; TOO_LARGE when the
 *   output exceeds the pixel limit.
 * @example
 * const eval224 = centerCrop(resizeShorter(img, 256, { antialias: true }), 224, 224);
 */
export function resizeShorter(img: RgbaImage, n: number, options?: ResizeSideOptions): AugkitImage {
  const src = checkImage(img);
  return runKernel(src, resizeShorterStep(n, options), options?.out);
}

/**
 * Resizes so the **longer** side is `n`, keeping the aspect ratio (the shorter side `shorter · n /
 * longer`, rounded half up, at least 1): albumentations' `LongestMaxSize`.
 *
 * @param img - the source image (not modified)
 * @param n - the longer side's new length, a positive integer
 * @param options - `antialias` (default false), `out`
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, size, option or `out`; TOO_LARGE when the
 *   output exceeds the pixel limit.
 * @example
 * const preview = resizeLonger(img, 512, { antialias: true });
 */
export function resizeLonger(img: RgbaImage, n: number, options?: ResizeSideOptions): AugkitImage {
  const src = checkImage(img);
  return runKernel(src, resizeLongerStep(n, options), options?.out);
}

const sideParams = {
  n: dimension({ doc: 'The new length of the chosen side, in pixels.' }),
  antialias: boolean({ doc: 'Widen the filter when shrinking (Pillow BILINEAR).', default: false }),
};

const sideMap = (which: 'shorter' | 'longer', n: number, sw: number, sh: number) => scaleMap(sw, sh, ...sideSize(which, sw, sh, n));

/**
 * resizeShorter, defined once (see src/ops/define.ts).
 *
 * @example
 * resizeShorterOp.step({ n: 256, antialias: true }).outputSize(640, 480); // [341, 256]
 */
export const resizeShorterOp = defineOp({
  name: 'resizeShorter',
  doc: 'Resizes so the shorter side is n, keeping the aspect ratio (albumentations SmallestMaxSize; the other side rounded half up).',
  example: { n: 64, antialias: true },
  equivalents: { torchvision: 'F.resize(img, n)', albumentations: 'A.SmallestMaxSize(max_size)' },
  positional: ['n'],
  params: sideParams,
  step: ({ n, antialias }) => resizeShorterStep(n, { antialias }),
  caption: ({ n }) => `shorter side ${n}`,
  mapPoint: ({ n }, sw, sh) => sideMap('shorter', n, sw, sh),
});

/**
 * resizeLonger, defined once (see src/ops/define.ts).
 *
 * @example
 * resizeLongerOp.step({ n: 320, antialias: true }).outputSize(640, 480); // [320, 240]
 */
export const resizeLongerOp = defineOp({
  name: 'resizeLonger',
  doc: 'Resizes so the longer side is n, keeping the aspect ratio (albumentations LongestMaxSize; the other side rounded half up).',
  example: { n: 100, antialias: true },
  equivalents: { albumentations: 'A.LongestMaxSize(max_size)' },
  positional: ['n'],
  params: sideParams,
  step: ({ n, antialias }) => resizeLongerStep(n, { antialias }),
  caption: ({ n }) => `longer side ${n}`,
  mapPoint: ({ n }, sw, sh) => sideMap('longer', n, sw, sh),
});
