import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flipVertical, resize, rotate, saltAndPepper, setPixelLimit } from '../../src/index.js';
import { resizeScratchBytes } from '../../src/ops/resizeScratch.js';
import { kernels } from '../../src/wasm/kernels.js';
import { memoryBytes } from '../../src/wasm/memory.js';
import { resizeAntialiasReference } from '../../src/reference/resize.js';
import { expectAugkitError } from '../codecs/helpers.js';
import { bytesEqual, randomImage } from '../helpers/images.js';

const PAGE = 65_536;
/** V8's default for --wasm-max-mem-pages (the engine then caps wasm32 memories at 4 GiB). */
const V8_DEFAULT_MAX_PAGES = 4_294_967_295;

/** A square image just large enough that an op on it needs more linear memory than there is now. */
function imageLargerThanMemory(): ReturnType<typeof randomImage> {
  const side = Math.ceil(Math.sqrt(memoryBytes() / 4)) + 1;
  return randomImage(side, side);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('WebAssembly memory that cannot grow', () => {
  it('a grow the engine refuses (RangeError from Memory.grow) is TOO_LARGE and changes nothing', () => {
    const img = imageLargerThanMemory();
    const before = memoryBytes();
    const grow = vi.spyOn(WebAssembly.Memory.prototype, 'grow').mockImplementation(() => {
      throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    });
    const error = expectAugkitError(() => rotate(img, 10), 'TOO_LARGE');
    expect(error.message).toMatch(/^needs \d+ bytes of WebAssembly memory, more than this engine can provide$/);
    expect(error.cause).toBeInstanceOf(RangeError);
    expect(grow).toHaveBeenCalledOnce();
    expect(memoryBytes()).toBe(before);
    grow.mockRestore();
    expect(rotate(img, 10).height).toBe(img.height); // usable again once memory is available
  });

  it('a real engine limit (V8 --wasm-max-mem-pages) gives TOO_LARGE, and smaller calls keep working', () => {
    const small = randomImage(64, 64, 3);
    const expected = flipVertical(small);
    v8.setFlagsFromString(`--wasm-max-mem-pages=${memoryBytes() / PAGE + 2}`);
    try {
      expectAugkitError(() => rotate(imageLargerThanMemory(), 10), 'TOO_LARGE');
      expectAugkitError(() => resize(small, 4000, 4000), 'TOO_LARGE');
      expect(bytesEqual(flipVertical(small).data, expected.data)).toBe(true);
      expect(saltAndPepper(small, { seed: 1 }).width).toBe(64);
    } finally {
      v8.setFlagsFromString(`--wasm-max-mem-pages=${V8_DEFAULT_MAX_PAGES}`);
    }
  });

  it('more than wasm32 can address (4 GiB) is TOO_LARGE before growing anything', () => {
    const before = memoryBytes();
    const grow = vi.spyOn(WebAssembly.Memory.prototype, 'grow');
    // 1×40000 → 40000×1 with antialias needs a 40000×40000 intermediate image: 6.4 GB.
    const previous = setPixelLimit(2 ** 53 - 1); // so that memory, not the pixel limit, is what refuses it
    try {
      const error = expectAugkitError(() => resize(randomImage(1, 40_000), 40_000, 1, { antialias: true }), 'TOO_LARGE');
      expect(error.message).toMatch(/^needs 64\d{8} bytes of WebAssembly memory/);
    } finally {
      setPixelLimit(previous);
    }
    expect(grow).not.toHaveBeenCalled();
    expect(memoryBytes()).toBe(before);
  });
});

describe('resize scratch sizes', () => {
  it('equal what the kernels compute wherever their 32-bit arithmetic does not wrap', () => {
    const sizes = [1, 2, 3, 7, 8, 9, 100, 255, 1000, 4097, 65_535];
    for (const sw of sizes) {
      for (const dw of sizes) {
        for (const [sh, dh] of [[1, 1], [5, 3], [3, 5], [1000, 7]]) {
          expect(resizeScratchBytes(sw, sh, dw, dh, true)).toBe(kernels.resizeAntialiasScratch(sw, sh, dw, dh) >>> 0);
          expect(resizeScratchBytes(sw, sh, dw, dh, false)).toBe(kernels.resizeBilinearScratch(dw) >>> 0);
        }
      }
    }
  });

  it('do not wrap past 4 GiB (where the kernels’ usize results would) and do not read as negative past 2 GiB', () => {
    expect(resizeScratchBytes(1, 40_000, 40_000, 1, true)).toBe(40_000 * 40_000 * 4 + (8 + 2 * 8) * 40_000 + (2 + 80_001) * 4);
    expect(resizeScratchBytes(1, 1, 2 ** 28, 1, false)).toBe(24 * 2 ** 28);
    expect(kernels.resizeBilinearScratch(2 ** 27)).toBeLessThan(0); // why the kernels' figures are not used
  });

  it('an antialiased resize whose intermediate image is large but fits still matches the reference', () => {
    const img = randomImage(3, 700, 5);
    expect(bytesEqual(resize(img, 900, 2, { antialias: true }).data, resizeAntialiasReference(img, 900, 2).data)).toBe(true);
  });
});

describe('output sizes over the pixel limit', () => {
  it('an antialiased resize whose intermediate image (target width × source height) exceeds the limit is TOO_LARGE', () => {
    const tall = randomImage(1, 100_000);
    const previous = setPixelLimit(1_000_000);
    try {
      const error = expectAugkitError(() => resize(tall, 400, 400, { antialias: true }), 'TOO_LARGE');
      expect(error.message).toBe('resize intermediate image of 400×100000 = 40000000 pixels exceeds the limit of 1000000 pixels');
      expect(resize(tall, 400, 400).width).toBe(400); // plain bilinear has no intermediate image
      expect(resize(tall, 1, 400, { antialias: true }).height).toBe(400); // nor a resize along one axis
    } finally {
      setPixelLimit(previous);
    }
  });

  it('resize to 100000×100000 and an expanded rotation of a large image fail TOO_LARGE without allocating', () => {
    const img = randomImage(2000, 1000);
    const before = { wasm: memoryBytes(), js: process.memoryUsage().arrayBuffers };
    expectAugkitError(() => resize(img, 100_000, 100_000), 'TOO_LARGE');
    expectAugkitError(() => resize(img, 2 ** 53 - 1, 1), 'TOO_LARGE');
    const previous = setPixelLimit(2_000_000);
    try {
      expect(rotate(img, 45).width).toBe(2000); // the same size fits
      const error = expectAugkitError(() => rotate(img, 45, { expand: true }), 'TOO_LARGE');
      expect(error.message).toBe('rotate output of 2121×2121 = 4498641 pixels exceeds the limit of 2000000 pixels');
    } finally {
      setPixelLimit(previous);
    }
    expect(memoryBytes()).toBeLessThanOrEqual(Math.max(before.wasm, 64 * 2 ** 20));
    expect(process.memoryUsage().arrayBuffers - before.js).toBeLessThan(32 * 2 ** 20);
  });
});
