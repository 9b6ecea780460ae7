// zlib's deflate with the Z_RLE strategy (deflate.c: deflate_rle; trees.c: _tr_flush_block), writing the
// very bytes zlib 1.2.x/1.3.x and pako 1 write at levels 1..9 (windowBits 15, memLevel 8): at each position
// a run of the previous byte of 3..258 bytes becomes a distance-1 match, anything else a literal; a block
// ends after 16383 symbols (lit_bufsize − 1) and is sent stored, with the static or with dynamic trees,
// whichever zlib's own bit counts say is smallest. A stored block needs its bytes still in zlib's 64 KiB
// window, so the window's slides are followed too (they depend on positions only).
//
// Tokenizing looks for run starts 30 positions per vector step; the literal frequencies are the block's
// byte counts (four interleaved histograms: repeated bytes would otherwise wait on each other's counts) less
// the bytes its matches cover.

import { adler32 } from './adler32';
import {
  BL_CODES, BL_ORDER, END_BLOCK, EXTRA_LBITS, L_CODES, blTree, buildBitLengthTree, buildLiteralTrees,
  clearFrequencies, codeAt, distMaxCode, distTree, freqAt, initBlock, lenAt, litMaxCode, litTree, optLen, staticLen,
} from './deflateTrees';

const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
/** Symbols per block: zlib's lit_bufsize − 1 with memLevel 8. */
const BLOCK_SYMBOLS: u32 = 16383;
const WSIZE: usize = 32768;
/** zlib slides its window once strstart reaches wsize + MAX_DIST (MAX_DIST = wsize − MIN_LOOKAHEAD). */
const SLIDE_AT: usize = WSIZE + WSIZE - (MAX_MATCH + MIN_MATCH + 1);
const WINDOW_SIZE: usize = 2 * WSIZE;

export const DEFLATE_OK: i32 = 0;
/** A stored block longer than 65535 bytes would be needed (zlib cannot write one either); the caller falls back. */
export const DEFLATE_UNSUPPORTED: i32 = 1;
/** The output did not fit the capacity given. */
export const DEFLATE_NO_ROOM: i32 = 2;

/**
 * In the caller's scratch memory (DEFLATE_SCRATCH_BYTES): the block's matches (BLOCK_SYMBOLS u32: offset
 * from the block's start << 8 | length − 3; a block spans at most 16383 × 258 bytes, under 2²³), then the
 * four byte histograms (256 u32 each).
 */
const DEFLATE_SCRATCH_BYTES: usize = 65536 + 4096;
let matchList: usize = 0;
let histograms: usize = 0;
/** Per match length − 3: its length code (0..28). */
const LENGTH_CODE = memory.data(256, 16);
const LENGTH_BASE = memory.data<u16>([
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
]);
/** Code and length per symbol, `len << 16 | code`, for the block being sent. */
const litCodes = memory.data(<i32>L_CODES * 4, 16);
let distCode: u32 = 0;
let tablesBuilt = false;

// bit writer
let out: usize = 0;
let outEnd: usize = 0;
let acc: u64 = 0;
let accBits: u32 = 0;
let written: usize = 0;

/** Bytes written by the last {@link deflateRle} call. */
export function deflatedLength(): usize {
  return written;
}

function buildLengthCodes(): void {
  for (let code: u32 = 0; code < 28; code++) {
    const base = <u32>load<u16>(LENGTH_BASE + (<usize>code << 1)) - 3;
    const n: u32 = 1 << load<u8>(EXTRA_LBITS + <usize>code);
    for (let i: u32 = 0; i < n; i++) store<u8>(LENGTH_CODE + <usize>(base + i), <u8>code);
  }
  store<u8>(LENGTH_CODE + 255, 28);
  tablesBuilt = true;
}

// @ts-ignore: decorator
@inline
function put(value: u32, bits: u32): void {
  acc |= <u64>value << accBits;
  accBits += bits;
}

/** Writes the whole bytes of the bit buffer (at most 7 bits stay); the buffer must hold at most 63 bits. */
// @ts-ignore: decorator
@inline
function drain(): void {
  store<u64>(out, acc);
  out += accBits >> 3;
  acc >>= <u64>(accBits & 56);
  accBits &= 7;
}

