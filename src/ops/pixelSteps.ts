// What the colour, filter, noise and occlusion ops share (not catalogued: nothing here is public API):
// their parameter shapes and the same-size kernel steps that map pixels independently (so alone they
// stream in place through one strip).
import { invalidArgument } from '../errors.js';
import { checkNonNegativeNumber, checkPositiveNumber, isFiniteNumber, isInteger } from '../validate.js';
import type { Kernels } from '../wasm/kernels.js';
import type { KernelStep } from '../wasm/run.js';
import { param, type ParamOptions } from './params.js';

/**
 * The options every same-size op takes.
 *
 * @example
 * const out = new Uint8ClampedArray(img.width * img.height * 4);
 * const options: OutputOptions = { out };
 * invert(img, options); // writes into out, allocates nothing
 */
export interface OutputOptions {
  /** Where to write the result: a Uint8ClampedArray of exactly width × height × 4 bytes (may be `img.data`). A new array by default. */
  out?: Uint8ClampedArray;
}

export const sameSize = (width: number, height: number) => [width, height] as const;

/** A finite number ≥ 0 (a blend factor, a standard deviation). */
export function nonNegative<const O extends ParamOptions<number>>(options: O) {
  return param<number, number, O>({ ...options, schema: { type: 'number', minimum: 0, 'x-expected': 'a finite number ≥ 0' }, check: checkNonNegativeNumber });
}

/** A finite number > 0 (a gamma, a sigma). */
export function positive<const O extends ParamOptions<number>>(options: O) {
  return param<number, number, O>({ ...options, schema: { type: 'number', exclusiveMinimum: 0, 'x-expected': 'a finite number > 0' }, check: checkPositiveNumber });
}

/** A safe integer ≥ `min` (a coordinate or a size that may lie outside the image); no `min`: any safe integer. */
export function safeInteger<const O extends ParamOptions<number> & { readonly min?: number }>(options: O) {
  const { min } = options;
  const expected = min === undefined ? 'an integer' : `an integer ≥ ${min}`;
  return param<number, number, O>({
    ...options,
    schema: { type: 'integer', ...(min !== undefined && { minimum: min }), 'x-expected': expected },
    check: (value, name) => {
      if (!Number.isSafeInteger(value) || (min !== undefined && (value as number) < min)) throw invalidArgument(name, expected, value);
      return value as number;
    },
  });
}

/**
 * What fills an erased area: an `[r, g, b]` colour (integers 0..255) or `'noise'` (seeded random bytes).
 *
 * @example
 * const grey: EraseValue = [127, 127, 127];
 * const hidden = erase(img, { x: 10, y: 20, width: 50, height: 30, value: grey });
 * const noisy = erase(img, { x: 10, y: 20, width: 50, height: 30, value: 'noise', seed: 3 });
 */
export type EraseValue = readonly [number, number, number] | 'noise';

const ERASE_VALUE_EXPECTED = "an [r, g, b] array of integers 0..255 or 'noise'";

/** An erase value (see EraseValue). */
export function eraseValue<const O extends ParamOptions<EraseValue>>(options: O) {
  return param<EraseValue, EraseValue, O>({
    ...options,
    schema: {
      anyOf: [
        { type: 'array', minItems: 3, maxItems: 3, items: { type: 'integer', minimum: 0, maximum: 255 } },
        { const: 'noise' },
      ],
      'x-expected': ERASE_VALUE_EXPECTED,
    },
    check: (value, name) => {
      if (value === 'noise') return value;
      if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => isInteger(v) && v >= 0 && v <= 255)) {
        throw invalidArgument(name, ERASE_VALUE_EXPECTED, value);
      }
      return [value[0], value[1], value[2]] as const;
    },
  });
}

/** Three finite numbers `[dr, dg, db]`. */
export function channelShifts<const O extends ParamOptions<readonly [number, number, number]>>(options: O) {
  const expected = 'an array of three finite numbers [dr, dg, db]';
  return param<readonly [number, number, number], readonly [number, number, number], O>({
    ...options,
    schema: { type: 'array', minItems: 3, maxItems: 3, items: { type: 'number' }, 'x-expected': expected },
    check: (value, name) => {
      if (!Array.isArray(value) || value.length !== 3 || !value.every(isFiniteNumber)) throw invalidArgument(name, expected, value);
      return [value[0], value[1], value[2]] as const;
    },
  });
}

/**
 * A step whose kernel maps each pixel on its own: `map(k, src, pixels, dst)` (`dst` may equal `src`).
 * `begin` (optional) runs once per image before any pixel, e.g. to seed a stream.
 */
export function pixelwiseStep(
  op: string, map: (k: Kernels, src: number, pixels: number, dst: number) => void, begin?: (k: Kernels) => void,
): KernelStep {
  return {
    op,
    outputSize: sameSize,
    run: (k, b, width, height) => {
      begin?.(k);
      map(k, b.src, width * height, b.dst);
    },
    strips: {
      begin: begin && ((k) => begin(k)),
      rows: (k, pointer, _scratch, width, _first, rows) => map(k, pointer, width * rows, pointer),
    },
  };
}

/**
 * A table-driven step: `fill(k, table)` writes the three 256-entry tables (R, G, B) once per call, then
 * every pixel goes through them.
 */
export function lutStep(op: string, fill: (k: Kernels, table: number) => void): KernelStep {
  return {
    op,
    outputSize: sameSize,
    scratchBytes: (k) => k.colorLutScratch(),
    run: (k, b, width, height) => {
      fill(k, b.scratch);
      k.applyLut(b.src, width * height, b.dst, b.scratch);
    },
    strips: {
      begin: (k, _width, _height, scratch) => {
        fill(k, scratch);
        k.expandLut(scratch);
      },
      rows: (k, pointer, scratch, width, _first, rows) => k.mapLut(pointer, width * rows, pointer, scratch),
    },
  };
}

/** A step whose kernel needs the whole image at once (a histogram, a mean, neighbours): `run` only. */
export function wholeImageStep(
  op: string, scratchBytes: (k: Kernels, width: number, height: number) => number,
  run: (k: Kernels, src: number, width: number, height: number, dst: number, scratch: number) => void,
): KernelStep {
  return {
    op,
    outputSize: sameSize,
    scratchBytes: (k, width, height) => scratchBytes(k, width, height),
    run: (k, b, width, height) => run(k, b.src, width, height, b.dst, b.scratch),
  };
}
