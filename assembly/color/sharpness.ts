// Sharpness as Pillow's ImageEnhance.Sharpness defines it, without its float32 truncation: a blend
// S + factor · (v − S) of each R, G, B value with S, the value smoothed by Pillow's SMOOTH kernel.
import { clampByte } from './lut';

/**
 * S = round((sum of the 3×3 neighbourhood, centre weighted 5) / 13) on interior pixels (never a tie:
 * (sum + 6) / 13 in integers); the 1-pixel border keeps S = v, so it is unchanged, as is an image less
 * than 3 pixels wide or high. Alpha is copied. `dst` must not overlap `src`.
 */
export function adjustSharpness(src: usize, width: i32, height: i32, dst: usize, factor: f64): void {
  memory.copy(dst, src, <usize>width * <usize>height << 2);
  if (width < 3 || height < 3) return;
  const stride = <usize>width << 2;
  for (let y = 1; y < height - 1; y++) {
    const row = src + <usize>y * stride;
    const out = dst + <usize>y * stride;
    for (let x = 1; x < width - 1; x++) {
      const centre = row + (<usize>x << 2);
      for (let c: usize = 0; c < 3; c++) {
        const p = centre + c;
        const above = p - stride;
        const below = p + stride;
        const sum: u32 =
          <u32>load<u8>(above - 4) + <u32>load<u8>(above) + <u32>load<u8>(above + 4) +
          <u32>load<u8>(p - 4) + 5 * <u32>load<u8>(p) + <u32>load<u8>(p + 4) +
          <u32>load<u8>(below - 4) + <u32>load<u8>(below) + <u32>load<u8>(below + 4);
        const smooth = <f64>((sum + 6) / 13);
        const v = <f64>load<u8>(p);
        store<u8>(out + (<usize>x << 2) + c, clampByte(smooth + factor * (v - smooth)));
      }
    }
  }
}
