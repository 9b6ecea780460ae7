// Random arguments (fast-check) for every public function: each call must return a correct result or throw
// the AugkitError the README's rules call for — never another exception, never INTERNAL, never modify its
// input, never take longer than the time box. A small model restates the validation rules independently, so
// valid arguments that are refused fail as surely as invalid ones that are accepted; valid calls are checked
// against the plain-TypeScript references (or a round trip for the encoders).
import fc from 'fast-check';
import * as ak from '../../src/index.js';
import {
  affine,
  AugkitError,
  centerCrop,
  crop,
  decode,
  encodeJpeg,
  encodePng,
  flipHorizontal,
  flipVertical,
  getPixelLimit,
  pad,
  perspective,
  readHeader,
  resize,
  resizeLonger,
  resizeShorter,
  rotate,
  saltAndPepper,
  setPixelLimit,
  warpAffine,
  type AugkitErrorCode,
  type RgbaImage,
} from '../../src/index.js';
import { flipHorizontalReference, flipVerticalReference } from '../../src/reference/flip.js';
import { resizeAntialiasReference, resizeBilinearReference } from '../../src/reference/resize.js';
import { rotateReference } from '../../src/reference/rotate.js';
import { saltAndPepperReference } from '../../src/reference/saltAndPepper.js';
import { cropReference, padReference } from '../../src/reference/cropPad.js';
import { affineInverseReference, affineReference, perspectiveReference, warpAffineReference } from '../../src/reference/warp.js';
import { solveHomography } from '../../src/ops/homography.js';
import {
  adjustBrightnessReference, adjustGammaReference, autocontrastReference, channelShiftReference, equalizeReference,
  invertReference, posterizeReference, solarizeReference,
} from '../../src/reference/colorTables.js';
import {
  adjustContrastReference, adjustHueReference, adjustSaturationReference, adjustSharpnessReference, grayscaleReference,
} from '../../src/reference/colorPixels.js';
import { eraseReference } from '../../src/reference/erase.js';
import { gaussianBlurReference } from '../../src/reference/gaussianBlur.js';
import { gaussianNoiseReference } from '../../src/reference/gaussianNoise.js';
import { checkDecode, DECODE_CODES } from './verdict.js';

/** The global pixel limit while op properties run: large requests fail fast instead of allocating gigabytes. */
export const OPS_PIXEL_LIMIT = 2 ** 20;
const TIME_BOX_MS = 2000;

/** What a call must do: return something of this size, or throw one of these codes. */
type Expectation = { readonly ok: true; readonly width: number; readonly height: number } | { readonly ok: false; readonly code: AugkitErrorCode };

const invalid: Expectation = { ok: false, code: 'INVALID_ARGUMENT' };
const tooLarge: Expectation = { ok: false, code: 'TOO_LARGE' };

// ---- arbitraries ---------------------------------------------------------------------------------------

/** Values that break naive checks. */
export const oddValue = fc.constantFrom<unknown>(
  0, -0, -1, 0.5, 1.5, Number.NaN, Infinity, -Infinity, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 - 1, Number.MAX_VALUE,
  Number.MIN_VALUE, 1e5, '3', '', true, false, null, undefined, {}, [], [1], 1n, Symbol('odd'), () => 1, new Date(0),
);
export const anyValue = fc.oneof(oddValue, fc.anything({ maxDepth: 1 }));

function fillBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    bytes[i] = s >>> 24;
  }
  return bytes;
}

/** `bytes` as another kind of byte array: a Node Buffer, a Uint8ClampedArray, in a SharedArrayBuffer, or a view into a larger buffer. */
function asType(bytes: Uint8Array, type: string): Uint8Array | Uint8ClampedArray {
  if (type === 'Buffer') return Buffer.from(bytes.buffer);
  if (type === 'Uint8ClampedArray') return new Uint8ClampedArray(bytes.buffer);
  if (type === 'shared') {
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
    return shared;
  }
  if (type === 'view') {
    const larger = new Uint8Array(bytes.length + 9);
    larger.set(bytes, 5);
    return larger.subarray(5, 5 + bytes.length);
  }
  return bytes;
}

/**
 * Well-formed images: mostly small, sometimes exactly at the pixel limit (not for the encoders, whose pure
 * JavaScript takes a second per megapixel), as Uint8Array, Uint8ClampedArray or Buffer.
 */
function goodImage(atLimit: boolean): fc.Arbitrary<RgbaImage> {
  return fc
    .record({
      size: fc.oneof(
        { weight: 20, arbitrary: fc.tuple(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 1, max: 48 })) },
        { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 })) },
        { weight: atLimit ? 1 : 0, arbitrary: fc.constantFrom<[number, number]>([1024, 1024], [OPS_PIXEL_LIMIT, 1], [1, OPS_PIXEL_LIMIT]) },
      ),
      seed: fc.integer(),
      type: fc.constantFrom('Uint8Array', 'Uint8ClampedArray', 'Buffer', 'shared', 'view'),
    })
    .map(({ size: [width, height], seed, type }) => {
      const bytes = fillBytes(width * height * 4, seed);
      return { width, height, data: asType(bytes, type) };
    });
}

/** A well-formed image with one thing wrong. */
function badImage(atLimit: boolean): fc.Arbitrary<unknown> {
  return fc.tuple(goodImage(atLimit), fc.integer({ min: 0, max: 7 }), anyValue).map(([img, kind, value]) => {
    const { width, height, data } = img;
    switch (kind) {
      case 0:
        return { width: value, height, data };
      case 1:
        return { width, height: value, data };
      case 2:
        return { width, height, data: data.subarray(0, Math.max(0, data.length - 1 - (data.length % 7))) };
      case 3:
        return { width, height, data: new Uint8Array(data.length + 4) };
      case 4:
        return { width, height, data: value };
      case 5:
        return { width, height, data: new Uint16Array(data.length) };
      case 6:
        return { width: width * 4096, height: height * 4096, data }; // declares far more than the limit
      default:
        return { width, height };
    }
  });
}

