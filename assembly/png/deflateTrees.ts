// zlib's Huffman tree construction for deflate (trees.c: build_tree, gen_bitlen, gen_codes, scan_tree,
// build_bl_tree; scan_tree is in deflate.ts with send_tree), ported step for step: the heap order, its tie-break by depth and the bit-length overflow
// repair decide which of several optimal codes comes out, and so the bytes — the same as zlib's and pako's.
//
// A tree is 8 bytes per node — `freq`, `len`, `dad` and `code` (bit-reversed as deflate sends it), u16 each
// as in zlib — leaves first, the internal nodes after them (zlib's ct_data unions, kept as separate fields).

export const L_CODES: i32 = 286;
export const D_CODES: i32 = 30;
export const BL_CODES: i32 = 19;
const HEAP_SIZE: i32 = 2 * L_CODES + 1;
const MAX_BITS: i32 = 15;
const MAX_BL_BITS: i32 = 7;
export const END_BLOCK: i32 = 256;

/** The trees' storage: 2 × elements + 1 nodes each, 8 bytes per node. */
export const litTree: usize = memory.data(HEAP_SIZE * 8, 16);
export const distTree: usize = memory.data((2 * D_CODES + 1) * 8, 16);
export const blTree: usize = memory.data((2 * BL_CODES + 1) * 8, 16);

// @ts-ignore: decorator
@inline
export function freqAt(tree: usize, n: i32): usize {
  return tree + (<usize>n << 3);
}
// @ts-ignore: decorator
@inline
export function lenAt(tree: usize, n: i32): usize {
  return tree + (<usize>n << 3) + 2;
}
// @ts-ignore: decorator
@inline
function dadAt(tree: usize, n: i32): usize {
  return tree + (<usize>n << 3) + 4;
}
// @ts-ignore: decorator
@inline
export function codeAt(tree: usize, n: i32): usize {
  return tree + (<usize>n << 3) + 6;
}

const heap: usize = memory.data(HEAP_SIZE * 8, 16);
const blCount: usize = memory.data((MAX_BITS + 1) * 2, 16);
const nextCode: usize = memory.data((MAX_BITS + 1) * 2, 16);
let heapLen: i32 = 0;
let heapMax: i32 = 0;

/** Bits of the block with the dynamic trees (`optLen`) and with the static ones (`staticLen`), as zlib counts them. */
export let optLen: u64 = 0;
export let staticLen: u64 = 0;

