// `decode(bytes, { jpeg: 'libjpeg' })` against libjpeg-turbo itself: sharp's raw output (libvips on
// mozjpeg, a libjpeg-turbo fork) for every corpus JPEG and for JPEGs sharp writes at 4:2:0, 4:4:4, grey,
// progressive and odd sizes; the corpus's Pillow-made expected PNGs (libjpeg-turbo, and Pillow's CMYK → RGB)
// for every corpus JPEG; ImageMagick-made JPEGs of every other sampling factor (test/fixtures/libjpeg). SIMD
// and scalar builds agree; factors libjpeg cannot upsample are refused; mutated JPEGs keep the hostile-input
// rules (test/fuzz/verdict.ts) and end as the default mode does; the option is validated.
import { readdirSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { decode, encodeJpeg, type AugkitImage } from '../../src/index.js';
import { jpegModule } from '../../src/wasm/jpeg.js';
import manifest from '../fixtures/corpus/manifest.json' with { type: 'json' };
import { makeCase } from '../fuzz/mutate.js';
import { checkDecode, FUZZ_PIXEL_LIMIT, outcomeOf } from '../fuzz/verdict.js';
import { augkitError, concat, corpusFile, corpusPng, diff, expectSameInBothBuilds, samplePhotos } from './helpers.js';

interface Jpeg {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const corpus = manifest.files.filter((f) => f.kind === 'valid' && f.format === 'jpeg');

const photos = samplePhotos(4);

const SIZES: [number, number][] = [[1, 1], [2, 3], [3, 2], [7, 5], [16, 16], [17, 9], [161, 113], [333, 257], [640, 480]];
type Pipeline = ReturnType<typeof sharp>;
const VARIANTS: Record<string, (s: Pipeline) => Pipeline> = {
  'baseline 4:2:0 q90': (s) => s.jpeg({ quality: 90 }),
  'baseline 4:4:4 q100': (s) => s.jpeg({ quality: 100, chromaSubsampling: '4:4:4' }),
  'baseline 4:2:0 q30, optimised coding': (s) => s.jpeg({ quality: 30, optimiseCoding: true }),
  'baseline 4:2:0 q5': (s) => s.jpeg({ quality: 5 }),
  'progressive 4:2:0 q50': (s) => s.jpeg({ quality: 50, progressive: true }),
  'progressive 4:4:4 q95': (s) => s.jpeg({ quality: 95, progressive: true, chromaSubsampling: '4:4:4' }),
  'mozjpeg (progressive, optimised scans)': (s) => s.jpeg({ mozjpeg: true }),
  grey: (s) => s.greyscale().jpeg({ quality: 80 }),
  'grey progressive': (s) => s.greyscale().jpeg({ quality: 80, progressive: true }),
};

const FIXTURES = new URL('../fixtures/libjpeg/', import.meta.url);
const samplings: Jpeg[] = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.jpg') && !file.startsWith('cmyk'))
  .map((file) => ({ name: file, bytes: new Uint8Array(readFileSync(new URL(file, FIXTURES))) }));

const generated: Jpeg[] = [];

/** The segments of a JPEG up to its first scan, as [marker, start, end] (end excludes the next marker). */
function segments(bytes: Uint8Array): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let at = 2; at < bytes.length; ) {
    const marker = bytes[at + 1]!;
    const end = at + 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
    out.push([marker, at, end]);
    if (marker === 0xda) break;
    at = end;
  }
  return out;
}

/**
 * `bytes` (a baseline JFIF YCbCr file: one scan) with its JFIF marker removed and its colour space told to libjpeg another way:
 * component identifiers 'R', 'G', 'B' (`'ids'`), or an Adobe marker with transform 0 (`'adobe'`); libjpeg
 * then takes the samples for RGB.
 */
function asRgb(bytes: Uint8Array, how: 'ids' | 'adobe'): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  if (how === 'adobe') parts.push(new Uint8Array([0xff, 0xee, 0, 14, 0x41, 0x64, 0x6f, 0x62, 0x65, 0, 100, 0, 0, 0, 0, 0]));
  let rest = 2;
  for (const [marker, start, end] of segments(bytes)) {
    rest = end;
    if (marker === 0xe0) continue;
    const segment = bytes.slice(start, end);
    if (how === 'ids' && (marker === 0xc0 || marker === 0xc2)) [82, 71, 66].forEach((id, i) => (segment[10 + 3 * i] = id));
    if (how === 'ids' && marker === 0xda) [82, 71, 66].forEach((id, i) => (segment[5 + 2 * i] = id));
    parts.push(segment);
  }
  parts.push(bytes.subarray(rest));
  return concat(...parts);
}

