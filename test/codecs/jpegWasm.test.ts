// The WebAssembly JPEG decoder (assembly/jpeg/, src/codecs/jpegWasm.ts) against its oracle, jpeg-js
// (`decoder: 'reference'`): every corpus JPEG and JPEGs sharp writes (baseline, progressive, mozjpeg scan
// scripts, 4:2:0 and 4:4:4, grey, CMYK, odd sizes) give the same bytes, and decode in WebAssembly rather
// than through the fallback to jpeg-js; mutated JPEGs end the same way under both; SIMD and scalar builds
// agree; the colour conversion equals jpeg-js's doubles for all 2^24 inputs.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { decode, memoryBytes, readHeader, releaseMemory } from '../../src/index.js';
import { jpegLimits } from '../../src/codecs/decodeJpeg.js';
import { decodeJpegWasm } from '../../src/codecs/jpegWasm.js';
import { jpegModule } from '../../src/wasm/jpeg.js';
import { bytesAt, reserve } from '../../src/wasm/memory.js';
import manifest from '../fixtures/corpus/manifest.json' with { type: 'json' };
import { makeCase } from '../fuzz/mutate.js';
import { FUZZ_PIXEL_LIMIT, outcomeOf } from '../fuzz/verdict.js';
import { corpusFile, expectSameBytes, expectSameInBothBuilds, samplePhotos } from './helpers.js';

interface Jpeg {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const corpus: Jpeg[] = manifest.files
  .filter(({ file }) => file.endsWith('.jpg'))
  .map(({ file }) => ({ name: file, bytes: corpusFile(file) }));

const photos = samplePhotos(4);

const SIZES: [number, number][] = [[1, 1], [7, 5], [16, 16], [17, 9], [161, 113], [333, 257], [640, 480]];
type Pipeline = ReturnType<typeof sharp>;
const VARIANTS: Record<string, (s: Pipeline) => Pipeline> = {
  'baseline 4:2:0 q90': (s) => s.jpeg({ quality: 90 }),
  'baseline 4:4:4 q100': (s) => s.jpeg({ quality: 100, chromaSubsampling: '4:4:4' }),
  'baseline 4:2:0 q30, optimised coding': (s) => s.jpeg({ quality: 30, optimiseCoding: true }),
  'progressive 4:2:0 q50': (s) => s.jpeg({ quality: 50, progressive: true }),
  'progressive 4:4:4 q95': (s) => s.jpeg({ quality: 95, progressive: true, chromaSubsampling: '4:4:4' }),
  'mozjpeg (progressive, optimised scans)': (s) => s.jpeg({ mozjpeg: true }),
  grey: (s) => s.greyscale().jpeg({ quality: 80 }),
  'grey progressive': (s) => s.greyscale().jpeg({ quality: 80, progressive: true }),
  'CMYK (Adobe)': (s) => s.toColourspace('cmyk').jpeg({ quality: 85 }),
};

const generated: Jpeg[] = [];

beforeAll(async () => {
  for (const [i, [width, height]] of SIZES.entries()) {
    const source = sharp(photos[i % photos.length]!).resize(width, height, { fit: 'fill' });
    for (const [variant, write] of Object.entries(VARIANTS)) {
      const bytes = new Uint8Array(await write(source.clone()).toBuffer());
      generated.push({ name: `${width}×${height} ${variant}`, bytes });
    }
  }
}, 120_000);

/** Whether the WebAssembly decoder took the stream on (rather than leaving it to jpeg-js). */
function decodedInWasm(bytes: Uint8Array): boolean {
  const { width, height } = readHeader(bytes);
  return decodeJpegWasm(bytes, jpegLimits(width, height)) !== undefined;
}

function expectSameAsJpegJs({ bytes }: Jpeg): void {
  const wasm = decode(bytes, { orientation: 'ignore' });
  const reference = decode(bytes, { orientation: 'ignore', decoder: 'reference' });
  expect([wasm.width, wasm.height]).toEqual([reference.width, reference.height]);
  expectSameBytes(wasm.data, reference.data);
}

describe('the WebAssembly JPEG decoder', () => {
  it.each(corpus.map((jpeg) => [jpeg.name, jpeg] as const))('decodes corpus %s to jpeg-js\'s bytes', (_, jpeg) => {
    if (manifest.files.find((f) => f.file === jpeg.name)!.kind === 'valid') expect(decodedInWasm(jpeg.bytes)).toBe(true);
    expect(outcomeOf(() => decode(jpeg.bytes, { decoder: 'wasm' }))).toEqual(outcomeOf(() => decode(jpeg.bytes, { decoder: 'reference' })));
  });

  it('has the generated JPEGs it is tested on', () => {
    expect(generated).toHaveLength(SIZES.length * Object.keys(VARIANTS).length);
    const markers = (bytes: Uint8Array) => [0xc0, 0xc2].filter((m) => bytes.some((b, i) => b === 0xff && bytes[i + 1] === m));
    expect(new Set(generated.map((j) => markers(j.bytes).join()))).toEqual(new Set(['192', '194']));
  });

  it('decodes every generated JPEG in WebAssembly, to jpeg-js\'s bytes', () => {
    const failed: string[] = [];
    for (const jpeg of generated) {
      if (!decodedInWasm(jpeg.bytes)) failed.push(`${jpeg.name}: left to jpeg-js`);
      try {
        expectSameAsJpegJs(jpeg);
      } catch (error) {
        failed.push(`${jpeg.name}: ${String(error)}`);
      }
    }
    expect(failed).toEqual([]);
  }, 120_000);

  it('gives the same bytes in its SIMD and scalar builds', () => {
    const all = [...corpus.filter((j) => !j.name.startsWith('bad/')), ...generated];
    const run = () => all.map((j) => outcomeOf(() => decode(j.bytes, { orientation: 'ignore' })));
    expectSameInBothBuilds(jpegModule, run);
  }, 120_000);

  it('ends 600 mutated JPEGs exactly as jpeg-js does (same pixels or same error code)', () => {
    const samples = [...corpus, ...generated.filter((j) => j.bytes.length < 20_000).slice(0, 24)].map((j) => ({
      name: j.name, format: 'jpeg' as const, bytes: j.bytes,
    }));
    const different: string[] = [];
    let images = 0;
    let leftToJpegJs = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const { bytes, steps, source } = makeCase(seed, samples);
      const options = { pixelLimit: FUZZ_PIXEL_LIMIT };
      const wasm = outcomeOf(() => decode(bytes, { ...options, decoder: 'wasm' }));
      const reference = outcomeOf(() => decode(bytes, { ...options, decoder: 'reference' }));
      const same = wasm.kind === 'image' ? JSON.stringify(wasm) === JSON.stringify(reference)
        : wasm.kind === 'error' && reference.kind === 'error' && wasm.code === reference.code;
      if (!same) different.push(`seed ${seed} (${source}: ${steps.join(', ')}): ${JSON.stringify(wasm)} vs ${JSON.stringify(reference)}`);
      if (wasm.kind === 'image') {
        images++;
        if (!decodedInWasm(bytes)) leftToJpegJs++;
      }
    }
    expect(different).toEqual([]);
    // the mutations keep enough images valid, and most of those the WebAssembly decoder takes on itself
    expect(images).toBeGreaterThan(60);
    expect(leftToJpegJs).toBeLessThan(images / 4);
  }, 300_000);

  it('keeps its memory flat over repeated decodes, and releaseMemory() frees it', () => {
    const big = generated.find((j) => j.name === '640×480 progressive 4:2:0 q50')!;
    decode(big.bytes);
    const after = memoryBytes();
    for (let i = 0; i < 5; i++) decode(big.bytes);
    expect(memoryBytes()).toBe(after);
    releaseMemory();
    expect(jpegModule.memoryBytes).toBe(0);
  });
});

