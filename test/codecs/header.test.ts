import { describe, expect, it } from 'vitest';
import { readHeader } from '../../src/codecs/index.js';
import { crc32 } from '../../src/codecs/crc32.js';
import manifest from '../fixtures/corpus/manifest.json' with { type: 'json' };
import { concat, corpusFile, expectAugkitError } from './helpers.js';

const valid = manifest.files.filter((entry) => entry.kind === 'valid');

/** A PNG signature + IHDR chunk with a correct CRC over the given fields. */
function pngWithIhdr(width: number, height: number, bitDepth = 8, colorType = 6, methods = [0, 0, 0]): Uint8Array {
  const chunk = new Uint8Array(4 + 4 + 13 + 4);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 13);
  chunk.set([0x49, 0x48, 0x44, 0x52], 4);
  view.setUint32(8, width);
  view.setUint32(12, height);
  chunk.set([bitDepth, colorType, ...methods], 16);
  view.setUint32(21, crc32(chunk.subarray(4, 21)));
  return concat(corpusFile('png-rgb8.png').subarray(0, 8), chunk);
}

/** Offset of the first SOFn marker of a JPEG (a plain scan: the corpus files have no 0xFFC0 in headers). */
function sofOffset(jpeg: Uint8Array): number {
  for (let i = 2; i < jpeg.length - 1; i++) if (jpeg[i] === 0xff && jpeg[i + 1] >= 0xc0 && jpeg[i + 1] <= 0xc2) return i;
  throw new Error('no SOF');
}

