// The op tables of the automatic augmentation policies (randAugment, trivialAugmentWide, autoAugment):
// torchvision v2's `_AUGMENTATION_SPACE`s (transforms/v2/_auto_augment.py), each op turned into the concrete
// augkit ops it applies. Magnitudes are exact: bin i of n is max·i/(n − 1) as one division of integers
// (torchvision computes torch.linspace in float32), so integer results (translations, thresholds, bits)
// never fall on the wrong side of a rounding. docs/policies.md states every difference from torchvision.
import type { Rgba } from '../image.js';
import { adjustBrightnessOp, adjustContrastOp, adjustSaturationOp } from '../ops/color.js';
import { affineOp } from '../ops/affine.js';
import { borderParam, fillParam, INTERPOLATIONS, interpolationParam, type Border, type Interpolation } from '../ops/border.js';
import { autocontrastOp, equalizeOp, invertOp, posterizeOp, solarizeOp } from '../ops/imageOps.js';
import { choice } from '../ops/params.js';
import { rotateOp } from '../ops/rotate.js';
import { adjustSharpnessOp } from '../ops/sharpness.js';
import { warpAffineOp, type AffineMatrix } from '../ops/warpAffine.js';
import type { AppliedOp } from './catalogue.js';
import { applied, type Size } from './defineTransform.js';
import type { SeedStream } from './seed.js';

/** torchvision's names of the policy ops. */
export type PolicyOpName =
  | 'Identity' | 'ShearX' | 'ShearY' | 'TranslateX' | 'TranslateY' | 'Rotate' | 'Brightness' | 'Color' | 'Contrast'
  | 'Sharpness' | 'Posterize' | 'Solarize' | 'AutoContrast' | 'Equalize' | 'Invert';

/** The magnitude an op was drawn with: bin `index` of `bins` (0 = the weakest), negated when `negative`. */
export interface Level {
  readonly index: number;
  readonly bins: number;
  readonly negative: boolean;
}

/** How the geometric policy ops sample: torchvision's `interpolation` and `fill`, and augkit's `border`. */
export interface PolicySampling {
  readonly interpolation: Interpolation;
  readonly border: Border;
  readonly fill: Rgba;
}

/** One op of a table: whether it takes a magnitude bin (and a random sign), and the augkit ops it applies. */
export interface PolicyOp {
  readonly name: PolicyOpName;
  /** `'none'`: no magnitude (no bin or sign is drawn); `'unsigned'`: a bin; `'signed'`: a bin and a sign (p 0.5). */
  readonly magnitude: 'none' | 'unsigned' | 'signed';
  /** `size()` is the image size (INVALID_ARGUMENT when unknown): only the standard translations read it. */
  readonly ops: (level: Level, size: () => Size, sampling: PolicySampling) => AppliedOp[];
}

/** An op table, in torchvision's order (the order the uniform choice indexes). */
export type AugmentationSpace = readonly PolicyOp[];

/** A magnitude range's upper end as an exact fraction `numerator / denominator`. */
type Fraction = readonly [numerator: number, denominator: number];

/** torchvision's linspace(0, max, bins)[index], signed: one division of integers, and never −0. */
function linear(level: Level, [numerator, denominator]: Fraction): number {
  const value = (numerator * level.index) / (denominator * (level.bins - 1));
  return (level.negative ? -value : value) + 0;
}

/** `round(a / b)` for non-negative integers, ties to even (torch.round). */
function roundHalfEven(a: number, b: number): number {
  const whole = (a - (a % b)) / b;
  const twice = 2 * (a % b);
  return twice > b || (twice === b && whole % 2 === 1) ? whole + 1 : whole;
}

/** `ceil(a / b)` for non-negative integers, exactly. */
function ceilDivision(a: number, b: number): number {
  return (a - (a % b)) / b + (a % b > 0 ? 1 : 0);
}

/** The sampling options of a policy transform (torchvision's defaults: nearest, fill 0). */
export const policySamplingParams = {
  interpolation: choice({ doc: interpolationParam.doc, values: INTERPOLATIONS, default: 'nearest' }),
  border: borderParam,
  fill: fillParam,
};

/** The magnitude ranges that tell torchvision's tables apart (the upper ends of their linspaces). */
interface Ranges {
  readonly shear: Fraction;
  readonly translate: (size: () => Size) => readonly [Fraction, Fraction];
  readonly rotate: Fraction;
  /** Brightness, Color, Contrast and Sharpness: factor 1 ± this. */
  readonly enhance: Fraction;
  /** Posterize keeps 8 − round(drop · i/(n − 1)) bits. */
  readonly posterizeDrop: number;
}

const enhance = (name: PolicyOpName, definition: typeof adjustBrightnessOp | typeof adjustContrastOp | typeof adjustSaturationOp | typeof adjustSharpnessOp, range: Fraction): PolicyOp => ({
  name,
  magnitude: 'signed',
  ops: (level) => [applied(definition, { factor: 1 + linear(level, range) })],
});

