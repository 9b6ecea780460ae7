import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decode, encodeJpeg, encodePng } from '../../src/index.js';
import { concat, jpegMarkers, pngChunks, pngFile, progressiveJpegWithScans, withJpegSize, zeros } from '../helpers/formats.js';
import { randomImage } from '../helpers/images.js';
import { corpusFile, expectAugkitError, expectSameImage } from './helpers.js';

const MB = 2 ** 20;

/**
 * Runs `fn` `times` times and returns the largest growth of ArrayBuffer memory and RSS seen (decoders
 * allocate pixels as ArrayBuffers, so a buffer allocated and dropped between samples would still show in RSS).
 */
function growth(fn: () => void, times = 10): { arrayBuffers: number; rss: number; ms: number } {
  const before = process.memoryUsage();
  let arrayBuffers = 0;
  let rss = 0;
  const start = performance.now();
  for (let i = 0; i < times; i++) {
    fn();
    const now = process.memoryUsage();
    arrayBuffers = Math.max(arrayBuffers, now.arrayBuffers - before.arrayBuffers);
    rss = Math.max(rss, now.rss - before.rss);
  }
  return { arrayBuffers, rss, ms: (performance.now() - start) / times };
}

describe('limits before allocation', () => {
  it('a 100000×100000 PNG header is TOO_LARGE with no pixel memory allocated', () => {
    const bytes = corpusFile('bad/png-ihdr-100000x100000.png');
    const used = growth(() => expectAugkitError(() => decode(bytes), 'TOO_LARGE'), 100);
    expect(used.arrayBuffers).toBeLessThan(MB);
    expect(used.ms).toBeLessThan(5);
  });

  it('a 65535×65535 JPEG header is TOO_LARGE with no pixel memory allocated', () => {
    const bytes = corpusFile('bad/jpeg-sof-65535x65535.jpg');
    const used = growth(() => expectAugkitError(() => decode(bytes), 'TOO_LARGE'), 100);
    expect(used.arrayBuffers).toBeLessThan(MB);
    expect(used.ms).toBeLessThan(5);
  });

  it('with the limit raised, the same headers fail CORRUPT_IMAGE for too little data, still without allocating', () => {
    const png = corpusFile('bad/png-ihdr-100000x100000.png');
    const jpeg = corpusFile('bad/jpeg-sof-65535x65535.jpg');
    const used = growth(() => {
      expectAugkitError(() => decode(png, { pixelLimit: 2 ** 40 }), 'CORRUPT_IMAGE');
      expectAugkitError(() => decode(jpeg, { pixelLimit: 2 ** 40 }), 'CORRUPT_IMAGE');
    }, 50);
    expect(used.arrayBuffers).toBeLessThan(MB);
    expect(used.ms).toBeLessThan(10);
  });
});

describe('small files that declare large images within the limit', () => {
  it('a PNG of a few hundred bytes declaring 16000×16000 is CORRUPT_IMAGE at once (deflate expands at most 1032×)', () => {
    const bytes = pngFile({ width: 16_000, height: 16_000 }, zeros(100_000));
    expect(bytes.length).toBeLessThan(1000);
    const used = growth(() => {
      const error = expectAugkitError(() => decode(bytes), 'CORRUPT_IMAGE');
      expect(error.message).toMatch(/bytes of image data \(IDAT\), too few to inflate to the 1024016000 bytes a 16000×16000 image needs/);
    });
    expect(used.arrayBuffers).toBeLessThan(MB);
    expect(used.ms).toBeLessThan(5);
  });

  it('a JPEG of 600 bytes declaring 16000×16000 is CORRUPT_IMAGE at once, not gigabytes and a minute of jpeg-js', () => {
    const bytes = withJpegSize(encodeJpeg(randomImage(16, 16), { chroma: '444' }), 16_000, 16_000);
    expect(bytes.length).toBeLessThan(1500);
    const used = growth(() => {
      const error = expectAugkitError(() => decode(bytes), 'CORRUPT_IMAGE');
      expect(error.message).toMatch(/too few for the 12000000 blocks of 8×8 samples a 16000×16000 frame codes/);
    });
    expect(used.arrayBuffers).toBeLessThan(MB);
    expect(used.ms).toBeLessThan(5);
  });

  it('a JPEG with a frame header and no scan is CORRUPT_IMAGE, not a blank grey image', () => {
    const jpeg = encodeJpeg(randomImage(16, 16));
    const sos = jpeg.findIndex((b, i) => b === 0xff && jpeg[i + 1] === 0xda);
    const headerOnly = concat(jpeg.subarray(0, sos), new Uint8Array([0xff, 0xd9]));
    const error = expectAugkitError(() => decode(headerOnly), 'CORRUPT_IMAGE');
    expect(error.message).toMatch(/a frame header with no scan \(SOS\) after it$/);
  });

  it('the most compressible real images still decode: blank 1024×1024 PNG and JPEG', () => {
    const blank = { width: 1024, height: 1024, data: new Uint8ClampedArray(1024 * 1024 * 4).fill(255) };
    const png = encodePng(blank, { level: 9 });
    expectSameImage(decode(png), blank);
    const jpeg = encodeJpeg(blank, { quality: 1, chroma: '444' });
    expect(jpeg.length * 8).toBeGreaterThan(3 * 128 * 128); // above one bit per 8×8 block, as every JPEG is
    expect(decode(jpeg).width).toBe(1024);
  });
});

