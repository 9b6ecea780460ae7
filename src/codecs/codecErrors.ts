import { AugkitError } from '../errors.js';
import { FORMAT_NAMES, type ImageFormat } from './sniff.js';

/**
 * UNSUPPORTED_FORMAT: the bytes are not an image augkit can decode.
 *
 * @example
 * throw unsupportedImage('PNG or JPEG bytes', '3 bytes starting with 47 49 46');
 */
export function unsupportedImage(expected: string, received: string): AugkitError {
  return new AugkitError('UNSUPPORTED_FORMAT', `Expected ${expected} for bytes but received ${received}`);
}

/**
 * CORRUPT_IMAGE: the bytes carry a PNG or JPEG signature, but `problem` makes them undecodable.
 *
 * @example
 * throw corruptImage('png', 'an IHDR chunk with width 0 and height 10');
 */
export function corruptImage(format: ImageFormat, problem: string, cause?: unknown): AugkitError {
  return new AugkitError(
    'CORRUPT_IMAGE',
    `Expected a valid ${FORMAT_NAMES[format]} stream for bytes but received ${problem}`,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * CORRUPT_IMAGE for whatever pngjs or jpeg-js threw while decoding; the original is kept as `cause`.
 *
 * @example
 * try { jpeg.decode(bytes) } catch (cause) { throw decoderFailed('jpeg', cause) }
 */
export function decoderFailed(format: ImageFormat, cause: unknown): AugkitError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return corruptImage(format, `a stream its decoder rejects (${reason})`, cause);
}

/**
 * INTERNAL for an exception from a JPEG encoder (WebAssembly or jpeg-js) while encoding an image that passed validation
 * (a bug, or the runtime running out of memory); the original is kept as `cause`.
 *
 * @example
 * try { jpeg.encode(img, 90) } catch (cause) { throw encoderFailed('jpeg', cause) }
 */
export function encoderFailed(format: ImageFormat, cause: unknown): AugkitError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AugkitError('INTERNAL', `The ${FORMAT_NAMES[format]} encoder failed: ${reason}`, { cause });
}
