import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode, decodeTransient } from '../../src/codecs/decode.js';
import type { AugkitErrorCode } from '../../src/errors.js';
import { augkitError, corpusFile } from './helpers.js';

const valid = readdirSync(new URL('../fixtures/corpus/', import.meta.url)).filter((f) => /\.(png|jpe?g)$/i.test(f)).sort();
const bad = readdirSync(new URL('../fixtures/corpus/bad/', import.meta.url)).sort().map((f) => `bad/${f}`);

function outcome(run: () => { width: number; height: number; data: Uint8ClampedArray }): string {
  try {
    const img = run();
    return `${img.width}×${img.height} ${Buffer.from(img.data).toString('base64')}`;
  } catch {
    return `error ${augkitError(run).code as AugkitErrorCode}`;
  }
}

describe('decodeTransient (the flow workers\' decode)', () => {
  it.each(valid.flatMap((file) => (['jpeg-js', 'libjpeg'] as const).map((jpeg) => [file, jpeg] as const)))(
    '%s (%s): the bytes decode gives',
    (file, jpeg) => {
      const bytes = corpusFile(file);
      expect(valid.length).toBeGreaterThan(10);
      expect(outcome(() => decodeTransient(bytes, { jpeg }))).toBe(outcome(() => decode(bytes, { jpeg })));
    },
  );

  it.each(bad)('%s: the error decode gives', (file) => {
    const bytes = corpusFile(file);
    expect(outcome(() => decodeTransient(bytes))).toBe(outcome(() => decode(bytes)));
  });

  it('returns a JPEG as a view of the decoder memory, which the next decode reuses; decode returns a copy', () => {
    const jpegs = valid.filter((f) => /\.jpe?g$/i.test(f) && !f.includes('orientation'));
    const [a, b] = [corpusFile(jpegs[0]!), corpusFile(jpegs[1]!)];
    const view = decodeTransient(a);
    const copy = decode(a);
    expect(view.data).toEqual(copy.data);
    expect(copy.data.buffer.byteLength).toBe(copy.data.byteLength);
    expect(view.data.buffer.byteLength).toBeGreaterThan(view.data.byteLength);
    decodeTransient(b);
    expect(decode(a).data).toEqual(copy.data);
  });
});
