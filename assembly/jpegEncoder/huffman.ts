// The encoder's Huffman codes, built from the standard tables (tables.ts) as jpeg-js's computeHuffmanTbl:
// canonical codes in order of length. Each entry is a u32 `code << 8 | length`.
import {
  AC_CHROMINANCE_COUNTS, AC_CHROMINANCE_VALUES, AC_LUMINANCE_COUNTS, AC_LUMINANCE_VALUES, DC_CHROMINANCE_COUNTS,
  DC_CHROMINANCE_VALUES, DC_LUMINANCE_COUNTS, DC_LUMINANCE_VALUES,
} from './tables';

/** Four tables of 256 codes: DC luminance, AC luminance, DC chrominance, AC chrominance. */
export const CODES: usize = memory.data(4 * 256 * 4, 16);
export const DC_LUMINANCE: usize = CODES;
export const AC_LUMINANCE: usize = CODES + 1024;
export const DC_CHROMINANCE: usize = CODES + 2048;
export const AC_CHROMINANCE: usize = CODES + 3072;

function build(counts: StaticArray<u8>, values: StaticArray<u8>, table: usize): void {
  let code: u32 = 0;
  let position = 0;
  for (let length: u32 = 1; length <= 16; length++) {
    for (let j: u32 = 0; j < counts[length - 1]; j++) {
      store<u32>(table + (<usize>values[position++] << 2), (code << 8) | length);
      code++;
    }
    code <<= 1;
  }
}

let built = false;

/** Builds the four tables once. */
export function buildCodes(): void {
  if (built) return;
  build(DC_LUMINANCE_COUNTS, DC_LUMINANCE_VALUES, DC_LUMINANCE);
  build(AC_LUMINANCE_COUNTS, AC_LUMINANCE_VALUES, AC_LUMINANCE);
  build(DC_CHROMINANCE_COUNTS, DC_CHROMINANCE_VALUES, DC_CHROMINANCE);
  build(AC_CHROMINANCE_COUNTS, AC_CHROMINANCE_VALUES, AC_CHROMINANCE);
  built = true;
}
