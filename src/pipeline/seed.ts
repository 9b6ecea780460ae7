/**
 * Seeds and random draws for the pipeline, in exact integer arithmetic (BigInt, modulo 2^64) so that every
 * JavaScript engine computes the same values. The only floating-point operations are `+`, `−` and `×` on
 * numbers, which IEEE 754 rounds the same way everywhere; no Math.random, no transcendental functions.
 *
 * - `mix64(z)` is splitmix64's finaliser (Steele, Lea & Flood 2014):
 *   `z ^= z >> 30; z *= 0xBF58476D1CE4E5B9; z ^= z >> 27; z *= 0x94D049BB133111EB; z ^= z >> 31` (mod 2^64).
 * - `deriveSeed(seed, ...parts)`: `h = seed`, then for each part `h = mix64(h ^ mix64(key(part) + GAMMA))`, where
 *   `GAMMA = 0x9E3779B97F4A7C15`, `key(n) = n` for an integer and the FNV-1a 64-bit hash of the UTF-8 bytes for a
 *   string; the result is `h >> 11` (53 bits, a safe integer).
 * - `SeedStream(seed)` is splitmix64 itself: `state += GAMMA; output mix64(state)`. A 32-bit draw is the output's
 *   high half; `uniform()` is that draw divided by 2^32 (so in [0, 1)); `chance(p)` is `draw < p · 2^32`.
 */

const MASK64 = (1n << 64n) - 1n;
const GAMMA = 0x9e3779b97f4a7c15n;
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const TWO_POW_32 = 2 ** 32;

/** splitmix64's output function (mod 2^64). */
export function mix64(value: bigint): bigint {
  let z = value & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** FNV-1a, 64-bit, over the UTF-8 bytes of `text`. */
export function fnv1a64(text: string): bigint {
  let h = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * FNV_PRIME) & MASK64;
  return h;
}

/**
 * A part of a seed derivation: a non-negative safe integer (step index, variant) or a string (a path).
 *
 * @example
 * const parts: SeedPart[] = ['cat/cat_01.jpg', 3]; // a path and a variant number
 * const seed = deriveSeed(2026, ...parts); // 4283419315472133, in every runtime
 */
export type SeedPart = number | string;

/**
 * A child seed from a parent seed and a path of parts, e.g. `deriveSeed(global, 'cat/cat_01.jpg', 3)`.
 * Deterministic and identical in every runtime; see the module comment for the formula.
 *
 * @returns an integer 0..2^53−1
 *
 * @example
 * const seed = deriveSeed(2026, 'cat/cat_01.jpg', 0); // the same number in every runtime
 */
export function deriveSeed(seed: number, ...parts: readonly SeedPart[]): number {
  let h = BigInt(seed);
  for (const part of parts) {
    const key = typeof part === 'string' ? fnv1a64(part) : BigInt(part);
    h = mix64(h ^ mix64(key + GAMMA));
  }
  return Number(h >> 11n);
}

/** splitmix64 as a stream of draws, seeded with a pipeline seed. */
export class SeedStream {
  private state: bigint;

  constructor(seed: number) {
    this.state = BigInt(seed);
  }

  /** The next 64-bit output. */
  next64(): bigint {
    this.state = (this.state + GAMMA) & MASK64;
    return mix64(this.state);
  }

  /** The next 32-bit draw: the high half of a 64-bit output. */
  nextUint32(): number {
    return Number(this.next64() >> 32n);
  }

  /** A 53-bit seed for a kernel that takes one (salt-and-pepper). */
  nextSeed(): number {
    return Number(this.next64() >> 11n);
  }

  /** A uniform number in [0, 1): a 32-bit draw divided by 2^32. */
  uniform(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** `min + (max − min) · u`, u from {@link uniform}; exactly `min` when min === max. */
  between(min: number, max: number): number {
    const u = this.uniform();
    return min === max ? min : min + (max - min) * u;
  }

  /** An integer uniform in `min..max` (inclusive, `max − min < 2^32`): `min + floor(u · (max − min + 1))`. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.uniform() * (max - min + 1));
  }

  /** True with probability `p`: one 32-bit draw `d`, true when `d < p · 2^32` (always draws, so streams stay aligned). */
  chance(p: number): boolean {
    return this.nextUint32() < p * TWO_POW_32;
  }

  /** An index drawn with probability proportional to `weights` (at least one positive). */
  pick(weights: readonly number[]): number {
    const total = weights.reduce((sum, w) => sum + w, 0);
    const target = this.uniform() * total;
    let acc = 0;
    for (let i = 0; i < weights.length; i++) {
      acc += weights[i]!;
      if (target < acc) return i;
    }
    // rounding can leave target == total: take the last index with a positive weight
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
    return weights.length - 1;
  }
}
