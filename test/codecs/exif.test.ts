import { describe, expect, it } from 'vitest';
import { isExif, readExifOrientation } from '../../src/codecs/exif.js';
import { readHeader } from '../../src/codecs/index.js';
import { concat, corpusFile, exifPayload, randomBytes, tiffWithEntry, withApp1 } from './helpers.js';

/** The payload of the first APP1 segment of a JPEG. */
function firstApp1(jpeg: Uint8Array): Uint8Array {
  let offset = 2;
  while (jpeg[offset] === 0xff && jpeg[offset + 1] !== 0xe1) offset += 2 + ((jpeg[offset + 2] << 8) | jpeg[offset + 3]);
  const length = (jpeg[offset + 2] << 8) | jpeg[offset + 3];
  return jpeg.subarray(offset + 4, offset + 2 + length);
}

describe('readExifOrientation', () => {
  it.each([
    ['jpeg-exif-orientation-3.jpg', 3],
    ['jpeg-exif-orientation-6.jpg', 6],
    ['jpeg-exif-orientation-8.jpg', 8],
  ])('reads %s as %i', (file, orientation) => {
    const segment = firstApp1(corpusFile(file));
    expect(isExif(segment)).toBe(true);
    expect(readExifOrientation(segment)).toBe(orientation);
  });

  it('reads every orientation 1..8 in both byte orders', () => {
    for (const littleEndian of [true, false]) {
      for (let value = 1; value <= 8; value++) {
        expect(readExifOrientation(exifPayload(tiffWithEntry(littleEndian, { value })))).toBe(value);
      }
    }
  });

  it('finds the tag among other IFD0 entries', () => {
    const tiff = new Uint8Array(8 + 2 + 3 * 12 + 4);
    const view = new DataView(tiff.buffer);
    tiff.set([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 3]);
    const entries = [
      [0x010f, 2, 4, 0x4142], // Make
      [0x0110, 2, 4, 0x4344], // Model
      [0x0112, 3, 1, 7], // Orientation
    ];
    entries.forEach(([tag, type, count, value], i) => {
      view.setUint16(10 + i * 12, tag);
      view.setUint16(12 + i * 12, type);
      view.setUint32(14 + i * 12, count);
      view.setUint16(18 + i * 12, value);
    });
    expect(readExifOrientation(exifPayload(tiff))).toBe(7);
  });

  it('gives 1 for values outside 1..8, a wrong type or count, or no orientation tag', () => {
    for (const entry of [
      { value: 0 },
      { value: 9 },
      { value: 0xffff },
      { value: 6, type: 4 }, // LONG instead of SHORT
      { value: 6, count: 2 },
      { value: 6, tag: 0x0110 },
    ]) {
      expect(readExifOrientation(exifPayload(tiffWithEntry(true, entry)))).toBe(1);
    }
  });

  it('gives 1 for segments that are not EXIF or whose TIFF header is wrong', () => {
    const good = exifPayload(tiffWithEntry(true, { value: 6 }));
    expect(readExifOrientation(new TextEncoder().encode('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>'))).toBe(1);
    expect(readExifOrientation(new Uint8Array(0))).toBe(1);
    const badOrder = good.slice();
    badOrder.set([0x49, 0x4d], 6);
    expect(readExifOrientation(badOrder)).toBe(1);
    const badMagic = good.slice();
    badMagic[8] = 43;
    expect(readExifOrientation(badMagic)).toBe(1);
    for (const ifd0 of [0xffffffff, 0x7ffffffe, good.length - 6, good.length - 7]) {
      const badOffset = good.slice();
      new DataView(badOffset.buffer).setUint32(10, ifd0, true);
      expect(readExifOrientation(badOffset)).toBe(1);
    }
    const tooManyEntries = good.slice();
    new DataView(tooManyEntries.buffer).setUint16(14, 0xffff, true);
    expect(readExifOrientation(tooManyEntries.subarray(0, good.length - 4 - 12))).toBe(1);
  });

  it('gives 1, never an exception, for every truncation of a valid segment', () => {
    const segment = exifPayload(tiffWithEntry(false, { value: 8 }));
    const complete = 6 + 8 + 2 + 12; // the entry ends here; the next-IFD offset is not needed
    for (let length = 0; length < segment.length; length++) {
      expect(readExifOrientation(segment.subarray(0, length))).toBe(length >= complete ? 8 : 1);
    }
  });

  it('never throws on garbage after a valid EXIF identifier and TIFF header', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const noise = randomBytes(seed % 64, seed);
      const head = seed % 2 ? [0x49, 0x49, 42, 0] : [0x4d, 0x4d, 0, 42];
      const segment = concat(exifPayload(new Uint8Array(head)), noise);
      const orientation = readExifOrientation(segment);
      expect(orientation >= 1 && orientation <= 8).toBe(true);
      expect(readExifOrientation(exifPayload(noise))).toBeGreaterThanOrEqual(1);
    }
  });

  it('is read from the first EXIF APP1 segment of a JPEG, past an XMP one', () => {
    const jpeg = corpusFile('jpeg-baseline-444.jpg');
    const xmp = new TextEncoder().encode('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>');
    const first = exifPayload(tiffWithEntry(true, { value: 5 }));
    const second = exifPayload(tiffWithEntry(true, { value: 7 }));
    expect(readHeader(withApp1(withApp1(withApp1(jpeg, second), first), xmp)).orientation).toBe(5);
    expect(readHeader(withApp1(jpeg, exifPayload(randomBytes(40, 7)))).orientation).toBe(1);
  });
});
