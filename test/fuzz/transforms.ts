// Random options (fast-check) for every random transform: the factory, `draw` without a size, and a run on a
// small image with a random seed must each return or throw an AugkitError with a stable code — never another
// exception, never INTERNAL, never a WebAssembly trap, never longer than the time box — and a run that
// returns must give the bytes `replay` gives for its `applied` list (so what it records is what it did).
import fc from 'fast-check';
import * as ak from '../../src/index.js';
import { AugkitError, replay, setPixelLimit, type RgbaImage, type Transform } from '../../src/index.js';
import { anyValue, booleanOption, borderOption, colorOption, describeValue, interpolationOption, oddValue, OPS_PIXEL_LIMIT } from './ops.js';

const TIME_BOX_MS = 2000;

// ---- arbitraries for transform options: mostly plausible, sometimes odd --------------------------------

// fast-check's doubles crowd near 0 and the bounds: values within [min, max] (mostly valid), plus explicit
// values just outside and odd ones.
const outside = (min: number, max: number) => fc.constantFrom(min - 1, max + 1, min - 1e-9, max + 1e-9);
const num = (min: number, max: number) =>
  fc.oneof({ weight: 10, arbitrary: fc.double({ min, max, noNaN: true }) }, { weight: 1, arbitrary: outside(min, max) }, { weight: 1, arbitrary: oddValue });
const int = (min: number, max: number) =>
  fc.oneof({ weight: 10, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: outside(min, max) }, { weight: 1, arbitrary: oddValue });
/** A range option within [min, max]: one number, a pair (possibly reversed), values outside, or something else. */
const rangeOf = (min: number, max: number, integers = false) => {
  const one = integers ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  return fc.oneof(
    { weight: 4, arbitrary: one },
    { weight: 6, arbitrary: fc.tuple(one, one) },
    { weight: 1, arbitrary: fc.tuple(one, outside(min, max)) },
    { weight: 1, arbitrary: fc.array(fc.oneof(one, oddValue), { maxLength: 3 }) },
    { weight: 1, arbitrary: oddValue },
  );
};
const sizeArg = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 48 }) }, { weight: 1, arbitrary: fc.constantFrom(5000, 2 ** 31) }, { weight: 1, arbitrary: oddValue });
const eraseValueOption = fc.oneof(fc.constant('noise'), fc.tuple(fc.nat(255), fc.nat(255), fc.integer({ min: 0, max: 256 })), oddValue);
const sampling = { interpolation: interpolationOption, border: borderOption, fill: colorOption };

interface TransformSpec {
  readonly name: string;
  /** Option fields; `p` is added to every one. */
  readonly fields: Record<string, fc.Arbitrary<unknown>>;
  /** Positional arguments before the options (widths and heights). */
  readonly positional?: readonly fc.Arbitrary<unknown>[];
  readonly create: (options: unknown, ...positional: unknown[]) => Transform;
}

const options = (create: (o: never) => Transform) => (o: unknown) => create(o as never);
const sized = (create: (w: number, h: number, o: never) => Transform) => (o: unknown, w: unknown, h: unknown) => create(w as number, h as number, o as never);

const SPECS: readonly TransformSpec[] = [
  { name: 'colorJitter', fields: { brightness: rangeOf(0, 2), contrast: rangeOf(0, 2), saturation: rangeOf(0, 2), hue: rangeOf(-0.5, 0.5) }, create: options(ak.colorJitter) },
  { name: 'randomGrayscale', fields: {}, create: options(ak.randomGrayscale) },
  { name: 'randomInvert', fields: {}, create: options(ak.randomInvert) },
  { name: 'randomSolarize', fields: { threshold: int(0, 256) }, create: options(ak.randomSolarize) },
  { name: 'randomPosterize', fields: { bits: int(1, 8) }, create: options(ak.randomPosterize) },
  { name: 'randomEqualize', fields: {}, create: options(ak.randomEqualize) },
  { name: 'randomAutocontrast', fields: {}, create: options(ak.randomAutocontrast) },
  { name: 'randomAdjustSharpness', fields: { factor: num(0, 5) }, create: options(ak.randomAdjustSharpness) },
  { name: 'randomGamma', fields: { gamma: rangeOf(0, 5), gain: num(0, 3) }, create: options(ak.randomGamma) },
  { name: 'randomBrightness', fields: { factor: rangeOf(0, 4) }, create: options(ak.randomBrightness) },
  { name: 'randomChannelShift', fields: { shift: rangeOf(-255, 255), perChannel: booleanOption }, create: options(ak.randomChannelShift) },
  { name: 'randomGaussianBlur', fields: { sigma: rangeOf(0, 22), kernelSize: int(1, 129) }, create: options(ak.randomGaussianBlur) },
  { name: 'randomGaussianNoise', fields: { std: rangeOf(0, 255), mean: num(-300, 300), perChannel: booleanOption }, create: options(ak.randomGaussianNoise) },
  { name: 'randomErasing', fields: { scale: rangeOf(0, 1), ratio: rangeOf(0, 20), value: eraseValueOption }, create: options(ak.randomErasing) },
  { name: 'randomJpegQuality', fields: { quality: rangeOf(1, 100, true) }, create: options(ak.randomJpegQuality) },
  // issue 11's geometric transforms
  {
    name: 'randomAffine',
    fields: { degrees: rangeOf(-360, 360), translate: rangeOf(0, 1), scale: rangeOf(0, 4), shear: rangeOf(-89.99, 89.99), shearY: rangeOf(-89.99, 89.99), ...sampling },
    create: options(ak.randomAffine),
  },
  { name: 'randomResizedCrop', fields: { scale: rangeOf(0, 1), ratio: rangeOf(0, 20), antialias: booleanOption }, positional: [sizeArg, sizeArg], create: sized(ak.randomResizedCrop) },
  { name: 'randomCrop', fields: { padding: int(0, 60), padIfNeeded: booleanOption, border: borderOption, fill: colorOption }, positional: [sizeArg, sizeArg], create: sized(ak.randomCrop) },
  { name: 'centerCropTo', fields: {}, positional: [sizeArg, sizeArg], create: sized(ak.centerCropTo) },
  { name: 'randomPerspective', fields: { distortion: num(0, 1), ...sampling }, create: options(ak.randomPerspective) },
];

