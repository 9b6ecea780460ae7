// Entropy decoding of one scan, a faithful port of jpeg-js's decodeScan (lib/decoder.js): the same MCU and
// block order, restart handling, end-of-scan search and progressive state machines, so every stream decodes
// to the same coefficients and ends at the same offset. Only the bit reader differs: a 64-bit buffer
// and table-driven Huffman decoding instead of one bit at a time through a tree.
//
// jpeg-js reads bytes past the end of the data as zeros, and a 0xFF followed by anything but 0x00 (a
// marker) as an error, but only once a bit of it is needed: the buffer here is filled with zero bytes
// after a marker ("phantom" bytes) and a block that consumed one of them is an error.
import {
  C_AC_TABLE, C_BLOCKS_PER_COLUMN, C_BLOCKS_PER_LINE, C_COEFFICIENTS, C_DC_TABLE, C_H, C_PADDED_PER_COLUMN,
  C_PADDED_PER_LINE, C_PLANE, C_QUANT, C_V, component, F_MCUS_PER_COLUMN, F_MCUS_PER_LINE, F_PROGRESSIVE,
  FALLBACK, F_ISLOW, FAST_BITS, FAST_MASK, H_AC_FAST, H_DELTA, H_FAST, H_MAX_CODE, H_VALUES, INVALID_AC_REFINEMENT, INVALID_HUFFMAN,
  MARKER_NOT_FOUND, MISSING_TABLE, UNEXPECTED_MARKER,
} from './layout';
import { transformBlockOf } from './idct';
import { transformOrder, ZIGZAG_ORDER } from './zigzag';

/** One block of coefficients for sequential frames, decoded, transformed, then cleared again. */
const BLOCK: usize = memory.data(256, 16);
/** The DC predictions of the scan's components (jpeg-js's component.pred), exact as JS numbers are. */
const PREDICTIONS: usize = memory.data(32, 8);
/** Largest |prediction| a JS number holds exactly before it could lose integer precision. */
const EXACT: i64 = 1 << 52;

/** Where the k-th zigzag coefficient goes in a block (zigzag.ts): the transform's order, or zigzag order (progressive). */
let zigzag: usize = ZIGZAG_ORDER;

// the bit reader
let data: usize = 0;
let length: i32 = 0;
/** The next byte to read (may run past the end: jpeg-js reads zeros there, one offset each). */
let position: i32 = 0;
let buffer: u64 = 0;
/** Unconsumed bits: the low `bits` bits of `buffer`. */
let bits: i32 = 0;
/** Zero bytes pushed after a marker; they are the lowest `phantoms` bytes of the buffer. */
let phantoms: i32 = 0;
let atMarker = false;
/** The first error met (0 for none), checked after each block. */
let failure: i32 = 0;

// progressive state that jpeg-js keeps per scan
let eobrun: i32 = 0;
let refineState: i32 = 0;
let refineValue: i32 = 0;
let successive: i32 = 0;
let spectralStart: i32 = 0;
let spectralEnd: i32 = 0;

function restartBits(at: i32): void {
  position = at;
  buffer = 0;
  bits = 0;
  phantoms = 0;
  atMarker = false;
}

/** The eight bytes at `at` as a big-endian u64 (the SIMD build with one shuffle: bswap<u64> is a call). */
@inline
function bigEndian64(at: usize): u64 {
  if (ASC_FEATURE_SIMD) {
    const v = v128.load64_zero(at);
    return i64x2.extract_lane(i8x16.shuffle(v, v, 7, 6, 5, 4, 3, 2, 1, 0, 8, 9, 10, 11, 12, 13, 14, 15), 0);
  }
  return bswap<u64>(load<u64>(at));
}

/** Fills the buffer to more than 56 bits: eight bytes at once while none of them is 0xFF. */
function fill(): void {
  if (!atMarker && position + 8 <= length) {
    const word = bigEndian64(data + <usize>position);
    const inverse = ~word;
    if (((inverse - 0x0101010101010101) & ~inverse & 0x8080808080808080) == 0) {
      const n = (64 - bits) >> 3;
      buffer = n == 8 ? word : (buffer << <u64>(n << 3)) | (word >> <u64>(64 - (n << 3)));
      bits += n << 3;
      position += n;
      return;
    }
  }
  while (bits <= 56) {
    let byte: u32 = 0;
    if (atMarker) {
      phantoms++;
    } else if (position < length) {
      byte = load<u8>(data + <usize>position);
      if (byte == 0xff) {
        const next: u32 = position + 1 < length ? load<u8>(data + <usize>position + 1) : 0;
        if (next != 0) {
          atMarker = true;
          phantoms++;
          byte = 0;
        } else {
          position += 2;
        }
      } else {
        position++;
      }
    } else {
      position++;
    }
    buffer = (buffer << 8) | <u64>byte;
    bits += 8;
  }
}

