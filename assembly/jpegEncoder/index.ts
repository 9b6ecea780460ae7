// The JPEG encoder: jpeg-js's baseline encoder ported (tables.ts, header.ts, fdct.ts, entropy.ts), with 4:2:0
// chroma subsampling added (sample.ts). The binding (src/codecs/jpegEncoderWasm.ts) copies the RGBA image
// after heapBase(), calls begin, then encodeRows for bands of MCU rows (each into an output buffer it copies
// out), then finish.
import { bitsEnd, finishBits, moveBits, startBits } from './bits';
import { encodeBlock } from './entropy';
import { PAIR_BYTES, transformPair } from './fdct';
import { writeHeader } from './header';
import { AC_CHROMINANCE, AC_LUMINANCE, buildCodes, DC_CHROMINANCE, DC_LUMINANCE } from './huffman';
import { sampleFull, sampleSubsampled } from './sample';
import { setQuality } from './tables';

/** A group: six blocks in three pairs (two 4:4:4 MCUs or one 4:2:0 MCU), then their coefficients. */
const PAIRS: usize = memory.data(3 * 64 * 16, 16);
const COEFFICIENTS: usize = memory.data(6 * 256, 16);

let subsampled = false;
let predictorY = 0;
let predictorCb = 0;
let predictorCr = 0;

/** First byte of linear memory free for the binding's use. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * Starts a frame of `width` × `height` at `quality` (1..100), 4:2:0 when `subsample`, and writes its headers at
 * `out`. Returns the address after them.
 */
export function begin(out: usize, width: i32, height: i32, quality: i32, subsample: bool): usize {
  buildCodes();
  setQuality(quality);
  subsampled = subsample;
  predictorY = 0;
  predictorCb = 0;
  predictorCr = 0;
  startBits(writeHeader(out, width, height, subsample));
  return bitsEnd();
}

/** The most bytes one MCU row of a `width`-pixel frame can take (≤ 512 per block, byte stuffing included). */
export function maxRowBytes(width: i32, subsample: bool): i32 {
  return subsample ? ((width + 15) >> 4) * 6 * 512 : ((width + 7) >> 3) * 3 * 512;
}

@inline
function codeBlock(block: usize, component: i32): void {
  const coefficients = COEFFICIENTS + block * 256;
  if (component == 0) predictorY = encodeBlock(coefficients, predictorY, DC_LUMINANCE, AC_LUMINANCE);
  else if (component == 1) predictorCb = encodeBlock(coefficients, predictorCb, DC_CHROMINANCE, AC_CHROMINANCE);
  else predictorCr = encodeBlock(coefficients, predictorCr, DC_CHROMINANCE, AC_CHROMINANCE);
}

/**
 * Encodes MCU rows `first`..`end - 1` of the RGBA image at `src` into `out` and returns the address after the
 * last whole byte written (at most maxRowBytes per row).
 */
export function encodeRows(src: usize, width: i32, height: i32, first: i32, end: i32, out: usize): usize {
  moveBits(out);
  if (subsampled) {
    for (let row = first; row < end; row++) {
      for (let x = 0; x < width; x += 16) {
        sampleSubsampled(PAIRS, src, width, height, x, row * 16);
        transformPair(PAIRS, 0, COEFFICIENTS);
        transformPair(PAIRS + PAIR_BYTES, 0, COEFFICIENTS + 512);
        transformPair(PAIRS + 2 * PAIR_BYTES, 3, COEFFICIENTS + 1024);
        for (let block: usize = 0; block < 4; block++) codeBlock(block, 0);
        codeBlock(4, 1);
        codeBlock(5, 2);
      }
    }
  } else {
    for (let row = first; row < end; row++) {
      for (let x = 0; x < width; x += 16) {
        const two = x + 8 < width;
        sampleFull(PAIRS, 0, src, width, height, x, row * 8);
        if (two) sampleFull(PAIRS, 3, src, width, height, x + 8, row * 8);
        transformPair(PAIRS, 1, COEFFICIENTS);
        transformPair(PAIRS + PAIR_BYTES, 2, COEFFICIENTS + 512);
        if (two) transformPair(PAIRS + 2 * PAIR_BYTES, 3, COEFFICIENTS + 1024);
        const blocks: usize = two ? 6 : 3;
        for (let block: usize = 0; block < blocks; block++) codeBlock(block, <i32>(block % 3));
      }
    }
  }
  return bitsEnd();
}

/** Completes the last byte, writes EOI at `out` (after the pending bits) and returns the address after it. */
export function finish(out: usize): usize {
  moveBits(out);
  finishBits();
  const end = bitsEnd();
  store<u8>(end, 0xff);
  store<u8>(end, 0xd9, 1);
  return end + 2;
}
