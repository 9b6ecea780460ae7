// xoshiro128** 1.1 (Blackman & Vigna, 2018): 128-bit state, 32-bit outputs.
// Seeding: the seed (an integer 0 <= seed < 2^53) is the state of a splitmix64 generator;
// its first two outputs a, b fill the state as s0 = low32(a), s1 = high32(a), s2 = low32(b), s3 = high32(b).

let s0: u32 = 0;
let s1: u32 = 0;
let s2: u32 = 0;
let s3: u32 = 0;
let splitmixState: u64 = 0;

function splitmix64(): u64 {
  splitmixState += 0x9e3779b97f4a7c15;
  let z = splitmixState;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

export function seedRandom(seed: f64): void {
  splitmixState = <u64>seed;
  const a = splitmix64();
  const b = splitmix64();
  s0 = <u32>a;
  s1 = <u32>(a >> 32);
  s2 = <u32>b;
  s3 = <u32>(b >> 32);
}

/** The next 32-bit output. */
export function nextU32(): u32 {
  const result = rotl<u32>(s1 * 5, 7) * 9;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = rotl<u32>(s3, 11);
  return result;
}

/** A uniform double in (0, 1] with 53 random bits: ((a >>> 5) * 2^26 + (b >>> 6) + 1) / 2^53. */
export function nextOpenClosedUnit(): f64 {
  const a = <f64>(nextU32() >>> 5);
  const b = <f64>(nextU32() >>> 6);
  return (a * 67108864.0 + b + 1.0) / 9007199254740992.0;
}

/**
 * Writes the next `count` outputs of nextU32() to `out` (u32 each), as `count` calls would, with the
 * state held in locals for speed. The stream continues where it stood; nextU32() continues after it.
 */
export function fillU32(out: usize, count: i32): void {
  let a = s0, b = s1, c = s2, d = s3;
  const end = out + (<usize>count << 2);
  for (let p = out; p < end; p += 4) {
    store<u32>(p, rotl<u32>(b * 5, 7) * 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl<u32>(d, 11);
  }
  s0 = a;
  s1 = b;
  s2 = c;
  s3 = d;
}
