import type { AugkitImage, RgbaImage } from '../image.js';
import { flipHorizontal, flipVertical } from '../ops/flip.js';
import { rotate } from '../ops/rotate.js';

type Step = (img: RgbaImage) => AugkitImage;

/** A counter-clockwise quarter turn (`expand` makes it an exact permutation for any size). */
const turn =
  (degrees: number): Step =>
  (img) =>
    rotate(img, degrees, { expand: true });

/**
 * What turns a stored image upright, per EXIF orientation (EXIF 2.32, tag 0x0112; the same as Pillow's
 * `ImageOps.exif_transpose`). 5 is a transpose (mirror across the main diagonal), 7 a transverse (across
 * the other diagonal).
 */
const STEPS: Readonly<Record<number, readonly Step[]>> = {
  2: [flipHorizontal],
  3: [turn(180)],
  4: [flipVertical],
  5: [turn(90), flipVertical],
  6: [turn(270)], // 90° clockwise
  7: [turn(90), flipHorizontal],
  8: [turn(90)], // 90° counter-clockwise
};

/**
 * Turns a decoded image upright according to its EXIF orientation (1..8). Orientation 1, or any value
 * outside 2..8, returns `img` itself. 5–8 swap width and height. Every step is an exact pixel permutation.
 *
 * @throws {AugkitError} as the flip and rotate ops do (TOO_LARGE if the image exceeds the global pixel limit).
 * @example
 * const upright = applyOrientation(decode(bytes, { orientation: 'ignore' }), readHeader(bytes).orientation);
 */
export function applyOrientation(img: AugkitImage, orientation: number): AugkitImage {
  return (STEPS[orientation] ?? []).reduce((current, step) => step(current), img);
}
