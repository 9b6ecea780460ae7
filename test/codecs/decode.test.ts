import { describe, expect, it } from 'vitest';
import { pngImageDataEnd } from '../helpers/formats.js';
import { decode, encodeJpeg, encodePng } from '../../src/codecs/index.js';
import type { RgbaImage } from '../../src/image.js';
import { getPixelLimit, setPixelLimit } from '../../src/limits.js';
import { AugkitError } from '../../src/errors.js';
import {
  attempt,
  corpusFile,
  exifPayload,
  expectAugkitError,
  expectSameBytes,
  expectSameImage,
  randomImage,
  tiffWithEntry,
  withApp1,
} from './helpers.js';

/**
 * What EXIF orientation `o` means, written from the spec's table (where stored row 0 / column 0 end up on
 * screen), not from the ops: display pixel (X, Y) shows stored pixel (x, y).
 */
function orientOracle(img: RgbaImage, o: number): RgbaImage {
  const { width: w, height: h } = img;
  const swap = o >= 5;
  const [width, height] = swap ? [h, w] : [w, h];
  const source: Record<number, (X: number, Y: number) => [number, number]> = {
    1: (X, Y) => [X, Y],
    2: (X, Y) => [w - 1 - X, Y],
    3: (X, Y) => [w - 1 - X, h - 1 - Y],
    4: (X, Y) => [X, h - 1 - Y],
    5: (X, Y) => [Y, X],
    6: (X, Y) => [Y, h - 1 - X],
    7: (X, Y) => [w - 1 - Y, h - 1 - X],
    8: (X, Y) => [w - 1 - Y, X],
  };
  const data = new Uint8ClampedArray(width * height * 4);
  for (let Y = 0; Y < height; Y++) {
    for (let X = 0; X < width; X++) {
      const [x, y] = source[o](X, Y);
      data.set(img.data.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), (Y * width + X) * 4);
    }
  }
  return { width, height, data };
}

function sofOffset(jpeg: Uint8Array): number {
  for (let i = 2; i < jpeg.length - 1; i++) if (jpeg[i] === 0xff && jpeg[i + 1] >= 0xc0 && jpeg[i + 1] <= 0xc2) return i;
  throw new Error('no SOF');
}

/** Offsets to cut a file at: every one of the first 64 bytes, then ~60 spread over the rest. */
function cutPoints(length: number): number[] {
  const points = Array.from({ length: Math.min(64, length) }, (_, i) => i);
  for (let i = 1; i < 60; i++) points.push(Math.floor(64 + ((length - 65) * i) / 60));
  return [...points, length - 1];
}

