import { AugkitError, invalidArgument } from '../errors.js';
import type { AugkitImage, Rgba, RgbaImage } from '../image.js';
import { drawSeed } from '../ops/saltAndPepper.js';
import { checkDimension, checkImage, checkOptions, checkSeed } from '../validate.js';
import { runOps, type AppliedOp } from './execute.js';
import { checkAgainstSchema, fieldName } from './schemaErrors.js';
import { deriveSeed, SeedStream } from './seed.js';

/** A number `d` (meaning `[-d, d]` for angles, `[d, d]` otherwise) or a `[min, max]` pair. */
export type Range = number | readonly [number, number];

/** A transform as plain, JSON-ready data, with every default filled in (what a recipe step normalises to). */
export type StepSpec =
  | { readonly op: 'randomFlip'; readonly p: number; readonly horizontal: number; readonly vertical: number }
  | {
      readonly op: 'randomRotation';
      readonly p: number;
      readonly degrees: readonly [number, number];
      readonly expand: boolean;
      readonly fill: Rgba;
    }
  | {
      readonly op: 'randomSaltAndPepper';
      readonly p: number;
      readonly amount: readonly [number, number];
      readonly saltVsPepper: number;
      readonly perChannel: boolean;
    }
  | { readonly op: 'resizeTo'; readonly p: number; readonly width: number; readonly height: number; readonly antialias: boolean }
  | { readonly op: 'compose'; readonly p: number; readonly steps: readonly StepSpec[] }
  | { readonly op: 'oneOf'; readonly p: number; readonly steps: readonly StepSpec[]; readonly weights: readonly number[] };

/** A recipe step as written in JSON: `op`, then that transform's options (short forms allowed). */
export interface StepInput {
  readonly op: string;
  readonly [option: string]: unknown;
}

export interface PipelineOptions {
  /** The seed, an integer 0..2^53−1. Drawn at random (and returned) when omitted. */
  seed?: number;
}

/** What running a transform gives: the new image, every op applied with its drawn parameters, and the seed. */
export interface PipelineResult {
  readonly image: AugkitImage;
  readonly applied: AppliedOp[];
  readonly seed: number;
}

/**
 * A seeded random transform, callable as a pipeline: `t(img, { seed })` returns `{ image, applied, seed }`.
 * `t.draw(seed)` returns the ops that seed selects without touching pixels, `t.spec` the transform as data.
 */
export interface Transform {
  (img: RgbaImage, options?: PipelineOptions): PipelineResult;
  /** The transform as plain data (a recipe step with defaults filled in). */
  readonly spec: StepSpec;
  /** The ops and parameters that `seed` selects; the same seed always gives the same list. */
  draw(seed: number): AppliedOp[];
  toJSON(): StepSpec;
}

/** A transform used as a whole pipeline (e.g. `compose([...])` or a recipe's). */
export type Pipeline = Transform;

/**
 * The ops a step applies for `seed`. Each step draws from its own splitmix64 stream seeded with `seed`:
 * first the gate (`chance(p)`, always drawn), then its parameters in a fixed order. Children of
 * `compose` and `oneOf` get `deriveSeed(seed, childIndex)`.
 */
