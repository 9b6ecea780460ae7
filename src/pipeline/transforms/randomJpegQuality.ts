import { jpegArtifactsOp } from '../../ops/jpegArtifacts.js';
import { applied, defineTransform, type TransformOptions } from '../defineTransform.js';
import { integerRange } from '../rangeParams.js';
import { createTransform, type Transform } from '../transform.js';

/**
 * The random JPEG compression, defined once (see src/pipeline/defineTransform.ts): records `jpegArtifacts`
 * with the drawn quality.
 *
 * @example
 * randomJpegQuality({ quality: [30, 90] }).draw(1)[0]; // { op: 'jpegArtifacts', quality: … }
 */
export const randomJpegQualityTransform = defineTransform({
  name: 'randomJpegQuality',
  doc: 'A JPEG encode/decode round trip at a quality drawn uniformly from the integers of `quality` (= torchvision v2 JPEG).',
  example: { quality: [5, 10] },
  equivalents: { torchvision: 'JPEG', albumentations: 'ImageCompression' },
  params: {
    quality: integerRange({ doc: 'Quality range: q (1..100) for [q, q], or a [min, max] pair of integers within 1..100.', min: 1, max: 100 }),
  },
  draw: ({ quality }, { random }) => [applied(jpegArtifactsOp, { quality: random.integer(quality[0], quality[1]) })],
});

/**
 * Options of {@link randomJpegQuality}: `quality` (required), `p` (1).
 *
 * @example
 * const options: RandomJpegQualityOptions = { quality: [5, 10] };
 */
export type RandomJpegQualityOptions = TransformOptions<typeof randomJpegQualityTransform>;

/**
 * JPEG artefacts (see `jpegArtifacts`) at a quality drawn uniformly from `quality`; records the quality.
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the bad option.
 * @example
 * const compressed = randomJpegQuality({ quality: [20, 80], p: 0.5 });
 */
export function randomJpegQuality(options: RandomJpegQualityOptions): Transform {
  return createTransform(randomJpegQualityTransform, options);
}
