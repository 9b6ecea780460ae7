// WebAssembly memory: reused across calls, as small as each call allows, and releasable.
import { describe, expect, it } from 'vitest';
import { flipHorizontal, flipVertical, memoryBytes, releaseMemory, resize, rotate, saltAndPepper } from '../src/index.js';
import { STRIP_BYTES } from '../src/wasm/run.js';
import { bytesEqual, randomImage } from './helpers/images.js';

const PAGE = 65_536;

describe('WebAssembly memory', () => {
  const big = randomImage(1000, 800, 3); // 3.2 MB of pixels

  it('grows to the largest call and is reused, not grown again, by smaller or equal calls', () => {
    releaseMemory();
    resize(big, 900, 700);
    const grown = memoryBytes();
    expect(grown).toBeGreaterThanOrEqual(big.data.length + 900 * 700 * 4);
    resize(big, 900, 700);
    rotate(randomImage(500, 400, 4), 10);
    expect(memoryBytes()).toBe(grown);
  });

  it('releaseMemory() gives it back (one 64 KiB page) and later calls give the same bytes', () => {
    const before = rotate(big, 33).data;
    expect(memoryBytes()).toBeGreaterThan(2 * big.data.length);
    releaseMemory();
    expect(memoryBytes()).toBe(PAGE);
    expect(bytesEqual(rotate(big, 33).data, before)).toBe(true);
  });

  it('flips and noise alone need no image-sized memory: it stays near the strip size', () => {
    releaseMemory();
    flipHorizontal(big);
    flipVertical(big);
    saltAndPepper(big, { seed: 1 });
    saltAndPepper(big, { seed: 1, perChannel: true, amount: 1 });
    expect(memoryBytes()).toBeLessThanOrEqual(STRIP_BYTES + 2 * PAGE);
  });

  it('a strip holds at least one row, however wide', () => {
    releaseMemory();
    const wide = randomImage(STRIP_BYTES / 4 + 7, 3, 8);
    const once = flipHorizontal(wide);
    expect(bytesEqual(flipHorizontal(once).data, wide.data)).toBe(true);
  });
});
