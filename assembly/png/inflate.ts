// zlib inflate (RFC 1950 + RFC 1951) into one output buffer of fixed capacity: the whole output is the
// window, so matches copy from the output itself, and no byte is ever written past `capacity` — a
// stream that would inflate to more stops with TOO_MUCH_DATA at the first such byte. That cap is what
// makes a compression bomb cost no more than the image its header declares.
//
// The bit reader keeps up to 63 bits in a u64 and refills 8 bytes at a time (one refill covers the
// longest length/distance pair: 15 + 5 + 15 + 13 bits). Past the end of the input it feeds zero bytes and
// counts them; a stream that consumed any of them is reported TRUNCATED.

import { adler32 } from './adler32';
import { LINK, PRIMARY_BITS, PRIMARY_SIZE, buildTable } from './huffman';

export const OK: i32 = 0;
export const TRUNCATED: i32 = 1;
export const INVALID_DATA: i32 = 2;
export const TOO_MUCH_DATA: i32 = 3;
export const BAD_HEADER: i32 = 4;
export const BAD_CHECKSUM: i32 = 5;

/** Bytes the output buffer must have after `capacity`: match copies may write up to 15 bytes beyond the match. */
export const OUTPUT_SLACK: usize = 16;

/**
 * Secondary blocks per table: one per primary slot holding codes longer than PRIMARY_BITS. Below such a
 * slot a complete code has at least two codes (an incomplete code is a single one-bit code), so 286
 * literal/length codes need at most 143 blocks and 30 distance codes 15.
 */
const LIT_BLOCKS: u32 = 143;
const DIST_BLOCKS: u32 = 15;
const litPrimary = memory.data(<i32>PRIMARY_SIZE * 4, 16);
const litSecondary = memory.data(<i32>LIT_BLOCKS * 32 * 4, 16);
const distPrimary = memory.data(<i32>PRIMARY_SIZE * 4, 16);
const distSecondary = memory.data(<i32>DIST_BLOCKS * 32 * 4, 16);
const fixedLitPrimary = memory.data(<i32>PRIMARY_SIZE * 4, 16);
const fixedDistPrimary = memory.data(<i32>PRIMARY_SIZE * 4, 16);
const codeLengthPrimary = memory.data(<i32>PRIMARY_SIZE * 4, 16);
const lengths = memory.data(320, 16);
let fixedBuilt = false;

