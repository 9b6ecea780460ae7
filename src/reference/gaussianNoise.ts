// Plain-TypeScript statement of the normal generator and the Gaussian noise kernel
// (assembly/noise/gaussianNoise.ts), on the reference PRNG and the kernels' own ln, sin and cos bits.
import type { AugkitImage, RgbaImage } from '../image.js';
import { clampByte } from './colorTables.js';
import { cos, log, sin } from './math.js';
import { Xoshiro128 } from './saltAndPepper.js';

/** Standard normals by Box–Muller on xoshiro128**: z0 = ρ·cos(2πu2), then z1 = ρ·sin(2πu2). */
export class NormalStream {
  private readonly random: Xoshiro128;
  private spare: number | undefined;

  constructor(seed: number) {
    this.random = new Xoshiro128(seed);
  }

  next(): number {
    if (this.spare !== undefined) {
      const z = this.spare;
      this.spare = undefined;
      return z;
    }
    const u1 = this.random.nextOpenClosedUnit();
    const u2 = this.random.nextOpenClosedUnit();
    const rho = Math.sqrt(-2 * log(u1));
    const angle = 6.283185307179586 * u2;
    this.spare = rho * sin(angle);
    return rho * cos(angle);
  }
}

export function gaussianNoiseReference(
  img: RgbaImage, std: number, mean: number, perChannel: boolean, seed: number,
): AugkitImage {
  const normals = new NormalStream(seed);
  const out = new Uint8ClampedArray(img.data);
  for (let i = 0; i < out.length; i += 4) {
    const shared = perChannel ? 0 : std * normals.next();
    for (let c = 0; c < 3; c++) out[i + c] = clampByte(img.data[i + c]! + mean + (perChannel ? std * normals.next() : shared));
  }
  return { width: img.width, height: img.height, data: out };
}
