import { AugkitError, invalidArgument } from '../errors.js';
import type { AugkitImage, RgbaImage } from '../image.js';
import { checkKnownKeys } from '../knownKeys.js';
import { checkValues, opStep, recordedValues, type ParamMap } from '../ops/define.js';
import { probability } from '../ops/params.js';
import { drawSeed } from '../randomSeed.js';
import { checkDimension, checkImage, checkOptions, checkSeed } from '../validate.js';
import { opDefinition, transformDefinition, type AppliedOp, type StepInput, type StepSpec } from './catalogue.js';
import type { DrawContext, Size, TransformDefinition } from './defineTransform.js';
import { runOps } from './execute.js';
import { checkAgainstSchema } from './schemaErrors.js';
import { deriveSeed, SeedStream } from './seed.js';

/** `p`, which every transform takes: the probability that the step runs at all. */
export const stepProbability = probability({ doc: 'Probability that this step runs at all.', default: 1 });

/**
 * The options of a pipeline call: `pipeline(img, { seed })`.
 *
 * @example
 * const options: PipelineOptions = { seed: 42 }; // the same seed, the same ops and bytes, in every runtime
 * const { image, applied } = pipeline(img, options);
 */
export interface PipelineOptions {
  /** The seed, an integer 0..2^53−1. Drawn at random (and returned) when omitted. */
  seed?: number;
}

/**
 * What running a transform gives: the new image, every op applied with its drawn parameters, and the seed.
 *
 * @example
 * const { image, applied, seed }: PipelineResult = pipeline(img); // seed drawn at random, returned
 * await writeFile('out.png', encodePng(image));
 * replay(img, applied); // the same bytes as image, from the record alone
 * pipeline(img, { seed }); // and again from the seed
 */
export interface PipelineResult {
  readonly image: AugkitImage;
  readonly applied: AppliedOp[];
  readonly seed: number;
}

/**
 * A seeded random transform, callable as a pipeline: `t(img, { seed })` returns `{ image, applied, seed }`.
 * `t.draw(seed, { width, height })` returns the ops that seed selects without touching pixels, `t.spec` the transform as data.
 *
 * @example
 * const t: Transform = randomRotation({ degrees: 15 });
 * const { image, applied } = t(img, { seed: 42 });
 * t.draw(42, { width: img.width, height: img.height }); // the same ops as applied, no pixels touched
 * JSON.stringify(t); // its spec: '{"op":"randomRotation","p":1,"degrees":[-15,15],…}'
 */
export interface Transform {
  (img: RgbaImage, options?: PipelineOptions): PipelineResult;
  /** The transform as plain data (a recipe step with defaults filled in). */
  readonly spec: StepSpec;
  /**
   * The ops and parameters that `seed` selects for an input of `size`; the same seed and size always give
   * the same list. `size` may be left out when no step's draws depend on it (flips, rotations, noise).
   */
  draw(seed: number, size?: Size): AppliedOp[];
  toJSON(): StepSpec;
}

/**
 * A transform used as a whole pipeline (e.g. `compose([...])` or a recipe's).
 *
 * @example
 * const pipeline: Pipeline = compose([randomFlip(), randomRotation({ degrees: 15 })]);
 * const { image, applied, seed } = pipeline(img);
 */
export type Pipeline = Transform;

/** The size after `ops` run on an image of `size`, from each op's kernel step. */
function sizeAfter(ops: readonly AppliedOp[], size: Size | undefined): Size | undefined {
  if (size === undefined) return undefined;
  let [width, height] = [size.width, size.height];
  for (const op of ops) [width, height] = opStep(opDefinition(op.op), op).outputSize(width, height);
  return { width, height };
}

/**
 * The ops a step applies for `seed` and an input of `size`. Each step draws from its own splitmix64 stream
 * seeded with `seed`: first the gate (`chance(p)`, always drawn), then its parameters in a fixed order
 * (its definition's `draw`). Children of `compose` and `oneOf` get `deriveSeed(seed, childIndex)`.
 */