function imageArg(atLimit = true): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: goodImage(atLimit) }, { weight: 3, arbitrary: badImage(atLimit) }, { weight: 1, arbitrary: anyValue });
}

/** A size argument: mostly fine, sometimes huge, sometimes not a size at all. */
const sizeArg = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 96 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }) },
  { weight: 1, arbitrary: fc.constantFrom(100_000, 2 ** 31, 2 ** 53 - 1) },
  { weight: 2, arbitrary: oddValue },
);

/** An options argument: absent, an object whose fields come from `fields`, or something that is no object. */
function optionsArg(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 8, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    { weight: 1, arbitrary: anyValue },
  );
}

export const booleanOption = fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: oddValue });
const unitOption = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 5e-324, 1 - 2 ** -53) },
  { weight: 1, arbitrary: oddValue },
);
export const colorOption = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.integer({ min: -2, max: 300 }), oddValue), { maxLength: 5 }) },
  { weight: 1, arbitrary: oddValue },
);
const angleArg = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1080, max: 1080, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 90, 180, 270, -90, 360, 45, 1e-300, 1e300, -1e300, Number.MAX_VALUE) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: oddValue },
);

/** Bytes for decode/readHeader: corpus-like files, random bytes, or no bytes at all. */
function bytesArg(files: readonly Uint8Array[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...files) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    { weight: 1, arbitrary: fc.constantFrom(...files).map((f) => f.slice().buffer) },
    { weight: 1, arbitrary: fc.constantFrom(...files).map((f) => Buffer.from(f)) },
    { weight: 1, arbitrary: fc.constantFrom(...files).map((f) => new DataView(f.buffer)) },
    { weight: 1, arbitrary: fc.constantFrom(...files).map((f) => new Uint8ClampedArray(f)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...files), fc.constantFrom('shared', 'view')).map(([f, type]) => asType(f, type)) },
    { weight: 1, arbitrary: anyValue },
  );
}

// ---- the model: the README's rules, restated ---------------------------------------------------------

const isPositiveInteger = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 1;
const isObjectOption = (v: unknown) => v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v));
const isByte = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 255;
const inUnit = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;

function expectImage(img: unknown): Expectation {
  if (img === null || typeof img !== 'object') return invalid;
  const { width, height, data } = img as Record<string, unknown>;
  if (!isPositiveInteger(width) || !isPositiveInteger(height)) return invalid;
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) return invalid;
  if (width * height > getPixelLimit()) return tooLarge;
  if (data.length !== width * height * 4) return invalid;
  return { ok: true, width, height };
}

function withinLimit(width: number, height: number): Expectation {
  return width * height > getPixelLimit() ? tooLarge : { ok: true, width, height };
}

/** Whether an options object has a key the op does not know (op definitions reject those; `out` is always known). */
function hasUnknownKey(options: unknown, known: readonly string[]): boolean {
  return options !== undefined && Object.keys(options as object).some((key) => key !== 'out' && !known.includes(key));
}

function field(options: unknown, name: string): unknown {
  return options === undefined ? undefined : (options as Record<string, unknown>)[name];
}

// ---- the properties ----------------------------------------------------------------------------------

interface OpSpec {
  readonly name: string;
  readonly args: fc.Arbitrary<unknown[]>;
  /** What the call must do, from the README's rules. */
  readonly expect: (args: unknown[]) => Expectation | 'decodes';
  readonly call: (args: unknown[]) => unknown;
  /** Checks a result beyond its size: pixels against the reference, a round trip; a problem or undefined. */
  readonly verify?: (result: unknown, args: unknown[]) => string | undefined;
}

function sameBytes(a: ArrayLike<number>, b: ArrayLike<number>, tolerance = 0): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > tolerance) return false;
  return true;
}

/** The image argument, its data copied into a fresh Uint8Array (the references view it as aligned 32-bit words). */
const img = (args: unknown[]): RgbaImage => {
  const { width, height, data } = args[0] as RgbaImage;
  return { width, height, data: new Uint8Array(data) };
};


// ---- the colour, filter, noise and occlusion ops ---------------------------------------------------

/** One positional argument of a colour op: its arbitrary and the README's rule for it. */
interface ArgRule {
  readonly arb: fc.Arbitrary<unknown>;
  readonly valid: (v: unknown) => boolean;
}

const isFinite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isIntIn = (min: number, max: number) => (v: unknown) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const factorRule: ArgRule = {
  arb: fc.oneof({ weight: 6, arbitrary: fc.double({ min: 0, max: 4, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, -0.5, -1e-300) }, { weight: 2, arbitrary: oddValue }),
  valid: (v) => isFinite(v) && v >= 0,
};
const intRule = (min: number, max: number, optional = false): ArgRule => ({
  arb: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: min - 2, max: max + 2 }) }, { weight: 2, arbitrary: oddValue }),
  valid: (v) => (optional && v === undefined) || isIntIn(min, max)(v),
});

/** Whether an image is small enough for the plain-TS references to check it quickly. */
const small = (args: unknown[]) => img(args).width * img(args).height <= 300 * 300;

/**
 * A colour op called as `op(img, ...args)`: valid when the image is and every argument follows its rule; its
 * pixels must equal the reference's.
 */
function colourOpSpec(
  name: string, rules: readonly ArgRule[], call: (img: RgbaImage, ...args: never[]) => RgbaImage,
  reference: (img: RgbaImage, ...args: never[]) => RgbaImage,
): OpSpec {
  return {
    name,
    args: fc.tuple(imageArg(), ...rules.map((r) => r.arb)),
    expect: ([image, ...rest]) => {
      const source = expectImage(image);
      if (!source.ok) return source;
      return rules.every((r, i) => r.valid(rest[i])) ? source : invalid;
    },
    call: ([image, ...rest]) => call(image as RgbaImage, ...(rest as never[])),
    verify: (out, args) => {
      if (!small(args)) return undefined;
      const expected = reference(img(args), ...(args.slice(1) as never[]));
      return sameBytes((out as RgbaImage).data, expected.data) ? undefined : 'pixels differ from the plain-TypeScript reference';
    },
  };
}

