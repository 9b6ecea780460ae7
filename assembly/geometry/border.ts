// Border modes: where a neighbour index outside 0..n-1 reads from (DESIGN-ops.md, "Coordinates and
// borders"). The codes are the binding's (src/ops/border.ts): constant, edge, reflect, symmetric, wrap.

export const BORDER_CONSTANT = 0;
export const BORDER_EDGE = 1;
export const BORDER_REFLECT = 2;
export const BORDER_SYMMETRIC = 3;
export const BORDER_WRAP = 4;

/** i mod n in 0..n-1 (floored modulo). */
// @ts-ignore: decorator
@inline
function floorMod(i: i32, n: i32): i32 {
  const m = i % n;
  return m < 0 ? m + n : m;
}

/**
 * The index `i` reads for a line of `n` pixels under `border`: `i` itself inside, −1 for a constant
 * border (the neighbour is the fill colour), else edge (clamp), reflect (period 2n−2, the edge not
 * repeated), symmetric (period 2n, the edge repeated) or wrap (period n) — for any distance.
 */
export function borderIndex(i: i32, n: i32, border: i32): i32 {
  if (<u32>i < <u32>n) return i;
  if (border == BORDER_CONSTANT) return -1;
  if (border == BORDER_EDGE) return i < 0 ? 0 : n - 1;
  if (border == BORDER_WRAP || n == 1) return floorMod(i, n);
  if (border == BORDER_REFLECT) {
    const period = 2 * n - 2;
    const m = floorMod(i, period);
    return m < n ? m : period - m;
  }
  const period = 2 * n; // symmetric
  const m = floorMod(i, period);
  return m < n ? m : period - 1 - m;
}

/** The pixel at column `x`, row `y` of `src` (w×h) under `border`, or `fill` where the border says so. */
// @ts-ignore: decorator
@inline
export function pixelAt(src: usize, w: i32, h: i32, x: i32, y: i32, border: i32, fill: u32): u32 {
  const bx = borderIndex(x, w, border);
  const by = borderIndex(y, h, border);
  return bx < 0 || by < 0 ? fill : load<u32>(src + ((<usize>by * <usize>w + <usize>bx) << 2));
}

/** Writes the packed colour `fill` to pixels [from, to) of a row (the constant border's margins). */
export function fillRun(row: usize, from: i32, to: i32, fill: u32): void {
  let p = row + (<usize>from << 2);
  const end = row + (<usize>to << 2);
  if (ASC_FEATURE_SIMD) {
    const v = i32x4.splat(fill);
    for (; p + 16 <= end; p += 16) v128.store(p, v);
  }
  for (; p < end; p += 4) store<u32>(p, fill);
}
