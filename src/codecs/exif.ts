import { startsWith } from './bytes.js';

/** "Exif\0\0": the identifier that opens an EXIF APP1 segment, before the TIFF header. */
const EXIF_ID = [0x45, 0x78, 0x69, 0x66, 0, 0];
const LITTLE_ENDIAN = 0x4949; // "II"
const BIG_ENDIAN = 0x4d4d; // "MM"
const TIFF_MAGIC = 42;
const ORIENTATION_TAG = 0x0112;
const SHORT = 3;
const IFD_ENTRY_SIZE = 12;

/**
 * True when an APP1 segment's payload (the bytes after its length field) is EXIF rather than, say, XMP.
 *
 * @example
 * isExif(new TextEncoder().encode('Exif\0\0II*\0')); // true
 */
export function isExif(segment: Uint8Array): boolean {
  return startsWith(segment, EXIF_ID);
}

/**
 * The EXIF Orientation (tag 0x0112 in IFD0) of an APP1 segment's payload: 1..8, where 1 means "stored
 * upright". Reads both TIFF byte orders. Every read is bounds-checked, so anything malformed — not EXIF,
 * truncated, offsets out of range, a wrong type or count, a value outside 1..8 — gives 1, never an exception.
 *
 * @example
 * readExifOrientation(app1Payload); // 6: display rotated 90° clockwise
 */
export function readExifOrientation(segment: Uint8Array): number {
  if (!isExif(segment)) return 1;
  const tiff = new DataView(segment.buffer, segment.byteOffset + EXIF_ID.length, segment.length - EXIF_ID.length);
  const fits = (offset: number, size: number): boolean => offset + size <= tiff.byteLength;
  if (!fits(0, 8)) return 1;
  const order = tiff.getUint16(0);
  if (order !== LITTLE_ENDIAN && order !== BIG_ENDIAN) return 1;
  const little = order === LITTLE_ENDIAN;
  if (tiff.getUint16(2, little) !== TIFF_MAGIC) return 1;
  const ifd0 = tiff.getUint32(4, little);
  if (!fits(ifd0, 2)) return 1;
  const entries = tiff.getUint16(ifd0, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd0 + 2 + i * IFD_ENTRY_SIZE;
    if (!fits(entry, IFD_ENTRY_SIZE)) return 1;
    if (tiff.getUint16(entry, little) !== ORIENTATION_TAG) continue;
    if (tiff.getUint16(entry + 2, little) !== SHORT || tiff.getUint32(entry + 4, little) !== 1) return 1;
    const orientation = tiff.getUint16(entry + 8, little);
    return orientation >= 1 && orientation <= 8 ? orientation : 1;
  }
  return 1;
}
