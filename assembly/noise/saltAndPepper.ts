import { log, logV } from '../math/log';
import { fillU32, seedRandom } from '../random/xoshiro128';

const TWO_POW_32: f64 = 4294967296.0;

/** Hits drawn per batch: the random numbers are generated, then the gaps computed, a batch at a time. */
const BATCH = 256;
/** Batch layout in scratch: BATCH triples of u32 draws [a b c], then BATCH f64 gaps. */
const GAPS: usize = BATCH * 12;

/** Bytes of scratch `saltAndPepper` needs. */
export function saltAndPepperScratch(): usize {
  return GAPS + BATCH * 8;
}

// The state of one image's noise, kept between saltAndPepperRows calls (see saltAndPepperBegin).
let units: f64 = 0; // units in the whole image
let unitsPerPixel: i32 = 1; // 3 per channel, else 1
let everyUnit = false; // amount = 1: one draw per unit, no gaps
let logMiss: f64 = 0; // ln(1 - amount)
let saltThreshold: f64 = 0; // saltVsPepper · 2^32
let position: f64 = -1; // the last hit's unit, or the pending next hit's (see pending)
let pending = false; // whether `position` is a hit not applied yet (it lies in a later strip)
let cursor: i32 = BATCH; // the next unused triple of the current batch (BATCH: draw a new batch)

/**
 * Salt-and-pepper noise. Units are pixels (R, G and B change together) or, with `perChannel`,
 * the R, G, B values in pixel order (index 3·pixel + channel). Alpha is never touched.
 *
 * Each unit is hit independently with probability `amount`. Hits are found by geometric skipping:
 * from the previous hit, the gap to the next is floor(ln(u) / ln(1 - amount)) units with u from
 * nextOpenClosedUnit() (every unit is hit when amount = 1). Each hit then draws one nextU32():
 * salt (255) when it is below saltVsPepper · 2^32, else pepper (0).
 *
 * So for amount < 1 the stream is consumed as triples [a b c] per hit: u = ((a >>> 5)·2^26 + (b >>> 6)
 * + 1) / 2^53 and c decides salt or pepper; for amount = 1, one draw per unit. The kernel draws the
 * triples a batch at a time and computes the batch's gaps together (two at a time with SIMD), which
 * gives the same positions and values as drawing them one by one. `dst` may equal `src`.
 */
export function saltAndPepper(
  src: usize, pixels: i32, dst: usize, amount: f64, saltVsPepper: f64, seed: f64, perChannel: bool, scratch: usize,
): void {
  saltAndPepperBegin(pixels, amount, saltVsPepper, seed, perChannel);
  saltAndPepperRows(src, dst, 0, pixels, scratch);
}

/**
 * Starts the noise of one image of `pixels` pixels; then saltAndPepperRows applies it to consecutive
 * ranges of pixels (strips of rows), with the same bytes as one saltAndPepper call.
 */
export function saltAndPepperBegin(pixels: i32, amount: f64, saltVsPepper: f64, seed: f64, perChannel: bool): void {
  seedRandom(seed);
  unitsPerPixel = perChannel ? 3 : 1;
  units = amount <= 0.0 ? 0.0 : <f64>pixels * <f64>unitsPerPixel;
  everyUnit = amount >= 1.0;
  logMiss = everyUnit ? 0.0 : Math.log1p(-amount);
  saltThreshold = saltVsPepper * TWO_POW_32;
  position = -1.0;
  pending = false;
  cursor = BATCH;
}

/**
 * Copies pixels first .. first + count - 1 of the image from `src` to `dst` (both pointing at pixel
 * `first`; they may be equal) and applies the hits among them. Calls must cover the image in order.
 * `scratch` holds saltAndPepperScratch() bytes, kept from call to call.
 */
