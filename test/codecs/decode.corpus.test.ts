import { describe, expect, it } from 'vitest';
import type { AugkitErrorCode } from '../../src/errors.js';
import { decode } from '../../src/codecs/index.js';
import manifest from '../fixtures/corpus/manifest.json' with { type: 'json' };
import { corpusFile, corpusPng, diff, expectAugkitError } from './helpers.js';

interface Tolerance {
  maxAbs: number;
  meanAbs?: number;
}

interface CorpusEntry {
  file: string;
  kind: 'valid' | 'bad';
  width?: number;
  height?: number;
  expected?: string;
  tolerance?: Tolerance;
  exifOrientation?: number;
  expectedOriented?: string;
  orientedSize?: [number, number];
  error?: string;
  alsoAcceptable?: string[];
}

const ERROR_CODES: Record<string, AugkitErrorCode> = {
  'unsupported-format': 'UNSUPPORTED_FORMAT',
  corrupt: 'CORRUPT_IMAGE',
  'too-large': 'TOO_LARGE',
};

const entries = manifest.files as CorpusEntry[];
const valid = entries.filter((entry) => entry.kind === 'valid');
const oriented = valid.filter((entry) => entry.exifOrientation !== undefined);
const bad = entries.filter((entry) => entry.kind === 'bad');

function expectWithin(actual: ReturnType<typeof decode>, expectedPath: string, tolerance: Tolerance): void {
  const { maxAbs, meanAbs } = diff(actual, corpusPng(expectedPath));
  expect(maxAbs).toBeLessThanOrEqual(tolerance.maxAbs);
  if (tolerance.meanAbs !== undefined) expect(meanAbs).toBeLessThanOrEqual(tolerance.meanAbs);
}

describe('decode: the corpus', () => {
  it('covers every manifest entry', () => {
    expect(valid.length + bad.length).toBe(entries.length);
    expect(oriented.length).toBeGreaterThan(0);
  });

  it.each(valid.map((entry) => [entry.file, entry] as const))(
    '%s decodes as stored to its expected pixels within tolerance',
    (_, entry) => {
      const img = decode(corpusFile(entry.file), { orientation: 'ignore' });
      expect(img.data).toBeInstanceOf(Uint8ClampedArray);
      expect([img.width, img.height]).toEqual([entry.width, entry.height]);
      expect(img.data.length).toBe(img.width * img.height * 4);
      expectWithin(img, entry.expected!, entry.tolerance!);
    },
  );

  it.each(oriented.map((entry) => [entry.file, entry] as const))(
    '%s decodes upright by default (EXIF orientation applied) within tolerance',
    (_, entry) => {
      const img = decode(corpusFile(entry.file));
      expect([img.width, img.height]).toEqual(entry.orientedSize);
      expectWithin(img, entry.expectedOriented!, entry.tolerance!);
    },
  );

  it.each(bad.map((entry) => [entry.file, entry] as const))('%s fails with its expected error code', (_, entry) => {
    const codes = [entry.error!, ...(entry.alsoAcceptable ?? [])].map((category) => ERROR_CODES[category]);
    expectAugkitError(() => decode(corpusFile(entry.file)), ...codes);
  });
});
