import type { JpegMode } from '../codecs/index.js';
import { UsageError, type FlagSpec } from './args.js';

/**
 * The flags that shape an augment job (what is written, from which recipes, split and seed): `augkit augment`
 * and `augkit plan` take them alike, so a plan made with them describes the job `augment` would run.
 *
 * @example
 * const PLAN_FLAGS = { out: { kind: 'string' }, ...JOB_FLAGS, help: { kind: 'boolean', short: 'h' } };
 */
export const JOB_FLAGS: Readonly<Record<string, FlagSpec>> = {
  recipe: { kind: 'list' },
  variants: { kind: 'string' },
  classes: { kind: 'string' },
  balance: { kind: 'optional' },
  split: { kind: 'string' },
  size: { kind: 'string' },
  seed: { kind: 'string' },
  format: { kind: 'string' },
  quality: { kind: 'string' },
  'png-level': { kind: 'string' },
  jpeg: { kind: 'string' },
};

/**
 * The value of `--jpeg`: how JPEG sources decode (augment, plan, preview).
 *
 * @throws {UsageError} unless it is `jpeg-js` or `libjpeg`.
 * @example
 * options.jpeg = jpegFlag('libjpeg');
 */
export function jpegFlag(value: string): JpegMode {
  if (value !== 'jpeg-js' && value !== 'libjpeg') throw new UsageError(`--jpeg expects jpeg-js or libjpeg, not "${value}"`);
  return value;
}
