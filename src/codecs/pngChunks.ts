import { corruptImage } from './codecErrors.js';

/** PNG chunk lengths are 31-bit (PNG spec, 5.3). */
const MAX_CHUNK_LENGTH = 0x7fffffff;
const IHDR = 0x49484452;
const PLTE = 0x504c5445;
const IDAT = 0x49444154;
const IEND = 0x49454e44;

/** One chunk: `start` is the offset of its length field; its data is `length` bytes from `start + 8`. */
export interface PngChunk {
  readonly type: number;
  readonly start: number;
  readonly length: number;
}

/** The chunks augkit reads, from IHDR to the last IDAT. */
export interface PngChunkList {
  readonly chunks: readonly PngChunk[];
  /** Bytes of the file they span: everything after is never read. */
  readonly end: number;
  /** The IDAT payloads' total length. */
  readonly imageDataBytes: number;
}

/** The four letters of a chunk type, for messages. */
export function chunkName(type: number): string {
  return String.fromCharCode(type >>> 24, (type >>> 16) & 0xff, (type >>> 8) & 0xff, type & 0xff);
}

/** Whether a chunk is ancillary (PNG spec, 5.4: bit 5 of the first type byte set, a lower-case letter). */
export function isAncillary(type: number): boolean {
  return (type & 0x20000000) !== 0;
}

/**
 * Walks the chunks of a PNG (`bytes` starts with a checked signature and IHDR) up to the end of its image
 * data, without reading their contents or CRCs. What augkit accepts, like libpng and browsers do:
 *
 * - the walk ends after the last complete IDAT of the first run of IDAT chunks: bytes after IEND, a missing
 *   IEND and anything else after the image data are never read (a cut IDAT ends the run: if its data was
 *   needed, inflating the rest reports the truncation);
 * - zero-length IDAT chunks are valid (they add no data);
 * - unknown ancillary chunks are skipped.
 *
 * Refused (CORRUPT_IMAGE): a chunk length over 2³¹−1, a chunk before the first IDAT that runs past the end
 * of the file, an unknown critical chunk, a second IHDR, IEND before any IDAT, no IDAT at all.
 *
 * @throws {AugkitError} CORRUPT_IMAGE as listed.
 * @example
 * const { chunks, imageDataBytes } = walkPngChunks(bytes);
 */
export function walkPngChunks(bytes: Uint8Array): PngChunkList {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let imageDataBytes = 0;
  let inImageData = false;
  let offset = 8;
  for (;;) {
    if (offset + 8 > bytes.length) {
      if (inImageData) break;
      throw corruptImage('png', `a file that ends at offset ${bytes.length}, before its image data (IDAT)`);
    }
    const length = view.getUint32(offset);
    if (length > MAX_CHUNK_LENGTH) {
      throw corruptImage('png', `a chunk at offset ${offset} declaring ${length} bytes, more than the PNG maximum of 2³¹−1`);
    }
    const type = view.getUint32(offset + 4);
    if (inImageData && type !== IDAT) break;
    if (type === IEND) throw corruptImage('png', `an IEND chunk at offset ${offset} before any image data (IDAT)`);
    if (offset + 12 + length > bytes.length) {
      // a cut IDAT after complete ones ends the image data; whether it was needed, inflate tells
      if (inImageData) break;
      throw corruptImage(
        'png',
        `a ${chunkName(type)} chunk at offset ${offset} declaring ${length} bytes, past the end of the file (${bytes.length} bytes)`,
      );
    }
    if (!isAncillary(type) && type !== IHDR && type !== PLTE && type !== IDAT) {
      throw corruptImage('png', `an unknown critical chunk ${chunkName(type)} at offset ${offset}`);
    }
    if (type === IHDR && offset !== 8) throw corruptImage('png', `a second IHDR chunk at offset ${offset}`);
    chunks.push({ type, start: offset, length });
    if (type === IDAT) {
      inImageData = true;
      imageDataBytes += length;
    }
    offset += 12 + length;
  }
  return { chunks, end: offset, imageDataBytes };
}
