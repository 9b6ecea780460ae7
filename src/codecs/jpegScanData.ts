import { corruptImage } from './codecErrors.js';
import type { JpegHeader } from './jpegHeader.js';

const SOS = 0xda;

/** Offset of the first `0xFF marker` byte pair at or after `from`, or -1. */
function indexOfMarker(bytes: Uint8Array, marker: number, from: number): number {
  for (let at = bytes.indexOf(0xff, from); at >= 0 && at + 1 < bytes.length; at = bytes.indexOf(0xff, at + 1)) {
    if (bytes[at + 1] === marker) return at;
  }
  return -1;
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
 * frame header, about 28 bytes a pixel), that the stream can hold the image its frame header declares:
 *
 * - it has a scan (SOS) after the frame header — jpeg-js returns a blank grey image for a header alone;
 * - from the first scan on there is at least one bit per 8×8 block of every component. Each block costs at
 *   least a 1-bit Huffman code in its first (DC) scan, so no valid JPEG has less; a 600-byte file declaring
 *   16000×16000 pixels is refused at once instead of taking gigabytes and most of a minute.
 *
 * @throws {AugkitError} CORRUPT_IMAGE when there is no scan, or too little data for the frame.
 * @example
 * checkJpegScanData(bytes, readJpegHeader(bytes));
 */
export function checkJpegScanData(bytes: Uint8Array, header: JpegHeader): void {
  const start = indexOfMarker(bytes, SOS, header.frameEnd);
  if (start < 0) throw corruptImage('jpeg', 'a frame header with no scan (SOS) after it');
  const blocks = blocksToCode(header);
  const available = bytes.length - start;
  if (available * 8 < blocks) {
    throw corruptImage(
      'jpeg',
      `${available} bytes from the first scan on, too few for the ${blocks} blocks of 8×8 samples a ` +
        `${header.width}×${header.height} frame codes (at least one bit each)`,
    );
  }
}
