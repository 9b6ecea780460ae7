import { invalidArgument } from '../errors.js';
import { checkDimension, isFiniteNumber } from '../validate.js';
import { param } from './params.js';

/** A non-negative integer in pixels (a crop's corner, a pad's margin). */
export const offset = (doc: string) =>
  param<number>({
    doc,
    schema: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, 'x-expected': 'a non-negative integer' },
    check: (value, name) => {
      if (!Number.isSafeInteger(value) || (value as number) < 0) throw invalidArgument(name, 'a non-negative integer', value);
      return value as number;
    },
  });

/** An output width or height that defaults to the input's: optional, recorded only when given. */
export const outputDimension = (doc: string) =>
  param<number, number | undefined, { readonly doc: string; readonly optional: true }>({
    doc,
    optional: true,
    schema: { type: 'integer', minimum: 1, maximum: 65535, 'x-expected': 'an integer between 1 and 65535' },
    check: (value, name) => (value === undefined ? undefined : checkDimension(value, name)),
  });

/**
 * A pair of finite numbers `[a, b]`, accepting one number `v` as `[v, single]` (`single` = the same `v`, or 0).
 * `valid` restricts each number (scale > 0, shear in (−90, 90)).
 */
export function pair<const O extends { readonly doc: string; readonly default: readonly [number, number] }>(
  options: O & { readonly expected: string; readonly singleIsX?: boolean; readonly valid?: (v: number) => boolean; readonly min?: number; readonly max?: number; readonly exclusiveMin?: number },
) {
  const { expected, singleIsX = false, valid = () => true } = options;
  const bounds = {
    ...(options.min !== undefined && { minimum: options.min }),
    ...(options.max !== undefined && { maximum: options.max }),
    ...(options.exclusiveMin !== undefined && { exclusiveMinimum: options.exclusiveMin }),
  };
  const ok = (v: unknown): v is number => isFiniteNumber(v) && valid(v);
  return param<number | readonly [number, number], readonly [number, number], O>({
    ...options,
    schema: {
      'x-expected': expected,
      anyOf: [{ type: 'number', ...bounds }, { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number', ...bounds } }],
    },
    check: (value, name) => {
      if (ok(value)) return [value, singleIsX ? 0 : value];
      if (Array.isArray(value) && value.length === 2 && value.every(ok)) return [value[0], value[1]];
      throw invalidArgument(name, expected, value);
    },
  });
}
