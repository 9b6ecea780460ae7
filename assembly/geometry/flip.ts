/**
 * Mirrors columns: dst(x, y) = src(width - 1 - x, y). Pixels move as whole u32 words, four at a time
 * with SIMD. `dst` may equal `src` (in place).
 */
export function flipHorizontal(src: usize, width: i32, height: i32, dst: usize): void {
  const rowBytes = <usize>width << 2;
  for (let y = 0; y < height; y++) {
    const offset = <usize>y * rowBytes;
    if (src == dst) reverseRowInPlace(src + offset, rowBytes);
    else reverseRow(src + offset, dst + offset, rowBytes);
  }
}

// @ts-ignore: decorator
@inline
function reverse(v: v128): v128 {
  return i32x4.shuffle(v, v, 3, 2, 1, 0);
}

/**
 * Reverses the pixel order of one row of `bytes` bytes from `s` into a separate row `d`: reads forward,
 * writes backward, 32 pixels per step (the fastest order measured: it keeps both streams sequential).
 */
// @ts-ignore: decorator
@inline
function reverseRow(s: usize, d: usize, bytes: usize): void {
  let from: usize = 0; // byte offset read next, from the left
  let to = bytes; // one past the byte offset written next, from the right
  if (ASC_FEATURE_SIMD) {
    for (; to >= 128; from += 128, to -= 128) {
      const p = s + from;
      const q = d + to - 128;
      const v0 = v128.load(p);
      const v1 = v128.load(p, 16);
      const v2 = v128.load(p, 32);
      const v3 = v128.load(p, 48);
      const v4 = v128.load(p, 64);
      const v5 = v128.load(p, 80);
      const v6 = v128.load(p, 96);
      const v7 = v128.load(p, 112);
      v128.store(q, reverse(v0), 112);
      v128.store(q, reverse(v1), 96);
      v128.store(q, reverse(v2), 80);
      v128.store(q, reverse(v3), 64);
      v128.store(q, reverse(v4), 48);
      v128.store(q, reverse(v5), 32);
      v128.store(q, reverse(v6), 16);
      v128.store(q, reverse(v7));
    }
    for (; to >= 16; from += 16, to -= 16) v128.store(d + to - 16, reverse(v128.load(s + from)));
  }
  for (; to >= 4; from += 4, to -= 4) store<u32>(d + to - 4, load<u32>(s + from));
}

/** Reverses the pixel order of one row in place, swapping blocks from both ends. */
// @ts-ignore: decorator
@inline
function reverseRowInPlace(s: usize, bytes: usize): void {
  let left: usize = 0; // next byte offset from the left end
  let right = bytes; // one past the next byte offset from the right end
  if (ASC_FEATURE_SIMD) {
    for (; right - left >= 64; left += 32, right -= 32) {
      const l0 = v128.load(s + left);
      const l1 = v128.load(s + left, 16);
      const r0 = v128.load(s + right - 32);
      const r1 = v128.load(s + right - 16);
      v128.store(s + left, reverse(r1));
      v128.store(s + left, reverse(r0), 16);
      v128.store(s + right - 32, reverse(l1));
      v128.store(s + right - 16, reverse(l0));
    }
  }
  for (; right - left >= 8; left += 4, right -= 4) {
    const l = load<u32>(s + left);
    store<u32>(s + left, load<u32>(s + right - 4));
    store<u32>(s + right - 4, l);
  }
}

/** Mirrors rows: dst(x, y) = src(x, height - 1 - y). `dst` must not overlap `src`. */
export function flipVertical(src: usize, width: i32, height: i32, dst: usize): void {
  const rowBytes = <usize>width << 2;
  for (let y = 0; y < height; y++) {
    memory.copy(dst + <usize>(height - 1 - y) * rowBytes, src + <usize>y * rowBytes, rowBytes);
  }
}
