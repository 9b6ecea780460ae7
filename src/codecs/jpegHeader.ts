import { corruptImage } from './codecErrors.js';
import { isExif, readExifOrientation } from './exif.js';

/** What augkit needs from a JPEG before decoding it. */
export interface JpegHeader {
  width: number;
  height: number;
  /** EXIF orientation 1..8 from the first EXIF APP1 segment before the frame header; 1 without one. */
  orientation: number;
  /** n of the SOFn frame header: 0 baseline, 1 extended, 2 progressive, 3 lossless, 9–11 arithmetic, … */
  frameType: number;
  /** Bits per sample: 8, or 12 / 16 for extended and lossless JPEG. */
  precision: number;
  /** Each component of the frame header: identifier and horizontal / vertical sampling factors. */
  components: readonly JpegComponent[];
  /** Offset of the first byte after the frame header segment. */
  frameEnd: number;
}

/** A component as the frame header (SOFn) declares it. */
export interface JpegComponent {
  id: number;
  h: number;
  v: number;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP1 = 0xe1;

/** Markers without a length field: TEM, RST0–7, and a stuffed 0x00 (libjpeg skips those too). */
function isStandalone(marker: number): boolean {
  return marker === 0x00 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/** SOF0–SOF15, except DHT (0xC4), JPG (0xC8) and DAC (0xCC), which share the range. */
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function markerName(marker: number): string {
  return `marker 0xFF${marker.toString(16).toUpperCase().padStart(2, '0')}`;
}

function readFrameHeader(marker: number, segment: Uint8Array, orientation: number, frameEnd: number): JpegHeader {
  const frameType = marker - 0xc0;
  // precision (1), height (2), width (2), component count (1), then 3 bytes per component.
  if (segment.length < 6 || segment.length < 6 + 3 * segment[5]) {
    throw corruptImage('jpeg', `a frame header (SOF${frameType}) of only ${segment.length} bytes`);
  }
  const precision = segment[0];
  const height = (segment[1] << 8) | segment[2];
  const width = (segment[3] << 8) | segment[4];
  if (width === 0 || height === 0) {
    throw corruptImage('jpeg', `a frame header (SOF${frameType}) declaring ${width}×${height} pixels`);
  }
  const components = Array.from({ length: segment[5] }, (_, i) => ({
    id: segment[6 + 3 * i],
    h: segment[7 + 3 * i] >> 4,
    v: segment[7 + 3 * i] & 15,
  }));
  return { width, height, orientation, frameType, precision, components, frameEnd };
}

/**
 * Walks the marker segments of a JPEG (`bytes` starts with SOI) up to its frame header (SOFn) and reads
 * the size, the coding process and the EXIF orientation; no entropy-coded data is read. Stray bytes
 * between segments are skipped as libjpeg does.
 *
 * @throws {AugkitError} CORRUPT_IMAGE when the stream ends, a segment overruns it, or SOS / EOI / SOI
 *   comes before the frame header, or the frame header is short or declares a zero width or height.
 * @example
 * const { width, height, orientation } = readJpegHeader(bytes);
 */
export function readJpegHeader(bytes: Uint8Array): JpegHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let orientation: number | undefined;
  let offset = 2; // after SOI
  for (;;) {
    // Like libjpeg: skip stray bytes up to the next 0xFF, then any 0xFF fill bytes before the marker code.
    while (offset < bytes.length && bytes[offset] !== 0xff) offset++;
    while (offset < bytes.length && bytes[offset] === 0xff) offset++;
    if (offset >= bytes.length) {
      throw corruptImage('jpeg', `a stream that ends after ${bytes.length} bytes, before its frame header (SOF)`);
    }
    const marker = bytes[offset];
    const at = offset - 1; // where the marker's 0xFF sits
    offset++;
    if (isStandalone(marker)) continue;
    if (marker === SOI || marker === EOI || marker === SOS) {
      throw corruptImage('jpeg', `${markerName(marker)} at offset ${at}, before the frame header (SOF)`);
    }
    const length = offset + 2 <= bytes.length ? view.getUint16(offset) : 0;
    if (length < 2 || offset + length > bytes.length) {
      throw corruptImage(
        'jpeg',
        `${markerName(marker)} at offset ${at} with a segment length of ${length} where ${bytes.length - offset} bytes remain`,
      );
    }
    const segment = bytes.subarray(offset + 2, offset + length);
    if (marker === APP1 && orientation === undefined && isExif(segment)) {
      orientation = readExifOrientation(segment);
    }
    if (isFrameHeader(marker)) return readFrameHeader(marker, segment, orientation ?? 1, offset + length);
    offset += length;
  }
}