const seedRule = (v: unknown) => v === undefined || (Number.isSafeInteger(v) && (v as number) >= 0);
/** An option of an op definition: only `undefined` takes the default (null is a wrong value). */
const orDefault = (v: unknown, d: unknown) => (v === undefined ? d : v);
const seedArb = fc.oneof(fc.nat(), fc.constantFrom(0, 2 ** 53 - 1), oddValue);

function colourOpSpecs(): OpSpec[] {
  const shiftRule: ArgRule = {
    arb: fc.oneof(fc.tuple(fc.double({ min: -300, max: 300, noNaN: true }), fc.integer({ min: -300, max: 300 }), fc.constantFrom(0, 0.5, -2.25)), oddValue, fc.array(fc.double(), { maxLength: 4 })),
    valid: (v) => Array.isArray(v) && v.length === 3 && v.every(isFinite),
  };
  const hueRule: ArgRule = {
    arb: fc.oneof(fc.double({ min: -0.6, max: 0.6, noNaN: true }), fc.constantFrom(-0.5, 0.5, 0), oddValue),
    valid: (v) => isFinite(v) && v >= -0.5 && v <= 0.5,
  };
  const gammaRule: ArgRule = { arb: factorRule.arb, valid: (v) => isFinite(v) && v > 0 };
  const gainRule: ArgRule = { arb: fc.oneof(fc.constant(undefined), factorRule.arb), valid: (v) => v === undefined || factorRule.valid(v) };
  return [
    colourOpSpec('grayscale', [], ak.grayscale, grayscaleReference),
    colourOpSpec('invert', [], ak.invert, invertReference),
    colourOpSpec('equalize', [], ak.equalize, equalizeReference),
    colourOpSpec('autocontrast', [], ak.autocontrast, autocontrastReference),
    colourOpSpec('adjustBrightness', [factorRule], ak.adjustBrightness, adjustBrightnessReference),
    colourOpSpec('adjustContrast', [factorRule], ak.adjustContrast, adjustContrastReference),
    colourOpSpec('adjustSaturation', [factorRule], ak.adjustSaturation, adjustSaturationReference),
    colourOpSpec('adjustSharpness', [factorRule], ak.adjustSharpness, adjustSharpnessReference),
    colourOpSpec('adjustHue', [hueRule], ak.adjustHue, adjustHueReference),
    colourOpSpec('adjustGamma', [gammaRule, gainRule], ak.adjustGamma, adjustGammaReference),
    colourOpSpec('solarize', [intRule(0, 256, true)], ak.solarize, (i, t?: number) => solarizeReference(i, t ?? 128)),
    colourOpSpec('posterize', [intRule(1, 8)], ak.posterize, posterizeReference),
    colourOpSpec('channelShift', [shiftRule], ak.channelShift, channelShiftReference),
    {
      name: 'gaussianBlur',
      // not at the pixel limit: 129 taps per axis on a megapixel take ~0.15 s alone, seconds on a loaded machine
      args: fc.tuple(imageArg(false), optionsArg({
        sigma: fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 25, noNaN: true }) }, { weight: 1, arbitrary: oddValue }),
        kernelSize: fc.oneof(fc.integer({ min: -1, max: 140 }), oddValue),
      })),
      expect: ([image, options]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (options === undefined || !isObjectOption(options) || hasUnknownKey(options, ['sigma', 'kernelSize'])) return invalid;
        const sigma = field(options, 'sigma');
        const k = field(options, 'kernelSize');
        if (!isFinite(sigma) || sigma <= 0) return invalid;
        if (k === undefined) return 2 * Math.ceil(3 * sigma) + 1 <= 129 ? source : invalid;
        return isIntIn(1, 129)(k) && (k as number) % 2 === 1 ? source : invalid;
      },
      call: ([image, options]) => ak.gaussianBlur(image as RgbaImage, options as never),
      verify: (out, args) => {
        const { sigma, kernelSize } = args[1] as { sigma: number; kernelSize?: number };
        if (img(args).width * img(args).height > 64 * 64) return undefined;
        return sameBytes((out as RgbaImage).data, gaussianBlurReference(img(args), sigma, kernelSize).data) ? undefined : 'pixels differ from the reference';
      },
    },
    {
      name: 'gaussianNoise',
      // not at the pixel limit: three ln/sin/cos draws per pixel take ~0.1 s per megapixel alone, seconds when loaded
      args: fc.tuple(imageArg(false), optionsArg({
        std: fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 80, noNaN: true }) }, { weight: 1, arbitrary: oddValue }),
        mean: fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), oddValue),
        perChannel: booleanOption,
        seed: seedArb,
      })),
      expect: ([image, options]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (options === undefined || !isObjectOption(options) || hasUnknownKey(options, ['std', 'mean', 'perChannel', 'seed'])) return invalid;
        const std = field(options, 'std');
        const mean = orDefault(field(options, 'mean'), 0);
        const perChannel = orDefault(field(options, 'perChannel'), true);
        if (!isFinite(std) || std < 0 || !isFinite(mean) || typeof perChannel !== 'boolean') return invalid;
        return seedRule(field(options, 'seed')) ? source : invalid;
      },
      call: ([image, options]) => ak.gaussianNoise(image as RgbaImage, options as never),
      verify: (out, args) => {
        if (!small(args)) return undefined;
        const { std, mean = 0, perChannel = true } = args[1] as { std: number; mean?: number; perChannel?: boolean };
        const result = out as RgbaImage & { seed: number };
        const expected = gaussianNoiseReference(img(args), std, mean, perChannel, result.seed);
        return sameBytes(result.data, expected.data) ? undefined : 'pixels differ from the reference with the returned seed';
      },
    },
    {
      name: 'erase',
      args: fc.tuple(imageArg(), optionsArg({
        x: fc.oneof(fc.integer({ min: -2, max: 60 }), oddValue),
        y: fc.oneof(fc.integer({ min: -2, max: 60 }), oddValue),
        width: fc.oneof(fc.integer({ min: -2, max: 60 }), oddValue),
        height: fc.oneof(fc.integer({ min: -2, max: 60 }), oddValue),
        value: fc.oneof(fc.constant('noise'), fc.tuple(fc.nat(255), fc.nat(255), fc.integer({ min: 0, max: 256 })), oddValue),
        seed: seedArb,
      })),
      expect: ([image, options]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (options === undefined || !isObjectOption(options) || hasUnknownKey(options, ['x', 'y', 'width', 'height', 'value', 'seed'])) return invalid;
        const counts = ['x', 'y', 'width', 'height'].map((k) => field(options, k));
        if (!counts.every((v) => Number.isSafeInteger(v) && (v as number) >= 0)) return invalid;
        const value = orDefault(field(options, 'value'), [0, 0, 0]);
        if (!seedRule(field(options, 'seed'))) return invalid;
        if (value === 'noise') return source;
        return Array.isArray(value) && value.length === 3 && value.every(isByte) ? source : invalid;
      },
      call: ([image, options]) => ak.erase(image as RgbaImage, options as never),
      verify: (out, args) => {
        if (!small(args)) return undefined;
        const { x, y, width, height, value = [0, 0, 0] } = args[1] as { x: number; y: number; width: number; height: number; value?: [number, number, number] | 'noise' };
        const result = out as RgbaImage & { seed?: number };
        const expected = eraseReference(img(args), x, y, width, height, value, result.seed);
        return sameBytes(result.data, expected.data) ? undefined : 'pixels differ from the reference';
      },
    },
    {
      name: 'jpegArtifacts',
      args: fc.tuple(imageArg(false), fc.oneof(fc.integer({ min: 0, max: 101 }), oddValue)),
      expect: ([image, quality]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        return isIntIn(1, 100)(quality) ? source : invalid;
      },
      call: ([image, quality]) => ak.jpegArtifacts(image as RgbaImage, quality as number),
    },
  ];
}

