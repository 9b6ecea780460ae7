import { invalidArgument } from '../../errors.js';
import { adjustBrightnessOp, channelShiftOp } from '../../ops/color.js';
import { flipHorizontalOp, flipVerticalOp } from '../../ops/flip.js';
import { boolean, choice, integer, number, param } from '../../ops/params.js';
import { warpAffineOp } from '../../ops/warpAffine.js';
import { isFiniteNumber } from '../../validate.js';
import type { AppliedOp } from '../catalogue.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { kerasWarpMatrix } from '../kerasMatrix.js';
import { parseRecipe, type Recipe } from '../recipe.js';
import type { SeedStream } from '../seed.js';

const shiftExpected = 'a number ≥ 0 (< 1: a fraction of the size; an integer ≥ 1: whole pixels) or an array of such numbers';

/** A Keras shift range: a number ≥ 0 or a list of numbers (drawn from, with a random sign). */
const shiftRange = (doc: string) =>
  param<number | readonly number[], number | readonly number[], { readonly doc: string; readonly default: 0 }>({
    doc,
    default: 0,
    schema: {
      'x-expected': shiftExpected,
      anyOf: [{ type: 'number', minimum: 0 }, { type: 'array', minItems: 1, items: { type: 'number' } }],
    },
    check: (value, name) => {
      if (isFiniteNumber(value) && value >= 0) return value;
      if (Array.isArray(value) && value.length > 0 && value.every(isFiniteNumber)) return [...value];
      throw invalidArgument(name, shiftExpected, value);
    },
  });

/**
 * One shift as Keras draws it (in pixels of a side of `size` pixels): a list → one of its values with a random
 * sign; an integer n ≥ 1 → an integer of 0..n−1 with a random sign (numpy's choice(n)); otherwise
 * uniform in [−r, r). Values are fractions of the side when the largest is below 1.
 */
function drawShift(range: number | readonly number[], size: number, random: SeedStream): number {
  const values = typeof range === 'number' ? undefined : range;
  let shift: number;
  if (values !== undefined) shift = values[random.integer(0, values.length - 1)]! * (random.chance(0.5) ? -1 : 1);
  else if (Number.isInteger(range) && (range as number) >= 1) shift = random.integer(0, (range as number) - 1) * (random.chance(0.5) ? -1 : 1);
  else shift = random.between(-(range as number), range as number);
  const largest = values === undefined ? (range as number) : Math.max(...values);
  return largest < 1 ? shift * size : shift;
}

const brightnessExpected = 'null or a [min, max] pair of numbers ≥ 0 with min ≤ max';

const FILL_MODES = { constant: 'constant', nearest: 'edge', reflect: 'symmetric', wrap: 'wrap' } as const;

/**
 * Keras' ImageDataGenerator as one recipe step, defined once (see src/pipeline/defineTransform.ts): the
 * same argument names and distributions; each draw records one `warpAffine` (the exact matrix Keras'
 * apply_affine_transform samples with), then in Keras' order the `channelShift`, the flips and the
 * `adjustBrightness` it drew.
 *
 * @example
 * recipeFromKeras({ rotation_range: 20, horizontal_flip: true }).pipeline.draw(1, { width: 64, height: 48 });
 */