/** The sampling options as a warp records them (its own copy of the fill). */
const samplingRecord = ({ interpolation, border, fill }: PolicySampling) => ({ interpolation, border, fill: [...fill] as const });

const identity: PolicyOp = { name: 'Identity', magnitude: 'none', ops: () => [] };
const invert: PolicyOp = { name: 'Invert', magnitude: 'none', ops: () => [applied(invertOp, {})] };

/**
 * The ops every table shares, with `ranges`: ShearX … Equalize in torchvision's order.
 *
 * Shears are torchvision's `F.affine(shear=atan(m)°, center=[0, 0])`: about the top-left corner of the image
 * (pixel-centre coordinate −0.5), with source x = x + m·(y + 0.5) — recorded as the exact `warpAffine` matrix.
 */
function sharedOps(ranges: Ranges): PolicyOp[] {
  return [
    ...([0, 1] as const).map((axis): PolicyOp => ({
      name: axis === 0 ? 'ShearX' : 'ShearY',
      magnitude: 'signed',
      ops: (level, _size, sampling) => {
        const m = linear(level, ranges.shear);
        const matrix: AffineMatrix = axis === 0 ? [1, m, m / 2, 0, 1, 0] : [1, 0, 0, m, 1, m / 2];
        return [applied(warpAffineOp, { matrix, ...samplingRecord(sampling) })];
      },
    })),
    ...([0, 1] as const).map((axis): PolicyOp => ({
      name: axis === 0 ? 'TranslateX' : 'TranslateY',
      magnitude: 'signed',
      ops: (level, size, sampling) => {
        // torchvision's int(): towards zero
        const shift = Math.trunc(linear(level, ranges.translate(size)[axis])) + 0;
        const translate: [number, number] = axis === 0 ? [shift, 0] : [0, shift];
        return [applied(affineOp, { degrees: 0, translate, scale: [1, 1], shear: [0, 0], ...samplingRecord(sampling) })];
      },
    })),
    {
      name: 'Rotate',
      magnitude: 'signed',
      ops: (level, _size, sampling) => [applied(rotateOp, { degrees: linear(level, ranges.rotate), expand: false, ...samplingRecord(sampling) })],
    },
    enhance('Brightness', adjustBrightnessOp, ranges.enhance),
    enhance('Color', adjustSaturationOp, ranges.enhance),
    enhance('Contrast', adjustContrastOp, ranges.enhance),
    enhance('Sharpness', adjustSharpnessOp, ranges.enhance),
    {
      name: 'Posterize',
      magnitude: 'unsigned',
      ops: ({ index, bins }) => [applied(posterizeOp, { bits: 8 - roundHalfEven(ranges.posterizeDrop * index, bins - 1) })],
    },
    {
      name: 'Solarize',
      magnitude: 'unsigned',
      // torchvision inverts v ≥ 255·linspace(1, 0)[i]; for integer v that is v ≥ ceil(255·(n − 1 − i)/(n − 1))
      ops: ({ index, bins }) => [applied(solarizeOp, { threshold: ceilDivision(255 * (bins - 1 - index), bins - 1) })],
    },
    { name: 'AutoContrast', magnitude: 'none', ops: () => [applied(autocontrastOp, {})] },
    { name: 'Equalize', magnitude: 'none', ops: () => [applied(equalizeOp, {})] },
  ];
}

/** torchvision's ranges for RandAugment and AutoAugment (translations up to 150/331 of the side). */
const standardRanges: Ranges = {
  shear: [3, 10],
  translate: (size) => {
    const { width, height } = size();
    return [[150 * width, 331], [150 * height, 331]];
  },
  rotate: [30, 1],
  enhance: [9, 10],
  posterizeDrop: 4,
};

/** RandAugment's table: Identity, then the shared ops with the standard ranges (14 ops). */
export const randAugmentSpace: AugmentationSpace = [identity, ...sharedOps(standardRanges)];

/** TrivialAugmentWide's table: Identity, then the shared ops with the wide ranges (14 ops). */
export const trivialAugmentWideSpace: AugmentationSpace = [
  identity,
  ...sharedOps({ shear: [99, 100], translate: () => [[32, 1], [32, 1]], rotate: [135, 1], enhance: [99, 100], posterizeDrop: 6 }),
];

/** AutoAugment's table: the shared ops with the standard ranges, then Invert (14 ops; its policies pick by name). */
export const autoAugmentSpace: AugmentationSpace = [...sharedOps(standardRanges), invert];

/**
 * The concrete ops of `op` at bin `index` of `bins`, drawing the sign (p 0.5) from `random` when the op is
 * signed and nothing when it takes no magnitude — torchvision's order of draws.
 */
export function drawPolicyOp(op: PolicyOp, index: number, bins: number, random: SeedStream, size: () => Size, sampling: PolicySampling): AppliedOp[] {
  const negative = op.magnitude === 'signed' && random.chance(0.5);
  return op.ops({ index, bins, negative }, size, sampling);
}
