// The reference tan (src/reference/math.ts) must give the kernels' bits: checked through the whole
// affine inverse matrix, which the kernel builds with its own Math.tan (assembly/geometry/affineMatrix.ts).
import { describe, expect, it } from 'vitest';
import { affineInverseReference } from '../src/reference/warp.js';
import { kernels } from '../src/wasm/kernels.js';
import { xorshift32 } from './codecs/helpers.js';

describe("affine's inverse matrix: the plain-TS twin equals the kernel's bits", () => {
  it('for 2000 random angles, shears (also past ±45°, where tan reduces by π/2) and scales', () => {
    const next32 = xorshift32(11);
    const next = () => next32() / 2 ** 32;
    for (let i = 0; i < 2000; i++) {
      const degrees = (next() - 0.5) * 1000;
      const shear = [(next() - 0.5) * 179.9, (next() - 0.5) * (i % 2 ? 179.9 : 1e-6)] as const;
      const scale = [0.1 + 3 * next(), 0.1 + 3 * next()] as const;
      const at = kernels.affineInverse(degrees, shear[0], shear[1], scale[0], scale[1]);
      const kernel = Array.from(new Float64Array(kernels.memory.buffer, at, 4));
      expect(kernel).toEqual(affineInverseReference(degrees, shear, scale));
    }
  });
});