export const kerasImageDataGeneratorTransform = defineTransform({
  name: 'kerasImageDataGenerator',
  doc: "Keras' ImageDataGenerator arguments (see docs/migrating-from-keras.md): rotation, shifts, shear, zoom, flips, channel shift and brightness drawn as Keras draws them, the geometry applied as one warp with Keras' matrix; zoom is Keras' inverse map (0.8 enlarges).",
  example: { rotation_range: 20, width_shift_range: 0.1, zoom_range: 0.2, horizontal_flip: true, fill_mode: 'reflect' },
  equivalents: { keras: 'ImageDataGenerator(...)' },
  params: {
    rotation_range: number({ doc: 'Rotation drawn from [−r, r) degrees.', min: 0, max: 360, default: 0 }),
    width_shift_range: shiftRange('Horizontal shift: < 1 a fraction of the width, an integer ≥ 1 whole pixels 0..n−1 (random sign), a list of values (random sign).'),
    height_shift_range: shiftRange('Vertical shift, as width_shift_range but of the height.'),
    shear_range: number({ doc: "Shear angle drawn from [−s, s) degrees (Keras' matrix [[1, −sin s], [0, cos s]]).", min: 0, max: 89.99, default: 0 }),
    zoom_range: param<number | readonly [number, number], readonly [number, number], { readonly doc: string; readonly default: readonly [1, 1] }>({
      doc: 'Zoom: z for [1 − z, 1 + z] or [min, max]; zx and zy are drawn separately and applied as the inverse map (augkit scale 1/z).',
      default: [1, 1],
      schema: {
        'x-expected': 'a number ≥ 0 or a [min, max] pair of positive numbers',
        anyOf: [{ type: 'number', minimum: 0 }, { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number', exclusiveMinimum: 0 } }],
      },
      check: (value, name) => {
        if (isFiniteNumber(value) && value >= 0 && value < 1) return [1 - value, 1 + value];
        if (Array.isArray(value) && value.length === 2 && value.every((v) => isFiniteNumber(v) && v > 0) && value[0] <= value[1]) {
          return [value[0], value[1]];
        }
        throw invalidArgument(name, 'a number 0 ≤ z < 1 or a [min, max] pair of positive numbers with min ≤ max', value);
      },
    }),
    channel_shift_range: number({
      doc: "Channel shift: one value drawn from [−r, r) added to R, G and B (Keras' apply_channel_shift; augkit clamps to 0..255 where Keras clips to the image's own min..max).",
      min: 0, max: 255, default: 0,
    }),
    brightness_range: param<readonly [number, number] | null, readonly [number, number] | null, { readonly doc: string; readonly default: null }>({
      doc: "Brightness: a factor drawn from [min, max) multiplying R, G and B (Keras' apply_brightness_shift, PIL ImageEnhance.Brightness, which truncates where augkit rounds); null for none.",
      default: null,
      schema: {
        'x-expected': brightnessExpected,
        anyOf: [{ type: 'null' }, { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number', minimum: 0 } }],
      },
      check: (value, name) => {
        if (value === null) return null;
        if (Array.isArray(value) && value.length === 2 && value.every((v) => isFiniteNumber(v) && v >= 0) && value[0] <= value[1]) {
          return [value[0], value[1]];
        }
        throw invalidArgument(name, brightnessExpected, value);
      },
    }),
    horizontal_flip: boolean({ doc: 'Flip left-right with probability 0.5.', default: false }),
    vertical_flip: boolean({ doc: 'Flip top-bottom with probability 0.5.', default: false }),
    fill_mode: choice({ doc: "Keras' fill mode: 'nearest' (augkit 'edge'), 'constant', 'reflect' (augkit 'symmetric'), 'wrap'.", values: ['nearest', 'constant', 'reflect', 'wrap'], default: 'nearest' }),
    cval: integer({ doc: "The fill value of fill_mode 'constant', for R, G and B (alpha 255).", min: 0, max: 255, default: 0 }),
    replicateKerasBugs: boolean({
      doc: "Reproduce keras-preprocessing exactly: height_shift_range moves the image horizontally and width_shift_range vertically, and the centre is (h/2 + 0.5, w/2 + 0.5).",
      default: false,
    }),
  },
  draw: (v, { random, requireSize }) => {
    const { width, height } = requireSize();
    const theta = random.between(-v.rotation_range, v.rotation_range);
    // documented meaning: height_shift_range moves rows (tx), width_shift_range columns (ty)
    const fromHeight = drawShift(v.height_shift_range, v.replicateKerasBugs ? width : height, random);
    const fromWidth = drawShift(v.width_shift_range, v.replicateKerasBugs ? height : width, random);
    const [tx, ty] = v.replicateKerasBugs ? [fromWidth, fromHeight] : [fromHeight, fromWidth];
    const shear = random.between(-v.shear_range, v.shear_range);
    const zx = random.between(v.zoom_range[0], v.zoom_range[1]);
    const zy = random.between(v.zoom_range[0], v.zoom_range[1]);
    const flipH = v.horizontal_flip && random.chance(0.5);
    const flipV = v.vertical_flip && random.chance(0.5);
    // drawn only when asked for (as Keras), after the others: recipes without them keep their draws
    const shift = v.channel_shift_range > 0 ? random.between(-v.channel_shift_range, v.channel_shift_range) : undefined;
    const brightness = v.brightness_range === null ? undefined : random.between(v.brightness_range[0], v.brightness_range[1]);
    const matrix = kerasWarpMatrix({ theta, tx, ty, shear, zx, zy }, width, height, v.replicateKerasBugs);
    // Keras' apply_transform order: the affine warp, the channel shift, the flips, the brightness
    const ops: AppliedOp[] = [
      applied(warpAffineOp, { matrix, interpolation: 'bilinear', border: FILL_MODES[v.fill_mode], fill: [v.cval, v.cval, v.cval, 255] }),
    ];
    if (shift !== undefined) ops.push(applied(channelShiftOp, { shift: [shift, shift, shift] }));
    if (flipH) ops.push(applied(flipHorizontalOp, {}));
    if (flipV) ops.push(applied(flipVerticalOp, {}));
    if (brightness !== undefined) ops.push(applied(adjustBrightnessOp, { factor: brightness }));
    return ops;
  },
});

/**
 * The arguments of {@link recipeFromKeras}: ImageDataGenerator's names, plus `replicateKerasBugs` and `p`.
 *
 * @example
 * const args: KerasImageDataGeneratorArgs = { rotation_range: 20, width_shift_range: 0.1, zoom_range: 0.2, horizontal_flip: true, fill_mode: 'reflect' };
 * const recipe = recipeFromKeras(args);
 */
export type KerasImageDataGeneratorArgs = TransformOptions<typeof kerasImageDataGeneratorTransform>;

/**
 * A recipe from Keras ImageDataGenerator arguments, unchanged: the same distributions, applied with the
 * matrix Keras' apply_affine_transform uses (see docs/migrating-from-keras.md for the traps and where
 * augkit differs). The same step in a recipe file: `{ "op": "kerasImageDataGenerator", "rotation_range": 20, … }`.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad or unknown argument.
 * @example
 * const recipe = recipeFromKeras({ rotation_range: 20, width_shift_range: 0.1, zoom_range: 0.2, horizontal_flip: true, fill_mode: 'reflect' });
 * const { image, applied } = recipe.pipeline(img, { seed: 1 });
 */
export function recipeFromKeras(args: KerasImageDataGeneratorArgs, name = 'keras'): Recipe {
  const step = { ...(args as object), op: 'kerasImageDataGenerator' };
  return parseRecipe({ name, steps: [step] });
}