function drawOps(spec: StepSpec, seed: number, size: Size | undefined): AppliedOp[] {
  const random = new SeedStream(seed);
  if (!random.chance(spec.p)) return [];
  const definition = transformDefinition(spec.op);
  const context: DrawContext = {
    random,
    size,
    requireSize: () => {
      if (size !== undefined) return size;
      throw new AugkitError('INVALID_ARGUMENT', `${spec.op} draws from the image size: call draw(seed, { width, height })`);
    },
    child: (child, index, childSize) => drawOps(child, deriveSeed(seed, index), childSize),
    sizeAfter,
  };
  return definition.draw(spec as never, context);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function checkSize(size: unknown): Size {
  const { width, height } = checkOptions(size as Size, 'size');
  return { width: checkDimension(width, 'size.width'), height: checkDimension(height, 'size.height') };
}

/** Wraps a normalised spec as a callable transform. */
export function transformFromSpec(spec: StepSpec): Transform {
  const frozen = deepFreeze(spec);
  const run = (img: RgbaImage, options?: PipelineOptions): PipelineResult => {
    const src = checkImage(img);
    const opts = checkOptions(options);
    checkKnownKeys(opts, ['seed'], 'pipeline options');
    const seed = opts.seed === undefined ? drawSeed() : checkSeed(opts.seed, 'options.seed');
    const applied = drawOps(frozen, seed, { width: src.width, height: src.height });
    return { image: runOps(src, applied), applied, seed };
  };
  return Object.assign(run, {
    spec: frozen,
    draw: (seed: number, size?: Size) => drawOps(frozen, checkSeed(seed), size === undefined ? undefined : checkSize(size)),
    toJSON: () => frozen,
  });
}

/** How a message names field `key` of the step named `name` (`steps[2].degrees`, `options.p` …). */
function fieldOf(name: string, key: string): string {
  return name === '' ? key : `${name}.${key}`;
}

/**
 * Fills in defaults and normalises short forms (a range as a pair …), then runs the definition's own
 * checks between parameters. `step` has already passed the schema; `name` is how messages name it.
 */
export function normalizeStep(step: StepInput, name: string): StepSpec {
  const definition = transformDefinition(step.op);
  const nameOf = (key: string) => fieldOf(name, key);
  const args = step as unknown as Record<string, unknown>;
  const p = stepProbability.check(args.p ?? stepProbability.default, nameOf('p'));
  const checked = checkValues(definition.params, args, nameOf);
  const values = definition.complete?.(checked, nameOf) ?? checked;
  return { op: definition.name, p, ...recordedValues(definition.params, values) } as unknown as StepSpec;
}

/** Normalises a validated list of steps (see `normalizeStep`); `name` names the list (`steps`, `options.steps` …). */
export function normalizeSteps(steps: readonly StepInput[], name: string): StepSpec[] {
  return steps.map((step, i) => normalizeStep(step, `${name}[${i}]`));
}

/** A transform from a factory argument: a Transform, or a plain step object (validated). */
export function toSpec(value: unknown, param: string): StepSpec {
  if (typeof value === 'function' && 'spec' in value) return (value as Transform).spec;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    checkAgainstSchema('step', value, param);
    return normalizeStep(value as StepInput, param);
  }
  throw invalidArgument(param, 'a transform (randomFlip(), randomRotation(), …) or a step object { op, … }', value);
}

/**
 * What a transform factory does: checks the positional arguments (named bare), rejects unknown options,
 * validates the step against the recipe schema (messages name `options.<key>`), normalises it and wraps it.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad argument or option.
 * @example
 * export function randomRotation(options: TransformOptions<typeof randomRotationTransform>): Transform {
 *   return createTransform(randomRotationTransform, options);
 * }
 */
export function createTransform<M extends ParamMap>(
  definition: TransformDefinition<string, M>,
  options: object | undefined,
  positional: { readonly [key: string]: unknown } = {},
): Transform {
  for (const [key, value] of Object.entries(positional)) definition.params[key]!.check(value, key);
  const opts = checkOptions(options);
  const optionKeys = Object.keys(definition.params).filter((key) => !(key in positional));
  checkKnownKeys(opts, ['p', ...optionKeys], `${definition.name} options`);
  const step = { ...opts, ...positional, op: definition.name };
  checkAgainstSchema('step', step, 'options');
  return transformFromSpec(normalizeStep(step as unknown as StepInput, 'options'));
}

/** The transforms of `compose` / `oneOf` as specs: Transforms or plain step objects (validated). */
export function stepList(transforms: unknown, param: string): StepSpec[] {
  if (!Array.isArray(transforms)) throw invalidArgument(param, 'an array of transforms', transforms);
  return transforms.map((t, i) => toSpec(t, `${param}[${i}]`));
}