// @ts-ignore: decorator
@inline
function sendBits(value: u32, bits: u32): void {
  put(value, bits);
  drain();
}

/** zlib's bi_windup: pads to a byte boundary. */
function windup(): void {
  drain();
  if (accBits > 0) {
    store<u8>(out++, <u8>acc);
    acc = 0;
    accBits = 0;
  }
}

function sendCode(tree: usize, n: i32): void {
  sendBits(<u32>load<u16>(codeAt(tree, n)), <u32>load<u16>(lenAt(tree, n)));
}

const REP_3_6: i32 = 16;
const REPZ_3_10: i32 = 17;
const REPZ_11_138: i32 = 18;

/** One bit-length symbol of a tree's description: counted into blTree (`send` false) or sent. */
// @ts-ignore: decorator
@inline
function lengthSymbol(symbol: i32, send: bool): void {
  if (send) sendCode(blTree, symbol);
  else store<u16>(freqAt(blTree, symbol), load<u16>(freqAt(blTree, symbol)) + 1);
}

/**
 * zlib's scan_tree (`send` false: counts the bit-length symbols describing `tree` up to `maxCode`) and
 * send_tree (`send` true: sends them), one walk over the runs of equal code lengths.
 */
function describeTree(tree: usize, maxCode: i32, send: bool): void {
  let prevlen = -1;
  let nextlen = <i32>load<u16>(lenAt(tree, 0));
  let count = 0;
  let maxCount = 7;
  let minCount = 4;
  if (nextlen == 0) {
    maxCount = 138;
    minCount = 3;
  }
  if (!send) store<u16>(lenAt(tree, maxCode + 1), 0xffff); // guard
  for (let n = 0; n <= maxCode; n++) {
    const curlen = nextlen;
    nextlen = <i32>load<u16>(lenAt(tree, n + 1));
    if (++count < maxCount && curlen == nextlen) continue;
    if (count < minCount) {
      do lengthSymbol(curlen, send);
      while (--count != 0);
    } else if (curlen != 0) {
      if (curlen != prevlen) {
        lengthSymbol(curlen, send);
        count--;
      }
      lengthSymbol(REP_3_6, send);
      if (send) sendBits(<u32>(count - 3), 2);
    } else if (count <= 10) {
      lengthSymbol(REPZ_3_10, send);
      if (send) sendBits(<u32>(count - 3), 3);
    } else {
      lengthSymbol(REPZ_11_138, send);
      if (send) sendBits(<u32>(count - 11), 7);
    }
    count = 0;
    prevlen = curlen;
    if (nextlen == 0) {
      maxCount = 138;
      minCount = 3;
    } else if (curlen == nextlen) {
      maxCount = 6;
      minCount = 3;
    } else {
      maxCount = 7;
      minCount = 4;
    }
  }
}

function sendAllTrees(maxBlindex: i32): void {
  const lcodes = litMaxCode + 1;
  const dcodes = distMaxCode + 1;
  sendBits(<u32>(lcodes - 257), 5);
  sendBits(<u32>(dcodes - 1), 5);
  sendBits(<u32>(maxBlindex + 1 - 4), 4);
  for (let rank = 0; rank <= maxBlindex; rank++) {
    sendBits(<u32>load<u16>(lenAt(blTree, <i32>load<u8>(BL_ORDER + <usize>rank))), 3);
  }
  describeTree(litTree, lcodes - 1, true);
  describeTree(distTree, dcodes - 1, true);
}