function drawOps(spec: StepSpec, seed: number): AppliedOp[] {
  const stream = new SeedStream(seed);
  if (!stream.chance(spec.p)) return [];
  switch (spec.op) {
    case 'randomFlip': {
      const horizontal = stream.chance(spec.horizontal);
      const vertical = stream.chance(spec.vertical);
      const ops: AppliedOp[] = [];
      if (horizontal) ops.push({ op: 'flipHorizontal' });
      if (vertical) ops.push({ op: 'flipVertical' });
      return ops;
    }
    case 'randomRotation': {
      const degrees = stream.between(spec.degrees[0], spec.degrees[1]);
      return [{ op: 'rotate', degrees, expand: spec.expand, fill: [...spec.fill] as unknown as Rgba }];
    }
    case 'randomSaltAndPepper': {
      const amount = stream.between(spec.amount[0], spec.amount[1]);
      const noiseSeed = stream.nextSeed();
      return [{ op: 'saltAndPepper', amount, saltVsPepper: spec.saltVsPepper, perChannel: spec.perChannel, seed: noiseSeed }];
    }
    case 'resizeTo':
      return [{ op: 'resize', width: spec.width, height: spec.height, antialias: spec.antialias }];
    case 'compose':
      return spec.steps.flatMap((step, i) => drawOps(step, deriveSeed(seed, i)));
    case 'oneOf': {
      const i = stream.pick(spec.weights);
      return drawOps(spec.steps[i]!, deriveSeed(seed, i));
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Wraps a normalised spec as a callable transform. */
function makeTransform(spec: StepSpec): Transform {
  const frozen = deepFreeze(spec);
  const run = (img: RgbaImage, options?: PipelineOptions): PipelineResult => {
    const src = checkImage(img);
    const opts = checkOptions(options);
    const seed = opts.seed === undefined ? drawSeed() : checkSeed(opts.seed, 'options.seed');
    const applied = drawOps(frozen, seed);
    return { image: runOps(src, applied), applied, seed };
  };
  return Object.assign(run, {
    spec: frozen,
    draw: (seed: number) => drawOps(frozen, checkSeed(seed)),
    toJSON: () => frozen,
  });
}

type Path = readonly (string | number)[];

function pairOf(value: number | readonly number[], symmetric: boolean, prefix: string, path: Path): [number, number] {
  if (typeof value === 'number') return symmetric ? [-value, value] : [value, value];
  const [min, max] = value as [number, number];
  if (min > max) {
    throw new AugkitError(
      'INVALID_ARGUMENT',
      `Expected a [min, max] pair with min ≤ max for ${fieldName(prefix, path.map(String))} but received [${min}, ${max}]`,
    );
  }
  return [min, max];
}

/**
 * Fills in defaults and checks what the schema cannot say (min ≤ max, one weight per step).
 * `step` has already passed the schema.
 */
function normalize(step: StepInput, prefix: string, path: Path): StepSpec {
  const s = step as unknown as Record<string, never>;
  const p: number = s.p ?? 1;
  switch (step.op) {
    case 'randomFlip':
      return { op: 'randomFlip', p, horizontal: s.horizontal ?? 0.5, vertical: s.vertical ?? 0 };
    case 'randomRotation':
      return {
        op: 'randomRotation',
        p,
        degrees: pairOf(s.degrees, true, prefix, [...path, 'degrees']),
        expand: s.expand ?? false,
        fill: s.fill ?? [0, 0, 0, 0],
      };
    case 'randomSaltAndPepper':
      return {
        op: 'randomSaltAndPepper',
        p,
        amount: pairOf(s.amount, false, prefix, [...path, 'amount']),
        saltVsPepper: s.saltVsPepper ?? 0.5,
        perChannel: s.perChannel ?? false,
      };
    case 'resizeTo':
      return { op: 'resizeTo', p, width: s.width, height: s.height, antialias: s.antialias ?? false };
    case 'compose':
      return { op: 'compose', p, steps: normalizeSteps(s.steps, prefix, [...path, 'steps']) };
    case 'oneOf': {
      const steps = normalizeSteps(s.steps, prefix, [...path, 'steps']);
      const weights: number[] = s.weights ?? steps.map(() => 1);
      if (weights.length !== steps.length || !weights.some((w) => w > 0)) {
        throw new AugkitError(
          'INVALID_ARGUMENT',
          `Expected ${steps.length} non-negative weight${steps.length === 1 ? '' : 's'} (one per step, not all 0) ` +
            `for ${fieldName(prefix, [...path, 'weights'].map(String))} ` +
            `but received [${weights.join(', ')}]`,
        );
      }
      return { op: 'oneOf', p, steps, weights };
    }
    default:
      throw new AugkitError('INTERNAL', `unknown step ${step.op} passed the schema; please report this`);
  }
}

/** Normalises a validated list of steps (see `normalize`). */
export function normalizeSteps(steps: readonly StepInput[], prefix: string, path: Path): StepSpec[] {
  return steps.map((step, i) => normalize(step, prefix, [...path, i]));
}

/** A transform from a factory argument: a Transform, or a plain step object (validated). */
function toSpec(value: unknown, param: string): StepSpec {
  if (typeof value === 'function' && 'spec' in value) return (value as Transform).spec;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    checkAgainstSchema('step', value, param);
    return normalize(value as StepInput, param, []);
  }
  throw invalidArgument(param, 'a transform (randomFlip(), randomRotation(), …) or a step object { op, … }', value);
}

function factory(op: StepSpec['op'], options: object | undefined, extra: Record<string, unknown> = {}): Transform {
  const step = { ...checkOptions(options), ...extra, op };
  checkAgainstSchema('step', step, 'options');
  return makeTransform(normalize(step as StepInput, 'options', []));
}

export interface RandomFlipOptions {
  /** Probability of a horizontal (left-right) flip, 0..1 (default 0.5). */
  horizontal?: number;
  /** Probability of a vertical (top-bottom) flip, 0..1 (default 0: off unless asked). */
  vertical?: number;
  /** Probability that the step runs at all, 0..1 (default 1). */
  p?: number;
}

/**
 * Flips left-right with probability `horizontal` and top-bottom with probability `vertical`, drawn independently.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const { image, applied } = randomFlip({ horizontal: 0.5 })(img, { seed: 1 });
 */
export function randomFlip(options?: RandomFlipOptions): Transform {
  return factory('randomFlip', options);
}

export interface RandomRotationOptions {
  /** `d` (0..360) for an angle in [−d, d], or a `[min, max]` pair within −360..360, in degrees (required). */
  degrees: Range;
  /** Grow the canvas so the whole rotated image fits (default false). */
  expand?: boolean;
  /** Colour of the uncovered corners, `[r, g, b, a]` (default transparent `[0, 0, 0, 0]`). */
  fill?: Rgba;
  /** Probability that the step runs, 0..1 (default 1). */
  p?: number;
}

/**
 * Rotates counter-clockwise by an angle drawn uniformly from `degrees` (see `rotate`).
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const tilt = randomRotation({ degrees: [-20, 20], fill: [255, 255, 255, 255] });
 */
export function randomRotation(options: RandomRotationOptions): Transform {
  return factory('randomRotation', options);
}

export interface RandomSaltAndPepperOptions {
  /** Fraction of pixels hit: a number, or a `[min, max]` pair to draw it from, within 0..1 (required). */
  amount: Range;
  /** Probability that a hit is white rather than black, 0..1 (default 0.5). */
  saltVsPepper?: number;
  /** Decide R, G and B separately (default false). */
  perChannel?: boolean;
  /** Probability that the step runs, 0..1 (default 1). */
  p?: number;
}

/**
 * Salt-and-pepper noise with an amount drawn uniformly from `amount`; the noise seed is drawn too and recorded.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const noise = randomSaltAndPepper({ amount: [0, 0.05], p: 0.3 });
 */
export function randomSaltAndPepper(options: RandomSaltAndPepperOptions): Transform {
  return factory('randomSaltAndPepper', options);
}

export interface ResizeToOptions {
  /** Widen the filter when shrinking (Pillow's BILINEAR), default false. */
  antialias?: boolean;
  /** Probability that the step runs, 0..1 (default 1). */
  p?: number;
}

/**
 * Resizes to `width`×`height` (see `resize`); not random, but a step like the others.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad size or option.
 * @example
 * const pipeline = compose([resizeTo(400, 400, { antialias: true }), randomFlip()]);
 */
export function resizeTo(width: number, height: number, options?: ResizeToOptions): Transform {
  checkDimension(width, 'width');
  checkDimension(height, 'height');
  return factory('resizeTo', options, { width, height });
}

function stepList(transforms: unknown, param: string): StepSpec[] {
  if (!Array.isArray(transforms)) throw invalidArgument(param, 'an array of transforms', transforms);
  return transforms.map((t, i) => toSpec(t, `${param}[${i}]`));
}

/**
 * Applies `transforms` in order; child `i` draws from `deriveSeed(seed, i)`.
 *
 * @param transforms - transforms or plain step objects
 * @param options - `p`: probability that the whole sequence runs (default 1)
 * @throws {AugkitError} INVALID_ARGUMENT for a non-transform element or a bad option.
 * @example
 * const pipeline = compose([randomFlip(), randomRotation({ degrees: 20 })]);
 * const { image, applied } = pipeline(img, { seed: 42 });
 * replay(img, applied); // the same bytes as image
 */
export function compose(transforms: readonly (Transform | StepInput)[], options?: { p?: number }): Transform {
  const steps = stepList(transforms, 'transforms');
  const step = { ...checkOptions(options), op: 'compose', steps: [] };
  checkAgainstSchema('step', step, 'options');
  return makeTransform({ op: 'compose', p: (step as { p?: number }).p ?? 1, steps });
}

/**
 * Applies exactly one of `transforms`, picked at random (uniformly, or in proportion to `weights`);
 * the chosen child `i` draws from `deriveSeed(seed, i)`.
 *
 * @param options - `weights` (one per transform, default all equal), `p` (default 1)
 * @throws {AugkitError} INVALID_ARGUMENT for an empty list, bad weights or a bad option.
 * @example
 * const geometric = oneOf([randomFlip({ horizontal: 1 }), randomRotation({ degrees: 15 })], { weights: [1, 2] });
 */
export function oneOf(
  transforms: readonly (Transform | StepInput)[],
  options?: { weights?: readonly number[]; p?: number },
): Transform {
  const steps = stepList(transforms, 'transforms');
  if (steps.length === 0) throw invalidArgument('transforms', 'a non-empty array of transforms', transforms);
  const opts = checkOptions(options);
  const step = { ...opts, op: 'oneOf', steps: steps.map(() => ({ op: 'compose', steps: [] })) };
  checkAgainstSchema('step', step, 'options');
  const normalized = normalize(step as StepInput, 'options', []) as Extract<StepSpec, { op: 'oneOf' }>;
  return makeTransform({ ...normalized, steps });
}

/** A transform from its spec (e.g. a recipe step list wrapped in compose). */
export function transformFromSpec(spec: StepSpec): Transform {
  return makeTransform(spec);
}