/** A small image (the transforms' kernels are fuzzed as ops elsewhere; here the draws and the glue are). */
const imageArb = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer()).map(([width, height, seed]): RgbaImage => {
  const data = new Uint8ClampedArray(width * height * 4);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < data.length; i++) data[i] = (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 24;
  return { width, height, data };
});
const seedArb = fc.oneof({ weight: 6, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constantFrom(0, 2 ** 53 - 1) }, { weight: 1, arbitrary: oddValue });

/** Runs `fn`: its result, or the AugkitError it threw; anything else (or INTERNAL) is a problem. */
function attempt<T>(fn: () => T, what: string): { value?: T; code?: string; problem?: string } {
  const start = performance.now();
  try {
    const value = fn();
    const ms = performance.now() - start;
    return ms > TIME_BOX_MS ? { problem: `${what} took ${ms.toFixed(0)} ms` } : { value };
  } catch (e) {
    if (!(e instanceof AugkitError)) return { problem: `${what} threw ${String(e)}` };
    if (e.code === 'INTERNAL') return { problem: `${what} threw INTERNAL: ${e.message}` };
    return { code: e.code };
  }
}

function check(spec: TransformSpec, opts: unknown, positional: unknown[], img: RgbaImage, seed: unknown): { label: string; problem?: string } {
  const call = `${spec.name}(${[...positional, opts].map(describeValue).join(', ')})`;
  const created = attempt(() => spec.create(opts, ...positional), call);
  if (created.problem || created.code) return { label: `factory ${created.code ?? 'problem'}`, problem: created.problem };
  const t = created.value!;
  const drawn = attempt(() => t.draw(seed as number), `${call}.draw(${describeValue(seed)})`);
  if (drawn.problem) return { label: 'draw problem', problem: drawn.problem };
  const ran = attempt(() => t(img, { seed: seed as number }), `${call}(${img.width}×${img.height}, seed ${describeValue(seed)})`);
  if (ran.problem || ran.code) return { label: `run ${ran.code ?? 'problem'}`, problem: ran.problem };
  const { image, applied } = ran.value!;
  const replayed = attempt(() => replay(img, JSON.parse(JSON.stringify(applied))), `replay of ${call}`);
  if (replayed.problem || replayed.code) return { label: 'replay', problem: replayed.problem ?? `replay of ${call} threw ${replayed.code}` };
  const same = replayed.value!.width === image.width && replayed.value!.data.every((v, i) => v === image.data[i]);
  return same ? { label: 'ok' } : { label: 'ok', problem: `${call}: replaying its applied list gives other bytes` };
}

/** The properties, one per random transform, for `fc.assert` (tests) or `fc.check` (the CLI). */
export function transformProperties(outcomes: Record<string, number> = {}): { name: string; property: fc.IProperty<unknown[]> }[] {
  return SPECS.map((spec) => {
    const optionsArb = fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 8, arbitrary: fc.record({ ...spec.fields, p: num(0, 1) }, { requiredKeys: [] }) },
      { weight: 1, arbitrary: anyValue },
    );
    const args = fc.tuple(optionsArb, fc.tuple(...(spec.positional ?? [])), imageArb, seedArb);
    return {
      name: spec.name,
      property: fc.property(args, ([opts, positional, img, seed]) => {
        const previous = setPixelLimit(OPS_PIXEL_LIMIT);
        try {
          const { label, problem } = check(spec, opts, positional as unknown[], img, seed);
          outcomes[`${spec.name} ${label}`] = (outcomes[`${spec.name} ${label}`] ?? 0) + 1;
          if (problem) throw new Error(problem);
        } finally {
          setPixelLimit(previous);
        }
      }) as unknown as fc.IProperty<unknown[]>,
    };
  });
}