/** The block's codes as `len << 16 | code`: the static ones (RFC 1951, 3.2.6) or the trees just built. */
function prepareCodes(fixed: bool): void {
  if (fixed) {
    for (let n = 0; n < L_CODES; n++) {
      let code: u32;
      let len: u32;
      if (n < 144) {
        code = 0x30 + n;
        len = 8;
      } else if (n < 256) {
        code = 0x190 + n - 144;
        len = 9;
      } else if (n < 280) {
        code = n - 256;
        len = 7;
      } else {
        code = 0xc0 + n - 280;
        len = 8;
      }
      let reversed: u32 = 0;
      for (let i: u32 = 0; i < len; i++) reversed |= ((code >> i) & 1) << (len - 1 - i);
      store<u32>(litCodes + (<usize>n << 2), (len << 16) | reversed);
    }
    distCode = 5 << 16; // distance code 0, five zero bits
    return;
  }
  for (let n = 0; n < L_CODES; n++) {
    store<u32>(litCodes + (<usize>n << 2), (<u32>load<u16>(lenAt(litTree, n)) << 16) | <u32>load<u16>(codeAt(litTree, n)));
  }
  distCode = (<u32>load<u16>(lenAt(distTree, 0)) << 16) | <u32>load<u16>(codeAt(distTree, 0));
}

// @ts-ignore: decorator
@inline
function putCode(entry: u32): void {
  put(entry & 0xffff, entry >>> 16);
}

/** zlib's compress_block: the literals of `data[from, to)` around the block's `matches` matches, then END_BLOCK. */
function compressBlock(data: usize, from: usize, to: usize, matches: u32): void {
  let p = data + from;
  for (let m: u32 = 0; m <= matches; m++) {
    const match = m < matches ? load<u32>(matchList + (<usize>m << 2)) : 0;
    const literalEnd = m < matches ? data + from + <usize>(match >>> 8) : data + to;
    // four literals per drain, joined in pairs first (independent of the bit buffer): the first pair (at
    // most 37 bits with the 7 left over) always fits, the second nearly always (a drain in between if not)
    for (; p + 4 <= literalEnd; p += 4) {
      const w = load<u32>(p);
      const a = load<u32>(litCodes + (<usize>(w & 0xff) << 2));
      const b = load<u32>(litCodes + (<usize>((w >> 8) & 0xff) << 2));
      const c = load<u32>(litCodes + (<usize>((w >> 16) & 0xff) << 2));
      const d = load<u32>(litCodes + (<usize>(w >> 24) << 2));
      const cd = (c & 0xffff) | ((d & 0xffff) << (c >>> 16));
      const cdBits = (c >>> 16) + (d >>> 16);
      put((a & 0xffff) | ((b & 0xffff) << (a >>> 16)), (a >>> 16) + (b >>> 16));
      if (accBits + cdBits > 63) drain();
      put(cd, cdBits);
      drain();
    }
    for (; p < literalEnd; p++) putCode(load<u32>(litCodes + (<usize>load<u8>(p) << 2)));
    drain();
    if (m == matches) break;
    const length = <usize>(match & 0xff) + MIN_MATCH;
    const code = <usize>load<u8>(LENGTH_CODE + length - MIN_MATCH);
    putCode(load<u32>(litCodes + ((257 + code) << 2)));
    const extra = <u32>load<u8>(EXTRA_LBITS + code);
    put(<u32>(length - <usize>load<u16>(LENGTH_BASE + (code << 1))), extra);
    putCode(distCode);
    drain();
    p += length;
  }
  putCode(load<u32>(litCodes + (<usize>END_BLOCK << 2)));
  drain();
}

/**
 * zlib's _tr_flush_block for the block `data[from, to)` of `matches` matches: stored when that is no
 * larger and its bytes are still in the window (`stored`), else static or dynamic trees. Returns false
 * for a stored block over 65535 bytes.
 */