/** `bytes` without its Adobe marker (libjpeg then takes four components for CMYK, jpeg-js refuses them). */
function withoutAdobe(bytes: Uint8Array): Uint8Array {
  const adobe = segments(bytes).find(([marker]) => marker === 0xee)!;
  return concat(bytes.subarray(0, adobe[1]), bytes.subarray(adobe[2]));
}

/**
 * A 24×8 JPEG whose every block is a zero DC difference and an end of block (one 1-bit code each), so any
 * sampling factors decode: luma 3×1, the chroma components 2×1 and 1×1.
 */
function fractionalJpeg(): Uint8Array {
  const table = (spec: number) => [spec, 1, ...new Array<number>(15).fill(0), 0];
  return new Uint8Array([
    0xff, 0xd8,
    0xff, 0xdb, 0, 67, 0, ...new Array<number>(64).fill(1),
    0xff, 0xc0, 0, 17, 8, 0, 8, 0, 24, 3, 1, 0x31, 0, 2, 0x21, 0, 3, 0x11, 0,
    0xff, 0xc4, 0, 38, ...table(0x00), ...table(0x10),
    0xff, 0xda, 0, 12, 3, 1, 0, 2, 0, 3, 0, 0, 63, 0,
    ...new Array<number>(64).fill(0),
    0xff, 0xd9,
  ]);
}

beforeAll(async () => {
  for (const [i, [width, height]] of SIZES.entries()) {
    const source = sharp(photos[i % photos.length]!).resize(width, height, { fit: 'fill' });
    for (const [variant, write] of Object.entries(VARIANTS)) {
      generated.push({ name: `${width}×${height} ${variant}`, bytes: new Uint8Array(await write(source.clone()).toBuffer()) });
    }
  }
  // augkit's own encoder (jpeg-js's: 4:4:4, no JFIF marker)
  const img = decode(photos[0]!);
  generated.push({ name: 'encodeJpeg q75', bytes: encodeJpeg(img, { quality: 75 }) });
}, 120_000);

/** sharp's (libvips's) raw decode, as RGBA (grey repeated), without any other processing. */
async function sharpRgba(bytes: Uint8Array): Promise<AugkitImage> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const out = new Uint8ClampedArray(info.width * info.height * 4);
  for (let p = 0; p < info.width * info.height; p++) {
    for (let c = 0; c < 3; c++) out[4 * p + c] = data[p * info.channels + (info.channels < 3 ? 0 : c)]!;
    out[4 * p + 3] = 255;
  }
  return { width: info.width, height: info.height, data: out };
}

