import { invalidArgument } from '../errors.js';
import { checkValues } from '../ops/define.js';
import { checkDimension, checkOptions, isFiniteNumber } from '../validate.js';
import { opDefinition, type AppliedOp } from './catalogue.js';
import type { Size } from './defineTransform.js';
import { checkAgainstSchema } from './schemaErrors.js';

/**
 * A point `[x, y]` in pixel-centre coordinates: the centre of pixel (i, j) is `[i, j]`.
 *
 * @example
 * const corner: Point = [0, 0]; // the centre of the top-left pixel
 */
export type Point = readonly [number, number];

function checkPoints(points: unknown): Point[] {
  if (!Array.isArray(points)) throw invalidArgument('points', 'an array of points [x, y]', points);
  return points.map((p: unknown, i) => {
    if (!Array.isArray(p) || p.length !== 2 || !p.every(isFiniteNumber)) throw invalidArgument(`points[${i}]`, 'a point [x, y] of finite numbers', p);
    return [p[0], p[1]];
  });
}

/**
 * Where `points` of a `size` input land after the recorded ops `applied` (a pipeline result's or a
 * manifest record's): keypoints, box corners or polygon vertices follow the image. Each geometric op maps
 * through its definition's forward map (`mapPoint`, built from the coefficients its kernel samples with);
 * other ops leave points where they are. Points are not clipped: one that leaves the image keeps its
 * coordinates outside `0 … width − 1`.
 *
 * @param applied - the recorded ops, as `replay` takes them
 * @param points - `[x, y]` pairs of finite numbers, pixel centres at integers
 * @param size - the size of the image the ops were applied to
 * @returns the mapped points, a new array in the same order
 * @throws {AugkitError} INVALID_ARGUMENT for a malformed record (naming it, e.g. `applied[1].degrees`), a bad
 *   size or a point that is not two finite numbers (naming it, e.g. `points[2]`).
 * @example
 * const { image, applied } = pipeline(img, { seed: 3 });
 * const [nose, tail] = mapPoints(applied, [[40, 22], [118, 90]], img);
 */
export function mapPoints(applied: readonly AppliedOp[], points: readonly Point[], size: Size): [number, number][] {
  checkAgainstSchema('applied', applied, 'applied');
  const { width, height } = checkOptions(size, 'size');
  let [w, h] = [checkDimension(width, 'size.width'), checkDimension(height, 'size.height')];
  let mapped = checkPoints(points);
  applied.forEach((record, i) => {
    const definition = opDefinition(record.op);
    const values = checkValues(definition.params, record, (key) => `applied[${i}].${key}`);
    const map = definition.mapPoint?.(values, w, h);
    if (map) mapped = mapped.map(([x, y]) => map(x, y));
    [w, h] = definition.step(values).outputSize(w, h);
  });
  return mapped.map(([x, y]) => [x, y]);
}
