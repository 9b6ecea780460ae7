import { corruptImage } from './codecErrors.js';
import type { PngChunk } from './pngChunks.js';
import type { PngHeader } from './pngHeader.js';

const PLTE = 0x504c5445;
const TRNS = 0x74524e53;
const PALETTE_COLOUR = 3;
const GREY = 0;
const RGB = 2;

/** What PLTE and tRNS say about a PNG's colours. */
export interface Transparency {
  /** PLTE's RGB triples for a palette image (empty otherwise). */
  readonly palette: Uint8Array;
  /** tRNS alphas of the first palette entries (the others are opaque). */
  readonly alpha: Uint8Array;
  /** The grey ([g]) or RGB ([r, g, b]) value tRNS makes transparent, at the stored bit depth. */
  readonly colour?: readonly number[];
}

/**
 * Reads PLTE and tRNS from the chunks that passed their CRC check. A palette image needs a PLTE of 1–256
 * entries (CORRUPT_IMAGE otherwise); a tRNS chunk that cannot apply (before PLTE, more entries than the
 * palette, the wrong length for the colour type, a second one, or any for colour types 4 and 6) is
 * ancillary and ignored, as libpng does. A PLTE in a true-colour image is only a suggestion: ignored.
 *
 * @throws {AugkitError} CORRUPT_IMAGE for a palette image without a usable PLTE chunk.
 * @example
 * const { palette, alpha, colour } = readTransparency(bytes, header, chunks);
 */
export function readTransparency(bytes: Uint8Array, { colorType }: PngHeader, chunks: readonly PngChunk[]): Transparency {
  const data = ({ start, length }: PngChunk) => bytes.subarray(start + 8, start + 8 + length);
  const plteAt = chunks.findIndex((chunk) => chunk.type === PLTE);
  const trnsAt = chunks.findIndex((chunk) => chunk.type === TRNS);
  const trns = trnsAt >= 0 ? data(chunks[trnsAt]!) : undefined;
  if (colorType === PALETTE_COLOUR) {
    const plte = plteAt >= 0 ? chunks[plteAt]! : undefined;
    if (!plte) throw corruptImage('png', 'a palette image without a PLTE chunk');
    if (chunks.some((chunk, i) => chunk.type === PLTE && i !== plteAt)) {
      throw corruptImage('png', `a second PLTE chunk`);
    }
    if (plte.length === 0 || plte.length % 3 !== 0 || plte.length > 768) {
      throw corruptImage('png', `a PLTE chunk of ${plte.length} bytes (3 per entry, 1–256 entries)`);
    }
    const usable = trns && trnsAt > plteAt && trns.length <= plte.length / 3;
    return { palette: data(plte), alpha: usable ? trns : new Uint8Array(0) };
  }
  const none = { palette: new Uint8Array(0), alpha: new Uint8Array(0) };
  if (!trns) return none;
  const view = new DataView(trns.buffer, trns.byteOffset, trns.length);
  if (colorType === GREY && trns.length === 2) return { ...none, colour: [view.getUint16(0)] };
  if (colorType === RGB && trns.length === 6) {
    return { ...none, colour: [view.getUint16(0), view.getUint16(2), view.getUint16(4)] };
  }
  return none;
}