export function saltAndPepperRows(src: usize, dst: usize, first: i32, count: i32, scratch: usize): void {
  if (src != dst) memory.copy(dst, src, <usize>count << 2);
  const perChannel = unitsPerPixel == 3;
  const firstUnit = <f64>first * <f64>unitsPerPixel;
  let endUnit = <f64>(first + count) * <f64>unitsPerPixel;
  if (endUnit > units) endUnit = units;
  if (everyUnit) {
    hitEveryUnit(dst, <usize>firstUnit, <usize>endUnit, perChannel, scratch);
    return;
  }
  const draws = scratch;
  const gaps = scratch + GAPS;
  // the state in locals for the loop, stored back when the range is done
  let at = position;
  let next = cursor;
  let waiting = pending;
  while (true) {
    if (!waiting) {
      if (next == BATCH) {
        fillU32(draws, BATCH * 3);
        computeGaps(draws, gaps, logMiss);
        next = 0;
      }
      at += load<f64>(gaps + (<usize>next << 3)) + 1.0;
      waiting = true;
    }
    if (at >= endUnit) break; // in a later range, or past the image
    const salt = <f64>load<u32>(draws + <usize>next * 12, 8) < saltThreshold;
    hit(dst, <usize>(at - firstUnit), salt, perChannel);
    next++;
    waiting = false;
  }
  position = at;
  cursor = next;
  pending = waiting;
}

/**
 * Sets one unit: a whole pixel's R, G, B, or (perChannel) one channel value. `unit` counts from the
 * first unit of the pixel `dst` points at.
 */
// @ts-ignore: decorator
@inline
function hit(dst: usize, unit: usize, salt: bool, perChannel: bool): void {
  if (perChannel) {
    store<u8>(dst + (unit / 3) * 4 + unit % 3, salt ? 255 : 0);
  } else {
    const p = dst + (unit << 2);
    store<u32>(p, (load<u32>(p) & 0xff000000) | (salt ? 0x00ffffff : 0));
  }
}

/** gap[i] = floor(log(u_i) / logMiss) for the BATCH triples at `draws`. */
function computeGaps(draws: usize, gaps: usize, logMiss: f64): void {
  if (ASC_FEATURE_SIMD) {
    const divisor = f64x2.splat(logMiss);
    for (let i = 0; i < BATCH; i += 2) {
      const p = draws + <usize>i * 12;
      const first = v128.load(p); // [a0 b0 c0 a1]
      const second = v128.load64_zero(p, 16); // [b1 c1 0 0]
      const a = f64x2.convert_low_i32x4_u(i32x4.shr_u(i32x4.shuffle(first, first, 0, 3, 0, 3), 5));
      const b = f64x2.convert_low_i32x4_u(i32x4.shr_u(i32x4.shuffle(first, second, 1, 4, 1, 4), 6));
      const u = f64x2.div(
        f64x2.add(f64x2.add(f64x2.mul(a, f64x2.splat(67108864.0)), b), f64x2.splat(1.0)),
        f64x2.splat(9007199254740992.0),
      );
      v128.store(gaps + (<usize>i << 3), f64x2.floor(f64x2.div(logV(u), divisor)));
    }
  } else {
    for (let i = 0; i < BATCH; i++) {
      const p = draws + <usize>i * 12;
      const a = <f64>(load<u32>(p) >>> 5);
      const b = <f64>(load<u32>(p, 4) >>> 6);
      const u = (a * 67108864.0 + b + 1.0) / 9007199254740992.0;
      store<f64>(gaps + (<usize>i << 3), Math.floor(log(u) / logMiss));
    }
  }
}

/** amount = 1: every unit in [first, end) is hit and draws one number, salt when below saltThreshold. */
function hitEveryUnit(dst: usize, first: usize, end: usize, perChannel: bool, draws: usize): void {
  const batch: usize = BATCH * 3;
  for (let from = first; from < end; from += batch) {
    const count = end - from < batch ? end - from : batch;
    fillU32(draws, <i32>count);
    for (let i: usize = 0; i < count; i++) {
      hit(dst, from - first + i, <f64>load<u32>(draws + (i << 2)) < saltThreshold, perChannel);
    }
  }
}
