import { AugkitError, invalidArgument } from '../errors.js';
import type { Rgba } from '../image.js';
import {
  checkBoolean,
  checkColor,
  checkDimension,
  checkFiniteNumber,
  checkIntegerInRange,
  checkNumberInRange,
  checkSeed,
  isFiniteNumber,
} from '../validate.js';

/** A JSON Schema (draft-07) fragment. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * One parameter of an op or a transform, defined once: how it is written in JSON (its schema, from which
 * the recipe schema is generated), what the docs say about it, its default, and the check that JavaScript
 * callers and parsed recipes go through (it returns the value normalised, e.g. a range as a `[min, max]` pair).
 * `In` is what a caller writes, `Out` what the op or transform receives.
 *
 * @example
 * const degrees: Param = rotateOp.params.degrees;
 * degrees.check(400, 'degrees'); // 400; a string would throw AugkitError INVALID_ARGUMENT
 * resizeOp.params.antialias.default; // false
 */
export interface Param<In = unknown, Out = In> {
  /** JSON Schema of the written value, with a `description` and the `x-expected` phrase of error messages. */
  readonly schema: JsonSchema;
  /** One sentence for the docs: what the parameter does (the default is added from `default`). */
  readonly doc: string;
  /** The value used when the parameter is omitted; a parameter without one is required. */
  readonly default?: Out;
  /** Optional without a default: `check` accepts undefined and the definition derives the value (oneOf's weights). */
  readonly optional?: true;
  /**
   * Left out of applied records while it has its default value: for a parameter added to an op after
   * records were written (rotate's `border`), so those records and manifests stay byte-identical.
   */
  readonly omitDefault?: true;
  /** Checks `value` (named `name` in error messages) and returns it normalised; throws AugkitError INVALID_ARGUMENT. */
  check(value: unknown, name: string): Out;
  /** Type-level only: what a caller writes. */
  readonly input?: In;
}

/** A parameter with a default: optional for callers. */
export type Defaulted<P> = P & { readonly default: P extends Param<unknown, infer Out> ? Out : never };

/** What every builder takes: the doc sentence and, for an optional parameter, its default. */
export interface ParamOptions<Out> {
  readonly doc: string;
  readonly default?: Out;
}

/** The builders' result: `Param<In, Out>`, optional when `O` has a default. */
export type Built<In, Out, O> = O extends { readonly default: Out }
  ? Defaulted<Param<In, Out>>
  : O extends { readonly optional: true }
    ? Param<In, Out> & { readonly optional: true }
    : Param<In, Out>;

/**
 * A parameter of any shape: its JSON schema (with `x-expected`, the phrase error messages use) and its check.
 * The named builders below cover the common cases; use this one for the rest (matrices, corner lists …).
 *
 * @example
 * const matrix = param({ doc: 'The 2×3 matrix, row-major.', schema: { type: 'array', minItems: 6, maxItems: 6,
 *   items: { type: 'number' }, 'x-expected': 'six finite numbers' }, check: checkMatrix });
 */
export function param<In, Out = In, const O extends ParamOptions<Out> & { readonly optional?: true } = ParamOptions<Out>>(
  options: O & { readonly schema: JsonSchema; readonly check: (value: unknown, name: string) => Out },
): Built<In, Out, O> {
  const { doc, schema, check, optional } = options;
  const withDefault = 'default' in options && options.default !== undefined;
  const description = withDefault ? `${doc} Default ${JSON.stringify(options.default)}.` : doc;
  return Object.freeze({
    doc,
    schema: { description, ...schema },
    check,
    ...(optional && { optional }),
    ...(withDefault && { default: options.default }),
  }) as unknown as Built<In, Out, O>;
}

/**
 * The same parameter, left out of applied records while it has its default (see `Param.omitDefault`).
 *
 * @example
 * const border = omittedWhenDefault(borderParam); // rotate's records keep their old bytes
 */
export function omittedWhenDefault<P extends Param<unknown, unknown> & { readonly default: unknown }>(p: P): P & { readonly omitDefault: true } {
  return Object.freeze({ ...p, omitDefault: true as const });
}

/**
 * A finite number, optionally within `[min, max]`.
 *
 * @example
 * const degrees = number({ doc: 'Angle in degrees, counter-clockwise.' });
 * const amount = number({ doc: 'Fraction of pixels hit.', min: 0, max: 1, default: 0.05 });
 */
export function number<const O extends ParamOptions<number> & { readonly min?: number; readonly max?: number }>(
  options: O,
): Built<number, number, O> {
  const { min, max } = options;
  if (min === undefined && max === undefined) {
    return param<number, number, O>({ ...options, schema: { type: 'number', 'x-expected': 'a finite number' }, check: checkFiniteNumber });
  }
  const [lo, hi] = [min ?? -Number.MAX_VALUE, max ?? Number.MAX_VALUE];
  return param<number, number, O>({
    ...options,
    schema: { type: 'number', minimum: lo, maximum: hi, 'x-expected': `a number between ${lo} and ${hi}` },
    check: (value, name) => checkNumberInRange(value, name, lo, hi),
  });
}

/**
 * A probability 0..1.
 *
 * @example
 * const horizontal = probability({ doc: 'Probability of a horizontal flip.', default: 0.5 });
 */
export function probability<const O extends ParamOptions<number>>(options: O): Built<number, number, O> {
  return param<number, number, O>({
    ...options,
    schema: { type: 'number', minimum: 0, maximum: 1, 'x-expected': 'a probability between 0 and 1' },
    check: (value, name) => checkNumberInRange(value, name, 0, 1),
  });
}

/**
 * An integer within `[min, max]`.
 *
 * @example
 * const bits = integer({ doc: 'Bits kept per channel.', min: 1, max: 8 });
 */
