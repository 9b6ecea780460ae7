// Occlusion: a rectangle's R, G, B set to one colour or to seeded uniform noise; alpha unchanged.
import { nextU32, seedRandom } from '../random/xoshiro128';

/**
 * Copies `src` to `dst` (width × height; they may be equal), then sets R, G, B of the rectangle
 * (`x`, `y`, `w`, `h`, inside the image) to `color` (0x00BBGGRR), or with `noise` to random bytes: one
 * nextU32() of the stream seeded with `seed` per pixel, row by row, its low three bytes R, G, B.
 */
export function erase(
  src: usize, width: i32, height: i32, dst: usize, x: i32, y: i32, w: i32, h: i32, color: u32, noise: bool,
  seed: f64,
): void {
  if (src != dst) memory.copy(dst, src, <usize>width * <usize>height << 2);
  if (noise) seedRandom(seed);
  const rgb = color & 0x00ffffff;
  for (let row = y; row < y + h; row++) {
    let p = dst + ((<usize>row * <usize>width + <usize>x) << 2);
    const end = p + (<usize>w << 2);
    for (; p < end; p += 4) {
      const value = noise ? nextU32() & 0x00ffffff : rgb;
      store<u32>(p, (load<u32>(p) & 0xff000000) | value);
    }
  }
}
