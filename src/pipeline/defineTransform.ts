import { recordedValues, type AppliedOf, type Equivalents, type Inputs, type OpDefinition, type ParamMap, type Recorded, type Values } from '../ops/define.js';
import type { AppliedOp, StepSpec } from './catalogue.js';
import type { SeedStream } from './seed.js';

/**
 * An image size in pixels.
 *
 * @example
 * const size: Size = { width: 640, height: 480 };
 * randomResizedCrop(224, 224).draw(7, size); // [{ op: 'crop', … }, { op: 'resize', width: 224, height: 224, antialias: true }]
 */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * What a transform's `draw` gets besides its values.
 *
 * @example
 * // inside a transform definition (src/pipeline/transforms/randomRotation.ts): draws come from context.random
 * draw: ({ degrees, expand, fill, interpolation, border }, { random }: DrawContext) => [
 *   applied(rotateOp, { degrees: random.between(degrees[0], degrees[1]), expand, fill: [...fill], interpolation, border }),
 * ],
 */
export interface DrawContext {
  /** The step's own splitmix64 stream, its gate already drawn: draw the parameters from it in a fixed order. */
  readonly random: SeedStream;
  /** The size of the image that reaches this step, or undefined when `draw(seed)` was called without one. */
  readonly size: Size | undefined;
  /** The size, for a transform whose draws depend on it: INVALID_ARGUMENT naming the transform when unknown. */
  requireSize(): Size;
  /** The ops child step `index` applies, drawn from `deriveSeed(seed, index)` for an input of `size`. */
  child(spec: StepSpec, index: number, size: Size | undefined): AppliedOp[];
  /** The size after `ops` run on an image of `size` (undefined stays undefined). */
  sizeAfter(ops: readonly AppliedOp[], size: Size | undefined): Size | undefined;
}

/**
 * A random transform, defined once: its parameters (every transform also takes `p`, added for it), how it
 * draws concrete ops, and checks between parameters. Its recipe-step schema, its spec type, the
 * `StepInput` union and the docs table are derived from it.
 *
 * @example
 * const definition: TransformDefinition = randomRotationTransform;
 * definition.name; // 'randomRotation', the `op` of its recipe steps
 * Object.keys(definition.params); // ['degrees', 'expand', 'fill', 'interpolation', 'border'] (and every step takes p)
 */
export interface TransformDefinition<N extends string = string, M extends ParamMap = ParamMap> {
  readonly kind: 'transform';
  /** `op` in recipe steps. */
  readonly name: N;
  /** One paragraph for the docs. */
  readonly doc: string;
  /** The parameters besides `p`, in spec order. */
  readonly params: M;
  /** Parameters the factory takes as arguments rather than in `options` (named bare in messages). */
  readonly positional: readonly string[];
  /**
   * The step options of the docs gallery's picture (docs/gallery.md, `npm run docs:gallery`: one draw on its
   * 144 × 96 sample photo); test/gallery.test.ts requires one of every catalogued transform.
   */
  readonly example?: Inputs<M> & { readonly p?: number };
  /** Its Keras / torchvision / albumentations counterparts, where they exist (docs/gallery.md). */
  readonly equivalents?: Equivalents;
  /** Checks between parameters (min ≤ max across two, one weight per step …) and derived defaults; returns the values to keep. */
  complete?(values: Values<M>, nameOf: (key: string) => string): Values<M>;
  /** The concrete ops for one draw; parameters come from `context.random`, in a fixed order. */
  draw(values: Values<M>, context: DrawContext): AppliedOp[];
}

/** The normalised spec of definition `D`: `{ op, p, ...values }`. */
export type SpecOf<D> = D extends { readonly kind: 'transform'; readonly name: infer N; readonly params: infer M }
  ? { readonly op: N; readonly p: number } & Recorded<M>
  : never;
/** A step of definition `D` as written: `{ op, p?, ...inputs }`. */
export type StepInputOf<D> = D extends { readonly kind: 'transform'; readonly name: infer N; readonly params: infer M }
  ? { readonly op: N; readonly p?: number } & Inputs<M>
  : never;
/**
 * The options argument of the factory of definition `D`: its inputs without the `Positional` ones (factory arguments), and `p`.
 *
 * @example
 * const options: TransformOptions<typeof randomRotationTransform> = { degrees: 15, border: 'reflect', p: 0.5 };
 * const t = randomRotation(options); // RandomRotationOptions is this type
 */
export type TransformOptions<D, Positional extends string = never> =
  D extends { readonly kind: 'transform'; readonly params: infer M } ? Simplify<Omit<Inputs<M>, Positional> & { readonly p?: number }> : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * Defines a random transform. Export it from src/pipeline/transforms/index.ts (one line), with its factory.
 *
 * @example
 * export const randomInvertTransform = defineTransform({
 *   name: 'randomInvert',
 *   doc: 'Inverts the colours (the step's `p` says how often).',
 *   params: {},
 *   draw: () => [applied(invertOp, {})],
 * });
 * export function randomInvert(options?: TransformOptions<typeof randomInvertTransform>): Transform {
 *   return createTransform(randomInvertTransform, options);
 * }
 */
export function defineTransform<const N extends string, const M extends ParamMap>(
  definition: Omit<TransformDefinition<N, M>, 'kind' | 'positional'> & { readonly positional?: readonly (keyof M & string)[] },
): TransformDefinition<N, M> {
  return Object.freeze({ kind: 'transform', positional: [], ...definition });
}

/**
 * The applied record of op `definition` with `values`: `{ op, ...values }`, keys in definition order (so
 * manifests are byte-stable whatever order a transform wrote them in); undefined values, and values of
 * `omitDefault` parameters that equal their default, are left out.
 *
 * @example
 * applied(rotateOp, { degrees: 12.5, expand: false, fill: [0, 0, 0, 0] }); // { op: 'rotate', degrees: 12.5, … }
 */
export function applied<D extends OpDefinition<string, ParamMap>>(
  definition: D,
  values: D extends OpDefinition<string, infer M> ? Recorded<M> : never,
): AppliedOf<D> {
  return { op: definition.name, ...recordedValues(definition.params, values as Record<string, unknown>) } as AppliedOf<D>;
}