export const EXTRA_LBITS = memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]);
export const EXTRA_DBITS = memory.data<u8>([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]);
const EXTRA_BLBITS = memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7]);
export const BL_ORDER = memory.data<u8>([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);

/** The static literal/length code lengths (RFC 1951, 3.2.6): 8, 9, 7, 8 bits. */
// @ts-ignore: decorator
@inline
function staticLitLen(n: i32): u32 {
  return n < 144 ? 8 : n < 256 ? 9 : n < 280 ? 7 : 8;
}

/** Which tree a descriptor is: its elements, extra bits, static lengths, length limit. */
const LIT: i32 = 0;
const DIST: i32 = 1;
const BL: i32 = 2;

/** The largest code with a non-zero frequency of the literal and distance trees after {@link buildTree}. */
export let litMaxCode: i32 = 0;
export let distMaxCode: i32 = 0;

// The heap holds `key << 16 | node` per entry, key = freq << 8 | depth: zlib's smaller(n, m) — a lower
// frequency, or the same one at no greater depth — is then key(n) ≤ key(m), without looking the nodes up.

// @ts-ignore: decorator
@inline
function heapAt(i: i32): usize {
  return heap + (<usize>i << 3);
}

// @ts-ignore: decorator
@inline
function nodeOf(entry: u64): i32 {
  return <i32>(entry & 0xffff);
}

/** Kept in heap[heapLen + 1]: a right child no node is smaller than, so the last left child needs no test. */
const SENTINEL: u64 = 0xffffffffffffffff;

function pqdownheap(k: i32): void {
  const v = load<u64>(heapAt(k));
  const key = v >> 16;
  let j = k << 1;
  while (j <= heapLen) {
    const left = load<u64>(heapAt(j));
    const right = load<u64>(heapAt(j + 1));
    // the smaller child without a branch (which one it is, is a coin toss the branch predictor loses)
    const takeRight = right >> 16 <= left >> 16;
    const child = select<u64>(right, left, takeRight);
    j += <i32>takeRight;
    if (key <= child >> 16) break;
    store<u64>(heapAt(k), child);
    k = j;
    j <<= 1;
  }
  store<u64>(heapAt(k), v);
}

function extraBits(kind: i32, n: i32): u32 {
  if (kind == LIT) return n >= 257 ? <u32>load<u8>(EXTRA_LBITS + <usize>(n - 257)) : 0;
  if (kind == DIST) return <u32>load<u8>(EXTRA_DBITS + <usize>n);
  return <u32>load<u8>(EXTRA_BLBITS + <usize>n);
}

function genBitlen(tree: usize, kind: i32, maxCode: i32): void {
  const maxLength = kind == BL ? MAX_BL_BITS : MAX_BITS;
  memory.fill(blCount, 0, (MAX_BITS + 1) * 2);
  store<u16>(lenAt(tree, nodeOf(load<u64>(heapAt(heapMax)))), 0);
  let overflow = 0;
  let h = heapMax + 1;
  for (; h < HEAP_SIZE; h++) {
    const n = nodeOf(load<u64>(heapAt(h)));
    let bits = <i32>load<u16>(lenAt(tree, <i32>load<u16>(dadAt(tree, n)))) + 1;
    if (bits > maxLength) {
      bits = maxLength;
      overflow++;
    }
    store<u16>(lenAt(tree, n), <u16>bits);
    if (n > maxCode) continue;
    const countAt = blCount + (<usize>bits << 1);
    store<u16>(countAt, load<u16>(countAt) + 1);
    const xbits = extraBits(kind, n);
    const f = <u64>load<u16>(freqAt(tree, n));
    optLen += f * <u64>(<u32>bits + xbits);
    if (kind == LIT) staticLen += f * <u64>(staticLitLen(n) + xbits);
    else if (kind == DIST) staticLen += f * <u64>(5 + xbits);
  }
  if (overflow == 0) return;
  do {
    let bits = maxLength - 1;
    while (load<u16>(blCount + (<usize>bits << 1)) == 0) bits--;
    store<u16>(blCount + (<usize>bits << 1), load<u16>(blCount + (<usize>bits << 1)) - 1);
    store<u16>(blCount + (<usize>(bits + 1) << 1), load<u16>(blCount + (<usize>(bits + 1) << 1)) + 2);
    store<u16>(blCount + (<usize>maxLength << 1), load<u16>(blCount + (<usize>maxLength << 1)) - 1);
    overflow -= 2;
  } while (overflow > 0);
  for (let bits = maxLength; bits != 0; bits--) {
    let n = <i32>load<u16>(blCount + (<usize>bits << 1));
    while (n != 0) {
      const m = nodeOf(load<u64>(heapAt(--h)));
      if (m > maxCode) continue;
      const len = <i32>load<u16>(lenAt(tree, m));
      if (len != bits) {
        // zlib adds (bits − len) × freq to an unsigned long: the same modulo 2⁶⁴
        optLen += <u64>(<i64>(bits - len) * <i64>load<u16>(freqAt(tree, m)));
        store<u16>(lenAt(tree, m), <u16>bits);
      }
      n--;
    }
  }
}

// @ts-ignore: decorator
@inline
function reverse(code: u32, len: u32): u32 {
  let res: u32 = 0;
  for (let i: u32 = 0; i < len; i++) {
    res = (res << 1) | (code & 1);
    code >>= 1;
  }
  return res;
}

function genCodes(tree: usize, maxCode: i32): void {
  let code: u32 = 0;
  for (let bits = 1; bits <= MAX_BITS; bits++) {
    code = (code + <u32>load<u16>(blCount + (<usize>(bits - 1) << 1))) << 1;
    store<u16>(nextCode + (<usize>bits << 1), <u16>code);
  }
  for (let n = 0; n <= maxCode; n++) {
    const len = <u32>load<u16>(lenAt(tree, n));
    if (len == 0) continue;
    const at = nextCode + (<usize>len << 1);
    const next = <u32>load<u16>(at);
    store<u16>(at, <u16>(next + 1));
    store<u16>(codeAt(tree, n), <u16>reverse(next, len));
  }
}

/** zlib's build_tree for one of the three trees; returns its max_code. */
function buildTree(tree: usize, kind: i32): i32 {
  const elems = kind == LIT ? L_CODES : kind == DIST ? D_CODES : BL_CODES;
  let maxCode = -1;
  heapLen = 0;
  heapMax = HEAP_SIZE;
  for (let n = 0; n < elems; n++) {
    const freq = load<u16>(freqAt(tree, n));
    if (freq != 0) {
      store<u64>(heapAt(++heapLen), ((<u64>freq << 8) << 16) | <u64>n);
      maxCode = n;
    } else {
      store<u16>(lenAt(tree, n), 0);
    }
  }
  while (heapLen < 2) {
    const node = maxCode < 2 ? ++maxCode : 0;
    store<u64>(heapAt(++heapLen), ((<u64>1 << 8) << 16) | <u64>node);
    store<u16>(freqAt(tree, node), 1);
    optLen--;
    if (kind == LIT) staticLen -= <u64>staticLitLen(node);
    else if (kind == DIST) staticLen -= 5;
  }
  // heap[heapLen + 1] stays below heap_max: at most 286 leaves, and heap_max falls by 2 per node merged
  store<u64>(heapAt(heapLen + 1), SENTINEL);
  for (let n = heapLen >> 1; n >= 1; n--) pqdownheap(n);
  let node = elems;
  do {
    const n = load<u64>(heapAt(1));
    store<u64>(heapAt(1), load<u64>(heapAt(heapLen)));
    store<u64>(heapAt(heapLen--), SENTINEL);
    pqdownheap(1);
    const m = load<u64>(heapAt(1));
    store<u64>(heapAt(--heapMax), n);
    store<u64>(heapAt(--heapMax), m);
    const freq = ((n >> 24) + (m >> 24)) & 0xffff;
    const dn = (n >> 16) & 0xff;
    const dm = (m >> 16) & 0xff;
    const depth = ((dn >= dm ? dn : dm) + 1) & 0xff; // zlib's depth is a byte
    store<u16>(dadAt(tree, nodeOf(n)), <u16>node);
    store<u16>(dadAt(tree, nodeOf(m)), <u16>node);
    store<u64>(heapAt(1), (((freq << 8) | depth) << 16) | <u64>node);
    node++;
    pqdownheap(1);
  } while (heapLen >= 2);
  store<u64>(heapAt(--heapMax), load<u64>(heapAt(1)));
  genBitlen(tree, kind, maxCode);
  genCodes(tree, maxCode);
  return maxCode;
}

/** Builds the literal/length and distance trees from their frequencies (zlib's build_tree ×2), setting optLen and staticLen. */
export function buildLiteralTrees(): void {
  optLen = 0;
  staticLen = 0;
  litMaxCode = buildTree(litTree, LIT);
  distMaxCode = buildTree(distTree, DIST);
}

/**
 * Builds the bit-length tree from the frequencies in blTree (zlib's build_bl_tree after its scan_tree
 * calls) and returns max_blindex, the last bit-length code sent.
 */
export function buildBitLengthTree(): i32 {
  buildTree(blTree, BL);
  let maxBlindex = BL_CODES - 1;
  for (; maxBlindex >= 3; maxBlindex--) {
    if (load<u16>(lenAt(blTree, <i32>load<u8>(BL_ORDER + <usize>maxBlindex))) != 0) break;
  }
  optLen += 3 * <u64>(maxBlindex + 1) + 5 + 5 + 4;
  return maxBlindex;
}

/** Clears the literal and distance frequencies for a new block (zlib's init_block), END_BLOCK counted once. */
export function initBlock(): void {
  clearFrequencies(litTree, L_CODES);
  clearFrequencies(distTree, D_CODES);
  store<u16>(freqAt(litTree, END_BLOCK), 1);
}

/** Zeroes the first `elems` frequencies of `tree`. */
export function clearFrequencies(tree: usize, elems: i32): void {
  for (let n = 0; n < elems; n++) store<u16>(freqAt(tree, n), 0);
}