describe('readHeader', () => {
  it.each(valid.map((entry) => [entry.file, entry] as const))('%s: format, stored size and orientation', (_, entry) => {
    expect(readHeader(corpusFile(entry.file))).toEqual({
      format: entry.format,
      width: entry.width,
      height: entry.height,
      orientation: 'exifOrientation' in entry ? entry.exifOrientation : 1,
    });
  });

  it('accepts an ArrayBuffer and a Uint8Array that views the middle of a larger buffer', () => {
    const file = corpusFile('jpeg-exif-orientation-6.jpg');
    const padded = new Uint8Array(file.length + 10);
    padded.set(file, 7);
    expect(readHeader(padded.subarray(7, 7 + file.length))).toEqual(readHeader(file));
    expect(readHeader(file.slice().buffer)).toEqual(readHeader(file));
  });

  it('reports sizes above the pixel limit (only decode enforces it)', () => {
    expect(readHeader(corpusFile('bad/png-ihdr-100000x100000.png'))).toMatchObject({ width: 100000, height: 100000 });
    expect(readHeader(corpusFile('bad/jpeg-sof-65535x65535.jpg'))).toMatchObject({ width: 65535, height: 65535 });
  });

  it('reads a header whose pixel data is truncated', () => {
    expect(readHeader(corpusFile('bad/png-truncated-half.png')).format).toBe('png');
    expect(readHeader(corpusFile('bad/jpeg-truncated-half.jpg')).format).toBe('jpeg');
  });

  it.each(['bad/empty.bin', 'bad/random-7-bytes.bin', 'bad/image.gif', 'bad/image.bmp', 'bad/not-an-image.txt'])(
    '%s: UNSUPPORTED_FORMAT',
    (file) => {
      expectAugkitError(() => readHeader(corpusFile(file)), 'UNSUPPORTED_FORMAT');
    },
  );

  it('names the bytes it did not recognise', () => {
    const error = expectAugkitError(() => readHeader(corpusFile('bad/image.gif')), 'UNSUPPORTED_FORMAT');
    expect(error.message).toBe('Expected a PNG or JPEG signature for bytes but received 811 bytes starting with 47 49 46 38 37 61 20 00');
    expect(expectAugkitError(() => readHeader(new Uint8Array(0)), 'UNSUPPORTED_FORMAT').message).toMatch(/received 0 bytes$/);
  });

  it.each(['bad/png-signature-only.png', 'bad/png-zero-width.png', 'bad/png-bad-crc.png'])(
    '%s: CORRUPT_IMAGE from the header alone',
    (file) => {
      expectAugkitError(() => readHeader(corpusFile(file)), 'CORRUPT_IMAGE');
    },
  );

  it('rejects IHDR fields the PNG spec forbids', () => {
    expect(readHeader(pngWithIhdr(3, 2))).toEqual({ format: 'png', width: 3, height: 2, orientation: 1 });
    expect(readHeader(pngWithIhdr(0x7fffffff, 1)).width).toBe(0x7fffffff);
    for (const bad of [
      pngWithIhdr(0, 2),
      pngWithIhdr(3, 0),
      pngWithIhdr(0x80000000, 1),
      pngWithIhdr(3, 2, 8, 5), // colour type 5 does not exist
      pngWithIhdr(3, 2, 4, 2), // RGB has no 4-bit depth
      pngWithIhdr(3, 2, 16, 3), // nor palette a 16-bit one
      pngWithIhdr(3, 2, 8, 6, [1, 0, 0]),
      pngWithIhdr(3, 2, 8, 6, [0, 1, 0]),
      pngWithIhdr(3, 2, 8, 6, [0, 0, 2]),
    ]) {
      expectAugkitError(() => readHeader(bad), 'CORRUPT_IMAGE');
    }
  });

  it('rejects a JPEG whose segments overrun the data, or whose scan comes before its frame header', () => {
    const jpeg = corpusFile('jpeg-baseline-444.jpg');
    const sof = sofOffset(jpeg);
    expectAugkitError(() => readHeader(jpeg.subarray(0, sof + 6)), 'CORRUPT_IMAGE');
    const overrun = jpeg.slice();
    overrun[4] = 0xff; // APP0 now claims 0xFFxx bytes, past the end of the first 200
    expectAugkitError(() => readHeader(overrun.subarray(0, 200)), 'CORRUPT_IMAGE');
    expectAugkitError(() => readHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2])), 'CORRUPT_IMAGE');
    expectAugkitError(() => readHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xd9])), 'CORRUPT_IMAGE');
    expectAugkitError(() => readHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1])), 'CORRUPT_IMAGE');
  });

  it('rejects a JPEG frame header that is short or declares a zero side', () => {
    const jpeg = corpusFile('jpeg-baseline-444.jpg');
    const sof = sofOffset(jpeg);
    const zeroWidth = jpeg.slice();
    zeroWidth.set([0, 0], sof + 7);
    expectAugkitError(() => readHeader(zeroWidth), 'CORRUPT_IMAGE');
    const short = jpeg.slice();
    short.set([0, 7], sof + 2); // 5 bytes of fields: the component count is missing
    expectAugkitError(() => readHeader(short), 'CORRUPT_IMAGE');
  });

  it('skips stray bytes and fill bytes between JPEG segments, as libjpeg does', () => {
    const jpeg = corpusFile('jpeg-baseline-444.jpg');
    const app0End = 4 + ((jpeg[4] << 8) | jpeg[5]);
    const padded = concat(jpeg.subarray(0, app0End), new Uint8Array([0x00, 0x12, 0xff, 0xff]), jpeg.subarray(app0End));
    expect(readHeader(padded)).toEqual(readHeader(jpeg));
  });

  it('truncated anywhere inside the header: an AugkitError, never another exception', () => {
    for (const file of ['png-rgb8.png', 'jpeg-exif-orientation-6.jpg', 'jpeg-progressive.jpg']) {
      const bytes = corpusFile(file);
      const end = bytes[0] === 0x89 ? 33 : sofOffset(bytes) + 19;
      for (let length = 0; length < end; length++) {
        expectAugkitError(() => readHeader(bytes.subarray(0, length)), 'UNSUPPORTED_FORMAT', 'CORRUPT_IMAGE');
      }
      expect(readHeader(bytes.subarray(0, end)).format).toBe(bytes[0] === 0x89 ? 'png' : 'jpeg');
    }
  });

  it.each([[null], [undefined], ['abc'], [[0xff, 0xd8, 0xff]], [new Uint16Array(4)], [{}]])(
    'rejects %o as bytes with INVALID_ARGUMENT',
    (value) => {
      const error = expectAugkitError(() => readHeader(value as Uint8Array), 'INVALID_ARGUMENT');
      expect(error.message).toMatch(/^Expected a Uint8Array or ArrayBuffer for bytes but received /);
    },
  );
});