@inline
function need(n: i32): void {
  if (bits < n) fill();
}

/** The next `n` (0..16) bits as an unsigned number; `need(n)` first. */
@inline
function take(n: i32): i32 {
  bits -= n;
  return <i32>(buffer >> <u64>bits) & ((1 << n) - 1);
}

@inline
function readBit(): i32 {
  need(1);
  return take(1);
}

/** jpeg-js's receive(n) for n ≤ 16. */
@inline
function receive(n: i32): i32 {
  need(n);
  return take(n);
}

/** jpeg-js's receiveAndExtend(n) for 1 ≤ n ≤ 16. */
@inline
function extend(n: i32): i32 {
  need(n);
  return extended(take(n), n);
}

/** One Huffman symbol; the buffer must hold at least 16 bits. */
@inline
function symbol(table: usize): i32 {
  if (table == 0) {
    failure = failure || MISSING_TABLE;
    return 0;
  }
  const entry = lookup(table, buffer, bits);
  bits -= entry >> 8;
  return entry & 255;
}

/** Adds `diff` to the prediction of scan component `i` and returns it as jpeg-js's Int32Array stores it. */
@inline
function predict(i: i32, diff: i32): i32 {
  const at = PREDICTIONS + (<usize>i << 3);
  const pred = load<i64>(at) + <i64>diff;
  store<i64>(at, pred);
  if (pred > EXACT || pred < -EXACT) failure = failure || FALLBACK;
  return <i32>pred;
}

/** Bits a block decoder keeps buffered before each symbol: a code of ≤ 16 bits and ≤ 16 extra bits. */
const SYMBOL_BITS: i32 = 32;

/**
 * Decodes a sequential block into `zz`; whether it has a non-zero AC coefficient. The bit buffer lives in
 * locals here (the globals are a memory access each), written back only to refill and at the end.
 */
function decodeBaseline(c: usize, i: i32, zz: usize): bool {
  const dc = <usize>load<i32>(c, C_DC_TABLE);
  const ac = <usize>load<i32>(c, C_AC_TABLE);
  // jpeg-js fails on a missing table at this block's DC or first AC symbol: either way, this block
  if (dc == 0 || ac == 0) {
    failure = failure || MISSING_TABLE;
    return false;
  }
  let b = buffer;
  let n = bits;
  if (n < SYMBOL_BITS) {
    b = refilled(b, n);
    n = bits;
  }
  const entry = lookup(dc, b, n);
  n -= entry >> 8;
  const t = entry & 255;
  let diff = 0;
  if (t > 16) failure = failure || FALLBACK;
  else if (t != 0) {
    n -= t;
    diff = extended(<i32>(b >> <u64>n) & ((1 << t) - 1), t);
  }
  store<i32>(zz, predict(i, diff));
  buffer = b;
  bits = n;
  return decodeAc(ac, zz, 1, 63, 1, false);
}

/**
 * The AC coefficients `from`..`to` of a block into `zz`, times `scale` (a sequential block; a progressive first
 * scan's band), the bit buffer in locals. `runs` (progressive): an end-of-band code starts a run of blocks
 * (eobrun). Returns whether a coefficient was stored (they are never zero).
 */
@inline
function decodeAc(ac: usize, zz: usize, from: i32, to: i32, scale: i32, runs: bool): bool {
  let k = from;
  let any = false;
  let b = buffer;
  let n = bits;
  while (k <= to) {
    if (n < SYMBOL_BITS) {
      b = refilled(b, n);
      n = bits;
    }
    const whole = wholeCoefficient(ac, b, n);
    if (whole != 0) {
      n -= whole & 15;
      if ((whole & 512) != 0) break; // the end of block (a run of no more blocks)
      k += (whole >> 4) & 15;
      if (k < 64) {
        store<i32>(zz + (<usize>load<u8>(zigzag + <usize>k) << 2), (whole >> 16) * scale);
        any = true;
      }
      k++;
      continue;
    }
    const entry = lookup(ac, b, n);
    n -= entry >> 8;
    const s = entry & 15;
    const r = (entry >> 4) & 15;
    if (s == 0) {
      if (r < 15) {
        if (runs) {
          n -= r;
          eobrun = (<i32>(b >> <u64>n) & ((1 << r) - 1)) + (1 << r) - 1;
        }
        break;
      }
      k += 16;
      continue;
    }
    k += r;
    n -= s;
    const value = extended(<i32>(b >> <u64>n) & ((1 << s) - 1), s) * scale;
    if (k < 64) {
      store<i32>(zz + (<usize>load<u8>(zigzag + <usize>k) << 2), value);
      any = true;
    }
    k++;
  }
  buffer = b;
  bits = n;
  return any;
}