function opSpecs(files: readonly Uint8Array[]): OpSpec[] {
  return [
    {
      name: 'resize',
      args: fc.tuple(imageArg(), sizeArg, sizeArg, optionsArg({ antialias: booleanOption })),
      expect: ([image, w, h, options]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (!isPositiveInteger(w) || !isPositiveInteger(h) || !isObjectOption(options)) return invalid;
        if (hasUnknownKey(options, ['antialias'])) return invalid;
        const antialias = field(options, 'antialias');
        if (antialias !== undefined && typeof antialias !== 'boolean') return invalid;
        // antialias passes through a w × source-height image, which the limit applies to as well
        if (antialias && source.width !== w && source.height !== h && w * source.height > getPixelLimit()) return tooLarge;
        return withinLimit(w, h);
      },
      call: ([image, w, h, options]) => resize(image as RgbaImage, w as number, h as number, options as never),
      verify: (out, args) => {
        const [, w, h, options] = args as [RgbaImage, number, number, { antialias?: boolean } | undefined];
        // The references are slow (the antialias one takes seconds for a 1×1048576 source): small cases are checked.
        if (w * h > 4096 * 4 || img(args).width * img(args).height > 300 * 300) return undefined;
        const expected = options?.antialias ? resizeAntialiasReference(img(args), w, h) : resizeBilinearReference(img(args), w, h);
        return sameBytes((out as RgbaImage).data, expected.data) ? undefined : 'pixels differ from the plain-TypeScript reference';
      },
    },
    ...(['flipHorizontal', 'flipVertical'] as const).map(
      (name): OpSpec => ({
        name,
        args: fc.tuple(imageArg()),
        expect: ([image]) => expectImage(image),
        call: ([image]) => (name === 'flipHorizontal' ? flipHorizontal : flipVertical)(image as RgbaImage),
        verify: (out, args) => {
          const expected = (name === 'flipHorizontal' ? flipHorizontalReference : flipVerticalReference)(img(args));
          return sameBytes((out as RgbaImage).data, expected.data) ? undefined : 'pixels differ from the reference';
        },
      }),
    ),
    {
      name: 'rotate',
      args: fc.tuple(imageArg(), angleArg, optionsArg({ expand: booleanOption, fill: colorOption })),
      expect: ([image, degrees, options]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (typeof degrees !== 'number' || !Number.isFinite(degrees) || !isObjectOption(options)) return invalid;
        if (hasUnknownKey(options, ['expand', 'fill'])) return invalid;
        const expand = field(options, 'expand');
        const fill = field(options, 'fill');
        if (expand !== undefined && typeof expand !== 'boolean') return invalid;
        if (fill !== undefined && !(Array.isArray(fill) && fill.length === 4 && fill.every(isByte))) return invalid;
        if (!expand) return source;
        const d = (((degrees % 360) + 360) % 360) * (Math.PI / 180);
        const [w, h] = [source.width - 1, source.height - 1];
        const width = Math.round(Math.abs(w * Math.cos(d)) + Math.abs(h * Math.sin(d))) + 1;
        const height = Math.round(Math.abs(w * Math.sin(d)) + Math.abs(h * Math.cos(d))) + 1;
        return withinLimit(width, height);
      },
      call: ([image, degrees, options]) => rotate(image as RgbaImage, degrees as number, options as never),
      verify: (out, args) => {
        const [, degrees, options] = args as [RgbaImage, number, { expand?: boolean; fill?: [number, number, number, number] } | undefined];
        const result = out as RgbaImage;
        if (result.width * result.height > 4096 * 4 || img(args).width * img(args).height > 300 * 300) return undefined;
        const expected = rotateReference(img(args), degrees, options?.expand ?? false, options?.fill ?? [0, 0, 0, 0]);
        // The kernel's sin/cos are the module's own, the reference's the engine's: allow one level.
        return sameBytes(result.data, expected.data, 1) ? undefined : 'pixels differ from the reference by more than 1';
      },
    },
    ...geometrySpecs(),
    {
      name: 'saltAndPepper',
      args: fc.tuple(
        imageArg(),
        optionsArg({
          amount: unitOption,
          saltVsPepper: unitOption,
          seed: fc.oneof(fc.nat(), fc.constantFrom(0, 2 ** 53 - 1), oddValue),
          perChannel: booleanOption,
        }),
      ),
      expect: ([image, options]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (!isObjectOption(options)) return invalid;
        if (hasUnknownKey(options, ['amount', 'saltVsPepper', 'perChannel', 'seed'])) return invalid;
        // as every op definition: only undefined takes the default (null is a wrong value)
        const amount = orDefault(field(options, 'amount'), 0.05);
        const saltVsPepper = orDefault(field(options, 'saltVsPepper'), 0.5);
        const seed = field(options, 'seed');
        const perChannel = orDefault(field(options, 'perChannel'), false);
        if (!inUnit(amount) || !inUnit(saltVsPepper) || typeof perChannel !== 'boolean') return invalid;
        if (seed !== undefined && !(Number.isSafeInteger(seed) && (seed as number) >= 0)) return invalid;
        return source;
      },
      call: ([image, options]) => saltAndPepper(image as RgbaImage, options as never),
      verify: (out, args) => {
        const options = (args[1] ?? {}) as { amount?: number; saltVsPepper?: number; perChannel?: boolean };
        const result = out as RgbaImage & { seed: number };
        if (!Number.isSafeInteger(result.seed) || result.seed < 0) return `returned seed ${result.seed}`;
        const expected = saltAndPepperReference(img(args), options.amount ?? 0.05, options.saltVsPepper ?? 0.5, result.seed, options.perChannel ?? false);
        return sameBytes(result.data, expected.data) ? undefined : 'pixels differ from the reference with the returned seed';
      },
    },
    ...colourOpSpecs(),
    {
      name: 'encodePng',
      args: fc.tuple(imageArg(false), optionsArg({ level: fc.oneof(fc.integer({ min: -1, max: 10 }), oddValue) })),
      expect: ([image, options]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (!isObjectOption(options)) return invalid;
        const level = field(options, 'level') ?? 6; // a default for undefined only: null is refused
        if (field(options, 'level') === null) return invalid;
        return Number.isInteger(level) && (level as number) >= 0 && (level as number) <= 9 ? source : invalid;
      },
      call: ([image, options]) => encodePng(image as RgbaImage, options as never),
      verify: (out, args) => {
        if (img(args).width * img(args).height > 4096 * 4) return undefined;
        const back = decode(out as Uint8Array, { pixelLimit: OPS_PIXEL_LIMIT });
        return sameBytes(back.data, img(args).data) ? undefined : 'decoding the PNG does not give the image back';
      },
    },
    {
      name: 'encodeJpeg',
      args: fc.tuple(imageArg(false), optionsArg({
        quality: fc.oneof(fc.integer({ min: 0, max: 101 }), oddValue),
        chroma: fc.oneof(fc.constantFrom('420', '444'), oddValue),
        encoder: fc.oneof(fc.constantFrom('wasm', 'reference'), oddValue),
      })),
      expect: ([image, options]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (!isObjectOption(options)) return invalid;
        const quality = field(options, 'quality') ?? 90;
        if (field(options, 'quality') === null) return invalid;
        if (!(Number.isInteger(quality) && (quality as number) >= 1 && (quality as number) <= 100)) return invalid;
        const given = (name: string, fallback: string) => (field(options, name) === undefined ? fallback : field(options, name));
        const chroma = given('chroma', '420');
        const encoder = given('encoder', 'wasm');
        if (chroma !== '420' && chroma !== '444') return invalid;
        if (encoder !== 'wasm' && encoder !== 'reference') return invalid;
        return encoder === 'reference' && chroma !== '444' ? invalid : source;
      },
      call: ([image, options]) => encodeJpeg(image as RgbaImage, options as never),
      verify: (out, args) => {
        if (img(args).width * img(args).height > 4096 * 4) return undefined;
        const back = decode(out as Uint8Array, { pixelLimit: OPS_PIXEL_LIMIT });
        return back.width === img(args).width && back.height === img(args).height ? undefined : 'the JPEG decodes to another size';
      },
    },
    {
      name: 'decode',
      args: fc.tuple(
        bytesArg(files),
        optionsArg({
          orientation: fc.oneof(fc.constantFrom('apply', 'ignore'), oddValue),
          pixelLimit: fc.oneof(fc.integer({ min: 1, max: 2 ** 20 }), oddValue),
        }),
      ),
      expect: ([bytes, options]) => {
        if (!(bytes instanceof Uint8Array || bytes instanceof ArrayBuffer) || !isObjectOption(options)) return invalid;
        const orientation = field(options, 'orientation');
        const limit = field(options, 'pixelLimit');
        if (orientation !== undefined && orientation !== 'apply' && orientation !== 'ignore') return invalid;
        if (limit !== undefined && !isPositiveInteger(limit)) return invalid;
        return 'decodes';
      },
      call: ([bytes, options]) => decode(bytes as Uint8Array, options as never),
      verify: (_, [bytes, options]) => {
        const input = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : (bytes as Uint8Array);
        return checkDecode(input, options as never).problems[0];
      },
    },
    {
      name: 'readHeader',
      args: fc.tuple(bytesArg(files)),
      expect: ([bytes]) => (bytes instanceof Uint8Array || bytes instanceof ArrayBuffer ? 'decodes' : invalid),
      call: ([bytes]) => readHeader(bytes as Uint8Array),
      verify: (header) => {
        const { format, width, height, orientation } = header as Record<string, unknown>;
        if (format !== 'png' && format !== 'jpeg') return `format ${String(format)}`;
        if (!isPositiveInteger(width) || !isPositiveInteger(height)) return `size ${String(width)}×${String(height)}`;
        return Number.isInteger(orientation) && (orientation as number) >= 1 && (orientation as number) <= 8 ? undefined : `orientation ${String(orientation)}`;
      },
    },
  ];
}

