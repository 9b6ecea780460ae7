// Canonical Huffman decoding tables for inflate (RFC 1951, 3.2.2), two levels like zlib's inflate_table:
// a primary table indexed by the next PRIMARY_BITS input bits (bit-reversed, as deflate sends codes), and
// for longer codes a block of a secondary table indexed by the bits after those.
//
// An entry is a u32: `symbol << 8 | codeLength`, or for a primary slot whose codes are longer than
// PRIMARY_BITS, `LINK | indexMask << 16 | firstEntryOfItsBlock` (the block is indexed by the next bits & indexMask). 0 marks a bit pattern no code uses (an invalid code).

export const PRIMARY_BITS: u32 = 10;
export const PRIMARY_SIZE: usize = 1 << PRIMARY_BITS;
export const LINK: u32 = 0x80000000;
const MAX_BITS: u32 = 15;

const counts: usize = memory.data(16 * 2, 16); // u16 per code length 0..15
const nextCode: usize = memory.data(16 * 2, 16); // u16: the next canonical code of each length

// @ts-ignore: decorator
@inline
function reverseBits(code: u32, length: u32): u32 {
  return (bitReverse32(code)) >>> (32 - length);
}

// @ts-ignore: decorator
@inline
function bitReverse32(v: u32): u32 {
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  return bswap<u32>(v);
}

/**
 * Builds the decoding table of the code whose lengths are the `n` bytes at `lengths` into `primary`
 * (PRIMARY_SIZE entries) and `secondary` (room for `blocks` blocks). Returns false for a code zlib refuses:
 * over-subscribed, or incomplete unless it is a single one-bit code (`codeLengths`: the code-length code,
 * which may never be incomplete). A code with no symbols at all gives a table of invalid entries.
 */
export function buildTable(lengths: usize, n: u32, primary: usize, secondary: usize, blocks: u32, codeLengths: bool): bool {
  memory.fill(counts, 0, 32);
  for (let s: u32 = 0; s < n; s++) {
    const at = counts + (<usize>load<u8>(lengths + s) << 1);
    store<u16>(at, load<u16>(at) + 1);
  }
  store<u16>(counts, 0);
  memory.fill(primary, 0, PRIMARY_SIZE << 2);
  let max: u32 = MAX_BITS;
  while (max > 0 && load<u16>(counts + (max << 1)) == 0) max--;
  if (max == 0) return true;
  let left: i32 = 1;
  for (let length: u32 = 1; length <= MAX_BITS; length++) {
    left = (left << 1) - <i32>load<u16>(counts + (length << 1));
    if (left < 0) return false;
  }
  if (left > 0 && (codeLengths || max != 1)) return false;

  // canonical codes: the first code of each length, and the symbols sorted by (length, symbol)
  let code: u32 = 0;
  for (let length: u32 = 1; length <= max; length++) {
    code = (code + <u32>load<u16>(counts + ((length - 1) << 1))) << 1;
    store<u16>(nextCode + (length << 1), <u16>code);
  }
  // in symbol order, each symbol takes the next code of its length (canonical order)
  const subBits: u32 = max > PRIMARY_BITS ? max - PRIMARY_BITS : 0;
  const blockSize: u32 = 1 << subBits;
  let usedBlocks: u32 = 0;
  for (let s: u32 = 0; s < n; s++) {
    const length = <u32>load<u8>(lengths + s);
    if (length == 0) continue;
    const at = nextCode + (length << 1);
    const c = <u32>load<u16>(at);
    store<u16>(at, <u16>(c + 1));
    const reversed = reverseBits(c, length);
    const entry = (s << 8) | length;
    if (length <= PRIMARY_BITS) {
      for (let k = reversed; k < <u32>PRIMARY_SIZE; k += 1 << length) store<u32>(primary + (<usize>k << 2), entry);
      continue;
    }
    const slot = primary + (<usize>(reversed & (<u32>PRIMARY_SIZE - 1)) << 2);
    let link = load<u32>(slot);
    if (link == 0) {
      if (usedBlocks == blocks) return false;
      link = LINK | ((blockSize - 1) << 16) | (usedBlocks * blockSize);
      usedBlocks++;
      store<u32>(slot, link);
      memory.fill(secondary + (<usize>(link & 0xffff) << 2), 0, <usize>blockSize << 2);
    }
    const base = secondary + (<usize>(link & 0xffff) << 2);
    for (let k = reversed >>> PRIMARY_BITS; k < blockSize; k += 1 << (length - PRIMARY_BITS)) {
      store<u32>(base + (<usize>k << 2), entry);
    }
  }
  return true;
}