describe('JPEG scans', () => {
  it('a progressive JPEG of 256 scans decodes; one of 257 is TOO_LARGE before jpeg-js visits any block', () => {
    const flat = decode(progressiveJpegWithScans(64, 255));
    expect([flat.width, flat.height]).toEqual([64, 64]);
    expect(flat.data.every((v, i) => (i % 4 === 3 ? v === 255 : v === 128))).toBe(true);
    const many = progressiveJpegWithScans(4096, 2000); // 100 KB; jpeg-js would take 7 s, 10× the scans 10× longer
    const used = growth(() => {
      const error = expectAugkitError(() => decode(many), 'TOO_LARGE');
      expect(error.message).toBe('JPEG of 2001 scans exceeds the limit of 256 scans');
    });
    expect(used.ms).toBeLessThan(20);
    expectAugkitError(() => decode(progressiveJpegWithScans(64, 256)), 'TOO_LARGE');
  });

  it.each(['jpeg-baseline-444.jpg', 'jpeg-gray.jpg', 'jpeg-restart-markers.jpg'])(
    '%s with its scan repeated is CORRUPT_IMAGE: sequential JPEG codes each component once',
    (file) => {
      const jpeg = corpusFile(file);
      const markers = jpegMarkers(jpeg);
      const sos = markers.find((m) => m.marker === 0xda)!;
      const eoi = markers[markers.length - 1];
      expect(eoi.marker).toBe(0xd9);
      const scan = jpeg.subarray(sos.start, eoi.start);
      const error = expectAugkitError(() => decode(concat(jpeg.subarray(0, eoi.start), scan, jpeg.subarray(eoi.start))), 'CORRUPT_IMAGE');
      expect(error.message).toMatch(/a sequential \(SOF0\) frame with a component coded by more than one scan$/);
    },
  );
});

describe('PNG chunk lengths', () => {
  it.each([0x80000000, 0xffffffff])('an IDAT declaring %i bytes is CORRUPT_IMAGE at once (pngjs would loop forever)', (length) => {
    const png = corpusFile('png-interlaced-rgba8.png');
    const idat = pngChunks(png).filter((c) => c.type === 'IDAT')[1];
    const bytes = png.slice(0, idat.end - 100);
    new DataView(bytes.buffer).setUint32(idat.start, length);
    const error = expectAugkitError(() => decode(bytes), 'CORRUPT_IMAGE');
    expect(error.message).toMatch(new RegExp(`a chunk at offset ${idat.start} declaring ${length} bytes, more than the PNG maximum of 2³¹−1$`));
  });
});

describe('PNG compression bombs', () => {
  it.each([0, 1])('interlace %i: 64 MB of zeros behind a 1×1 header is CORRUPT_IMAGE, without inflating it', (interlace) => {
    const bytes = pngFile({ width: 1, height: 1, interlace }, zeros(64 * MB));
    expect(bytes.length).toBeLessThan(100_000);
    const used = growth(() => {
      const error = expectAugkitError(() => decode(bytes), 'CORRUPT_IMAGE');
      expect(error.message).toMatch(/image data \(IDAT\) that inflates to more than the 5 bytes a 1×1 image needs$/);
    }, 5);
    expect(used.arrayBuffers).toBeLessThan(4 * MB);
    expect(used.ms).toBeLessThan(50);
  });

  it('a 133×101 interlaced header over image data that inflates to 32 MB is CORRUPT_IMAGE', () => {
    const png = corpusFile('png-interlaced-rgba8.png'); // 133×101, Adam7
    expect(decode(png).width).toBe(133);
    const chunks = pngChunks(png);
    const raw = new Uint8Array(54_000 + 32 * MB); // the real scanlines would fit in the first 54 000
    const stream = new Uint8Array(deflateSync(raw));
    const header = png.subarray(0, chunks.find((c) => c.type === 'IHDR')!.end);
    const bomb = concat(header, pngFile({ width: 1, height: 1 }, stream).subarray(33)); // same IHDR, the bomb as IDAT
    const used = growth(() => expectAugkitError(() => decode(bomb), 'CORRUPT_IMAGE'), 3);
    expect(used.arrayBuffers).toBeLessThan(4 * MB);
  });
});