// ---- the geometric ops with border modes -------------------------------------------------------------

const BORDER_NAMES = ['constant', 'edge', 'reflect', 'symmetric', 'wrap'];
export const borderOption = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...BORDER_NAMES) }, { weight: 1, arbitrary: fc.oneof(fc.constant('mirror'), oddValue) });
export const interpolationOption = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('bilinear', 'nearest') }, { weight: 1, arbitrary: fc.oneof(fc.constant('cubic'), oddValue) });
const samplingFields = { interpolation: interpolationOption, border: borderOption, fill: colorOption };
const coefficient = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ min: -500, max: 500, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, -1, 1e9, -1e12, 1e300) },
  { weight: 1, arbitrary: oddValue },
);
const matrixArg = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(coefficient, coefficient, coefficient, coefficient, coefficient, coefficient) },
  { weight: 1, arbitrary: fc.array(coefficient, { maxLength: 7 }) },
  { weight: 1, arbitrary: oddValue },
);
const pointArg = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.double({ min: -80, max: 80, noNaN: true }), fc.double({ min: -80, max: 80, noNaN: true })) },
  { weight: 1, arbitrary: fc.tuple(coefficient, coefficient) },
  { weight: 1, arbitrary: oddValue },
);
const quadArg = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(pointArg, pointArg, pointArg, pointArg) },
  { weight: 1, arbitrary: fc.array(pointArg, { maxLength: 5 }) },
  { weight: 1, arbitrary: oddValue },
);
const marginArg = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 2000, 2 ** 31) },
  { weight: 1, arbitrary: oddValue },
);
const isNonNegativeInteger = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** Whether interpolation, border and fill of an options object are valid (absent = default). */
function samplingValid(options: unknown): boolean {
  const interpolation = field(options, 'interpolation');
  const border = field(options, 'border');
  const fill = field(options, 'fill');
  if (interpolation !== undefined && interpolation !== 'bilinear' && interpolation !== 'nearest') return false;
  if (border !== undefined && !BORDER_NAMES.includes(border as string)) return false;
  return fill === undefined || (Array.isArray(fill) && fill.length === 4 && fill.every(isByte));
}

