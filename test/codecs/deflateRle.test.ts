// augkit's WebAssembly Z_RLE deflate (assembly/png/deflate.ts) against its twins: node:zlib (the zlib it
// ports) and pako 1 must write the same bytes, at every level, on data that takes every path — literal-only
// blocks (stored when that is smaller), long runs (matches of 258 and what is left), blocks ending exactly at
// the end of the input, stored blocks whose bytes zlib's window has already slid past — in both builds.
import { deflateSync } from 'node:zlib';
import { deflate as pakoDeflate } from 'pako/lib/deflate.js';
import { describe, expect, it } from 'vitest';
import { deflateRle } from '../../src/codecs/zlibDeflate.js';
import { pngModule } from '../../src/wasm/png.js';
import { expectSameBytes, expectSameInBothBuilds } from './helpers.js';

/** A deterministic generator (xorshift32): the cases do not depend on Math.random. */
function generator(seed: number): () => number {
  let state = seed || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** Bytes of `length` where a new value starts with probability `change`, else the byte before repeats (or, with `noise`, a random one). */
function data(length: number, seed: number, change: number, noise = 0): Uint8Array {
  const random = generator(seed);
  const bytes = new Uint8Array(length);
  let value = 0;
  for (let i = 0; i < length; i++) {
    if (random() < change) value = Math.floor(random() * 256);
    bytes[i] = random() < noise ? Math.floor(random() * 256) : value;
  }
  return bytes;
}

const zlibRle = (bytes: Uint8Array, level: number) => new Uint8Array(deflateSync(bytes, { level, strategy: 3 }));

const CASES: [string, Uint8Array][] = [
  ['empty', new Uint8Array(0)],
  ['one byte', new Uint8Array([7])],
  ['three equal bytes', new Uint8Array([5, 5, 5])],
  ['four equal bytes', new Uint8Array([5, 5, 5, 5])],
  ['random 1000', data(1000, 1, 1)],
  ['random 16383 (one full block)', data(16383, 2, 1)],
  ['random 16384', data(16384, 3, 1)],
  ['random 200000 (stored blocks across window slides)', data(200_000, 4, 1)],
  ['short runs 150000', data(150_000, 5, 0.3)],
  ['long runs 300000', data(300_000, 6, 0.003)],
  ['runs with noise 250000', data(250_000, 7, 0.02, 0.5)],
  ['few values 100000', data(100_000, 8, 1).map((v) => v & 3)],
  ['zeros 1 MiB + 1 (blocks of 16383 matches)', new Uint8Array(2 ** 20 + 1)],
  ['zeros 65536', new Uint8Array(65536)],
];

describe('deflateRle (WebAssembly Z_RLE)', () => {
  it.each(CASES)('%s: the bytes node:zlib writes at level 1', (_, bytes) => {
    expectSameBytes(deflateRle(bytes, 1), zlibRle(bytes, 1));
  });

  it('levels 2..9 write the level-1 bytes, as zlib and pako do', () => {
    const bytes = data(60_000, 9, 0.2, 0.3);
    const level1 = deflateRle(bytes, 1);
    for (let level = 2; level <= 9; level++) {
      expectSameBytes(deflateRle(bytes, level), level1);
      expectSameBytes(zlibRle(bytes, level), level1);
    }
  });

  it('writes the bytes of pako 1 (the portable deflate augkit had in browsers)', () => {
    for (const [, bytes] of CASES.slice(0, 11)) expectSameBytes(deflateRle(bytes, 6), pakoDeflate(bytes, { level: 6, strategy: 3 }));
  });

  it('level 0 is pako’s stored blocks', () => {
    const bytes = data(100_000, 10, 1);
    expectSameBytes(deflateRle(bytes, 0), pakoDeflate(bytes, { level: 0, strategy: 3 }));
  });

  it.each(CASES.filter(([, bytes]) => bytes.length <= 300_000))('%s: the same bytes in the SIMD and scalar builds', (_, bytes) => {
    expectSameInBothBuilds(pngModule, () => Array.from(deflateRle(bytes, 1)));
  });

  it('on random sizes and mixes, the bytes of node:zlib', () => {
    const random = generator(99);
    for (let i = 0; i < 24; i++) {
      const length = Math.floor(random() ** 2 * 120_000);
      const bytes = data(length, 100 + i, [1, 0.3, 0.01, 0.05][i % 4]!, [0, 0, 0, 0.4][i % 4]!);
      expect(deflateRle(bytes, 1)).toEqual(zlibRle(bytes, 1));
    }
  });
});
