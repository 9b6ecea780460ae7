// The natural logarithm that decides salt-and-pepper gaps, written out so that it does not depend on
// compiler flags and so that a SIMD twin can compute exactly the same bits.
//
// `log` is AssemblyScript's Math.log as compiled with shrinkLevel >= 1 (musl's log.c, from FreeBSD's
// e_log.c: argument reduction to [sqrt(2)/2, sqrt(2)], then a degree-14 polynomial in s = f/(2+f)).
// AssemblyScript switches Math.log to a table-driven variant at shrinkLevel 0, which can differ in
// the last bit, so the kernels call this copy instead. `logV` applies the same operations, in the same
// order, to the two lanes of an f64x2 (no fused multiply-add exists in WebAssembly SIMD), so every
// lane equals `log` of it bit for bit.

const ln2_hi = reinterpret<f64>(0x3FE62E42FEE00000); // 6.93147180369123816490e-01
const ln2_lo = reinterpret<f64>(0x3DEA39EF35793C76); // 1.90821492927058770002e-10
const Lg1 = reinterpret<f64>(0x3FE5555555555593); // 6.666666666666735130e-01
const Lg2 = reinterpret<f64>(0x3FD999999997FA04); // 3.999999999940941908e-01
const Lg3 = reinterpret<f64>(0x3FD2492494229359); // 2.857142874366239149e-01
const Lg4 = reinterpret<f64>(0x3FCC71C51D8E78AF); // 2.222219843214978396e-01
const Lg5 = reinterpret<f64>(0x3FC7466496CB03DE); // 1.818357216161805012e-01
const Lg6 = reinterpret<f64>(0x3FC39A09D078C69F); // 1.531383769920937332e-01
const Lg7 = reinterpret<f64>(0x3FC2F112DF3E5244); // 1.479819860511658591e-01
const Ox1p54 = reinterpret<f64>(0x4350000000000000); // 0x1p54

/** ln(x) for every f64 x, bit-identical to AssemblyScript's Math.log at shrinkLevel >= 1. */
export function log(x: f64): f64 {
  let u = reinterpret<u64>(x);
  let hx = <u32>(u >> 32);
  let k = 0;
  const sign = hx >> 31;
  if (sign || hx < 0x00100000) {
    if (u << 1 == 0) return -1 / (x * x);
    if (sign) return (x - x) / 0.0;
    k -= 54;
    x *= Ox1p54;
    u = reinterpret<u64>(x);
    hx = <u32>(u >> 32);
  } else if (hx >= 0x7FF00000) {
    return x;
  } else if (hx == 0x3FF00000 && u << 32 == 0) {
    return 0;
  }
  hx += 0x3FF00000 - 0x3FE6A09E;
  k += (<i32>hx >> 20) - 0x3FF;
  hx = (hx & 0x000FFFFF) + 0x3FE6A09E;
  u = (<u64>hx << 32) | (u & 0xFFFFFFFF);
  x = reinterpret<f64>(u);
  const f = x - 1.0;
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  const r = t2 + t1;
  const dk = <f64>k;
  return s * (hfsq + r) + dk * ln2_lo - hfsq + f + dk * ln2_hi;
}

/**
 * `log` of both lanes of an f64x2 whose lanes are positive normal numbers (>= 2^-1022, finite), the
 * only inputs salt-and-pepper produces. (x = 1 takes `log`'s general path here, which also gives +0.)
 */
// @ts-ignore: decorator
@inline
export function logV(x: v128): v128 {
  // high words, still in the low halves of the i64 lanes
  let hx = i64x2.add(i64x2.shr_u(x, 32), i64x2.splat(0x3FF00000 - 0x3FE6A09E));
  const k = i64x2.sub(i64x2.shr_u(hx, 20), i64x2.splat(0x3FF));
  hx = i64x2.add(v128.and(hx, i64x2.splat(0x000FFFFF)), i64x2.splat(0x3FE6A09E));
  const m = v128.or(i64x2.shl(hx, 32), v128.and(x, i64x2.splat(0xFFFFFFFF)));
  const f = f64x2.sub(m, f64x2.splat(1.0));
  const hfsq = f64x2.mul(f64x2.mul(f64x2.splat(0.5), f), f);
  const s = f64x2.div(f, f64x2.add(f64x2.splat(2.0), f));
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const t1 = f64x2.mul(w, f64x2.add(f64x2.splat(Lg2), f64x2.mul(w, f64x2.add(f64x2.splat(Lg4), f64x2.mul(w, f64x2.splat(Lg6))))));
  const t2 = f64x2.mul(
    z,
    f64x2.add(
      f64x2.splat(Lg1),
      f64x2.mul(w, f64x2.add(f64x2.splat(Lg3), f64x2.mul(w, f64x2.add(f64x2.splat(Lg5), f64x2.mul(w, f64x2.splat(Lg7)))))),
    ),
  );
  const r = f64x2.add(t2, t1);
  // k is small (-1022..1024): its low 32 bits, lanes 0 and 2, converted exactly
  const dk = f64x2.convert_low_i32x4_s(i32x4.shuffle(k, k, 0, 2, 0, 2));
  return f64x2.add(
    f64x2.add(
      f64x2.sub(f64x2.add(f64x2.mul(s, f64x2.add(hfsq, r)), f64x2.mul(dk, f64x2.splat(ln2_lo))), hfsq),
      f,
    ),
    f64x2.mul(dk, f64x2.splat(ln2_hi)),
  );
}
