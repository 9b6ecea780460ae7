// The loader every WebAssembly module goes through (src/wasm/module.ts): lazy compilation and
// instantiation, the SIMD/scalar switch reaching every module, memory release, and traps turned into
// AugkitError INTERNAL with a fresh instance. A second module is made from the kernels' own builds.
import { afterAll, describe, expect, it } from 'vitest';
import { AugkitError, memoryBytes, releaseMemory } from '../../src/index.js';
import type { Kernels } from '../../src/wasm/kernels.js';
import { scalarBase64, simdBase64 } from '../../src/wasm/kernels.generated.js';
import { bytesAt, reserve } from '../../src/wasm/memory.js';
import { simdSupported, useBuild, WasmModule } from '../../src/wasm/module.js';

const PAGE = 65_536;
const probe = new WasmModule<Kernels>('probe', { simdBase64, scalarBase64 });

describe('a lazily loaded WebAssembly module', () => {
  afterAll(() => useBuild(simdSupported ? 'simd' : 'scalar'));

  it('has no instance (and no memory) until first used', () => {
    releaseMemory();
    expect(probe.memoryBytes).toBe(0);
    expect(memoryBytes()).toBe(PAGE); // the kernels only
    expect(probe.exports.heapBase()).toBeGreaterThan(0);
    expect(probe.memoryBytes).toBe(PAGE);
    expect(memoryBytes()).toBe(2 * PAGE);
  });

  it('lays out its own memory, and releaseMemory() drops it', () => {
    const [pointer] = reserve([3 * PAGE], probe.exports) as [number];
    bytesAt(pointer, 4, probe.exports).set([1, 2, 3, 4]);
    expect(probe.memoryBytes).toBeGreaterThan(3 * PAGE);
    releaseMemory();
    expect(probe.memoryBytes).toBe(0);
    expect(memoryBytes()).toBe(PAGE);
  });

  it('follows useBuild, and both builds compute the same bytes', () => {
    const flip = (): number[] =>
      probe.call('flip', (k) => {
        const [src, dst] = reserve([16, 16], k) as [number, number];
        bytesAt(src, 16, k).set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
        k.flipHorizontal(src, 4, 1, dst);
        return [...bytesAt(dst, 16, k)];
      });
    useBuild('scalar');
    expect(probe.build).toBe('scalar');
    const scalar = flip();
    useBuild('simd');
    expect(probe.build).toBe('simd');
    expect(flip()).toEqual(scalar);
    expect(scalar).toEqual([13, 14, 15, 16, 9, 10, 11, 12, 5, 6, 7, 8, 1, 2, 3, 4]);
  });

  it('turns a trap into AugkitError INTERNAL naming the op, on a fresh instance afterwards', () => {
    const before = probe.exports;
    reserve([4 * PAGE], before);
    let error: unknown;
    try {
      probe.call('decodeProbe', (k) => k.flipHorizontal(0xffff_fff0, 2, 2, 0));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AugkitError);
    expect((error as AugkitError).code).toBe('INTERNAL');
    expect((error as AugkitError).message).toMatch(/^decodeProbe failed inside WebAssembly \(.+\); please report this$/);
    expect((error as AugkitError).cause).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(probe.exports).not.toBe(before);
    expect(probe.memoryBytes).toBe(PAGE);
  });

  it('lets an AugkitError thrown inside a call pass through unchanged', () => {
    const tooLarge = new AugkitError('TOO_LARGE', 'too large');
    expect(() =>
      probe.call('decodeProbe', () => {
        throw tooLarge;
      }),
    ).toThrow(tooLarge);
  });
});
