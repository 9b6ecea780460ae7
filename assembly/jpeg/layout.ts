// The memory layout the binding (src/codecs/jpeg/wasmLayout.ts) writes and this module reads: one frame
// record, then one record per frame component, each of 32-bit words. Keep both files in step.

/** Bytes of the frame record; the component records follow it. */
export const FRAME_BYTES: i32 = 64;
/** Bytes of one component record. */
export const COMPONENT_BYTES: i32 = 64;

// frame record (word offsets × 4)
export const F_MCUS_PER_LINE: i32 = 0;
export const F_MCUS_PER_COLUMN: i32 = 4;
/** 0: a sequential frame, each block transformed as soon as it is decoded; 1: progressive, coefficients kept. */
export const F_PROGRESSIVE: i32 = 8;
/** The inverse DCT: 0 jpeg-js's (idct.ts), 1 libjpeg's islow (islow.ts). */
export const F_ISLOW: i32 = 12;

// component record
export const C_H: i32 = 0;
export const C_V: i32 = 4;
/** Blocks per line and column that hold samples (jpeg-js's blocksPerLine, blocksPerColumn). */
export const C_BLOCKS_PER_LINE: i32 = 8;
export const C_BLOCKS_PER_COLUMN: i32 = 12;
/** Blocks per line and column padded to whole MCUs (what jpeg-js allocates). */
export const C_PADDED_PER_LINE: i32 = 16;
export const C_PADDED_PER_COLUMN: i32 = 20;
/** Coefficients, 64 × i32 per padded block (in the order C_QUANT describes), row by row (progressive frames only). */
export const C_COEFFICIENTS: i32 = 24;
/** Samples, (blocks per line × 8) × (blocks per column × 8) bytes. */
export const C_PLANE: i32 = 28;
/** The quantisation table, 64 × i32 in the order of the blocks: natural for islow, transposed for idct.ts. */
export const C_QUANT: i32 = 32;
/** The Huffman tables the current scan selected (0 when the stream never defined them). */
export const C_DC_TABLE: i32 = 36;
export const C_AC_TABLE: i32 = 40;

/** Component record `index` of `frame`. */
@inline
export function component(frame: usize, index: i32): usize {
  return frame + FRAME_BYTES + <usize>(index * COMPONENT_BYTES);
}

/** The largest of field `field` (C_H or C_V) over the frame's `count` components, at least 1. */
export function maxFactor(frame: usize, count: i32, field: i32): i32 {
  let factor = 1;
  for (let i = 0; i < count; i++) factor = max(factor, load<i32>(component(frame, i) + <usize>field));
  return factor;
}

// Huffman table (built by src/codecs/jpegHuffman.ts): a 10-bit lookup, then canonical limits per length.
export const FAST_BITS: i32 = 10;
/** The FAST_BITS low bits. */
export const FAST_MASK: i32 = (1 << FAST_BITS) - 1;
/** u16[1024]: (length << 8) | value for codes of at most 10 bits, 0 otherwise. */
export const H_FAST: i32 = 0;
/** i32[17]: the largest code of each length 1..16 (-1 without codes of that length). */
export const H_MAX_CODE: i32 = 2048;
/** i32[17]: value index minus first code, per length. */
export const H_DELTA: i32 = 2116;
/** u8[256]: the values in code order. */
export const H_VALUES: i32 = 2184;
/**
 * i32[1024], for AC coefficients: (value << 16) | 256 | (run << 4) | bits when a 10-bit prefix holds a whole
 * code and its extra bits (jpeg-js's receiveAndExtend already applied), 512 | length for the end of block
 * (run 0, size 0), 0 otherwise.
 */
export const H_AC_FAST: i32 = 2440;
export const HUFFMAN_TABLE_BYTES: i32 = 6536;

// results of decodeScan besides an offset (≥ 0)
export const INVALID_HUFFMAN: i32 = -1;
export const UNEXPECTED_MARKER: i32 = -2;
export const MARKER_NOT_FOUND: i32 = -3;
export const INVALID_AC_REFINEMENT: i32 = -4;
export const MISSING_TABLE: i32 = -5;
/** The stream does something this port leaves to jpeg-js (e.g. a DC difference of more than 16 bits). */
export const FALLBACK: i32 = -100;