describe("the WebAssembly colour conversion", () => {
  it('equals jpeg-js\'s doubles, truncated into a Uint8Array, for all 2^24 (Y, Cb, Cr)', () => {
    // a 256×256 4:4:4 frame: Cb = column, Cr = row, Y one value per call (assembly/jpeg/layout.ts)
    const k = jpegModule.exports;
    const side = 256;
    const [record, planes, out, scratch] = reserve([64 + 3 * 64, 3 * side * side, side * side * 4, 4 * (side + 32)], k) as number[];
    const words = new Int32Array(k.memory.buffer, record!, (64 + 3 * 64) / 4);
    words.fill(0);
    for (let c = 0; c < 3; c++) {
      words.set([1, 1, side / 8, side / 8, side / 8, side / 8, 0, planes! + c * side * side], 16 + 16 * c);
    }
    const cb = bytesAt(planes! + side * side, side * side, k);
    const cr = bytesAt(planes! + 2 * side * side, side * side, k);
    for (let i = 0; i < side * side; i++) [cb[i], cr[i]] = [i % side, i >> 8];
    const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);
    const expected = new Uint8Array(side * side * 4);
    let different = 0;
    for (let y = 0; y < 256; y++) {
      bytesAt(planes!, side * side, k).fill(y);
      k.convert(record!, 3, false, out!, side, side, scratch!);
      for (let i = 0; i < side * side; i++) {
        const [b, r] = [i % side, i >> 8];
        expected[4 * i] = clamp(y + 1.402 * (r - 128));
        expected[4 * i + 1] = clamp(y - 0.3441363 * (b - 128) - 0.71413636 * (r - 128));
        expected[4 * i + 2] = clamp(y + 1.772 * (b - 128));
        expected[4 * i + 3] = 255;
      }
      if (Buffer.compare(bytesAt(out!, expected.length, k), expected) !== 0) different++;
    }
    expect(different).toBe(0);
  });
});