function flushBlock(data: usize, from: usize, to: usize, matches: u32, last: u32, inWindow: bool): bool {
  // the literals: every byte of the block less those the matches cover (each a run of the byte before it)
  countBytes(data + from, data + to);
  for (let b: usize = 0; b < 256; b++) {
    const count = load<u32>(histograms + (b << 2)) + load<u32>(histograms + 1024 + (b << 2)) +
      load<u32>(histograms + 2048 + (b << 2)) + load<u32>(histograms + 3072 + (b << 2));
    store<u16>(freqAt(litTree, <i32>b), <u16>count);
  }
  for (let m: u32 = 0; m < matches; m++) {
    const match = load<u32>(matchList + (<usize>m << 2));
    const at = data + from + <usize>(match >>> 8);
    const run = freqAt(litTree, <i32>load<u8>(at - 1));
    store<u16>(run, load<u16>(run) - <u16>((match & 0xff) + <u32>MIN_MATCH));
    const code = freqAt(litTree, 257 + <i32>load<u8>(LENGTH_CODE + <usize>(match & 0xff)));
    store<u16>(code, load<u16>(code) + 1);
  }
  // the distance code of every match: distance 1 is code 0
  store<u16>(freqAt(distTree, 0), <u16>matches);
  buildLiteralTrees();
  clearFrequencies(blTree, BL_CODES);
  describeTree(litTree, litMaxCode, false);
  describeTree(distTree, distMaxCode, false);
  const maxBlindex = buildBitLengthTree();
  const optLenb = (optLen + 3 + 7) >> 3;
  const staticLenb = (staticLen + 3 + 7) >> 3;
  const best = staticLenb <= optLenb ? staticLenb : optLenb;
  const storedLength = <u64>(to - from);
  if (storedLength + 4 <= best && inWindow) {
    if (storedLength > 0xffff) return false;
    if (out + <usize>storedLength + 16 > outEnd) return false;
    sendBits(last, 3);
    windup();
    store<u16>(out, <u16>storedLength);
    store<u16>(out, ~<u16>storedLength, 2);
    out += 4;
    memory.copy(out, data + from, <usize>storedLength);
    out += <usize>storedLength;
  } else if (staticLenb == best) {
    sendBits(2 + last, 3);
    prepareCodes(true);
    compressBlock(data, from, to, matches);
  } else {
    sendBits(4 + last, 3);
    sendAllTrees(maxBlindex);
    prepareCodes(false);
    compressBlock(data, from, to, matches);
  }
  initBlock();
  if (last) windup();
  return true;
}

/** Length of the run of `data[p − 1]` from `p` (at most `limit`). */
// @ts-ignore: decorator
@inline
function runLength(data: usize, p: usize, limit: usize): usize {
  const value = load<u8>(data + p - 1);
  let n: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const splat = i8x16.splat(value);
    while (n + 16 <= limit) {
      const differs = ~i8x16.bitmask(i8x16.eq(v128.load(data + p + n), splat)) & 0xffff;
      if (differs) return n + ctz(differs);
      n += 16;
    }
  }
  while (n < limit && load<u8>(data + p + n) == value) n++;
  return n;
}

// @ts-ignore: decorator
@inline
function count(lane: usize, byte: u64): void {
  const at = histograms + (lane << 10) + (<usize>(byte & 0xff) << 2);
  store<u32>(at, load<u32>(at) + 1);
}

/** Counts the bytes of [p, end) into the four histograms (cleared first), 8 per step. */
function countBytes(p: usize, end: usize): void {
  memory.fill(histograms, 0, 4 * 256 * 4);
  for (; p + 8 <= end; p += 8) {
    const w = load<u64>(p);
    count(0, w);
    count(1, w >> 8);
    count(2, w >> 16);
    count(3, w >> 24);
    count(0, w >> 32);
    count(1, w >> 40);
    count(2, w >> 48);
    count(3, w >> 56);
  }
  for (; p < end; p++) count(0, <u64>load<u8>(p));
}

/**
 * How many positions from `p` (> 0), at most `limit`, are literals: where no run of 3 or more bytes equal
 * to the byte before starts. `data` may be read 32 bytes past `p + limit`.
 */
function literalStretch(data: usize, p: usize, limit: usize): usize {
  let n: usize = 0;
  if (ASC_FEATURE_SIMD) {
    for (; n < limit; n += 30) {
      const q = data + p + n;
      const low = <u32>i8x16.bitmask(i8x16.eq(v128.load(q), v128.load(q - 1)));
      const high = <u32>i8x16.bitmask(i8x16.eq(v128.load(q + 16), v128.load(q + 15)));
      const equal = low | (high << 16);
      const runs = equal & (equal >> 1) & (equal >> 2) & 0x3fffffff;
      if (runs) return min(n + ctz(runs), limit);
    }
    return limit;
  }
  for (; n < limit; n++) {
    const q = data + p + n;
    const v = load<u8>(q - 1);
    if (load<u8>(q) == v && load<u8>(q, 1) == v && load<u8>(q, 2) == v) break;
  }
  return n;
}

