// Forward DCT and quantisation of two 8×8 blocks at once, a port of jpeg-js's fDCTQuant: the AAN float DCT
// (Arai, Agui and Nakajima, as in libjpeg's jfdctflt.c) in doubles, operation for operation, then each
// coefficient times its factor (tables.ts) rounded half away from zero. Doubles round the same way in every
// engine and in both builds, so the SIMD build (the two blocks in the two f64 lanes) and the scalar build
// (one lane after the other) give jpeg-js's coefficients exactly.
//
// A block pair is 64 × 16 bytes: sample k (row-major) of the first block at 16k, of the second at 16k + 8.
import { FACTORS, ZIGZAG } from './tables';

export const PAIR_BYTES: usize = 64 * 16;

@inline function add<T>(a: T, b: T): T { if (isFloat<T>()) return a + b; else return f64x2.add(a, b); }
@inline function sub<T>(a: T, b: T): T { if (isFloat<T>()) return a - b; else return f64x2.sub(a, b); }
@inline function mul<T>(a: T, b: T): T { if (isFloat<T>()) return a * b; else return f64x2.mul(a, b); }
@inline function constant<T>(c: f64): T { if (isFloat<T>()) return <T>c; else return f64x2.splat(c); }

/** One 1-D pass over 8 values `step` bytes apart from `p`, in place. */
@inline
function pass<T>(p: usize, step: usize): void {
  const d0 = load<T>(p);
  const d1 = load<T>(p + step);
  const d2 = load<T>(p + 2 * step);
  const d3 = load<T>(p + 3 * step);
  const d4 = load<T>(p + 4 * step);
  const d5 = load<T>(p + 5 * step);
  const d6 = load<T>(p + 6 * step);
  const d7 = load<T>(p + 7 * step);
  const tmp0 = add<T>(d0, d7);
  const tmp7 = sub<T>(d0, d7);
  const tmp1 = add<T>(d1, d6);
  const tmp6 = sub<T>(d1, d6);
  const tmp2 = add<T>(d2, d5);
  const tmp5 = sub<T>(d2, d5);
  const tmp3 = add<T>(d3, d4);
  const tmp4 = sub<T>(d3, d4);
  // even part
  let tmp10 = add<T>(tmp0, tmp3);
  const tmp13 = sub<T>(tmp0, tmp3);
  let tmp11 = add<T>(tmp1, tmp2);
  let tmp12 = sub<T>(tmp1, tmp2);
  store<T>(p, add<T>(tmp10, tmp11));
  store<T>(p + 4 * step, sub<T>(tmp10, tmp11));
  const z1 = mul<T>(add<T>(tmp12, tmp13), constant<T>(0.707106781));
  store<T>(p + 2 * step, add<T>(tmp13, z1));
  store<T>(p + 6 * step, sub<T>(tmp13, z1));
  // odd part
  tmp10 = add<T>(tmp4, tmp5);
  tmp11 = add<T>(tmp5, tmp6);
  tmp12 = add<T>(tmp6, tmp7);
  const z5 = mul<T>(sub<T>(tmp10, tmp12), constant<T>(0.382683433));
  const z2 = add<T>(mul<T>(constant<T>(0.5411961), tmp10), z5);
  const z4 = add<T>(mul<T>(constant<T>(1.306562965), tmp12), z5);
  const z3 = mul<T>(tmp11, constant<T>(0.707106781));
  const z11 = add<T>(tmp7, z3);
  const z13 = sub<T>(tmp7, z3);
  store<T>(p + 5 * step, add<T>(z13, z2));
  store<T>(p + 3 * step, sub<T>(z13, z2));
  store<T>(p + step, add<T>(z11, z4));
  store<T>(p + 7 * step, sub<T>(z11, z4));
}

/** Both passes over the block at `p` whose samples are 16 bytes apart (one lane of a pair, or both). */
@inline
function transform<T>(p: usize): void {
  for (let row: usize = 0; row < 8; row++) pass<T>(p + row * 8 * 16, 16);
  for (let col: usize = 0; col < 8; col++) pass<T>(p + col * 16, 8 * 16);
}

/**
 * Transforms and quantises the pair at `pair` (overwritten) with the factors of `pairing` (tables.ts) and
 * writes the two blocks' coefficients in zigzag order as 64 i32 each, the first at `out`, the second at
 * `out + 256`.
 */
export function transformPair(pair: usize, pairing: usize, out: usize): void {
  const factors = FACTORS + pairing * 64 * 16;
  if (ASC_FEATURE_SIMD) {
    transform<v128>(pair);
    const sign = f64x2.splat(-0.0);
    const half = f64x2.splat(0.5);
    for (let k: usize = 0; k < 64; k++) {
      const x = f64x2.mul(v128.load(pair + k * 16), v128.load(factors + k * 16));
      // x > 0 ? x + 0.5 : x − 0.5, then truncated: jpeg-js's `(x + 0.5) | 0` / `(x − 0.5) | 0`
      const q = i32x4.trunc_sat_f64x2_s_zero(f64x2.add(x, v128.or(v128.and(x, sign), half)));
      const z = (<usize>ZIGZAG[<i32>k]) << 2;
      store<i32>(out + z, i32x4.extract_lane(q, 0));
      store<i32>(out + 256 + z, i32x4.extract_lane(q, 1));
    }
  } else {
    transform<f64>(pair);
    transform<f64>(pair + 8);
    for (let k: usize = 0; k < 64; k++) {
      const z = (<usize>ZIGZAG[<i32>k]) << 2;
      for (let lane: usize = 0; lane < 2; lane++) {
        const x = load<f64>(pair + k * 16 + lane * 8) * load<f64>(factors + k * 16 + lane * 8);
        store<i32>(out + lane * 256 + z, <i32>(x + copysign<f64>(0.5, x)));
      }
    }
  }
}
