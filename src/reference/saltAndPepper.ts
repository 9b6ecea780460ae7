// Plain-TypeScript statement of the PRNG and the salt-and-pepper kernel
// (assembly/random/xoshiro128.ts, assembly/noise/saltAndPepper.ts), for tests and benchmarks.
import type { AugkitImage, RgbaImage } from '../image.js';
import { log, log1p } from './math.js';

const MASK64 = (1n << 64n) - 1n;

/** xoshiro128** seeded through splitmix64, as the kernel does. */
export class Xoshiro128 {
  private s: Uint32Array;

  constructor(seed: number) {
    let state = BigInt(seed);
    const splitmix64 = () => {
      state = (state + 0x9e3779b97f4a7c15n) & MASK64;
      let z = state;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
      return z ^ (z >> 31n);
    };
    const a = splitmix64();
    const b = splitmix64();
    this.s = Uint32Array.from([Number(a & 0xffffffffn), Number(a >> 32n), Number(b & 0xffffffffn), Number(b >> 32n)]);
  }

  nextU32(): number {
    const s = this.s;
    const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** Uniform in (0, 1] with 53 random bits. */
  nextOpenClosedUnit(): number {
    const a = this.nextU32() >>> 5;
    const b = this.nextU32() >>> 6;
    return (a * 67108864 + b + 1) / 9007199254740992;
  }
}

export function saltAndPepperReference(
  img: RgbaImage, amount: number, saltVsPepper: number, seed: number, perChannel: boolean,
): AugkitImage {
  const out = new Uint8ClampedArray(img.data);
  const units = img.width * img.height * (perChannel ? 3 : 1);
  const random = new Xoshiro128(seed);
  if (amount <= 0) return { width: img.width, height: img.height, data: out };
  const logMiss = log1p(-amount); // the kernel's log1p and log, not Math's (see ./math.ts)
  for (let position = -1; ; ) {
    position += (amount >= 1 ? 0 : Math.floor(log(random.nextOpenClosedUnit()) / logMiss)) + 1;
    if (position >= units) break;
    const value = random.nextU32() < saltVsPepper * 2 ** 32 ? 255 : 0;
    if (perChannel) out[Math.floor(position / 3) * 4 + (position % 3)] = value;
    else out.fill(value, position * 4, position * 4 + 3);
  }
  return { width: img.width, height: img.height, data: out };
}
