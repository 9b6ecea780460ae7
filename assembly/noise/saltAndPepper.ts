import { nextOpenClosedUnit, nextU32, seedRandom } from '../random/xoshiro128';

const TWO_POW_32: f64 = 4294967296.0;

/**
 * Salt-and-pepper noise. Units are pixels (R, G and B change together) or, with `perChannel`,
 * the R, G, B values in pixel order (index 3·pixel + channel). Alpha is never touched.
 *
 * Each unit is hit independently with probability `amount`. Hits are found by geometric skipping:
 * from the previous hit, the gap to the next is floor(ln(u) / ln(1 - amount)) units with u from
 * nextOpenClosedUnit() (every unit is hit when amount = 1). Each hit then draws one nextU32():
 * salt (255) when it is below saltVsPepper · 2^32, else pepper (0).
 */
export function saltAndPepper(
  src: usize, pixels: i32, dst: usize, amount: f64, saltVsPepper: f64, seed: f64, perChannel: bool,
): void {
  if (src != dst) memory.copy(dst, src, <usize>pixels << 2);
  if (amount <= 0.0) return;
  seedRandom(seed);
  const units: f64 = perChannel ? <f64>pixels * 3.0 : <f64>pixels;
  const logMiss = Math.log1p(-amount);
  const saltThreshold = saltVsPepper * TWO_POW_32;
  let position: f64 = -1.0;
  while (true) {
    const gap = amount >= 1.0 ? 0.0 : Math.floor(Math.log(nextOpenClosedUnit()) / logMiss);
    position += gap + 1.0;
    if (position >= units) return;
    const value: u8 = <f64>nextU32() < saltThreshold ? 255 : 0;
    const unit = <usize>position;
    if (perChannel) {
      store<u8>(dst + (unit / 3) * 4 + unit % 3, value);
    } else {
      const p = dst + (unit << 2);
      store<u8>(p, value);
      store<u8>(p, value, 1);
      store<u8>(p, value, 2);
    }
  }
}