/**
 * The bit buffer `b` of `n` bits, refilled (its new count in `bits`): fill()'s common case inline, whole
 * bytes up to 64 bits from eight without 0xFF, else fill() itself.
 */
@inline
function refilled(b: u64, n: i32): u64 {
  const at = position;
  let word: u64 = 0;
  if (!atMarker && at + 8 <= length) word = bigEndian64(data + <usize>at);
  if (word != 0 && ((~word - 0x0101010101010101) & word & 0x8080808080808080) == 0) {
    const bytes = (64 - n) >> 3;
    position = at + bytes;
    bits = n + (bytes << 3);
    return bytes == 8 ? word : (b << <u64>(bytes << 3)) | (word >> <u64>(64 - (bytes << 3)));
  }
  buffer = b;
  bits = n;
  fill();
  return buffer;
}

/** The entry of the AC table `ac`'s whole-coefficient lookup (layout.ts H_AC_FAST) for the bits atop `b`. */
@inline
function wholeCoefficient(ac: usize, b: u64, n: i32): i32 {
  return load<i32>(ac + H_AC_FAST + (<usize>(<i32>(b >> <u64>(n - FAST_BITS)) & FAST_MASK) << 2));
}

/** jpeg-js's extension of the `n` raw bits `v` to a signed value. */
@inline
function extended(v: i32, n: i32): i32 {
  return v >= 1 << (n - 1) ? v : v + (-1 << n) + 1;
}

/**
 * The symbol of `table` at the top of the `n` (≥ 16) bits buffered in `b`: (code length << 8) | value, or 0
 * (with `failure` set) for no code.
 */
@inline
function lookup(table: usize, b: u64, n: i32): i32 {
  const entry: i32 = load<u16>(table + H_FAST + (<usize>(<i32>(b >> <u64>(n - FAST_BITS)) & FAST_MASK) << 1));
  return entry != 0 ? entry : slowLookup(table, <i32>(b >> <u64>(n - 16)) & 0xffff);
}

/** {@link lookup} for codes longer than FAST_BITS, from the next 16 bits `code`. */
function slowLookup(table: usize, code: i32): i32 {
  for (let n = FAST_BITS + 1; n <= 16; n++) {
    const prefix = code >> (16 - n);
    if (prefix <= load<i32>(table + H_MAX_CODE + (<usize>n << 2))) {
      return (n << 8) | <i32>load<u8>(table + H_VALUES + <usize>(prefix + load<i32>(table + H_DELTA + (<usize>n << 2))));
    }
  }
  failure = failure || INVALID_HUFFMAN;
  return 0;
}

function decodeDCFirst(c: usize, i: i32, zz: usize): void {
  need(32);
  const t = symbol(load<i32>(c, C_DC_TABLE));
  let diff = 0;
  if (t > 16) failure = failure || FALLBACK;
  else if (t != 0) diff = extend(t) << successive;
  store<i32>(zz, predict(i, diff));
}

function decodeDCSuccessive(zz: usize): void {
  store<i32>(zz, load<i32>(zz) | (readBit() << successive));
}

function decodeACFirst(c: usize, zz: usize): void {
  if (eobrun > 0) {
    eobrun--;
    return;
  }
  const ac = <usize>load<i32>(c, C_AC_TABLE);
  if (ac == 0) {
    // jpeg-js fails at this block's first symbol, if the band has one
    if (spectralStart <= spectralEnd) failure = failure || MISSING_TABLE;
    return;
  }
  decodeAc(ac, zz, spectralStart, spectralEnd, 1 << successive, true);
}

/** Bit k set where coefficient k of the block `zz` (zigzag order) is not zero. */
function nonZeroMask(zz: usize): u64 {
  let mask: u64 = 0;
  if (ASC_FEATURE_SIMD) {
    const zero = i32x4.splat(0);
    for (let i: usize = 0; i < 16; i++) mask |= <u64>i32x4.bitmask(i32x4.ne(v128.load(zz + (i << 4)), zero)) << <u64>(i << 2);
    return mask;
  }
  for (let k: usize = 0; k < 64; k++) if (load<i32>(zz + (k << 2)) != 0) mask |= <u64>1 << <u64>k;
  return mask;
}

/**
 * The end of band in a refinement scan (jpeg-js's state 4) from coefficient `from` on: every non-zero
 * coefficient up to the band's end refined by one bit, found from a mask rather than one by one.
 */
