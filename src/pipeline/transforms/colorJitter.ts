import { adjustBrightnessOp, adjustContrastOp, adjustHueOp, adjustSaturationOp } from '../../ops/color.js';
import { range } from '../../ops/params.js';
import type { AppliedOp } from '../catalogue.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { factorRange } from '../rangeParams.js';
import type { SeedStream } from '../seed.js';
import { createTransform, type Transform } from '../transform.js';

/** A random permutation of 0..n−1 (Fisher–Yates from the top, one `integer(0, i)` per position). */
function permutation(random: SeedStream, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.integer(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const changes = (r: readonly [number, number], identity: number) => !(r[0] === identity && r[1] === identity);

/**
 * The colour jitter, defined once (see src/pipeline/defineTransform.ts): torchvision v2's ColorJitter,
 * seeded. Per image it draws an order of the four adjustments, then each factor in the fixed order
 * brightness, contrast, saturation, hue — skipping those whose range changes nothing ([1, 1], hue [0, 0]) —
 * and records the adjustments in the drawn order.
 *
 * @example
 * colorJitter({ brightness: 0.4, hue: 0.1 }).draw(2).map((op) => op.op); // ['adjustHue', 'adjustBrightness'] or the other order
 */
export const colorJitterTransform = defineTransform({
  name: 'colorJitter',
  doc: "torchvision's ColorJitter, seeded: brightness, contrast and saturation factors drawn from [max(0, 1 − b), 1 + b] (or [min, max]), the hue shift from [−h, h], applied in an order drawn per image.",
  example: { brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1 },
  equivalents: { torchvision: 'ColorJitter', albumentations: 'ColorJitter' },
  params: {
    brightness: factorRange({ doc: 'Brightness factor range: b for [max(0, 1 − b), 1 + b], or [min, max] (≥ 0).', default: [1, 1] }),
    contrast: factorRange({ doc: 'Contrast factor range: c for [max(0, 1 − c), 1 + c], or [min, max] (≥ 0).', default: [1, 1] }),
    saturation: factorRange({ doc: 'Saturation factor range: s for [max(0, 1 − s), 1 + s], or [min, max] (≥ 0).', default: [1, 1] }),
    hue: range({ doc: 'Hue shift range in turns: h (0..0.5) for [−h, h], or a [min, max] pair within −0.5..0.5.', min: -0.5, max: 0.5, symmetric: true, default: [0, 0] }),
  },
  draw: ({ brightness, contrast, saturation, hue }, { random }) => {
    const order = permutation(random, 4);
    const draw = (r: readonly [number, number], identity: number) => (changes(r, identity) ? random.between(r[0], r[1]) : undefined);
    const b = draw(brightness, 1);
    const c = draw(contrast, 1);
    const s = draw(saturation, 1);
    const h = draw(hue, 0);
    const ops: (AppliedOp | undefined)[] = [
      b === undefined ? undefined : applied(adjustBrightnessOp, { factor: b }),
      c === undefined ? undefined : applied(adjustContrastOp, { factor: c }),
      s === undefined ? undefined : applied(adjustSaturationOp, { factor: s }),
      h === undefined ? undefined : applied(adjustHueOp, { hue: h }),
    ];
    return order.map((i) => ops[i]).filter((op): op is AppliedOp => op !== undefined);
  },
});

/**
 * Options of {@link colorJitter}: `brightness`, `contrast`, `saturation` (0: unchanged), `hue` (0), `p` (1).
 *
 * @example
 * const options: ColorJitterOptions = { brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1 };
 */
export type ColorJitterOptions = TransformOptions<typeof colorJitterTransform>;

/**
 * Randomly changes brightness, contrast, saturation and hue in a random order (torchvision's ColorJitter,
 * seeded); records each adjustment with its drawn factor, in the order applied.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const jitter = colorJitter({ brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1 });
 */
export function colorJitter(options?: ColorJitterOptions): Transform {
  return createTransform(colorJitterTransform, options);
}
