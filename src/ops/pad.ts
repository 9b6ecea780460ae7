import { invalidArgument } from '../errors.js';
import type { AugkitImage, Rgba, RgbaImage } from '../image.js';
import { checkColor, checkImage, checkOptions } from '../validate.js';
import { overlaps, runKernel, type KernelStep } from '../wasm/run.js';
import { borderIndex, borderParam, checkBorder, fillParam, packColor, type Border } from './border.js';
import { defineOp } from './define.js';
import { offset } from './geometryParams.js';


/**
 * Pixels to add on each side (non-negative integers).
 *
 * @example
 * const margins: Padding = { top: 8, right: 16, bottom: 8, left: 16 };
 * const framed = pad(img, margins); // (width + 32) × (height + 16)
 */
export interface Padding {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/**
 * The options of {@link pad}: `border` (`'constant'`), `fill` (`[0, 0, 0, 0]`) and `out`.
 *
 * @example
 * const options: PadOptions = { border: 'constant', fill: [255, 255, 255, 255] };
 * const framed = pad(img, { top: 8, right: 8, bottom: 8, left: 8 }, options); // a white frame
 */
export interface PadOptions {
  /** What the margins show (default `'constant'`: `fill`); see docs/geometry.md. */
  border?: Border;
  /** The colour of a constant border, `[r, g, b, a]` (default `[0, 0, 0, 0]`). */
  fill?: Rgba;
  /** Where to write the result: a Uint8ClampedArray of exactly the output's width × height × 4 bytes. A new array by default. */
  out?: Uint8ClampedArray;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function checkMargin(value: unknown, param: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw invalidArgument(param, 'a non-negative integer', value);
  return value as number;
}

/**
 * The pad as a kernel step (see src/wasm/run.ts), its arguments validated.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad padding or option.
 */
export function padStep(padding: Padding, options?: PadOptions): KernelStep {
  const p = checkOptions(padding, 'padding');
  const top = checkMargin(p.top, 'padding.top');
  const right = checkMargin(p.right, 'padding.right');
  const bottom = checkMargin(p.bottom, 'padding.bottom');
  const left = checkMargin(p.left, 'padding.left');
  const { border: borderName = 'constant', fill: color = [0, 0, 0, 0] } = checkOptions(options);
  const border = checkBorder(borderName, 'options.border');
  const fill = packColor(checkColor(color, 'options.fill'));
  return {
    op: 'pad',
    outputSize: (w, h) => [w + left + right, h + top + bottom],
    run: (k, b, w, h, dw, dh) => k.pad(b.src, w, h, b.dst, dw, dh, top, left, border, fill),
    direct: ({ width: w, height: h, data }, out, zeroed) => {
      // whole pixels as 32-bit words: needs aligned, separate arrays (the wasm route takes the others)
      if (!littleEndian || overlaps(data, out) || data.byteOffset % 4 !== 0 || out.byteOffset % 4 !== 0) return false;
      const dw = w + left + right;
      const dh = h + top + bottom;
      const src = new Uint32Array(data.buffer, data.byteOffset, w * h);
      const dst = new Uint32Array(out.buffer, out.byteOffset, dw * dh);
      // the source column of each margin pixel (all −1, the fill, for a constant border)
      const leftColumns = Int32Array.from({ length: left }, (_, i) => borderIndex(i - left, w, border));
      const rightColumns = Int32Array.from({ length: right }, (_, i) => borderIndex(w + i, w, border));
      // a constant transparent-black margin of a new array is already there
      const fillNeeded = !(zeroed && fill === 0);
      const margin = (columns: Int32Array, line: number, at: number) => {
        if (border !== 0) for (let i = 0; i < columns.length; i++) dst[at + i] = src[line + columns[i]!]!;
        else if (fillNeeded) dst.fill(fill, at, at + columns.length);
      };
      for (let y = 0; y < h; y++) {
        const line = y * w;
        const row = (y + top) * dw;
        margin(leftColumns, line, row);
        dst.set(src.subarray(line, line + w), row + left);
        margin(rightColumns, line, row + left + w);
      }
      for (let y = 0; y < dh; y++) {
        if (y >= top && y < top + h) continue;
        const from = borderIndex(y - top, h, border);
        if (from >= 0) dst.copyWithin(y * dw, (from + top) * dw, (from + top + 1) * dw);
        else if (fillNeeded) dst.fill(fill, y * dw, (y + 1) * dw);
      }
      return true;
    },
  };
}

/**
 * Adds `top`, `right`, `bottom` and `left` pixels around the image, exactly; the margins follow `border`
 * (`'constant'`: `fill`; `'edge'`, `'reflect'`, `'symmetric'`, `'wrap'` for any width, also wider than
 * the image — as OpenCV's `copyMakeBorder`).
 *
 * @param img - the source image (not modified)
 * @param padding - `{ top, right, bottom, left }`, non-negative integers
 * @param options - `border` (default `'constant'`), `fill` (default `[0, 0, 0, 0]`), `out`
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, padding, option or `out`; TOO_LARGE when the
 *   padded image exceeds the pixel limit.
 * @example
 * const framed = pad(img, { top: 8, right: 8, bottom: 8, left: 8 }, { border: 'reflect' });
 */
export function pad(img: RgbaImage, padding: Padding, options?: PadOptions): AugkitImage {
  const src = checkImage(img);
  return runKernel(src, padStep(padding, options), options?.out);
}

/**
 * The pad, defined once (see src/ops/define.ts).
 *
 * @example
 * padOp.mapPoint!({ top: 2, right: 0, bottom: 0, left: 3, border: 'constant', fill: [0, 0, 0, 0] }, 8, 8)(0, 0); // [3, 2]
 */
export const padOp = defineOp({
  name: 'pad',
  doc: 'Adds margins of top, right, bottom and left pixels, exactly, filled by `border` (any mode).',
  example: { top: 12, right: 12, bottom: 12, left: 12, border: 'reflect' },
  equivalents: { torchvision: 'F.pad(img, [left, top, right, bottom], padding_mode)', albumentations: 'A.PadIfNeeded' },
  positional: ['top', 'right', 'bottom', 'left'],
  params: {
    top: offset('Rows added above.'),
    right: offset('Columns added on the right.'),
    bottom: offset('Rows added below.'),
    left: offset('Columns added on the left.'),
    border: borderParam,
    fill: fillParam,
  },
  step: ({ top, right, bottom, left, border, fill }) => padStep({ top, right, bottom, left }, { border, fill }),
  caption: ({ top, right, bottom, left, border }) => `pad ${top},${right},${bottom},${left} ${border}`,
  mapPoint: ({ top, left }) => (x, y) => [x + left, y + top],
});
