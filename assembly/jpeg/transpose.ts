// The SIMD builds' 4×4 transpose of i32 lanes, shared by both inverse DCTs (idct.ts, islow.ts).

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
  const t0 = v128.shuffle<i32>(a, b, 0, 4, 1, 5);
  const t1 = v128.shuffle<i32>(a, b, 2, 6, 3, 7);
  const t2 = v128.shuffle<i32>(c, d, 0, 4, 1, 5);
  const t3 = v128.shuffle<i32>(c, d, 2, 6, 3, 7);
  v128.store(dst, v128.shuffle<i32>(t0, t2, 0, 1, 4, 5));
  v128.store(dst + dstStep, v128.shuffle<i32>(t0, t2, 2, 3, 6, 7));
  v128.store(dst + 2 * dstStep, v128.shuffle<i32>(t1, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * dstStep, v128.shuffle<i32>(t1, t3, 2, 3, 6, 7));
}