function refineBand(zz: usize, from: i32): void {
  const e = spectralEnd;
  if (from > e) return;
  let mask = nonZeroMask(zz) & (<u64>-1 << <u64>from);
  if (e < 63) mask &= (<u64>1 << <u64>(e + 1)) - 1;
  const step = 1 << successive;
  while (mask != 0) {
    const z = zz + (<usize>ctz(mask) << 2);
    mask &= mask - 1;
    const coefficient = load<i32>(z);
    if (readBit() != 0) store<i32>(z, coefficient + (coefficient < 0 ? -step : step));
  }
}

/**
 * jpeg-js's refinement of an AC band: its state machine (refineState 0: read a symbol, 1/2: skip r zero
 * coefficients, 3: set the next zero one, 4: end of band, {@link refineBand}), each non-zero coefficient
 * met refined by one bit. Coefficients in zigzag order (progressive frames).
 */
function decodeACSuccessive(c: usize, zz: usize): void {
  if (refineState == 4) {
    refineBand(zz, spectralStart);
    endOfBand();
    return;
  }
  const ac = <usize>load<i32>(c, C_AC_TABLE);
  let k = spectralStart;
  const e = spectralEnd;
  let r = 0;
  while (k <= e) {
    const z = zz + (<usize>load<u8>(zigzag + <usize>k) << 2);
    const coefficient = load<i32>(z);
    const direction = coefficient < 0 ? -1 : 1;
    if (refineState == 0) {
      need(32);
      const rs = symbol(ac);
      const s = rs & 15;
      r = rs >> 4;
      if (s == 0) {
        if (r < 15) {
          eobrun = receive(r) + (1 << r);
          refineState = 4;
          refineBand(zz, k);
          break;
        } else {
          r = 16;
          refineState = 1;
        }
      } else {
        if (s != 1) failure = failure || INVALID_AC_REFINEMENT;
        refineValue = extend(s);
        refineState = r != 0 ? 2 : 3;
      }
      continue;
    }
    if (refineState == 1 || refineState == 2) {
      if (coefficient != 0) store<i32>(z, coefficient + (readBit() << successive) * direction);
      else {
        r--;
        if (r == 0) refineState = refineState == 2 ? 3 : 0;
      }
    } else if (coefficient != 0) {
      store<i32>(z, coefficient + (readBit() << successive) * direction); // state 3
    } else {
      store<i32>(z, refineValue << successive);
      refineState = 0;
    }
    k++;
  }
  if (refineState == 4) endOfBand();
}

/** The end of a block in jpeg-js's state 4: one block less of the run. */
@inline
function endOfBand(): void {
  eobrun--;
  if (eobrun == 0) refineState = 0;
}

/** Which of jpeg-js's block decoders a scan uses. */
const BASELINE = 0;
const DC_FIRST = 1;
const DC_SUCCESSIVE = 2;
const AC_FIRST = 3;
const AC_SUCCESSIVE = 4;

/**
 * Decodes block (`row`, `col`) of component `c` (scan component `i`) with decoder `kind`: in place in the
 * coefficients for a progressive frame, or into BLOCK and straight on to the samples for a sequential one.
 */
@inline
function decodeBlock(frame: usize, c: usize, i: i32, kind: i32, row: i32, col: i32): void {
  const progressive = load<i32>(frame, F_PROGRESSIVE) != 0;
  const zz = progressive
    ? <usize>load<i32>(c, C_COEFFICIENTS) + ((<usize>row * <usize>load<i32>(c, C_PADDED_PER_LINE) + <usize>col) << 8)
    : BLOCK;
  let ac = true;
  if (kind == BASELINE) ac = decodeBaseline(c, i, zz);
  else if (kind == DC_FIRST) decodeDCFirst(c, i, zz);
  else if (kind == DC_SUCCESSIVE) decodeDCSuccessive(zz);
  else if (kind == AC_FIRST) decodeACFirst(c, zz);
  else decodeACSuccessive(c, zz);
  if (bits < phantoms << 3) failure = failure || UNEXPECTED_MARKER;
  if (!progressive) {
    const perLine = load<i32>(c, C_BLOCKS_PER_LINE);
    if (row < load<i32>(c, C_BLOCKS_PER_COLUMN) && col < perLine) {
      const stride = perLine << 3;
      const out = <usize>load<i32>(c, C_PLANE) + <usize>((row << 3) * stride + (col << 3));
      transformBlockOf(frame, BLOCK, <usize>load<i32>(c, C_QUANT), out, stride, !ac);
    } else {
      memory.fill(BLOCK, 0, 256);
    }
  }
}

