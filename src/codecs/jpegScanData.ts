import { AugkitError } from '../errors.js';
import { corruptImage } from './codecErrors.js';
import type { JpegHeader } from './jpegHeader.js';

const SOS = 0xda;
const EOI = 0xd9;

/**
 * The most scans a JPEG may have. Every scan makes jpeg-js visit every block of its components, so a
 * progressive file repeating a 14-byte scan 20 000 times over a large frame would keep it busy for hours
 * (measured: 4096×4096 with 2000 scans, a 100 KB file, takes 7 s). Encoders write about 10 (libjpeg's
 * progressive script: 10 for colour, 6 for grey).
 */
export const MAX_JPEG_SCANS = 256;

/**
 * The offset of the first scan header (SOS) after `from` (-1 without one), the number of scans, and whether
 * a component is coded by more than one scan, walking the markers as jpeg-js reads them: segments skipped by
 * their length, entropy-coded data up to the next marker (stuffed 0xFF00 and RSTn are part of it), up to EOI.
 */
function findScans(bytes: Uint8Array, from: number): { first: number; count: number; recoded: boolean } {
  let first = -1;
  let count = 0;
  let recoded = false;
  const coded = new Set<number>();
  for (let at = from; at < bytes.length; ) {
    const ff = bytes.indexOf(0xff, at);
    if (ff < 0) break;
    let p = ff + 1;
    while (p < bytes.length && bytes[p] === 0xff) p++; // fill bytes
    if (p >= bytes.length) break;
    const marker = bytes[p];
    at = p + 1;
    if (marker === 0x00 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length field
    if (marker === EOI) break;
    if (at + 2 > bytes.length) break;
    if (marker === SOS) {
      if (first < 0) first = ff;
      count++;
      // length (2), component count Ns (1), then Ns × (component id, table selectors)
      for (let i = 0, n = bytes[at + 2] ?? 0; i < n && at + 3 + 2 * i < bytes.length; i++) {
        const id = bytes[at + 3 + 2 * i];
        if (coded.has(id)) recoded = true;
        coded.add(id);
      }
    }
    at += (bytes[at] << 8) | bytes[at + 1];
  }
  return { first, count, recoded };
}

/**
 * The fewest 8×8 blocks the scans of a frame must code: every sample of every component is coded once
 * (baseline) or at least in its DC scan (progressive). A repeated component identifier replaces the
 * earlier one, as jpeg-js reads them.
 */
function blocksToCode({ width, height, components }: JpegHeader): number {
  const byId = new Map(components.map((component) => [component.id, component]));
  const hMax = Math.max(...components.map((c) => c.h));
  const vMax = Math.max(...components.map((c) => c.v));
  let blocks = 0;
  for (const { h, v } of byId.values()) {
    if (h > 0 && v > 0) blocks += Math.ceil((width * h) / (8 * hMax)) * Math.ceil((height * v) / (8 * vMax));
  }
  return blocks;
}

/**
 * Checks, before jpeg-js allocates the frame (it allocates every block of every component when it reads the
 * frame header, about 28 bytes a pixel), that the stream can hold the image its frame header declares, in
 * reasonable time:
 *
 * - it has a scan (SOS) after the frame header — jpeg-js returns a blank grey image for a header alone;
 * - from the first scan on there is at least one bit per 8×8 block of every component. Each block costs at
 *   least a 1-bit Huffman code in its first (DC) scan, so no valid JPEG has less; a 600-byte file declaring
 *   16000×16000 pixels is refused at once instead of taking gigabytes and most of a minute;
 * - it has at most {@link MAX_JPEG_SCANS} scans, and a sequential (non-progressive) one codes each component
 *   in one scan only, as the standard requires (jpeg-js would decode every repetition).
 *
 * @throws {AugkitError} CORRUPT_IMAGE when there is no scan, too little data for the frame, or a sequential
 *   frame that codes a component twice; TOO_LARGE for more than 256 scans.
 * @example
 * checkJpegScanData(bytes, readJpegHeader(bytes));
 */
export function checkJpegScanData(bytes: Uint8Array, header: JpegHeader): void {
  const scans = findScans(bytes, header.frameEnd);
  if (scans.first < 0) throw corruptImage('jpeg', 'a frame header with no scan (SOS) after it');
  if (scans.count > MAX_JPEG_SCANS) {
    throw new AugkitError('TOO_LARGE', `JPEG of ${scans.count} scans exceeds the limit of ${MAX_JPEG_SCANS} scans`);
  }
  if (header.frameType !== 2 && scans.recoded) {
    // Sequential coding codes each component in exactly one scan (ITU T.81, B.2.3); jpeg-js would decode
    // every repetition and keep the last.
    throw corruptImage('jpeg', `a sequential (SOF${header.frameType}) frame with a component coded by more than one scan`);
  }
  const blocks = blocksToCode(header);
  const available = bytes.length - scans.first;
  if (available * 8 < blocks) {
    throw corruptImage(
      'jpeg',
      `${available} bytes from the first scan on, too few for the ${blocks} blocks of 8×8 samples a ` +
        `${header.width}×${header.height} frame codes (at least one bit each)`,
    );
  }
}
