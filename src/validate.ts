import { AugkitError, invalidArgument } from './errors.js';
import type { RgbaImage } from './image.js';
import { checkPixelLimit } from './limits.js';

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** A width or height: a positive integer (how large is for the pixel limit to say). */
export function checkDimension(value: unknown, param: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    throw invalidArgument(param, 'a positive integer', value);
  }
  return value as number;
}

/** An integer within [min, max] (an encoder's level or quality). */
export function checkIntegerInRange(value: unknown, param: string, min: number, max: number): number {
  if (!isInteger(value) || value < min || value > max) {
    throw invalidArgument(param, `an integer between ${min} and ${max}`, value);
  }
  return value;
}

/** A finite number within [min, max]. */
export function checkNumberInRange(value: unknown, param: string, min: number, max: number): number {
  if (!isFiniteNumber(value) || value < min || value > max) {
    throw invalidArgument(param, `a number between ${min} and ${max}`, value);
  }
  return value;
}

/** A finite number ≥ 0 (a blend factor, a standard deviation). */
export function checkNonNegativeNumber(value: unknown, param: string): number {
  if (!isFiniteNumber(value) || value < 0) throw invalidArgument(param, 'a finite number ≥ 0', value);
  return value;
}

/** A finite number > 0 (a gamma, a sigma). */
export function checkPositiveNumber(value: unknown, param: string): number {
  if (!isFiniteNumber(value) || value <= 0) throw invalidArgument(param, 'a finite number > 0', value);
  return value;
}

export function checkFiniteNumber(value: unknown, param: string): number {
  if (!isFiniteNumber(value)) throw invalidArgument(param, 'a finite number', value);
  return value;
}

export function checkBoolean(value: unknown, param: string): boolean {
  if (typeof value !== 'boolean') throw invalidArgument(param, 'a boolean', value);
  return value;
}

/** An options argument: `undefined` (all defaults) or a plain object. */
export function checkOptions<T extends object>(value: T | undefined, param = 'options'): Partial<T> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidArgument(param, 'an object', value);
  }
  return value;
}

/** An RGBA colour: four integers 0..255. */
export function checkColor(value: unknown, param: string): [number, number, number, number] {
  if (!Array.isArray(value) || value.length !== 4 || !value.every((v) => isInteger(v) && v >= 0 && v <= 255)) {
    throw invalidArgument(param, 'an [r, g, b, a] array of integers 0..255', value);
  }
  return [value[0], value[1], value[2], value[3]];
}

/** A seed: a non-negative safe integer. */
export function checkSeed(value: unknown, param = 'seed'): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw invalidArgument(param, 'a non-negative safe integer', value);
  }
  return value as number;
}

/**
 * Checks that `img` is a well-formed RGBA image within the pixel limit, and returns what was checked: a new
 * `{ width, height, data }` holding the values read once, so an object whose getters answer differently on
 * a second read cannot make a kernel see other sizes than the ones validated.
 */
export function checkImage(img: unknown, param = 'image'): RgbaImage {
  if (img === null || typeof img !== 'object') {
    throw invalidArgument(param, 'an RgbaImage { width, height, data }', img);
  }
  const { width, height, data } = img as RgbaImage;
  checkDimension(width, `${param}.width`);
  checkDimension(height, `${param}.height`);
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) {
    throw invalidArgument(`${param}.data`, 'a Uint8Array or Uint8ClampedArray', data);
  }
  checkPixelLimit(width, height, `${param}`);
  if (data.length !== width * height * 4) {
    throw new AugkitError(
      'INVALID_ARGUMENT',
      `Expected ${param}.data of length ${width}×${height}×4 = ${width * height * 4} but received length ${data.length}`,
    );
  }
  return { width, height, data };
}
