// Random options (fast-check) for the automatic augmentation policies (randAugment, trivialAugmentWide,
// autoAugment). A small model restates their validation rules (docs/policies.md), so the factory must throw
// INVALID_ARGUMENT exactly when the model says the options are bad — naming the bad option — and otherwise
// give a transform whose draw on a random image returns ops that replay to the bytes the run gave, without an
// exception other than AugkitError, an INTERNAL error or a hang.
import fc from 'fast-check';
import { AugkitError, autoAugment, randAugment, replay, setPixelLimit, trivialAugmentWide, type RgbaImage, type Transform } from '../../src/index.js';
import { borderOption, colorOption, describeValue, interpolationOption, oddValue, OPS_PIXEL_LIMIT } from './ops.js';

const TIME_BOX_MS = 2000;

const isInteger = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isColor = (v: unknown) => Array.isArray(v) && v.length === 4 && v.every((c) => isInteger(c, 0, 255));

/** The model: the first option (by name) the rules refuse, or null when every option is fine. */
type Rules = Record<string, (value: unknown, options: Record<string, unknown>) => boolean>;
const samplingRules: Rules = {
  interpolation: (v) => v === 'bilinear' || v === 'nearest',
  border: (v) => ['constant', 'edge', 'reflect', 'symmetric', 'wrap'].includes(v as string),
  fill: isColor,
  p: (v) => typeof v === 'number' && v >= 0 && v <= 1,
};

interface PolicySpec {
  readonly name: string;
  readonly fields: Record<string, fc.Arbitrary<unknown>>;
  readonly rules: Rules;
  /** Defaults a rule between options needs (randAugment's magnitude 9 must be below numMagnitudeBins too). */
  readonly defaults?: Record<string, unknown>;
  readonly create: (options: never) => Transform;
}

const int = (min: number, max: number) =>
  fc.oneof({ weight: 30, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, min + 0.5) }, { weight: 1, arbitrary: oddValue });
const sampling = { interpolation: interpolationOption, border: borderOption, fill: colorOption, p: fc.oneof({ weight: 8, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }, { weight: 1, arbitrary: oddValue }) };

const SPECS: readonly PolicySpec[] = [
  {
    name: 'randAugment',
    fields: { numOps: int(0, 6), magnitude: int(0, 12), numMagnitudeBins: int(2, 40), ...sampling },
    rules: {
      numOps: (v) => isInteger(v, 0, 100),
      numMagnitudeBins: (v) => isInteger(v, 2, 1000),
      // below numMagnitudeBins (31 by default) once that one is fine
      magnitude: (v, o) => isInteger(v, 0, 999) && (!isInteger(o.numMagnitudeBins ?? 31, 2, 1000) || (v as number) < ((o.numMagnitudeBins as number | undefined) ?? 31)),
      ...samplingRules,
    },
    defaults: { magnitude: 9 },
    create: randAugment,
  },
  { name: 'trivialAugmentWide', fields: { numMagnitudeBins: int(2, 60), ...sampling }, rules: { numMagnitudeBins: (v) => isInteger(v, 2, 1000), ...samplingRules }, create: trivialAugmentWide },
  {
    name: 'autoAugment',
    fields: { policy: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('imagenet', 'cifar10', 'svhn') }, { weight: 1, arbitrary: fc.oneof(fc.constant('coco'), oddValue) }), ...sampling },
    rules: { policy: (v) => ['imagenet', 'cifar10', 'svhn'].includes(v as string), ...samplingRules },
    create: autoAugment,
  },
];

/** The options the model refuses (given, or defaulted, and breaking a rule); empty when they are fine. */
function refused(spec: PolicySpec, options: Record<string, unknown>): string[] {
  const effective = { ...spec.defaults, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  return Object.entries(spec.rules).filter(([key, ok]) => key in effective && !ok(effective[key], effective)).map(([key]) => key);
}

const imageArb = fc.tuple(fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 32 }), fc.integer()).map(([width, height, seed]): RgbaImage => {
  const data = new Uint8ClampedArray(width * height * 4);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < data.length; i++) data[i] = (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 24;
  return { width, height, data };
});

function timed<T>(fn: () => T, what: string): T {
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  if (ms > TIME_BOX_MS) throw new Error(`${what} took ${ms.toFixed(0)} ms`);
  return value;
}

/** One case: the factory agrees with the model; a transform's run replays. Returns the outcome's label. */
function check(spec: PolicySpec, options: Record<string, unknown> | undefined, img: RgbaImage, seed: number): string {
  const call = `${spec.name}(${describeValue(options)})`;
  const bad = options === undefined ? [] : refused(spec, options);
  let t: Transform;
  try {
    t = timed(() => spec.create(options as never), call);
  } catch (e) {
    if (!(e instanceof AugkitError) || e.code !== 'INVALID_ARGUMENT') throw new Error(`${call} threw ${String(e)}`);
    if (bad.length === 0) throw new Error(`${call} refused options the rules accept: ${e.message}`);
    if (!bad.some((key) => e.message.includes(`options.${key}`))) throw new Error(`${call}: the message names none of ${bad.join(', ')}: ${e.message}`);
    return 'refused';
  }
  if (bad.length > 0) throw new Error(`${call} accepted options the rules refuse (${bad.join(', ')})`);
  const { image, applied } = timed(() => t(img, { seed }), `${call} on ${img.width}×${img.height}`);
  const replayed = replay(img, JSON.parse(JSON.stringify(applied)));
  if (replayed.width !== image.width || !replayed.data.every((v, i) => v === image.data[i])) throw new Error(`${call} seed ${seed}: its records replay to other bytes`);
  return 'ran';
}

/** The properties, one per policy, for `fc.assert` (tests) or `fc.check` (the CLI). */
export function policyProperties(outcomes: Record<string, number> = {}): { name: string; property: fc.IProperty<unknown[]> }[] {
  return SPECS.map((spec) => {
    const optionsArb = fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 8, arbitrary: fc.record(spec.fields, { requiredKeys: [] }) });
    return {
      name: spec.name,
      property: fc.property(optionsArb, imageArb, fc.nat(), (options, img, seed) => {
        const previous = setPixelLimit(OPS_PIXEL_LIMIT);
        try {
          const label = `${spec.name} ${check(spec, options as Record<string, unknown> | undefined, img, seed)}`;
          outcomes[label] = (outcomes[label] ?? 0) + 1;
        } finally {
          setPixelLimit(previous);
        }
      }) as unknown as fc.IProperty<unknown[]>,
    };
  });
}
