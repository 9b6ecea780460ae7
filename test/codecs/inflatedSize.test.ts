import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/index.js';
import { inflatedSize } from '../../src/codecs/inflatedSize.js';
import { readPngHeader } from '../../src/codecs/pngHeader.js';
import { imageDataBytes } from '../../src/codecs/pngImageData.js';
import manifest from '../fixtures/corpus/manifest.json' with { type: 'json' };
import { concat, pngChunks, zeros } from '../helpers/formats.js';
import { randomImage } from '../helpers/images.js';
import { corpusFile, xorshift32 } from './helpers.js';

/** What Node's zlib inflates `stream` to, or undefined when it rejects it. */
function zlibLength(stream: Uint8Array): number | undefined {
  try {
    return inflateSync(stream).length;
  } catch {
    return undefined;
  }
}

/** Bytes with structure for a compressor to find: runs, a small alphabet, noise. */
const compressible = fc
  .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 256 }), fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([length, alphabet, seed, noise]) => {
    const bytes = new Uint8Array(length);
    const next = xorshift32(seed);
    for (let i = 0; i < length; i++) {
      const s = next();
      bytes[i] = s / 2 ** 32 < noise ? s & 0xff : (i >> 5) % alphabet;
    }
    return bytes;
  });

const zlibOptions = fc.record({
  level: fc.integer({ min: 0, max: 9 }),
  strategy: fc.integer({ min: 0, max: 4 }),
  windowBits: fc.integer({ min: 9, max: 15 }),
  memLevel: fc.integer({ min: 1, max: 9 }),
});

const pngFiles = manifest.files.filter((entry) => entry.kind === 'valid' && entry.format === 'png').map((entry) => entry.file);

/** The IDAT payloads of a PNG, joined. */
function idat(png: Uint8Array): Uint8Array {
  return concat(...pngChunks(png).filter((c) => c.type === 'IDAT').map((c) => png.subarray(c.data, c.data + c.length)));
}

describe('inflatedSize', () => {
  it('counts exactly what zlib inflates, for every level, strategy, window and memory level', () => {
    fc.assert(
      fc.property(compressible, zlibOptions, (bytes, options) => {
        expect(inflatedSize(deflateSync(bytes, options), Infinity)).toBe(bytes.length);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('counts exactly what zlib inflates for damaged streams zlib still accepts, and never throws', () => {
    fc.assert(
      fc.property(compressible, zlibOptions, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (bytes, options, hits) => {
        const stream = new Uint8Array(deflateSync(bytes, options));
        for (const hit of hits) stream[hit % stream.length] ^= 1 << (hit % 8);
        const size = inflatedSize(stream, Infinity);
        const expected = zlibLength(stream);
        if (expected !== undefined) expect(size).toBe(expected);
        else expect(Number.isInteger(size) && size >= 0).toBe(true);
      }),
      { numRuns: 1000, seed: 8 },
    );
  });

  it('stops just past the limit at once, however far the stream would go', () => {
    const bomb = zeros(256 * 2 ** 20);
    const start = performance.now();
    const size = inflatedSize(bomb, 1000);
    expect(performance.now() - start).toBeLessThan(50);
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThanOrEqual(1000 + 258);
    expect(inflatedSize(bomb, Infinity)).toBe(256 * 2 ** 20);
  });

  it('returns what it counted for truncated streams and for anything that is not zlib', () => {
    const stream = new Uint8Array(deflateSync(randomImage(50, 50).data));
    for (let cut = 0; cut < stream.length; cut += 97) expect(inflatedSize(stream.subarray(0, cut), Infinity)).toBeLessThanOrEqual(10_000);
    expect(inflatedSize(new Uint8Array([0x78]), 10)).toBe(0);
    expect(inflatedSize(new TextEncoder().encode('not a zlib stream'), 10)).toBe(0);
  });
});

describe('imageDataBytes', () => {
  it.each(pngFiles)('%s: the header’s figure is exactly what its image data inflates to', (file) => {
    const png = corpusFile(file);
    const expected = imageDataBytes(readPngHeader(png));
    expect(inflatedSize(idat(png), Infinity)).toBe(expected);
    expect(zlibLength(idat(png))).toBe(expected);
  });

  it('agrees with pngjs-encoded images of every small size', () => {
    for (let width = 1; width <= 9; width++) {
      for (let height = 1; height <= 9; height++) {
        const png = encodePng(randomImage(width, height, width * 10 + height));
        expect(inflatedSize(idat(png), Infinity)).toBe(imageDataBytes(readPngHeader(png)));
      }
    }
  });

  it('counts Adam7 passes as the spec does: no rows for an empty pass', () => {
    const header = { bitDepth: 8, colorType: 6, interlaced: true };
    expect(imageDataBytes({ ...header, width: 1, height: 1 })).toBe(5); // pass 1 only
    expect(imageDataBytes({ ...header, width: 8, height: 8 })).toBe(8 * 8 * 4 + 15); // 1+1+2+4+8+16+32 px in 1+1+1+2+2+4+4 rows
    expect(imageDataBytes({ ...header, width: 3, height: 1, bitDepth: 1, colorType: 0, interlaced: false })).toBe(2);
  });
});
