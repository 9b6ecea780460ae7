import { log, logV } from '../math/log';
import { fillU32, seedRandom } from '../random/xoshiro128';

const TWO_POW_32: f64 = 4294967296.0;

/**
 * An integer-valued f64 below 2^31 as u32, exactly: adding 2^52 + 2^51 leaves it in the low bits.
 * (Engines check f64 → integer conversions for overflow, which costs more than the addition.)
 */
// @ts-ignore: decorator
@inline
function toU32(integral: f64): u32 {
  return <u32>reinterpret<u64>(integral + 6755399441055744.0);
}

/** Hits drawn per batch: the random numbers are generated, then the gaps computed, a batch at a time. */
const BATCH = 256;
/** Scratch layout: BATCH triples of u32 draws [a b c], BATCH f64 gaps, then a list of HITS packed hits. */
const GAPS: usize = BATCH * 12;
const HIT_LIST: usize = GAPS + BATCH * 8;
const HITS = 1024;

/** Bytes of scratch `saltAndPepper` and `saltAndPepperHits` need. */
export function saltAndPepperScratch(): usize {
  return HIT_LIST + HITS * 4;
}

// The state of one image's noise, kept between saltAndPepperHits calls (see saltAndPepperBegin).
let units: f64 = 0; // units in the whole image (0 when amount <= 0)
let unitsPerPixel: i32 = 1; // 3 per channel, else 1
let everyUnit = false; // amount = 1: one draw per unit, no gaps
let logMiss: f64 = 0; // ln(1 - amount)
let saltThreshold: f64 = 0; // saltVsPepper · 2^32
let position: f64 = -1; // the unit of the last hit listed
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
  if (src != dst) memory.copy(dst, src, <usize>pixels << 2);
  saltAndPepperBegin(pixels, amount, saltVsPepper, seed, perChannel);
  const list = scratch + HIT_LIST;
  let count = HITS;
  while (count == HITS) {
    count = saltAndPepperHits(list, HITS, scratch);
    for (let i = 0; i < count; i++) {
      const hit = load<u32>(list + (<usize>i << 2));
      const unit = <usize>(hit >>> 1);
      if (perChannel) {
        store<u8>(dst + (unit / 3) * 4 + unit % 3, hit & 1 ? 255 : 0);
      } else {
        const p = dst + (unit << 2);
        store<u32>(p, (load<u32>(p) & 0xff000000) | (hit & 1 ? 0x00ffffff : 0));
      }
    }
  }
}

/**
 * Starts the noise of one image of `pixels` pixels; then saltAndPepperHits lists its hits in order,
 * as many at a time as the caller likes (the binding applies them to pixels that never enter
 * WebAssembly memory).
 */
export function saltAndPepperBegin(pixels: i32, amount: f64, saltVsPepper: f64, seed: f64, perChannel: bool): void {
  seedRandom(seed);
  unitsPerPixel = perChannel ? 3 : 1;
  units = amount <= 0.0 ? 0.0 : <f64>pixels * <f64>unitsPerPixel;
  everyUnit = amount >= 1.0;
  logMiss = everyUnit ? 0.0 : Math.log1p(-amount);
  saltThreshold = saltVsPepper * TWO_POW_32;
  position = -1.0;
  cursor = BATCH;
}

/**
 * Writes the next hits (at most `capacity`) of the image started by saltAndPepperBegin to `list`, each
 * a u32 `unit << 1 | salt` (units fit 31 bits: 3 × the pixel limit < 2^30), and returns how many;
 * fewer than `capacity` means the image has no more. `scratch` holds saltAndPepperScratch() bytes,
 * kept from call to call.
 */
export function saltAndPepperHits(list: usize, capacity: i32, scratch: usize): i32 {
  const draws = scratch;
  const gaps = scratch + GAPS;
  let count = 0;
  if (everyUnit) {
    // one draw per unit, in order
    let unit = <i32>(position + 1.0);
    const end = <i32>units;
    while (count < capacity && unit < end) {
      let chunk = min(capacity - count, end - unit);
      if (chunk > BATCH * 3) chunk = BATCH * 3;
      fillU32(draws, chunk);
      for (let i = 0; i < chunk; i++) {
        const salt = <f64>load<u32>(draws + (<usize>i << 2)) < saltThreshold;
        store<u32>(list + (<usize>(count + i) << 2), (<u32>(unit + i) << 1) | <u32>salt);
      }
      count += chunk;
      unit += chunk;
    }
    position = <f64>unit - 1.0;
    return count;
  }
  if (units == 0.0) return 0; // amount <= 0: no hits (and ln(1 - 0) must not divide)
  // the state in locals for the loop, stored back at the end
  let at = position;
  let next = cursor;
  while (count < capacity && at < units) {
    if (next == BATCH) {
      fillU32(draws, BATCH * 3);
      computeGaps(draws, gaps, logMiss);
      next = 0;
    }
    // the rest of this batch, or as many hits as the list still takes
    const limit = min(BATCH, next + capacity - count);
    for (; next < limit; next++) {
      at += load<f64>(gaps + (<usize>next << 3)) + 1.0;
      if (at >= units) break; // the image is done: `at` stays past it, so later calls list nothing
      const salt = <f64>load<u32>(draws + <usize>next * 12, 8) < saltThreshold;
      store<u32>(list + (<usize>count << 2), (toU32(at) << 1) | <u32>salt);
      count++;
    }
  }
  position = at;
  cursor = next;
  return count;
}

/**
 * u = ((a >>> 5)·2^26 + (b >>> 6) + 1) / 2^53 for the two triples [a b c] at `p`, as f64x2. The division
 * by 2^53 is a multiplication by 2^-53: the same value, exactly (a power-of-two scaling of an integer).
 */
// @ts-ignore: decorator
@inline
function unitPair(p: usize): v128 {
  const first = v128.load(p); // [a0 b0 c0 a1]
  const second = v128.load64_zero(p, 16); // [b1 c1 0 0]
  const a = f64x2.convert_low_i32x4_u(i32x4.shr_u(i32x4.shuffle(first, first, 0, 3, 0, 3), 5));
  const b = f64x2.convert_low_i32x4_u(i32x4.shr_u(i32x4.shuffle(first, second, 1, 4, 1, 4), 6));
  const m = f64x2.add(f64x2.add(f64x2.mul(a, f64x2.splat(67108864.0)), b), f64x2.splat(1.0));
  return f64x2.mul(m, f64x2.splat(1.0 / 9007199254740992.0));
}

/** gap[i] = floor(log(u_i) / logMiss) for the BATCH triples at `draws`. */
function computeGaps(draws: usize, gaps: usize, logMiss: f64): void {
  if (ASC_FEATURE_SIMD) {
    const divisor = f64x2.splat(logMiss);
    // two pairs per step: independent chains the core can overlap (the divisions are slow)
    for (let i = 0; i < BATCH; i += 4) {
      const p = draws + <usize>i * 12;
      const g = gaps + (<usize>i << 3);
      v128.store(g, f64x2.floor(f64x2.div(logV(unitPair(p)), divisor)));
      v128.store(g, f64x2.floor(f64x2.div(logV(unitPair(p + 24)), divisor)), 16);
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

