// The SIMD builds' 4×4 transpose of i32 lanes, shared by both inverse DCTs (idct.ts, islow.ts).

/** Vector `i` (0..3) of the transpose of the four vectors `a`..`d`: lane i of each. */
@inline
export function transposed(a: v128, b: v128, c: v128, d: v128, i: i32): v128 {
  const ab = i < 2 ? v128.shuffle<i32>(a, b, 0, 4, 1, 5) : v128.shuffle<i32>(a, b, 2, 6, 3, 7);
  const cd = i < 2 ? v128.shuffle<i32>(c, d, 0, 4, 1, 5) : v128.shuffle<i32>(c, d, 2, 6, 3, 7);
  return (i & 1) == 0 ? v128.shuffle<i32>(ab, cd, 0, 1, 4, 5) : v128.shuffle<i32>(ab, cd, 2, 3, 6, 7);
}

/**
 * Transposes the i32 lanes of four vectors at `src` (`srcStep` bytes apart) into four vectors at `dst`
 * (`dstStep` bytes apart).
 */
@inline
export function transpose4(src: usize, srcStep: usize, dst: usize, dstStep: usize): void {
  const a = v128.load(src);
  const b = v128.load(src + srcStep);
  const c = v128.load(src + 2 * srcStep);
  const d = v128.load(src + 3 * srcStep);
  v128.store(dst, transposed(a, b, c, d, 0));
  v128.store(dst + dstStep, transposed(a, b, c, d, 1));
  v128.store(dst + 2 * dstStep, transposed(a, b, c, d, 2));
  v128.store(dst + 3 * dstStep, transposed(a, b, c, d, 3));
}
