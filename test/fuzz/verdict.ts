// What every decode of hostile bytes must satisfy, checked in one place for the fuzzer's worker, the
// regression replay and the CLI. No Node built-ins here: the worker bundle runs it as is.
import { AugkitError, decode, readHeader, type AugkitErrorCode, type DecodeOptions } from '../../src/index.js';

/** What one call ended with. */
export type Outcome =
  | { readonly kind: 'image'; readonly width: number; readonly height: number; readonly hash: number }
  | { readonly kind: 'error'; readonly code: AugkitErrorCode; readonly message: string }
  | { readonly kind: 'foreign'; readonly name: string; readonly message: string };

/** The codes `decode` and `readHeader` may give for bytes: the format's failures, never INTERNAL. */
export const DECODE_CODES: readonly AugkitErrorCode[] = ['UNSUPPORTED_FORMAT', 'CORRUPT_IMAGE', 'TOO_LARGE'];

/** The pixel limit the fuzzer decodes under: far above the corpus (at most 161×113), far below memory trouble. */
export const FUZZ_PIXEL_LIMIT = 2 ** 20;

export interface DecodeReport {
  /** `decode`'s outcome. */
  readonly outcome: Outcome;
  /** How long the first decode took, in milliseconds. */
  readonly ms: number;
  /** Every broken rule; empty when the case passed. */
  readonly problems: readonly string[];
}

/** FNV-1a over the bytes, to compare two decodes without keeping both. */
function hash(data: ArrayLike<number>): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < data.length; i++) h = Math.imul(h ^ data[i], 0x01000193);
  return h >>> 0;
}

/** Runs `fn` and describes how it ended. */
export function outcomeOf(fn: () => { width: number; height: number; data: ArrayLike<number> }): Outcome {
  try {
    const { width, height, data } = fn();
    return { kind: 'image', width, height, hash: hash(data) };
  } catch (error) {
    if (error instanceof AugkitError) return { kind: 'error', code: error.code, message: error.message };
    const e = error as { name?: unknown; message?: unknown };
    return { kind: 'foreign', name: String(e?.name ?? typeof error), message: String(e?.message ?? error) };
  }
}

/** A short label for statistics: the error code, `image`, or the foreign exception's name. */
export function label(outcome: Outcome): string {
  return outcome.kind === 'image' ? 'image' : outcome.kind === 'error' ? outcome.code : `foreign ${outcome.name}`;
}

function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === 'image') return `a ${outcome.width}×${outcome.height} image`;
  if (outcome.kind === 'error') return `${outcome.code}: ${outcome.message}`;
  return `${outcome.name}: ${outcome.message}`;
}

/** Problems with an image `decode` returned (its size, type, length, limit). */
function imageProblems(img: { width: unknown; height: unknown; data: unknown }, limit: number): string[] {
  const problems: string[] = [];
  const { width, height, data } = img;
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || (width as number) < 1 || (height as number) < 1) {
    problems.push(`image size ${String(width)}×${String(height)} is not two positive integers`);
    return problems;
  }
  if (!(data instanceof Uint8ClampedArray)) problems.push('image data is not a Uint8ClampedArray');
  else if (data.length !== (width as number) * (height as number) * 4) problems.push(`image data length ${data.length} ≠ ${width}×${height}×4`);
  if ((width as number) * (height as number) > limit) problems.push(`image of ${width}×${height} exceeds the pixel limit ${limit}`);
  return problems;
}

/**
 * Decodes `bytes` and checks every rule a hostile input must not break:
 *
 * - `decode` returns a well-formed image within the pixel limit, or throws AugkitError with UNSUPPORTED_FORMAT,
 *   CORRUPT_IMAGE or TOO_LARGE — never another exception, never INTERNAL;
 * - `readHeader` likewise; when `decode` succeeds, `readHeader` does too and reports the same size (swapped
 *   for EXIF orientations 5–8 when the orientation is applied);
 * - decoding the same bytes again gives the same pixels.
 */
export function checkDecode(bytes: Uint8Array, options: DecodeOptions = {}): DecodeReport {
  const limit = options.pixelLimit ?? FUZZ_PIXEL_LIMIT;
  const opts = { ...options, pixelLimit: limit };
  const problems: string[] = [];
  let image: { width: number; height: number; data: Uint8ClampedArray } | undefined;
  const start = performance.now();
  const outcome = outcomeOf(() => (image = decode(bytes, opts)));
  const ms = performance.now() - start;
  if (outcome.kind === 'foreign') problems.push(`decode threw a ${describeOutcome(outcome)}`);
  if (outcome.kind === 'error' && !DECODE_CODES.includes(outcome.code)) problems.push(`decode failed with ${describeOutcome(outcome)}`);
  if (outcome.kind === 'error' && outcome.message.length === 0) problems.push('decode failed with an empty message');
  if (image) problems.push(...imageProblems(image, limit));

  let header: { width: number; height: number; orientation: number } | undefined;
  const headerOutcome = outcomeOf(() => {
    header = readHeader(bytes);
    return { width: header.width, height: header.height, data: [] };
  });
  if (headerOutcome.kind === 'foreign') problems.push(`readHeader threw a ${describeOutcome(headerOutcome)}`);
  if (headerOutcome.kind === 'error' && !DECODE_CODES.includes(headerOutcome.code)) {
    problems.push(`readHeader failed with ${describeOutcome(headerOutcome)}`);
  }

  if (outcome.kind === 'image') {
    if (!header) problems.push(`decode gave ${describeOutcome(outcome)} but readHeader failed (${describeOutcome(headerOutcome)})`);
    else {
      const swap = opts.orientation !== 'ignore' && header.orientation >= 5;
      const [w, h] = swap ? [header.height, header.width] : [header.width, header.height];
      if (w !== outcome.width || h !== outcome.height) {
        problems.push(`decode gave ${describeOutcome(outcome)} but the header says ${header.width}×${header.height} (orientation ${header.orientation})`);
      }
    }
    const again = outcomeOf(() => decode(bytes, opts));
    if (again.kind !== 'image' || again.hash !== outcome.hash) problems.push(`decoding again gave ${describeOutcome(again)}, other pixels`);
  }
  return { outcome, ms, problems };
}