/** The byte at `at` as jpeg-js reads it: -1 (its `undefined`) outside the data. */
@inline
function byteAt(at: i32): i32 {
  return at >= 0 && at < length ? <i32>load<u8>(data + <usize>at) : -1;
}

/** jpeg-js's offset after the bits consumed so far: the unconsumed whole bytes of the buffer given back. */
function consumedOffset(): i32 {
  let at = position;
  for (let j = phantoms; j < bits >> 3; j++) at -= <i32>((buffer >> <u64>(j << 3)) & 0xff) == 0xff ? 2 : 1;
  return at;
}

/**
 * Decodes one scan of a frame (see layout.ts): `count` components whose frame indices are the bytes of
 * `components` (lowest first), restart interval `resetInterval` (0: none), spectral selection `ss`..`se`,
 * successive approximation `ah`/`al`. The data is `len` bytes at `bytes`; the scan's entropy-coded data starts
 * at `offset`. Returns the offset jpeg-js continues its marker walk at, or an error code (layout.ts).
 */
export function decodeScan(
  frame: usize, bytes: usize, len: i32, offset: i32, count: i32, components: u32, resetInterval: i32, ss: i32,
  se: i32, ah: i32, al: i32,
): i32 {
  data = bytes;
  length = len;
  failure = 0;
  eobrun = 0;
  refineState = 0;
  refineValue = 0;
  successive = al;
  spectralStart = ss;
  spectralEnd = se;
  const progressive = load<i32>(frame, F_PROGRESSIVE) != 0;
  zigzag = progressive ? ZIGZAG_ORDER : transformOrder(load<i32>(frame, F_ISLOW) != 0);
  const kind = !progressive ? BASELINE : ss == 0 ? (ah == 0 ? DC_FIRST : DC_SUCCESSIVE) : ah == 0 ? AC_FIRST : AC_SUCCESSIVE;
  // a coefficient index past 63 is an undefined property in jpeg-js, which refinement scans read back
  if (kind == AC_SUCCESSIVE && se > 63) return FALLBACK;
  const mcusPerLine = load<i32>(frame, F_MCUS_PER_LINE);
  const single = component(frame, <i32>(components & 0xff));
  const mcuExpected = count == 1
    ? load<i32>(single, C_BLOCKS_PER_LINE) * load<i32>(single, C_BLOCKS_PER_COLUMN)
    : mcusPerLine * load<i32>(frame, F_MCUS_PER_COLUMN);
  const interval = resetInterval != 0 ? resetInterval : mcuExpected;
  let at = offset;
  let mcu = 0;
  while (mcu < mcuExpected) {
    memory.fill(PREDICTIONS, 0, 32);
    eobrun = 0;
    restartBits(at);
    if (count == 1) {
      const perLine = load<i32>(single, C_BLOCKS_PER_LINE);
      const rows = load<i32>(single, C_PADDED_PER_COLUMN);
      // the block's row and column, counted on rather than divided out for each block
      let row = mcu / perLine;
      let col = mcu % perLine;
      for (let n = 0; n < interval; n++) {
        if (row < rows) decodeBlock(frame, single, 0, kind, row, col);
        mcu++;
        if (++col == perLine) {
          col = 0;
          row++;
        }
        if (failure != 0) return failure;
      }
    } else {
      let mcuRow = mcu / mcusPerLine;
      let mcuCol = mcu % mcusPerLine;
      for (let n = 0; n < interval; n++) {
        for (let i = 0; i < count; i++) {
          const c = component(frame, <i32>((components >> (i << 3)) & 0xff));
          const h = load<i32>(c, C_H);
          const v = load<i32>(c, C_V);
          for (let j = 0; j < v; j++) {
            for (let k = 0; k < h; k++) decodeBlock(frame, c, i, kind, mcuRow * v + j, mcuCol * h + k);
          }
        }
        mcu++;
        if (++mcuCol == mcusPerLine) {
          mcuCol = 0;
          mcuRow++;
        }
        if (failure != 0) return failure;
        if (mcu == mcuExpected) break;
      }
    }
    at = consumedOffset();
    if (mcu == mcuExpected) {
      // skip trailing bytes at the end of the scan, up to the next marker
      do {
        if (byteAt(at) == 0xff && byteAt(at + 1) != 0) break;
        at++;
      } while (at < length - 2);
    }
    const marker = (max(byteAt(at), 0) << 8) | max(byteAt(at + 1), 0);
    if (marker < 0xff00) return MARKER_NOT_FOUND;
    if (marker >= 0xffd0 && marker <= 0xffd7) at += 2;
    else break;
  }
  return at;
}
