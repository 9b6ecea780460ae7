import { describe, expect, it } from 'vitest';
import { AugkitError, flipHorizontal, resize, rotate } from '../../src/index.js';
import * as binding from '../../src/wasm/kernels.js';
import { bytesAt, memoryBytes } from '../../src/wasm/memory.js';
import { runKernel } from '../../src/wasm/run.js';
import { resizeBilinearReference } from '../../src/reference/resize.js';
import { bytesEqual, randomImage } from '../helpers/images.js';

/**
 * Makes the kernels trap, through the binding's one internal entry point (not part of the public API): a
 * flip whose source pointer lies past the end of linear memory, as a binding bug would pass.
 */
function forceTrap(op: string): unknown {
  try {
    runKernel(randomImage(2, 2), {
      op,
      outputSize: () => [2, 2],
      run: (k, b) => k.flipHorizontal(0xffff_fff0, 2, 2, b.dst),
    });
  } catch (error) {
    return error;
  }
  throw new Error('expected a trap');
}

describe('a WebAssembly trap', () => {
  it('becomes AugkitError INTERNAL naming the op, with the RuntimeError as its cause', () => {
    const error = forceTrap('rotate');
    expect(error).toBeInstanceOf(AugkitError);
    expect((error as AugkitError).code).toBe('INTERNAL');
    expect((error as AugkitError).message).toMatch(/^rotate failed inside WebAssembly \(.+\); please report this$/);
    expect((error as AugkitError).cause).toBeInstanceOf(WebAssembly.RuntimeError);
  });

  it('replaces the instance: fresh memory at its initial size, so no damaged state survives', () => {
    resize(randomImage(300, 300), 400, 400); // grow the memory well past one page
    const before = binding.kernels;
    bytesAt(0, 1024).fill(0xee); // scribble over the kernels' static data, as a runaway kernel could
    expect(memoryBytes()).toBeGreaterThan(65_536);
    forceTrap('flipHorizontal');
    expect(binding.kernels).not.toBe(before);
    expect(memoryBytes()).toBe(65_536);
    expect(bytesAt(0, 1024).every((b) => b === 0xee)).toBe(false);
  });

  it('leaves every op working, with the same bytes as before the trap', () => {
    const img = randomImage(41, 29, 7);
    const flipped = flipHorizontal(img);
    const turned = rotate(img, 33, { expand: true });
    for (let i = 0; i < 3; i++) {
      forceTrap('resize');
      expect(bytesEqual(flipHorizontal(img).data, flipped.data)).toBe(true);
      expect(bytesEqual(rotate(img, 33, { expand: true }).data, turned.data)).toBe(true);
      expect(bytesEqual(resize(img, 17, 50).data, resizeBilinearReference(img, 17, 50).data)).toBe(true);
    }
  });
});
