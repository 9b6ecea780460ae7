import type { AugkitImage, RgbaImage } from '../image.js';
import { checkImage } from '../validate.js';
import { runOps, type AppliedOp } from './execute.js';
import { checkAgainstSchema } from './schemaErrors.js';

/**
 * Applies a recorded list of ops (the `applied` of a pipeline result or of a manifest record) to `img`:
 * the same input and list give the same bytes as the run that recorded them, in every runtime.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image or a malformed record (naming it, e.g. `applied[1].degrees`).
 * @example
 * const { image, applied } = pipeline(img, { seed: 3 });
 * replay(img, JSON.parse(JSON.stringify(applied))); // equal to image, byte for byte
 */
export function replay(img: RgbaImage, applied: readonly AppliedOp[]): AugkitImage {
  const src = checkImage(img);
  checkAgainstSchema('applied', applied, 'applied');
  return runOps(src, applied);
}
