import { invalidArgument } from '../errors.js';

/**
 * The encoded image `value` as a Uint8Array over the same memory (no copy).
 *
 * @throws {AugkitError} INVALID_ARGUMENT when `value` is neither a Uint8Array (a Node Buffer is one) nor an ArrayBuffer.
 * @example
 * const bytes = toBytes(await (await fetch(url)).arrayBuffer());
 */
export function toBytes(value: unknown, param = 'bytes'): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw invalidArgument(param, 'a Uint8Array or ArrayBuffer', value);
}

/**
 * True when `bytes` begins with `prefix`.
 *
 * @example
 * startsWith(bytes, [0xff, 0xd8, 0xff]); // a JPEG?
 */
export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * `bytes` as a plain `Type` (Uint8Array or Uint8ClampedArray) over the same memory when it spans its whole
 * ArrayBuffer, otherwise a copy: a library's Buffer may be a slice of a shared pool (Node pools small
 * `Buffer.from` results), and that pool must not reach the caller.
 *
 * @example
 * const data = ownedView(decoded.data, Uint8ClampedArray);
 */
export function ownedView<T extends Uint8Array | Uint8ClampedArray>(
  bytes: Uint8Array,
  Type: { new (length: number): T; new (buffer: ArrayBufferLike, byteOffset: number, length: number): T },
): T {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
    return new Type(bytes.buffer, 0, bytes.length);
  }
  const copy = new Type(bytes.length);
  copy.set(bytes);
  return copy;
}