describe("decode(bytes, { jpeg: 'libjpeg' })", () => {
  it('equals the corpus\'s Pillow (libjpeg-turbo) decodes byte for byte', () => {
    const results = corpus.map(({ file, expected }) => {
      const img = decode(corpusFile(file), { orientation: 'ignore', jpeg: 'libjpeg' });
      return { file, ...diff(img, corpusPng(expected!)) };
    });
    expect(results.filter((r) => r.maxAbs !== 0)).toEqual([]);
  });

  it('equals sharp\'s raw decode of every corpus JPEG but CMYK (which sharp turns to sRGB through ICC)', async () => {
    const results = [];
    for (const { file } of corpus.filter((f) => !f.file.includes('cmyk'))) {
      const bytes = corpusFile(file);
      results.push({ file, ...diff(decode(bytes, { orientation: 'ignore', jpeg: 'libjpeg' }), await sharpRgba(bytes)) });
    }
    expect(results.filter((r) => r.maxAbs !== 0)).toEqual([]);
  });

  it('equals sharp\'s raw decode of JPEGs of every sampling, grey, progressive and odd sizes', async () => {
    const results = [];
    for (const { name, bytes } of generated) {
      results.push({ name, ...diff(decode(bytes, { jpeg: 'libjpeg' }), await sharpRgba(bytes)) });
    }
    expect(results.filter((r) => r.maxAbs !== 0)).toEqual([]);
  }, 120_000);

  it('equals sharp\'s raw decode of JPEGs of every other sampling factor (4:4:0, 4:1:1, 3×1, mixed …)', async () => {
    expect(samplings.length).toBeGreaterThan(20);
    const results = [];
    for (const { name, bytes } of samplings) {
      results.push({ name, ...diff(decode(bytes, { jpeg: 'libjpeg' }), await sharpRgba(bytes)) });
    }
    expect(results.filter((r) => r.maxAbs !== 0)).toEqual([]);
  });

  it('takes RGB where libjpeg does: \'R\', \'G\', \'B\' identifiers, or an Adobe marker with transform 0', async () => {
    const results = [];
    for (const { name, bytes } of samplings.filter((j) => j.name.startsWith('sf-'))) {
      for (const how of ['ids', 'adobe'] as const) {
        const rgb = asRgb(bytes, how);
        const img = decode(rgb, { jpeg: 'libjpeg' });
        results.push({ name: `${name} ${how}`, ...diff(img, await sharpRgba(rgb)), same: diff(img, decode(bytes, { jpeg: 'libjpeg' })).maxAbs === 0 });
      }
    }
    expect(results.filter((r) => r.maxAbs !== 0 || r.same)).toEqual([]);
  });

  it('converts Adobe YCCK as libjpeg does, then CMYK to RGB as Pillow does (its decode of the same file)', () => {
    const bytes = new Uint8Array(readFileSync(new URL('cmyk-ycck.jpg', FIXTURES)));
    const pillow = PNG.sync.read(readFileSync(new URL('cmyk-ycck.pillow.png', FIXTURES)));
    const expected = { width: pillow.width, height: pillow.height, data: new Uint8Array(pillow.data) };
    expect(diff(decode(bytes, { jpeg: 'libjpeg' }), expected).maxAbs).toBe(0);
    expect(diff(decode(bytes), expected).maxAbs).toBeGreaterThan(0);
  });

  it('takes four components without an Adobe marker for CMYK, as libjpeg (and Pillow) do', () => {
    const bytes = withoutAdobe(corpusFile('jpeg-cmyk-adobe.jpg'));
    expect(augkitError(() => decode(bytes)).code).toBe('CORRUPT_IMAGE');
    expect(diff(decode(bytes, { jpeg: 'libjpeg' }), corpusPng('expected/jpeg-cmyk-adobe.png')).maxAbs).toBe(0);
  });

  it('refuses sampling factors libjpeg cannot upsample (as libjpeg does), which jpeg-js decodes', async () => {
    const bytes = fractionalJpeg();
    expect(decode(bytes).width).toBe(24);
    await expect(sharp(bytes).raw().toBuffer()).rejects.toThrow(/Fractional sampling/);
    expect(augkitError(() => decode(bytes, { jpeg: 'libjpeg' })).code).toBe('UNSUPPORTED_FORMAT');
  });

  it('keeps every hostile-input rule on 400 mutated JPEGs, ending as the default mode ends them', () => {
    const samples = [...corpus.map(({ file }) => ({ name: file, bytes: corpusFile(file) })), ...samplings.slice(0, 8)]
      .map((j) => ({ name: j.name, format: 'jpeg' as const, bytes: j.bytes }));
    const problems: string[] = [];
    let images = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { bytes, steps, source } = makeCase(seed, samples);
      const { outcome, problems: checked } = checkDecode(bytes, { jpeg: 'libjpeg' });
      const found = [...checked];
      const reference = outcomeOf(() => decode(bytes, { pixelLimit: FUZZ_PIXEL_LIMIT }));
      // the same parse: the same outcome, but for what only libjpeg decodes (CMYK without an Adobe marker)
      // or refuses (fractional sampling)
      const same = outcome.kind === 'image'
        ? reference.kind === 'image' ? [outcome.width, outcome.height].join() === [reference.width, reference.height].join()
          : reference.kind === 'error' && reference.message.includes('Unsupported color mode')
        : outcome.kind === 'error' && ((reference.kind === 'error' && reference.code === outcome.code) || /sampling factors libjpeg/.test(outcome.message));
      if (!same) found.push(`${JSON.stringify(outcome)} where the default mode gives ${JSON.stringify(reference)}`);
      if (found.length > 0) problems.push(`seed ${seed} (${source}: ${steps.join(', ')}): ${found.join('; ')}`);
      if (outcome.kind === 'image') images++;
    }
    expect(problems).toEqual([]);
    expect(images).toBeGreaterThan(40);
  }, 300_000);

  it('differs from the default (jpeg-js) on subsampled photos, which stays the default', () => {
    const bytes = corpusFile('jpeg-baseline-420.jpg');
    expect(diff(decode(bytes, { jpeg: 'libjpeg' }), decode(bytes)).maxAbs).toBeGreaterThan(0);
    expect(decode(bytes, { jpeg: 'jpeg-js' }).data).toEqual(decode(bytes).data);
  });

  it('gives the same bytes in its SIMD and scalar builds', () => {
    const all = [...corpus.map(({ file }) => ({ name: file, bytes: corpusFile(file) })), ...samplings, ...generated];
    const run = () => all.map((j) => outcomeOf(() => decode(j.bytes, { jpeg: 'libjpeg' })));
    expectSameInBothBuilds(jpegModule, run);
  }, 120_000);

  it('refuses an unknown mode, and libjpeg with the jpeg-js reference decoder, naming `jpeg`', () => {
    const bytes = corpusFile('jpeg-gray.jpg');
    for (const options of [{ jpeg: 'pillow' }, { jpeg: 1 }, { jpeg: 'libjpeg', decoder: 'reference' }]) {
      const error = augkitError(() => decode(bytes, options as never));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toContain('options.jpeg');
    }
  });
});
