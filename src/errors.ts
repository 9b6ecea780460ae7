/**
 * Stable error codes. Callers branch on `err.code`, never on the message.
 *
 * - `INVALID_ARGUMENT`: a parameter has the wrong type, is out of range or inconsistent.
 * - `UNSUPPORTED_FORMAT`: the bytes are not PNG or JPEG.
 * - `CORRUPT_IMAGE`: a PNG/JPEG signature, but the stream cannot be decoded.
 * - `TOO_LARGE`: an input or output image exceeds the pixel limit or the available memory.
 * - `IO_ERROR`: a file could not be read or written (dataset layer).
 * - `INTERNAL`: a bug in augkit (e.g. a WebAssembly trap); please report it.
 *
 * @example
 * try {
 *   decode(bytes);
 * } catch (e) {
 *   if (e instanceof AugkitError && e.code === 'UNSUPPORTED_FORMAT') console.log('not a PNG or JPEG: skipped');
 *   else throw e;
 * }
 */
export type AugkitErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNSUPPORTED_FORMAT'
  | 'CORRUPT_IMAGE'
  | 'TOO_LARGE'
  | 'IO_ERROR'
  | 'INTERNAL';

/**
 * The only error type augkit throws.
 *
 * @example
 * try {
 *   resize(img, 0, 10);
 * } catch (e) {
 *   if (e instanceof AugkitError) console.log(e.code); // 'INVALID_ARGUMENT'
 * }
 */
export class AugkitError extends Error {
  readonly code: AugkitErrorCode;

  constructor(code: AugkitErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AugkitError';
    this.code = code;
  }
}

/** Describes a received value for an error message: `17 of type number`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${(value as Uint8Array).length}`;
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}" of type string`;
  if (typeof value === 'object') return `an object`;
  return `${String(value)} of type ${typeof value}`;
}

/** `Expected <what> for <param> but received <value>`: the one shape of every argument error. */
export function invalidArgument(param: string, expected: string, received: unknown): AugkitError {
  return new AugkitError('INVALID_ARGUMENT', `Expected ${expected} for ${param} but received ${describe(received)}`);
}