/** An optional output size option: absent, or a positive integer. */
const sizeOptionValid = (v: unknown) => v === undefined || isPositiveInteger(v);

/** Whether every output pixel maps within ±2^30 (checked at the corners, where an affine map peaks). */
function reaches(source: (x: number, y: number) => [number, number], w: number, h: number): boolean {
  return [[0, 0], [w - 1, 0], [0, h - 1], [w - 1, h - 1]].every(([x, y]) => {
    const [sx, sy] = source(x!, y!);
    return Math.abs(sx) <= 2 ** 30 && Math.abs(sy) <= 2 ** 30;
  });
}

/** A pair option: one value or an array of two, each passing `ok`. */
function pair(value: unknown, ok: (v: unknown) => boolean, single = true): [number, number] | undefined {
  if (single && ok(value)) return [value as number, value as number];
  return Array.isArray(value) && value.length === 2 && value.every(ok) ? [value[0], value[1]] : undefined;
}

/** Four finite points within ±2^30 of which no three are on one line. */
function quadValid(q: unknown): boolean {
  const point = (p: unknown) => Array.isArray(p) && p.length === 2 && p.every((v) => isFinite(v) && Math.abs(v) <= 2 ** 30);
  if (!Array.isArray(q) || q.length !== 4 || !q.every(point)) return false;
  const pts = q as [number, number][];
  const extent = Math.max(...pts.flatMap(([x, y]) => [Math.abs(x - pts[0]![0]), Math.abs(y - pts[0]![1])]));
  return [0, 1, 2, 3].every((i) => {
    const [a, b, c] = [pts[i]!, pts[(i + 1) % 4]!, pts[(i + 2) % 4]!];
    return Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])) > 1e-9 * extent * extent;
  });
}

/** Small results are compared with the plain-TS references (they are slow). */
const smallResult = (out: unknown, args: unknown[]) => (out as RgbaImage).width * (out as RgbaImage).height <= 4096 * 4 && img(args).width * img(args).height <= 300 * 300;
const matches = (out: unknown, expected: RgbaImage) => (sameBytes((out as RgbaImage).data, expected.data) ? undefined : 'pixels differ from the plain-TS reference');

