// The range parameters of the colour, filter and noise transforms that `range` (src/ops/params.ts) does not
// cover: torchvision's factor ranges around 1, ranges of strictly positive values, ranges of integers.
import { invalidArgument } from '../errors.js';
import { isFiniteNumber, isInteger } from '../validate.js';
import { orderedPair, param, range, type ParamOptions, type Range } from '../ops/params.js';

type Pair = readonly [number, number];

/**
 * A multiplicative factor range as torchvision's ColorJitter reads it: a number `b` ≥ 0 for
 * `[max(0, 1 − b), 1 + b]`, or a `[min, max]` pair of numbers ≥ 0. `[1, 1]` (b = 0) changes nothing.
 *
 * @example
 * const brightness = factorRange({ doc: 'Brightness factor range.', default: [1, 1] });
 * brightness.check(0.4, 'brightness'); // [0.6, 1.4]
 */
export function factorRange<const O extends ParamOptions<Pair>>(options: O) {
  const expected = 'a number ≥ 0 (for [max(0, 1 − b), 1 + b]) or a [min, max] pair of numbers ≥ 0';
  const isFactor = (v: unknown) => isFiniteNumber(v) && v >= 0;
  return param<Range, Pair, O>({
    ...options,
    schema: {
      'x-expected': expected,
      anyOf: [{ type: 'number', minimum: 0 }, { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number', minimum: 0 } }],
    },
    check: (value, name) => {
      if (isFactor(value)) return [Math.max(0, 1 - (value as number)), 1 + (value as number)];
      if (!Array.isArray(value) || value.length !== 2 || !value.every(isFactor)) throw invalidArgument(name, expected, value);
      return orderedPair(name, value as unknown as Pair);
    },
  });
}

/**
 * A range of values > 0 (a gamma, a sigma) up to `max`: a number `d` for `[d, d]` or a `[min, max]` pair.
 *
 * @example
 * const sigma = positiveRange({ doc: 'Blur sigma range.', max: 64, default: [0.1, 2] });
 */
export function positiveRange<const O extends ParamOptions<Pair> & { readonly max: number }>(options: O) {
  const base = range({ doc: options.doc, min: 0, max: options.max });
  const expected = `a number in (0, ${options.max}] or a [min, max] pair of numbers within (0, ${options.max}]`;
  return param<Range, Pair, O>({
    ...options,
    schema: { ...base.schema, 'x-expected': expected },
    check: (value, name) => {
      const pair = base.check(value, name);
      if (!(pair[0] > 0)) throw invalidArgument(name, expected, value);
      return pair;
    },
  });
}

/**
 * A range of integers within `[min, max]`: an integer `n` for `[n, n]` or a `[lo, hi]` pair of integers.
 *
 * @example
 * const quality = integerRange({ doc: 'JPEG quality range.', min: 1, max: 100 });
 * quality.check([30, 90], 'quality'); // [30, 90]
 */
export function integerRange<const O extends ParamOptions<Pair> & { readonly min: number; readonly max: number }>(options: O) {
  const { min, max } = options;
  const expected = `an integer ${min}..${max} or a [min, max] pair of integers within ${min}..${max}`;
  const inside = (v: unknown) => isInteger(v) && v >= min && v <= max;
  return param<Range, Pair, O>({
    ...options,
    schema: {
      'x-expected': expected,
      anyOf: [
        { type: 'integer', minimum: min, maximum: max },
        { type: 'array', minItems: 2, maxItems: 2, items: { type: 'integer', minimum: min, maximum: max } },
      ],
    },
    check: (value, name) => {
      if (inside(value)) return [value as number, value as number];
      if (!Array.isArray(value) || value.length !== 2 || !value.every(inside)) throw invalidArgument(name, expected, value);
      return orderedPair(name, value as unknown as Pair);
    },
  });
}
