import { describe, expect, it } from 'vitest';
import { decode, encodeJpeg, encodePng, flipHorizontal } from '../../src/index.js';
import manifest from '../fixtures/corpus/manifest.json' with { type: 'json' };
import { randomImage } from '../helpers/images.js';
import { corpusFile, expectSameImage } from './helpers.js';

/** `bytes` copied into a SharedArrayBuffer, as pixels shared between workers are. */
function shared(bytes: Uint8Array | Uint8ClampedArray): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

const valid = manifest.files.filter((entry) => entry.kind === 'valid').map((entry) => entry.file);

describe('bytes and pixels in a SharedArrayBuffer', () => {
  it.each(valid)('%s decodes from shared memory as from an ArrayBuffer', (file) => {
    const bytes = corpusFile(file);
    expectSameImage(decode(shared(bytes)), decode(bytes));
  });

  it('an image whose data is shared encodes, and round-trips through PNG, like any other', () => {
    const img = randomImage(13, 7, 3);
    const sharedImg = { ...img, data: shared(img.data) };
    expect(encodePng(sharedImg)).toEqual(encodePng(img));
    expect(encodeJpeg(sharedImg)).toEqual(encodeJpeg(img));
    expectSameImage(decode(encodePng(sharedImg)), img);
    expectSameImage(flipHorizontal(sharedImg), flipHorizontal(img));
  });
});
