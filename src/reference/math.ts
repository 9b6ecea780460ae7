// Plain-TypeScript twins of the elementary functions the kernels call, so the references compute the
// kernels' exact bits. JavaScript's Math.log, Math.log1p, Math.sin and Math.cos are not specified to
// the last bit and do differ from the kernels' (AssemblyScript's NativeMath at shrinkLevel >= 1, from
// musl/fdlibm): on random inputs Math.log differs in ~2 % of cases, Math.sin and Math.cos in ~1 %.
//
// `log` is assembly/math/log.ts; `log1p`, `sin`, `cos` follow AssemblyScript's std/assembly/math.ts
// with ASC_SHRINK_LEVEL >= 1 (asconfig.json), operation for operation. `sin` and `cos` cover
// |x| < 2^20·π/2, which contains every angle rotate uses (0 ≤ t < 2π).

const view = new DataView(new ArrayBuffer(8));

function high(x: number): number {
  view.setFloat64(0, x);
  return view.getUint32(0);
}

function low(x: number): number {
  view.setFloat64(0, x);
  return view.getUint32(4);
}

function fromWords(hi: number, lo: number): number {
  view.setUint32(0, hi >>> 0);
  view.setUint32(4, lo >>> 0);
  return view.getFloat64(0);
}

function fromBits(bits: bigint): number {
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

const ln2_hi = fromBits(0x3fe62e42fee00000n);
const ln2_lo = fromBits(0x3dea39ef35793c76n);
const Lg1 = fromBits(0x3fe5555555555593n);
const Lg2 = fromBits(0x3fd999999997fa04n);
const Lg3 = fromBits(0x3fd2492494229359n);
const Lg4 = fromBits(0x3fcc71c51d8e78afn);
const Lg5 = fromBits(0x3fc7466496cb03den);
const Lg6 = fromBits(0x3fc39a09d078c69fn);
const Lg7 = fromBits(0x3fc2f112df3e5244n);

/** ln(x), bit-identical to assembly/math/log.ts. */
export function log(x: number): number {
  let hx = high(x);
  let k = 0;
  const sign = hx >>> 31;
  if (sign || hx < 0x00100000) {
    if ((hx & 0x7fffffff) === 0 && low(x) === 0) return -1 / (x * x);
    if (sign) return (x - x) / 0;
    k -= 54;
    x *= 18014398509481984; // 2^54
    hx = high(x);
  } else if (hx >= 0x7ff00000) {
    return x;
  } else if (hx === 0x3ff00000 && low(x) === 0) {
    return 0;
  }
  hx += 0x3ff00000 - 0x3fe6a09e;
  k += (hx >>> 20) - 0x3ff;
  hx = (hx & 0x000fffff) + 0x3fe6a09e;
  x = fromWords(hx, low(x));
  const f = x - 1.0;
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  const r = t2 + t1;
  const dk = k;
  return s * (hfsq + r) + dk * ln2_lo - hfsq + f + dk * ln2_hi;
}

/** ln(1 + x), bit-identical to AssemblyScript's Math.log1p (musl log1p.c). */
export function log1p(x: number): number {
  let hx = high(x);
  let k = 1;
  let c = 0.0;
  let f = 0.0;
  if (hx < 0x3fda827a || hx >>> 31) {
    if (hx >= 0xbff00000) {
      if (x === -1) return x / 0.0;
      return (x - x) / 0.0;
    }
    if ((hx << 1) >>> 0 < 0x3ca00000 << 1) return x;
    if (hx <= 0xbfd2bec4) {
      k = 0;
      c = 0;
      f = x;
    }
  } else if (hx >= 0x7ff00000) {
    return x;
  }
  if (k) {
    const uf = 1 + x;
    let hu = high(uf);
    hu += 0x3ff00000 - 0x3fe6a09e;
    k = (hu >>> 20) - 0x3ff;
    if (k < 54) {
      c = k >= 2 ? 1 - (uf - x) : x - (uf - 1);
      c /= uf;
    } else {
      c = 0;
    }
    hu = (hu & 0x000fffff) + 0x3fe6a09e;
    f = fromWords(hu, low(uf)) - 1;
  }
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  const r = t2 + t1;
  const dk = k;
  return s * (hfsq + r) + (dk * ln2_lo + c) - hfsq + f + dk * ln2_hi;
}

const S1 = fromBits(0xbfc5555555555549n);
const S2 = fromBits(0x3f8111111110f8a6n);
const S3 = fromBits(0xbf2a01a019c161d5n);
const S4 = fromBits(0x3ec71de357b1fe7dn);
const S5 = fromBits(0xbe5ae5e68a2b9cebn);
const S6 = fromBits(0x3de5d93a5acfd57cn);

function sinKernel(x: number, y: number, iy: number): number {
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  if (!iy) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

const C1 = fromBits(0x3fa555555555554cn);
const C2 = fromBits(0xbf56c16c16c15177n);
const C3 = fromBits(0x3efa01a019cb1590n);
const C4 = fromBits(0xbe927e4f809c52adn);
const C5 = fromBits(0x3e21ee9ebdb4b1c4n);
const C6 = fromBits(0xbda8fae9be8838d4n);

function cosKernel(x: number, y: number): number {
  const z = x * x;
  let w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  w = 1.0 - hz;
  return w + (((1.0 - w) - hz) + (z * r - x * y));
}

const pio2_1 = fromBits(0x3ff921fb54400000n);
const pio2_1t = fromBits(0x3dd0b4611a626331n);
const pio2_2 = fromBits(0x3dd0b4611a600000n);
const pio2_2t = fromBits(0x3ba3198a2e037073n);
const pio2_3 = fromBits(0x3ba3198a2e000000n);
const pio2_3t = fromBits(0x397b839a252049c1n);
const invpio2 = fromBits(0x3fe45f306dc9c883n);

/** WebAssembly's f64.nearest: round to nearest, ties to even. */
function nearest(v: number): number {
  if (!(Math.abs(v) < 4503599627370496)) return v;
  return v >= 0 ? v + 4503599627370496 - 4503599627370496 : v - 4503599627370496 + 4503599627370496;
}

/** x − n·π/2 as y0 + y1 (Cody-Waite), returning n; AssemblyScript's rempio2 at shrinkLevel >= 1. */
function reducePiOver2(x: number): [number, number, number] {
  const ix = high(x) & 0x7fffffff;
  if (ix >= 0x413921fb) throw new RangeError(`reference sin/cos take |x| < 2^20·π/2, not ${x}`);
  const q = nearest(x * invpio2);
  let r = x - q * pio2_1;
  let w = q * pio2_1t;
  const j = ix >>> 20;
  let y0 = r - w;
  let i = j - ((high(y0) >>> 20) & 0x7ff);
  if (i > 16) {
    let t = r;
    w = q * pio2_2;
    r = t - w;
    w = q * pio2_2t - ((t - r) - w);
    y0 = r - w;
    i = j - ((high(y0) >>> 20) & 0x7ff);
    if (i > 49) {
      t = r;
      w = q * pio2_3;
      r = t - w;
      w = q * pio2_3t - ((t - r) - w);
      y0 = r - w;
    }
  }
  const y1 = (r - y0) - w;
  return [q | 0, y0, y1];
}

/** sin(x), bit-identical to AssemblyScript's Math.sin for |x| < 2^20·π/2. */
export function sin(x: number): number {
  const ux = high(x) & 0x7fffffff;
  if (ux <= 0x3fe921fb) {
    if (ux < 0x3e500000) return x;
    return sinKernel(x, 0.0, 0);
  }
  if (ux >= 0x7ff00000) return x - x;
  const [n, y0, y1] = reducePiOver2(x);
  const v = n & 1 ? cosKernel(y0, y1) : sinKernel(y0, y1, 1);
  return n & 2 ? -v : v;
}

/** cos(x), bit-identical to AssemblyScript's Math.cos for |x| < 2^20·π/2. */
export function cos(x: number): number {
  const ux = high(x) & 0x7fffffff;
  if (ux <= 0x3fe921fb) {
    if (ux < 0x3e46a09e) return 1.0;
    return cosKernel(x, 0);
  }
  if (ux >= 0x7ff00000) return x - x;
  const [n, y0, y1] = reducePiOver2(x);
  const v = n & 1 ? sinKernel(y0, y1, 1) : cosKernel(y0, y1);
  return (n + 1) & 2 ? -v : v;
}

const T = [
  0x3fd5555555555563n, 0x3fc111111110fe7an, 0x3faba1ba1bb341fen, 0x3f9664f48406d637n, 0x3f8226e3e96e8493n,
  0x3f6d6d22c9560328n, 0x3f57dbc8fee08315n, 0x3f4344d8f2f26501n, 0x3f3026f71a8d1068n, 0x3f147e88a03792a6n,
  0x3f12b80f32f0a7e9n, 0xbef375cbdb605373n, 0x3efb2a7074bf7ad4n,
].map(fromBits) as [number, number, number, number, number, number, number, number, number, number, number, number, number];
const pio4 = fromBits(0x3fe921fb54442d18n);
const pio4lo = fromBits(0x3c81a62633145c07n);

/** `x` with the low 32 bits of its representation cleared. */
function highOnly(x: number): number {
  return fromWords(high(x), 0);
}

/** tan on [−π/4, π/4] of x + y (k_tan.c); `iy` 1 for tan, −1 for −1/tan. */
function tanKernel(x: number, y: number, iy: number): number {
  const [T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12] = T;
  const hx = high(x) | 0;
  const big = (hx & 0x7fffffff) >= 0x3fe59428;
  if (big) {
    if (hx < 0) {
      x = -x;
      y = -y;
    }
    x = pio4 - x + (pio4lo - y);
    y = 0.0;
  }
  const z = x * x;
  let w = z * z;
  let r = T1 + w * (T3 + w * (T5 + w * (T7 + w * (T9 + w * T11))));
  let v = z * (T2 + w * (T4 + w * (T6 + w * (T8 + w * (T10 + w * T12)))));
  let s = z * x;
  r = y + z * (s * (r + v) + y);
  r += T0 * s;
  w = x + r;
  if (big) {
    v = iy;
    return (1 - ((hx >> 30) & 2)) * (v - 2.0 * (x - ((w * w) / (w + v) - r)));
  }
  if (iy === 1) return w;
  const zh = highOnly(w);
  v = r - (zh - x);
  const a = -1.0 / w;
  const t = highOnly(a);
  s = 1.0 + t * zh;
  return t + a * (s + t * v);
}

/** tan(x), bit-identical to AssemblyScript's Math.tan for |x| < 2^20·π/2. */
export function tan(x: number): number {
  const ux = high(x) & 0x7fffffff;
  if (ux <= 0x3fe921fb) {
    if (ux < 0x3e400000) return x;
    return tanKernel(x, 0.0, 1);
  }
  if (ux >= 0x7ff00000) return x - x;
  const [n, y0, y1] = reducePiOver2(x);
  return tanKernel(y0, y1, 1 - ((n & 1) << 1));
}