function geometrySpecs(): OpSpec[] {
  return [
    {
      name: 'warpAffine',
      args: fc.tuple(imageArg(), matrixArg, optionsArg({ width: sizeArg, height: sizeArg, ...samplingFields })),
      expect: ([image, m, options]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (!Array.isArray(m) || m.length !== 6 || !m.every(isFinite) || !isObjectOption(options)) return invalid;
        const width = field(options, 'width');
        const height = field(options, 'height');
        if (!sizeOptionValid(width) || !sizeOptionValid(height) || !samplingValid(options)) return invalid;
        const [w, h] = [(width as number | undefined) ?? source.width, (height as number | undefined) ?? source.height];
        const [a, b, c, d, e, f] = m as number[];
        if (!reaches((x, y) => [a! * x + b! * y + c!, d! * x + e! * y + f!], w, h)) return invalid;
        return withinLimit(w, h);
      },
      call: ([image, m, options]) => warpAffine(image as RgbaImage, m as never, options as never),
      verify: (out, args) => (smallResult(out, args) ? matches(out, warpAffineReference(img(args), args[1] as number[], args[2] as never)) : undefined),
    },
    {
      name: 'affine',
      args: fc.tuple(
        imageArg(),
        optionsArg({
          degrees: angleArg,
          translate: fc.oneof(fc.tuple(coefficient, coefficient), oddValue),
          scale: fc.oneof(fc.double({ min: 0.05, max: 4, noNaN: true }), fc.tuple(coefficient, coefficient), oddValue),
          shear: fc.oneof(fc.double({ min: -89, max: 89, noNaN: true }), fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), coefficient), oddValue),
        }),
        optionsArg(samplingFields),
      ),
      expect: ([image, params, options]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (!isObjectOption(params) || !isObjectOption(options)) return invalid;
        const degrees = field(params, 'degrees') ?? 0;
        const translate = pair(field(params, 'translate') ?? [0, 0], isFinite, false);
        const scale = pair(field(params, 'scale') ?? 1, (v) => isFinite(v) && v > 0);
        const shear = field(params, 'shear') ?? 0;
        const shears = isFinite(shear) && Math.abs(shear) < 90 ? [shear, 0] as [number, number] : pair(shear, (v) => isFinite(v) && Math.abs(v) < 90, false);
        if (!isFinite(degrees) || !translate || !scale || !shears || !samplingValid(options)) return invalid;
        const [i00, i01, i10, i11] = affineInverseReference(degrees, shears, scale);
        const [cx, cy] = [(source.width - 1) / 2, (source.height - 1) / 2];
        const map = (x: number, y: number): [number, number] => {
          const [dx, dy] = [x - cx - translate[0], y - cy - translate[1]];
          return [cx + i00 * dx + i01 * dy, cy + i10 * dx + i11 * dy];
        };
        return reaches(map, source.width, source.height) ? source : invalid;
      },
      call: ([image, params, options]) => affine(image as RgbaImage, params as never, options as never),
      verify: (out, args) => {
        if (!smallResult(out, args)) return undefined;
        const p = (args[1] ?? {}) as { degrees?: number; translate?: [number, number]; scale?: number | [number, number]; shear?: number | [number, number] };
        // absent and null take the defaults, as the op reads them with ??
        const scale = typeof p.scale === 'number' ? [p.scale, p.scale] as const : p.scale ?? undefined;
        const shear = typeof p.shear === 'number' ? [p.shear, 0] as const : p.shear ?? undefined;
        return matches(out, affineReference(img(args), { degrees: p.degrees ?? 0, translate: p.translate ?? undefined, scale, shear }, args[2] as never));
      },
    },
    {
      name: 'perspective',
      args: fc.tuple(imageArg(), quadArg, quadArg, optionsArg({ width: sizeArg, height: sizeArg, ...samplingFields })),
      expect: ([image, from, to, options]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (!quadValid(from) || !quadValid(to) || !isObjectOption(options)) return invalid;
        const width = field(options, 'width');
        const height = field(options, 'height');
        if (!sizeOptionValid(width) || !sizeOptionValid(height) || !samplingValid(options)) return invalid;
        const h = solveHomography(to as never, from as never);
        if (!h || !h.every(isFinite)) return invalid;
        return withinLimit((width as number | undefined) ?? source.width, (height as number | undefined) ?? source.height);
      },
      call: ([image, from, to, options]) => perspective(image as RgbaImage, from as never, to as never, options as never),
      verify: (out, args) => {
        if (!smallResult(out, args)) return undefined;
        const h = solveHomography(args[2] as never, args[1] as never)!;
        return matches(out, perspectiveReference(img(args), h, args[3] as never));
      },
    },
    {
      name: 'crop',
      args: fc.tuple(imageArg(), optionsArg({ x: marginArg, y: marginArg, width: sizeArg, height: sizeArg })),
      expect: ([image, rect]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (!isObjectOption(rect)) return invalid;
        const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((k) => field(rect, k));
        if (!isNonNegativeInteger(x) || !isNonNegativeInteger(y) || !isPositiveInteger(width) || !isPositiveInteger(height)) return invalid;
        return x + width <= source.width && y + height <= source.height ? { ok: true, width, height } : invalid;
      },
      call: ([image, rect]) => crop(image as RgbaImage, rect as never),
      verify: (out, args) => {
        const { x, y, width, height } = args[1] as { x: number; y: number; width: number; height: number };
        return matches(out, cropReference(img(args), x, y, width, height));
      },
    },
    {
      name: 'centerCrop',
      args: fc.tuple(imageArg(), sizeArg, sizeArg),
      expect: ([image, width, height]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (!isPositiveInteger(width) || !isPositiveInteger(height)) return invalid;
        return width <= source.width && height <= source.height ? { ok: true, width, height } : invalid;
      },
      call: ([image, width, height]) => centerCrop(image as RgbaImage, width as number, height as number),
      verify: (out, args) => {
        const [w, h] = [args[1] as number, args[2] as number];
        const source = img(args);
        return matches(out, cropReference(source, Math.floor((source.width - w) / 2), Math.floor((source.height - h) / 2), w, h));
      },
    },
    {
      name: 'pad',
      args: fc.tuple(imageArg(), optionsArg({ top: marginArg, right: marginArg, bottom: marginArg, left: marginArg }), optionsArg({ border: borderOption, fill: colorOption })),
      expect: ([image, padding, options]) => {
        const source = expectImage(image);
        if (!source.ok) return source;
        if (!isObjectOption(padding) || !isObjectOption(options)) return invalid;
        const [top, right, bottom, left] = ['top', 'right', 'bottom', 'left'].map((k) => field(padding, k));
        if (![top, right, bottom, left].every(isNonNegativeInteger) || !samplingValid(options)) return invalid;
        return withinLimit(source.width + (left as number) + (right as number), source.height + (top as number) + (bottom as number));
      },
      call: ([image, padding, options]) => pad(image as RgbaImage, padding as never, options as never),
      verify: (out, args) => {
        if (!smallResult(out, args)) return undefined;
        const { top, right, bottom, left } = args[1] as Record<string, number>;
        const o = (args[2] ?? {}) as { border?: never; fill?: never };
        return matches(out, padReference(img(args), [top!, right!, bottom!, left!], o.border, o.fill));
      },
    },
    ...(['resizeShorter', 'resizeLonger'] as const).map(
      (name): OpSpec => ({
        name,
        args: fc.tuple(imageArg(), sizeArg, optionsArg({ antialias: booleanOption })),
        expect: ([image, n, options]) => {
          const source = expectImage(image);
          if (!source.ok) return source;
          if (!isPositiveInteger(n) || !isObjectOption(options)) return invalid;
          const antialias = field(options, 'antialias');
          if (antialias !== undefined && typeof antialias !== 'boolean') return invalid;
          const widthSide = name === 'resizeShorter' ? source.width <= source.height : source.width >= source.height;
          const other = (side: number, reference: number) => Math.max(1, Math.floor((side * n) / reference + 0.5));
          const [w, h] = widthSide ? [n, other(source.height, source.width)] : [other(source.width, source.height), n];
          if (w * h > getPixelLimit()) return tooLarge;
          if (antialias && source.width !== w && source.height !== h && w * source.height > getPixelLimit()) return tooLarge;
          return { ok: true, width: w, height: h };
        },
        call: ([image, n, options]) => (name === 'resizeShorter' ? resizeShorter : resizeLonger)(image as RgbaImage, n as number, options as never),
        verify: (out, args) => {
          if (!smallResult(out, args)) return undefined;
          const { width, height } = out as RgbaImage;
          const antialias = (args[2] as { antialias?: boolean } | undefined)?.antialias;
          return matches(out, (antialias ? resizeAntialiasReference : resizeBilinearReference)(img(args), width, height));
        },
      }),
    ),
  ];
}

