// Additive Gaussian noise from the xoshiro128** stream (see ../random/xoshiro128.ts and the README):
// standard normals by Box–Muller, with ln from ../math/log and AssemblyScript's sin/cos, all in WebAssembly.
import { log } from '../math/log';
import { nextOpenClosedUnit, seedRandom } from '../random/xoshiro128';
import { clampByte } from '../color/lut';

const TWO_PI: f64 = 6.283185307179586;

let spare: f64 = 0; // the second normal of the last pair
let hasSpare = false;

/** Starts the normal stream of `seed` (gaussianNoise continues it; a strip-by-strip caller calls this once). */
export function gaussianNoiseBegin(seed: f64): void {
  seedRandom(seed);
  hasSpare = false;
}

/**
 * The next standard normal. Pairs: u1 = nextOpenClosedUnit(), u2 = nextOpenClosedUnit() (u1 ∈ (0, 1], so
 * ln u1 is finite), ρ = sqrt(−2 · ln u1), z0 = ρ · cos(2π · u2), z1 = ρ · sin(2π · u2); z0 first, then z1.
 */
export function nextNormal(): f64 {
  if (hasSpare) {
    hasSpare = false;
    return spare;
  }
  const u1 = nextOpenClosedUnit();
  const u2 = nextOpenClosedUnit();
  const rho = Math.sqrt(-2.0 * log(u1));
  const angle = TWO_PI * u2;
  spare = rho * Math.sin(angle);
  hasSpare = true;
  return rho * Math.cos(angle);
}

/**
 * `(v + mean) + std · z`, rounded half away from zero and clamped, for R, G, B; alpha unchanged. With
 * `perChannel`, each R, G, B value (pixel by pixel, R then G then B) takes the next z; without, each pixel
 * takes one z for all three. The stream continues from gaussianNoiseBegin. `dst` may equal `src`.
 */
export function gaussianNoise(src: usize, pixels: i32, dst: usize, std: f64, mean: f64, perChannel: bool): void {
  const end = src + (<usize>pixels << 2);
  let d = dst;
  for (let s = src; s < end; s += 4) {
    const p = load<u32>(s);
    let r: u32, g: u32, b: u32;
    if (perChannel) {
      r = clampByte(<f64>(p & 0xff) + mean + std * nextNormal());
      g = clampByte(<f64>((p >>> 8) & 0xff) + mean + std * nextNormal());
      b = clampByte(<f64>((p >>> 16) & 0xff) + mean + std * nextNormal());
    } else {
      const n = std * nextNormal();
      r = clampByte(<f64>(p & 0xff) + mean + n);
      g = clampByte(<f64>((p >>> 8) & 0xff) + mean + n);
      b = clampByte(<f64>((p >>> 16) & 0xff) + mean + n);
    }
    store<u32>(d, (p & 0xff000000) | r | (g << 8) | (b << 16));
    d += 4;
  }
}