describe('decode', () => {
  describe('input and options', () => {
    it('accepts a Uint8Array, an ArrayBuffer, a Node Buffer and a view into a larger buffer alike', () => {
      for (const file of ['png-rgba8.png', 'jpeg-baseline-444.jpg']) {
        const bytes = corpusFile(file);
        const reference = decode(bytes);
        const padded = new Uint8Array(bytes.length + 13);
        padded.set(bytes, 5);
        for (const input of [bytes.slice().buffer, Buffer.from(bytes), padded.subarray(5, 5 + bytes.length)]) {
          expectSameImage(decode(input), reference);
        }
      }
    });

    it('does not modify its input', () => {
      for (const file of ['png-palette-trns.png', 'jpeg-exif-orientation-6.jpg']) {
        const bytes = corpusFile(file);
        const copy = bytes.slice();
        decode(bytes);
        expectSameBytes(bytes, copy);
      }
    });

    it.each([
      [null, 'options'],
      ['apply', 'options'],
      [[], 'options'],
      [{ orientation: 'auto' }, 'options.orientation'],
      [{ orientation: true }, 'options.orientation'],
      [{ pixelLimit: 0 }, 'options.pixelLimit'],
      [{ pixelLimit: -5 }, 'options.pixelLimit'],
      [{ pixelLimit: 1.5 }, 'options.pixelLimit'],
      [{ pixelLimit: Number.NaN }, 'options.pixelLimit'],
      [{ pixelLimit: '1000' }, 'options.pixelLimit'],
      [{ decoder: 'pngjs' }, 'options.decoder'],
      [{ decoder: null }, 'options.decoder'],
    ])('rejects options %o with INVALID_ARGUMENT naming %s', (options, param) => {
      const error = expectAugkitError(
        () => decode(corpusFile('png-gray8.png'), options as Parameters<typeof decode>[1]),
        'INVALID_ARGUMENT',
      );
      expect(error.message).toMatch(new RegExp(`^Expected .+ for ${param.replace('.', '\\.')} but received `));
    });

    it('validates options before looking at the bytes', () => {
      expectAugkitError(() => decode(new Uint8Array(0), { pixelLimit: 0 }), 'INVALID_ARGUMENT');
    });
  });

  describe('pixel limit', () => {
    const file = 'png-rgb8.png'; // 128×128

    it('per call: pixelLimit below width × height gives TOO_LARGE, equal to it decodes', () => {
      const error = expectAugkitError(() => decode(corpusFile(file), { pixelLimit: 128 * 128 - 1 }), 'TOO_LARGE');
      expect(error.message).toBe('PNG image of 128×128 = 16384 pixels exceeds the limit of 16383 pixels');
      expect(decode(corpusFile(file), { pixelLimit: 128 * 128 }).width).toBe(128);
      expectAugkitError(() => decode(corpusFile('jpeg-gray.jpg'), { pixelLimit: 100 }), 'TOO_LARGE');
    });

    it('globally: setPixelLimit applies, and the per-call option overrides it', () => {
      const previous = setPixelLimit(1000);
      try {
        expectAugkitError(() => decode(corpusFile(file)), 'TOO_LARGE');
        expectAugkitError(() => decode(corpusFile('jpeg-progressive.jpg')), 'TOO_LARGE');
        expect(decode(corpusFile(file), { pixelLimit: 1e6 }).height).toBe(128);
      } finally {
        setPixelLimit(previous);
      }
      expect(getPixelLimit()).toBe(previous);
    });

    it.each(['bad/png-ihdr-100000x100000.png', 'bad/jpeg-sof-65535x65535.jpg'])(
      '%s fails TOO_LARGE at once, without allocating the pixels',
      (path) => {
        const bytes = corpusFile(path);
        const before = process.memoryUsage();
        const start = performance.now();
        for (let i = 0; i < 20; i++) expectAugkitError(() => decode(bytes), 'TOO_LARGE');
        const elapsed = (performance.now() - start) / 20;
        const after = process.memoryUsage();
        expect(elapsed).toBeLessThan(20);
        expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(100 * 2 ** 20);
        expect(after.rss - before.rss).toBeLessThan(100 * 2 ** 20);
      },
    );
  });

  describe('damaged input', () => {
    it.each(['png-rgb8.png', 'png-interlaced-rgba8.png', 'jpeg-baseline-420.jpg', 'jpeg-progressive.jpg', 'jpeg-cmyk-adobe.jpg'])(
      '%s cut at many offsets: CORRUPT_IMAGE or UNSUPPORTED_FORMAT, never another exception, unless the image data is whole',
      (file) => {
        const bytes = corpusFile(file);
        // a PNG cut after its last IDAT (IEND missing) still holds the whole image, and decodes to it
        const whole = file.endsWith('.png') ? pngImageDataEnd(bytes) : bytes.length;
        for (const length of cutPoints(bytes.length)) {
          if (length >= whole) expectSameImage(decode(bytes.subarray(0, length)), decode(bytes));
          else expectAugkitError(() => decode(bytes.subarray(0, length)), 'CORRUPT_IMAGE', 'UNSUPPORTED_FORMAT');
        }
      },
    );

    it('keeps what the decoder threw as the cause', () => {
      const error = expectAugkitError(() => decode(corpusFile('bad/jpeg-truncated-half.jpg')), 'CORRUPT_IMAGE');
      expect(error.cause).toBeInstanceOf(Error);
      expect(error.message).toMatch(/^Expected a valid JPEG stream for bytes but received a stream its decoder rejects \(/);
    });

    it('random byte changes give an image or an AugkitError, nothing else', () => {
      for (const file of ['png-gray-alpha8.png', 'jpeg-baseline-420.jpg', 'jpeg-progressive.jpg']) {
        const bytes = corpusFile(file);
        for (let seed = 1; seed <= 150; seed++) {
          const mutated = bytes.slice();
          const position = (seed * 2654435761) % bytes.length;
          mutated[position] ^= 1 + (seed % 255);
          const outcome = attempt(() => decode(mutated, { pixelLimit: 1e6 }));
          if (outcome instanceof AugkitError) continue;
          const img = outcome as ReturnType<typeof decode>;
          expect(img.data.length).toBe(img.width * img.height * 4);
        }
      }
    });

    it('rejects JPEG coding processes jpeg-js cannot decode with UNSUPPORTED_FORMAT', () => {
      const jpeg = corpusFile('jpeg-baseline-444.jpg');
      const sof = sofOffset(jpeg);
      const arithmetic = jpeg.slice();
      arithmetic[sof + 1] = 0xc9;
      const error = expectAugkitError(() => decode(arithmetic), 'UNSUPPORTED_FORMAT');
      expect(error.message).toMatch(/but received SOF9 with 8-bit samples$/);
      const twelveBit = jpeg.slice();
      twelveBit[sof + 4] = 12;
      expectAugkitError(() => decode(twelveBit), 'UNSUPPORTED_FORMAT');
    });
  });

  describe('EXIF orientation', () => {
    // A JPEG that stores a 5×3 image; its raw decode is the reference every orientation is a permutation of.
    const stored = encodeJpeg(randomImage(5, 3, 42), { quality: 100 });
    const raw = decode(stored);

    it.each([1, 2, 3, 4, 5, 6, 7, 8])('orientation %i is applied as the EXIF table says, exactly', (o) => {
      for (const littleEndian of [true, false]) {
        const tagged = withApp1(stored, exifPayload(tiffWithEntry(littleEndian, { value: o })));
        expectSameImage(decode(tagged), orientOracle(raw, o));
        expectSameImage(decode(tagged, { orientation: 'ignore' }), raw);
        expectSameImage(decode(tagged, { orientation: 'apply' }), orientOracle(raw, o));
      }
    });

    it('a malformed EXIF segment is ignored: the image decodes as stored', () => {
      const garbage = withApp1(stored, exifPayload(new Uint8Array([0x49, 0x49, 42, 0, 0xff, 0xff, 0xff, 0x7f])));
      expectSameImage(decode(garbage), raw);
    });

    it('a PNG is never reoriented', () => {
      const png = encodePng(raw);
      expectSameImage(decode(png), raw);
    });
  });

  describe('without a global Buffer (as in a browser)', () => {
    it('decodes PNG and JPEG, and encodes both, to the same results', () => {
      const png = corpusFile('png-interlaced-rgba8.png');
      const jpeg = corpusFile('jpeg-exif-orientation-8.jpg');
      const image = randomImage(7, 5, 3);
      const expected = { png: decode(png), jpeg: decode(jpeg), encodedPng: encodePng(image), encodedJpeg: encodeJpeg(image) };
      const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'Buffer')!;
      let actual: typeof expected;
      try {
        delete (globalThis as { Buffer?: unknown }).Buffer;
        actual = { png: decode(png), jpeg: decode(jpeg), encodedPng: encodePng(image), encodedJpeg: encodeJpeg(image) };
        expect('Buffer' in globalThis).toBe(false);
      } finally {
        Object.defineProperty(globalThis, 'Buffer', descriptor);
      }
      expectSameImage(actual.png, expected.png);
      expectSameImage(actual.jpeg, expected.jpeg);
      expectSameBytes(actual.encodedPng, expected.encodedPng);
      expectSameBytes(actual.encodedJpeg, expected.encodedJpeg);
      expect(actual.encodedPng.constructor).toBe(Uint8Array);
      expect(actual.encodedJpeg.constructor).toBe(Uint8Array);
    });
  });
});