/** A copy of whatever typed-array or ArrayBuffer contents the arguments hold, to check they are left alone. */
function snapshotArgs(args: unknown[]): { view: Uint8Array; copy: Uint8Array }[] {
  const out: { view: Uint8Array; copy: Uint8Array }[] = [];
  const add = (v: unknown) => {
    // Copied with the typed-array constructor: V8's SharedArrayBuffer.prototype.slice throws for an empty slice.
    if (ArrayBuffer.isView(v)) {
      const view = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      out.push({ view, copy: new Uint8Array(view) });
    } else if (v instanceof ArrayBuffer) out.push({ view: new Uint8Array(v), copy: new Uint8Array(new Uint8Array(v)) });
  };
  for (const arg of args) {
    add(arg);
    if (arg !== null && typeof arg === 'object' && 'data' in arg) add((arg as { data: unknown }).data);
  }
  return out;
}

export function describeValue(value: unknown): string {
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') return String(value);
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${value.byteLength})`;
  if (value instanceof ArrayBuffer) return `ArrayBuffer(${value.byteLength})`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${describeValue(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? String(value);
}

/** Runs one call and returns its outcome label and what was wrong with it (nothing when it passed). */
function checkCall(spec: OpSpec, args: unknown[]): { label: string; problem?: string } {
  const expected = spec.expect(args);
  const before = snapshotArgs(args);
  const start = performance.now();
  let result: unknown;
  let error: unknown;
  let threw = false;
  try {
    result = spec.call(args);
  } catch (e) {
    threw = true;
    error = e;
  }
  const ms = performance.now() - start;
  const call = `${spec.name}(${args.map(describeValue).join(', ')})`;
  const fail = (label: string, what: string) => ({ label, problem: `${call}: ${what}` });
  const label = threw ? (error instanceof AugkitError ? error.code : `foreign ${(error as Error)?.name}`) : 'ok';
  if (threw && !(error instanceof AugkitError)) return fail(label, `threw ${String(error)}`);
  if (ms > TIME_BOX_MS) return fail(label, `took ${ms.toFixed(0)} ms`);
  if (before.some(({ view, copy }) => !sameBytes(view, copy))) return fail(label, 'modified its input');
  if (expected === 'decodes') {
    if (threw && !DECODE_CODES.includes((error as AugkitError).code)) return fail(label, `threw ${(error as AugkitError).code}: ${(error as Error).message}`);
  } else if (!expected.ok) {
    if (!threw) return fail(label, `returned a result where ${expected.code} was due`);
    if ((error as AugkitError).code !== expected.code) return fail(label, `threw ${label} (${(error as Error).message}) where ${expected.code} was due`);
    return { label };
  } else {
    if (threw) return fail(label, `threw ${label} (${(error as Error).message}) for valid arguments`);
    if (!(result instanceof Uint8Array)) {
      const { width, height, data } = result as RgbaImage;
      // rotate's expanded size uses the module's sin/cos: the model's may round the other way.
      const slack = spec.name === 'rotate' ? 1 : 0;
      if (Math.abs(width - expected.width) > slack || Math.abs(height - expected.height) > slack) {
        return fail(label, `returned ${width}×${height} where ${expected.width}×${expected.height} was due`);
      }
      if (!(data instanceof Uint8ClampedArray) || data.length !== width * height * 4) return fail(label, 'returned malformed image data');
    }
  }
  if (!threw && spec.verify) {
    const problem = spec.verify(result, args);
    if (problem) return fail(label, problem);
  }
  return { label };
}

/** The properties, one per public function, for `fc.assert` (tests) or `fc.check` (the CLI). */
export function opProperties(files: readonly Uint8Array[], outcomes: Record<string, number> = {}): { name: string; property: fc.IProperty<unknown[]> }[] {
  return opSpecs(files).map((spec) => ({
    name: spec.name,
    property: fc.property(spec.args, (args) => {
      const previous = setPixelLimit(OPS_PIXEL_LIMIT);
      try {
        const { label, problem } = checkCall(spec, args);
        outcomes[`${spec.name} ${label}`] = (outcomes[`${spec.name} ${label}`] ?? 0) + 1;
        if (problem) throw new Error(problem);
      } finally {
        setPixelLimit(previous);
      }
    }),
  }));
}
