import type { AugkitImage, RgbaImage } from '../image.js';
import { checkKnownKeys } from '../knownKeys.js';
import { checkImage, checkOptions } from '../validate.js';
import { runKernel, type KernelStep } from '../wasm/run.js';
import type { Param } from './params.js';

/**
 * Named parameters, in the order they are checked, documented and recorded.
 *
 * @example
 * const params: ParamMap = resizeOp.params;
 * Object.keys(params); // ['width', 'height', 'antialias', 'fit', 'border', 'fill']
 */
export type ParamMap = { readonly [name: string]: Param<unknown, unknown> };

/** The value an op receives for parameter `P` (normalised, default filled in). */
export type ValueOf<P> = P extends { check(value: unknown, name: string): infer Out } ? Out : never;
/** What a caller writes for parameter `P`. */
export type InputOf<P> = P extends { readonly input?: infer In } ? Exclude<In, undefined> : never;

type OptionalKeys<M> = { [K in keyof M]: M[K] extends { readonly default: unknown } | { readonly optional: true } ? K : never }[keyof M];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * Every parameter checked and filled in: what `step` and `draw` receive, and what `applied` records.
 *
 * @example
 * const values: Values<typeof rotateOp.params> = { degrees: 17, expand: false, fill: [0, 0, 0, 0], interpolation: 'bilinear', border: 'constant' };
 * rotateOp.caption(values); // 'rotate 17.0°'
 */
export type Values<M> = Simplify<{ readonly [K in keyof M]: ValueOf<M[K]> }>;
/**
 * The parameters as a caller writes them: those with a default are optional.
 *
 * @example
 * const args: Inputs<typeof resizeOp.params> = { width: 224, height: 224, antialias: true }; // fit, border, fill optional
 */
export type Inputs<M> = Simplify<
  { readonly [K in Exclude<keyof M, OptionalKeys<M>>]: InputOf<M[K]> } & { readonly [K in OptionalKeys<M>]?: InputOf<M[K]> }
>;

/**
 * A forward point map: where the source point `(x, y)` (pixel centres at integers) lands in the output.
 *
 * @example
 * const forward: PointMap = flipHorizontalOp.mapPoint!({}, 640, 480);
 * forward(0, 10); // [639, 10]
 */
export type PointMap = (x: number, y: number) => readonly [number, number];

/**
 * The same operation in the libraries augkit users come from, for the docs (docs/gallery.md): the call as
 * its users write it, e.g. `F.rotate(img, angle)`; a `≈` prefix marks one that differs in detail.
 *
 * @example
 * const rotation: Equivalents = { keras: 'RandomRotation(factor)', torchvision: 'F.rotate(img, angle)', albumentations: '≈ A.Rotate' };
 */
export interface Equivalents {
  readonly keras?: string;
  readonly torchvision?: string;
  readonly albumentations?: string;
}

/**
 * A functional op, defined once. Everything else is derived from it: the `applied` records of pipelines
 * and manifests (`{ op: name, ...values }`), their JSON schema and validation, `replay`, size tracking in
 * `pipeline.draw`, preview captions and the docs table.
 *
 * @example
 * const definition: OpDefinition = resizeOp;
 * definition.name; // 'resize'
 * definition.positional; // ['width', 'height']: resize(img, width, height, options)
 */
export interface OpDefinition<N extends string = string, M extends ParamMap = ParamMap> {
  readonly kind: 'op';
  /** The public function's name, and `op` in applied records. */
  readonly name: N;
  /** One paragraph for the docs. */
  readonly doc: string;
  /** The parameters, in record order. */
  readonly params: M;
  /** Parameters the public function takes as arguments rather than in `options` (named bare in messages). */
  readonly positional: readonly string[];
  /**
   * The parameters of the docs gallery's picture (docs/gallery.md, `npm run docs:gallery`), for its
   * 144 × 96 sample photo; test/gallery.test.ts requires one of every catalogued op.
   */
  readonly example?: Inputs<M>;
  /** Its Keras / torchvision / albumentations counterparts, where they exist (docs/gallery.md). */
  readonly equivalents?: Equivalents;
  /** The kernel step (see src/wasm/run.ts) for checked values; its `outputSize` is the op's output size. */
  step(values: Values<M>): KernelStep;
  /** A short caption for preview sheets: `rotate -12.3°`. */
  caption(values: Values<M>): string;
  /** Geometric ops: how a point of a `width`×`height` input maps forward into the output. */
  mapPoint?(values: Values<M>, width: number, height: number): PointMap;
}

type RecordOptionalKeys<M> = {
  [K in keyof M]: M[K] extends { readonly omitDefault: true } | { readonly optional: true } ? K : never;
}[keyof M];