export function integer<const O extends ParamOptions<number> & { readonly min: number; readonly max: number }>(
  options: O,
): Built<number, number, O> {
  const { min, max } = options;
  return param<number, number, O>({
    ...options,
    schema: { type: 'integer', minimum: min, maximum: max, 'x-expected': `an integer between ${min} and ${max}` },
    check: (value, name) => checkIntegerInRange(value, name, min, max),
  });
}

/**
 * A width or height in pixels: a positive integer (at most 65535 in JSON; the pixel limit bounds the product).
 *
 * @example
 * const width = dimension({ doc: 'Target width in pixels.' });
 */
export function dimension<const O extends ParamOptions<number>>(options: O): Built<number, number, O> {
  return param<number, number, O>({
    ...options,
    schema: { type: 'integer', minimum: 1, maximum: 65535, 'x-expected': 'an integer between 1 and 65535' },
    check: checkDimension,
  });
}

/**
 * A boolean.
 *
 * @example
 * const expand = boolean({ doc: 'Grow the canvas so the whole rotated image fits.', default: false });
 */
export function boolean<const O extends ParamOptions<boolean>>(options: O): Built<boolean, boolean, O> {
  return param<boolean, boolean, O>({ ...options, schema: { type: 'boolean', 'x-expected': 'a boolean' }, check: checkBoolean });
}

/**
 * An `[r, g, b, a]` colour, four integers 0..255.
 *
 * @example
 * const fill = color({ doc: 'Colour of the uncovered area.', default: [0, 0, 0, 0] });
 */
export function color<const O extends ParamOptions<Rgba>>(options: O): Built<Rgba, Rgba, O> {
  return param<Rgba, Rgba, O>({
    ...options,
    schema: {
      type: 'array',
      minItems: 4,
      maxItems: 4,
      items: { type: 'integer', minimum: 0, maximum: 255, 'x-expected': 'an integer 0..255' },
      'x-expected': 'an [r, g, b, a] array of integers 0..255',
    },
    check: (value, name) => checkColor(value, name) as unknown as Rgba,
  });
}

/**
 * A PRNG seed: a non-negative safe integer.
 *
 * @example
 * const seed = seedParam({ doc: 'Seed of the noise PRNG.' });
 */
export function seedParam<const O extends ParamOptions<number>>(options: O): Built<number, number, O> {
  return param<number, number, O>({
    ...options,
    schema: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, 'x-expected': 'a non-negative safe integer' },
    check: checkSeed,
  });
}

/**
 * One of a fixed list of strings (a border mode, an interpolation …).
 *
 * @example
 * const border = choice({ doc: 'How pixels outside the image are read.', values: ['constant', 'edge'], default: 'constant' });
 */
export function choice<const O extends { readonly doc: string; readonly values: readonly string[]; readonly default?: string }>(
  options: O,
): Built<O['values'][number], O['values'][number], O> {
  type V = O['values'][number];
  const { values } = options;
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
  return param<V, V, O>({
    ...options,
    schema: { enum: values, 'x-expected': expected },
    check: (value: unknown, name: string) => {
      if (!values.includes(value as string)) throw invalidArgument(name, expected, value);
      return value as V;
    },
  } as never);
}

/**
 * A number `d` (meaning `[-d, d]` for a symmetric range, `[d, d]` otherwise) or a `[min, max]` pair.
 *
 * @example
 * const angle: Range = 15; // a symmetric range (angles): drawn from [-15, 15]
 * const zoom: Range = [0.8, 1.2]; // drawn from [0.8, 1.2]
 * const t = randomAffine({ degrees: angle, scale: zoom });
 */
export type Range = number | readonly [number, number];

/**
 * A range to draw from: a number or a `[min, max]` pair within `[min, max]`, normalised to a pair.
 * With `symmetric`, a single number `d` (0..max) means `[−d, d]` (angles); otherwise `[d, d]`.
 *
 * @example
 * const degrees = range({ doc: 'Angle range in degrees.', min: -360, max: 360, symmetric: true });
 */
export function range<
  const O extends ParamOptions<readonly [number, number]> & { readonly min: number; readonly max: number; readonly symmetric?: boolean },
>(options: O): Built<Range, readonly [number, number], O> {
  const { min, max, symmetric = false } = options;
  const single = symmetric ? [0, max] : [min, max];
  const expected = `a number ${single[0]}..${single[1]} or a [min, max] pair of numbers within ${min}..${max}`;
  const inside = (v: unknown, lo: number) => isFiniteNumber(v) && v >= lo && v <= max;
  return param<Range, readonly [number, number], O>({
    ...options,
    schema: {
      'x-expected': expected,
      anyOf: [
        { type: 'number', minimum: single[0], maximum: single[1] },
        { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number', minimum: min, maximum: max } },
      ],
    },
    check: (value, name) => {
      if (inside(value, single[0]!)) return symmetric ? [-(value as number), value as number] : [value as number, value as number];
      if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => inside(v, min))) {
        throw invalidArgument(name, expected, value);
      }
      return orderedPair(name, value as unknown as readonly [number, number]);
    },
  });
}

/**
 * A `[min, max]` pair as given, once `min ≤ max` is checked (INVALID_ARGUMENT naming the parameter otherwise).
 *
 * @example
 * orderedPair('scale', [0.08, 1]); // [0.08, 1]
 */
export function orderedPair(name: string, [lo, hi]: readonly [number, number]): readonly [number, number] {
  if (lo > hi) throw new AugkitError('INVALID_ARGUMENT', `Expected a [min, max] pair with min ≤ max for ${name} but received [${lo}, ${hi}]`);
  return [lo, hi];
}