/**
 * Deflates the `length` bytes at `data` into a zlib stream (RFC 1950) at `target`, which has room for
 * `capacity` bytes: header 78 01, Z_RLE blocks as zlib writes them at any level 1..9, Adler-32.
 * `data` may be read 16 bytes past its end; `scratch` holds DEFLATE_SCRATCH_BYTES for the block's matches. Returns DEFLATE_OK ({@link deflatedLength} gives the size),
 * DEFLATE_NO_ROOM or DEFLATE_UNSUPPORTED.
 */
export function deflateRle(data: usize, length: usize, target: usize, capacity: usize, scratch: usize): i32 {
  if (!tablesBuilt) buildLengthCodes();
  matchList = scratch;
  histograms = scratch + 65536;
  out = target;
  outEnd = target + capacity;
  acc = 0;
  accBits = 0;
  written = 0;
  if (capacity < 64) return DEFLATE_NO_ROOM;
  store<u8>(out++, 0x78);
  store<u8>(out++, 0x01);
  initBlock();
  let base: usize = 0; // the absolute position of zlib's window[0]
  let slide = slidePoint(base, length);
  let blockStart: usize = 0;
  let symbols: u32 = 0;
  let matches: u32 = 0;
  let p: usize = 0;
  for (;;) {
    // zlib's fill_window, called at the top of each step, slides the window at this point
    if (p >= slide) {
      base += WSIZE;
      slide = slidePoint(base, length);
    }
    if (p >= length) break;
    // literals up to the next run, the block's last symbol or the slide point, whichever comes first
    if (p > 0 && p + 64 <= length) {
      const limit = min(min(<usize>(BLOCK_SYMBOLS - 1 - symbols), slide - p), length - 32 - p);
      const literals = literalStretch(data, p, limit);
      symbols += <u32>literals;
      p += literals;
      if (p >= slide) continue;
    }
    const left = length - p;
    const run = p > 0 && left >= MIN_MATCH ? runLength(data, p, left < MAX_MATCH ? left : MAX_MATCH) : 0;
    if (run >= MIN_MATCH) {
      store<u32>(matchList + (<usize>matches << 2), (<u32>(p - blockStart) << 8) | <u32>(run - MIN_MATCH));
      matches++;
      p += run;
    } else {
      p++;
    }
    if (++symbols == BLOCK_SYMBOLS) {
      if (!room(p - blockStart)) return DEFLATE_NO_ROOM;
      if (!flushBlock(data, blockStart, p, matches, 0, blockStart >= base)) return DEFLATE_UNSUPPORTED;
      blockStart = p;
      symbols = 0;
      matches = 0;
    }
  }
  if (!room(length - blockStart)) return DEFLATE_NO_ROOM;
  if (!flushBlock(data, blockStart, length, matches, 1, blockStart >= base)) return DEFLATE_UNSUPPORTED;
  if (out + 4 > outEnd) return DEFLATE_NO_ROOM;
  store<u32>(out, bswap<u32>(adler32(data, length)));
  out += 4;
  written = out - target;
  return DEFLATE_OK;
}

/**
 * Where zlib slides a window starting at `base`: the first step with strstart ≥ wsize + MAX_DIST at which
 * fill_window runs, that is, with at most MAX_MATCH bytes of lookahead left in the window.
 */
function slidePoint(base: usize, length: usize): usize {
  const windowEnd = min(length, base + WINDOW_SIZE);
  const fill = windowEnd > MAX_MATCH ? windowEnd - MAX_MATCH : 0;
  return max(base + SLIDE_AT, fill);
}

/** Whether a block covering `bytes` bytes surely fits: at most 9 bits per symbol (≤ 1 per byte) plus its trees. */
function room(bytes: usize): bool {
  return out + bytes + (bytes >> 3) + 1024 <= outEnd;
}