/** The values as recorded (applied records, specs): optional and `omitDefault` parameters may be absent. */
export type Recorded<M> = Simplify<
  { readonly [K in Exclude<keyof M, RecordOptionalKeys<M>>]: ValueOf<M[K]> } & { readonly [K in RecordOptionalKeys<M>]?: ValueOf<M[K]> }
>;

/**
 * The record of one applied op of definition `D`: `{ op, ...values }`.
 *
 * @example
 * const record: AppliedOf<typeof rotateOp> = { op: 'rotate', degrees: 12.5, expand: false, fill: [0, 0, 0, 0] };
 * replay(img, [record]); // = rotate(img, 12.5)
 */
export type AppliedOf<D> = D extends { readonly kind: 'op'; readonly name: infer N; readonly params: infer M }
  ? Simplify<{ readonly op: N } & Recorded<M>>
  : never;

/**
 * `values` as recorded: in definition order, without undefined values and without `omitDefault`
 * parameters that hold their default (so records and specs written before such a parameter existed stay
 * byte-identical).
 *
 * @example
 * recordedValues(rotateOp.params, { degrees: 3, expand: false, fill: [0, 0, 0, 0], border: 'constant' }); // no border
 */
export function recordedValues(params: ParamMap, values: { readonly [key: string]: unknown }): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [key, p] of Object.entries(params)) {
    const value = values[key];
    if (value === undefined || (p.omitDefault && JSON.stringify(value) === JSON.stringify(p.default))) continue;
    record[key] = value;
  }
  return record;
}

/**
 * Defines a functional op. The result is plain data plus functions; export it from src/ops/index.ts
 * (one line) and the pipeline, schema and docs pick it up.
 *
 * @example
 * export const invertOp = defineOp({
 *   name: 'invert',
 *   doc: 'Replaces R, G and B by 255 − v; alpha is kept.',
 *   params: {},
 *   step: () => invertStep,
 *   caption: () => 'invert',
 * });
 * export function invert(img: RgbaImage, options?: InvertOptions): AugkitImage {
 *   return applyOp(invertOp, img, {}, options);
 * }
 */
export function defineOp<const N extends string, const M extends ParamMap>(
  definition: Omit<OpDefinition<N, M>, 'kind' | 'positional'> & { readonly positional?: readonly (keyof M & string)[] },
): OpDefinition<N, M> {
  return Object.freeze({ kind: 'op', positional: [], ...definition });
}

/**
 * Checks `args` against `params` in definition order, filling in defaults: the values an op or a transform
 * receives. `nameOf(key)` is how a message names the parameter (`options.expand`, `steps[2].degrees` …).
 *
 * @throws {AugkitError} INVALID_ARGUMENT from the first parameter that fails its check.
 */
export function checkValues<M extends ParamMap>(
  params: M,
  args: { readonly [key: string]: unknown },
  nameOf: (key: string) => string,
): Values<M> {
  const values: Record<string, unknown> = {};
  for (const [key, p] of Object.entries(params)) {
    const given = args[key];
    values[key] = p.check(given === undefined ? p.default : given, nameOf(key));
  }
  return values as Values<M>;
}

/**
 * The kernel step of `definition` for `args` (an applied record or its parameters), checked first, each
 * parameter named bare: how pipelines, `replay` and tests turn records into kernel calls.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad parameter.
 * @example
 * runKernelSequence(img, [opStep(resizeOp, { width: 64, height: 40 }), opStep(flipHorizontalOp, {})]);
 */
export function opStep<M extends ParamMap>(definition: OpDefinition<string, M>, args: { readonly [key: string]: unknown }): KernelStep {
  return definition.step(checkValues(definition.params, args, (key) => key));
}

/**
 * What a public op function does: checks the image, the positional arguments (named bare) and the options
 * (unknown keys rejected; named `options.<key>`), then runs the op's kernel step into `options.out` or a new array.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, argument, option or `out`; TOO_LARGE for an output over the pixel limit.
 * @example
 * export function rotate(img: RgbaImage, degrees: number, options?: RotateOptions): AugkitImage {
 *   return applyOp(rotateOp, img, { degrees }, options);
 * }
 */
export function applyOp<M extends ParamMap>(
  definition: OpDefinition<string, M>,
  img: RgbaImage,
  positional: { readonly [key: string]: unknown },
  options: object | undefined,
): AugkitImage {
  const src = checkImage(img);
  const opts = checkOptions(options) as { readonly [key: string]: unknown };
  const optionKeys = Object.keys(definition.params).filter((key) => !(key in positional));
  checkKnownKeys(opts, [...optionKeys, 'out'], `${definition.name} options`);
  const values = checkValues(definition.params, { ...opts, ...positional }, (key) => (key in positional ? key : `options.${key}`));
  return runKernel(src, definition.step(values), opts.out);
}