const LENGTH_BASE = memory.data<u16>([
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
]);
const LENGTH_EXTRA = memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]);
const DIST_BASE = memory.data<u16>([
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
]);
const DIST_EXTRA = memory.data<u8>([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]);
const CODE_LENGTH_ORDER = memory.data<u8>([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);

// bit reader state between blocks (the block decoder keeps its own copy in locals)
let bits: u64 = 0;
let bitCount: u32 = 0;
let input: usize = 0;
let inputEnd: usize = 0;
let padding: u32 = 0;
let output: usize = 0;
let produced: usize = 0;

/** Output bytes written by the last {@link inflate} call (when it returned OK: the inflated size). */
export function inflatedLength(): usize {
  return produced;
}

function refill(): void {
  if (input + 8 <= inputEnd) {
    bits |= load<u64>(input) << bitCount;
    input += (63 - bitCount) >>> 3;
    bitCount |= 56;
    return;
  }
  while (bitCount <= 48) {
    if (input < inputEnd) bits |= (<u64>load<u8>(input++)) << bitCount;
    else padding++;
    bitCount += 8;
  }
}

/** The next `n` (≤ 32) bits; the caller has refilled enough. */
function take(n: u32): u32 {
  const value = <u32>(bits & ((1 << <u64>n) - 1));
  bits >>= n;
  bitCount -= n;
  return value;
}

// @ts-ignore: decorator
@inline
function truncated(): bool {
  return padding * 8 > bitCount;
}

/** Drops the bits up to the next byte boundary and moves `input` back to the first byte not consumed. */
function alignToByte(): bool {
  take(bitCount & 7);
  if (truncated()) return false;
  input -= (bitCount >>> 3) - padding;
  bits = 0;
  bitCount = 0;
  padding = 0;
  return true;
}

function buildFixed(): void {
  memory.fill(lengths, 8, 144);
  memory.fill(lengths + 144, 9, 112);
  memory.fill(lengths + 256, 7, 24);
  memory.fill(lengths + 280, 8, 8);
  buildTable(lengths, 288, fixedLitPrimary, 0, 0, false);
  memory.fill(lengths, 5, 32);
  buildTable(lengths, 32, fixedDistPrimary, 0, 0, false);
  fixedBuilt = true;
}

/** Reads a dynamic block's code lengths and builds its tables into litPrimary/distPrimary. */
function readDynamicTables(): i32 {
  refill();
  const literalCount = take(5) + 257;
  const distanceCount = take(5) + 1;
  const codeLengthCount = take(4) + 4;
  if (literalCount > 286 || distanceCount > 30) return INVALID_DATA;
  memory.fill(lengths, 0, 19);
  for (let i: u32 = 0; i < codeLengthCount; i++) {
    refill();
    store<u8>(lengths + load<u8>(CODE_LENGTH_ORDER + i), <u8>take(3));
  }
  if (!buildTable(lengths, 19, codeLengthPrimary, 0, 0, true)) return INVALID_DATA;
  const total = literalCount + distanceCount;
  for (let i: u32 = 0; i < total; ) {
    refill();
    if (truncated()) return TRUNCATED;
    const entry = load<u32>(codeLengthPrimary + (<usize>(<u32>bits & (<u32>PRIMARY_SIZE - 1)) << 2));
    const length = entry & 0xff;
    if (length == 0) return INVALID_DATA;
    take(length);
    const symbol = entry >>> 8;
    if (symbol < 16) {
      store<u8>(lengths + i++, <u8>symbol);
      continue;
    }
    let value: u8 = 0;
    let repeat: u32;
    if (symbol == 16) {
      if (i == 0) return INVALID_DATA;
      value = load<u8>(lengths + i - 1);
      repeat = 3 + take(2);
    } else if (symbol == 17) {
      repeat = 3 + take(3);
    } else {
      repeat = 11 + take(7);
    }
    if (i + repeat > total) return INVALID_DATA;
    memory.fill(lengths + i, value, repeat);
    i += repeat;
  }
  if (load<u8>(lengths + 256) == 0) return INVALID_DATA;
  if (!buildTable(lengths, literalCount, litPrimary, litSecondary, LIT_BLOCKS, false)) return INVALID_DATA;
  if (!buildTable(lengths + literalCount, distanceCount, distPrimary, distSecondary, DIST_BLOCKS, false)) return INVALID_DATA;
  return OK;
}

// @ts-ignore: decorator
@inline
function lookup(primary: usize, secondary: usize, b: u64): u32 {
  const entry = load<u32>(primary + (<usize>(<u32>b & (<u32>PRIMARY_SIZE - 1)) << 2));
  if (!(entry & LINK)) return entry;
  const index = (entry & 0xffff) + ((<u32>(b >> PRIMARY_BITS)) & ((entry >>> 16) & 0x7fff));
  return load<u32>(secondary + (<usize>index << 2));
}

/** Copies a match of `length` bytes from `distance` back; `to + length` is within the capacity. */
// @ts-ignore: decorator
@inline
function copyMatch(to: usize, distance: usize, length: usize): void {
  const from = to - distance;
  if (distance == 1) {
    // runs (Z_RLE writes nothing else) are short: stores beat a memory.fill call
    if (ASC_FEATURE_SIMD) {
      const run = i8x16.splat(load<u8>(from));
      for (let i: usize = 0; i < length; i += 16) v128.store(to + i, run);
    } else {
      const run = <u64>load<u8>(from) * 0x0101010101010101;
      for (let i: usize = 0; i < length; i += 8) store<u64>(to + i, run);
    }
  } else if (ASC_FEATURE_SIMD && distance >= 16) {
    for (let i: usize = 0; i < length; i += 16) v128.store(to + i, v128.load(from + i));
  } else if (distance >= 8) {
    for (let i: usize = 0; i < length; i += 8) store<u64>(to + i, load<u64>(from + i));
  } else {
    for (let i: usize = 0; i < length; i++) store<u8>(to + i, load<u8>(from + i));
  }
}

/** Decodes one Huffman-coded block's symbols up to its end-of-block code. */
function decodeBlock(litTable: usize, litBlocks: usize, distTable: usize, distBlocks: usize, start: usize, end: usize): i32 {
  let b = bits;
  let count = bitCount;
  let at = input;
  let pad = padding;
  let out = output;
  const inEnd = inputEnd;
  let status = OK;
  for (;;) {
    if (at + 8 <= inEnd) {
      b |= load<u64>(at) << count;
      at += (63 - count) >>> 3;
      count |= 56;
    } else {
      while (count <= 48) {
        if (at < inEnd) b |= (<u64>load<u8>(at++)) << count;
        else pad++;
        count += 8;
      }
      if (pad * 8 > count) {
        status = TRUNCATED;
        break;
      }
    }
    let entry = lookup(litTable, litBlocks, b);
    let length = entry & 0xff;
    if (length == 0) {
      status = INVALID_DATA;
      break;
    }
    b >>= length;
    count -= length;
    let symbol = entry >>> 8;
    if (symbol < 256) {
      if (out >= end) {
        status = TOO_MUCH_DATA;
        break;
      }
      store<u8>(out++, <u8>symbol);
      // at least 34 bits are left: decode a second symbol before refilling
      entry = lookup(litTable, litBlocks, b);
      length = entry & 0xff;
      if (length == 0) {
        status = INVALID_DATA;
        break;
      }
      b >>= length;
      count -= length;
      symbol = entry >>> 8;
      if (symbol < 256) {
        if (out >= end) {
          status = TOO_MUCH_DATA;
          break;
        }
        store<u8>(out++, <u8>symbol);
        continue;
      }
    }
    if (symbol == 256) break;
    if (count < 33) {
      // the rest of a match needs up to 5 + 15 + 13 bits
      if (at + 8 <= inEnd) {
        b |= load<u64>(at) << count;
        at += (63 - count) >>> 3;
        count |= 56;
      } else {
        while (count <= 48) {
          if (at < inEnd) b |= (<u64>load<u8>(at++)) << count;
          else pad++;
          count += 8;
        }
      }
    }
    symbol -= 257;
    if (symbol >= 29) {
      status = INVALID_DATA;
      break;
    }
    const extra = <u32>load<u8>(LENGTH_EXTRA + symbol);
    const matchLength = <usize>load<u16>(LENGTH_BASE + (symbol << 1)) + <usize>(<u32>b & ((1 << extra) - 1));
    b >>= extra;
    count -= extra;
    entry = lookup(distTable, distBlocks, b);
    length = entry & 0xff;
    if (length == 0) {
      status = INVALID_DATA;
      break;
    }
    b >>= length;
    count -= length;
    symbol = entry >>> 8;
    if (symbol >= 30) {
      status = INVALID_DATA;
      break;
    }
    const distanceExtra = <u32>load<u8>(DIST_EXTRA + symbol);
    const distance = <usize>load<u16>(DIST_BASE + (symbol << 1)) + <usize>(<u32>b & ((1 << distanceExtra) - 1));
    b >>= distanceExtra;
    count -= distanceExtra;
    if (distance > out - start) {
      status = INVALID_DATA;
      break;
    }
    if (out + matchLength > end) {
      status = TOO_MUCH_DATA;
      break;
    }
    copyMatch(out, distance, matchLength);
    out += matchLength;
  }
  bits = b;
  bitCount = count;
  input = at;
  padding = pad;
  output = out;
  if (pad * 8 > count) return TRUNCATED;
  return status;
}

/**
 * Inflates the zlib stream of `length` bytes at `source` into `target`, which holds `capacity` bytes plus
 * OUTPUT_SLACK. Returns OK (the Adler-32 matched; {@link inflatedLength} gives the size) or the first
 * problem: TRUNCATED, INVALID_DATA, TOO_MUCH_DATA (the output would exceed `capacity`), BAD_HEADER
 * (not deflate, a window over 32 KiB, a bad header check or a preset dictionary) or BAD_CHECKSUM.
 * Bytes after the Adler-32 are ignored.
 */
export function inflate(source: usize, length: usize, target: usize, capacity: usize): i32 {
  produced = 0;
  if (length < 2) return TRUNCATED;
  const cmf = <u32>load<u8>(source);
  const flg = <u32>load<u8>(source, 1);
  if ((cmf & 15) != 8 || cmf >>> 4 > 7 || ((cmf << 8) | flg) % 31 != 0 || flg & 0x20) return BAD_HEADER;
  if (!fixedBuilt) buildFixed();
  bits = 0;
  bitCount = 0;
  padding = 0;
  input = source + 2;
  inputEnd = source + length;
  output = target;
  const end = target + capacity;
  let last: u32 = 0;
  while (!last) {
    refill();
    if (truncated()) return TRUNCATED;
    last = take(1);
    const type = take(2);
    let status = OK;
    if (type == 0) {
      if (!alignToByte() || input + 4 > inputEnd) return TRUNCATED;
      const storedLength = <usize>load<u16>(input);
      if (storedLength != <usize>(~load<u16>(input, 2) & 0xffff)) return INVALID_DATA;
      input += 4;
      if (output + storedLength > end) return TOO_MUCH_DATA;
      if (input + storedLength > inputEnd) return TRUNCATED;
      memory.copy(output, input, storedLength);
      output += storedLength;
      input += storedLength;
    } else if (type == 1) {
      status = decodeBlock(fixedLitPrimary, 0, fixedDistPrimary, 0, target, end);
    } else if (type == 2) {
      status = readDynamicTables();
      if (status == OK) status = decodeBlock(litPrimary, litSecondary, distPrimary, distSecondary, target, end);
    } else {
      status = INVALID_DATA;
    }
    produced = output - target;
    if (status != OK) return truncated() ? TRUNCATED : status;
  }
  if (!alignToByte() || input + 4 > inputEnd) return TRUNCATED;
  produced = output - target;
  return bswap<u32>(load<u32>(input)) == adler32(target, produced) ? OK : BAD_CHECKSUM;
}
