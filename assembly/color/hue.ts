// Hue rotation through HSV, with Python's colorsys formulas in float64 (R, G, B; alpha unchanged).

/** Python's float `x % 1.0`: floored, so the result lies in [0, 1) (fmod is exact, as Python's). */
// @ts-ignore: decorator
@inline
function modOne(x: f64): f64 {
  const m = x % 1.0;
  return m < 0.0 ? m + 1.0 : m == 0.0 ? 0.0 : m;
}

/** round_half_away(255 · x) for x in [0, 1]. */
// @ts-ignore: decorator
@inline
function toByte255(x: f64): u32 {
  const v = 255.0 * x;
  const r = Math.floor(v);
  return <u32>(v - r >= 0.5 ? r + 1.0 : r);
}

/**
 * Per pixel: r = R/255 (g, b likewise), colorsys.rgb_to_hsv, H' = (H + hue) mod 1 (floored),
 * colorsys.hsv_to_rgb, then round_half_away(255 · x). `hue` in [−0.5, 0.5]. `dst` may equal `src`.
 */
export function adjustHue(src: usize, pixels: i32, dst: usize, hue: f64): void {
  const end = src + (<usize>pixels << 2);
  let d = dst;
  for (let s = src; s < end; s += 4) {
    const p = load<u32>(s);
    const r = <f64>(p & 0xff) / 255.0;
    const g = <f64>((p >>> 8) & 0xff) / 255.0;
    const b = <f64>((p >>> 16) & 0xff) / 255.0;
    const maxc = max(max(r, g), b);
    const minc = min(min(r, g), b);
    if (minc == maxc) {
      store<u32>(d, p); // grey: s = 0, hsv_to_rgb gives v, v, v back
      d += 4;
      continue;
    }
    const range = maxc - minc;
    const sat = range / maxc;
    const rc = (maxc - r) / range;
    const gc = (maxc - g) / range;
    const bc = (maxc - b) / range;
    let h: f64;
    if (r == maxc) h = bc - gc;
    else if (g == maxc) h = 2.0 + rc - bc;
    else h = 4.0 + gc - rc;
    h = modOne(modOne(h / 6.0) + hue);
    const v = maxc;
    const i = <i32>(h * 6.0);
    const f = h * 6.0 - <f64>i;
    const pp = v * (1.0 - sat);
    const q = v * (1.0 - sat * f);
    const t = v * (1.0 - sat * (1.0 - f));
    let ro: f64, go: f64, bo: f64;
    switch (i % 6) {
      case 0: ro = v; go = t; bo = pp; break;
      case 1: ro = q; go = v; bo = pp; break;
      case 2: ro = pp; go = v; bo = t; break;
      case 3: ro = pp; go = q; bo = v; break;
      case 4: ro = t; go = pp; bo = v; break;
      default: ro = v; go = pp; bo = q; break;
    }
    store<u32>(d, (p & 0xff000000) | toByte255(ro) | (toByte255(go) << 8) | (toByte255(bo) << 16));
    d += 4;
  }
}
