// Huffman coding of one block's quantised coefficients (zigzag order), as jpeg-js's processDU: the DC
// difference to the component's previous block, then run/size codes for the AC values, ZRL for each 16
// zeros before a value, EOB unless the last coefficient is non-zero.
import { putBits } from './bits';

/** The magnitude category of v (its bit length) combined with its value bits, as `bits << 5 | size`. */
@inline
function category(v: i32): u32 {
  const size = <u32>(32 - clz(abs(v)));
  const bits = <u32>(v < 0 ? v - 1 : v) & ((1 << size) - 1);
  return (bits << 5) | size;
}

@inline
function putCoded(table: usize, symbol: u32, valueCategory: u32): void {
  const code = load<u32>(table + (symbol << 2));
  const size = valueCategory & 31;
  putBits(((code >> 8) << size) | (valueCategory >> 5), (code & 0xff) + size);
}

/** Codes the 64 coefficients at `coefficients` (i32) and returns the DC value, the next block's predictor. */
export function encodeBlock(coefficients: usize, predictor: i32, dcTable: usize, acTable: usize): i32 {
  const dc = load<i32>(coefficients);
  const difference = category(dc - predictor);
  putCoded(dcTable, difference & 31, difference);
  let last = 63;
  while (last > 0 && load<i32>(coefficients + (<usize>last << 2)) == 0) last--;
  let run: u32 = 0;
  for (let i = 1; i <= last; i++) {
    const v = load<i32>(coefficients + (<usize>i << 2));
    if (v == 0) {
      run++;
      continue;
    }
    while (run >= 16) {
      putCoded(acTable, 0xf0, 0);
      run -= 16;
    }
    const value = category(v);
    putCoded(acTable, (run << 4) | (value & 31), value);
    run = 0;
  }
  if (last != 63) putCoded(acTable, 0x00, 0);
  return dc;
}
