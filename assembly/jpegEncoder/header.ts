// The segments before the entropy-coded data, byte for byte as jpeg-js writes them (SOI, JFIF APP0, DQT,
// SOF0, DHT, SOS), with the luma sampling factors of SOF0 2×2 for 4:2:0.
import {
  AC_CHROMINANCE_COUNTS, AC_CHROMINANCE_VALUES, AC_LUMINANCE_COUNTS, AC_LUMINANCE_VALUES, DC_CHROMINANCE_COUNTS,
  DC_CHROMINANCE_VALUES, DC_LUMINANCE_COUNTS, DC_LUMINANCE_VALUES, QUANT,
} from './tables';

let cursor: usize = 0;

function byte(value: i32): void {
  store<u8>(cursor++, <u8>value);
}

function word(value: i32): void {
  byte(value >> 8);
  byte(value & 0xff);
}

function bytes(values: StaticArray<u8>): void {
  for (let i = 0; i < values.length; i++) byte(values[i]);
}

function huffmanTable(id: i32, counts: StaticArray<u8>, values: StaticArray<u8>): void {
  byte(id);
  bytes(counts);
  bytes(values);
}

/** Writes the headers at `out` and returns the address after them. */
export function writeHeader(out: usize, width: i32, height: i32, subsampled: bool): usize {
  cursor = out;
  word(0xffd8); // SOI
  word(0xffe0); // APP0: JFIF 1.1, no units, 1:1 density, no thumbnail
  word(16);
  byte(0x4a); byte(0x46); byte(0x49); byte(0x46); byte(0);
  byte(1); byte(1); byte(0); word(1); word(1); byte(0); byte(0);
  word(0xffdb); // DQT: table 0 luminance, table 1 chrominance
  word(132);
  byte(0);
  for (let i: usize = 0; i < 64; i++) byte(load<u8>(QUANT + i));
  byte(1);
  for (let i: usize = 0; i < 64; i++) byte(load<u8>(QUANT + 64 + i));
  word(0xffc0); // SOF0: 8 bits, three components Y (table 0), Cb, Cr (table 1)
  word(17);
  byte(8);
  word(height);
  word(width);
  byte(3);
  byte(1); byte(subsampled ? 0x22 : 0x11); byte(0);
  byte(2); byte(0x11); byte(1);
  byte(3); byte(0x11); byte(1);
  word(0xffc4); // DHT: the four standard tables
  word(0x01a2);
  huffmanTable(0x00, DC_LUMINANCE_COUNTS, DC_LUMINANCE_VALUES);
  huffmanTable(0x10, AC_LUMINANCE_COUNTS, AC_LUMINANCE_VALUES);
  huffmanTable(0x01, DC_CHROMINANCE_COUNTS, DC_CHROMINANCE_VALUES);
  huffmanTable(0x11, AC_CHROMINANCE_COUNTS, AC_CHROMINANCE_VALUES);
  word(0xffda); // SOS: all three components, full spectrum
  word(12);
  byte(3);
  byte(1); byte(0);
  byte(2); byte(0x11);
  byte(3); byte(0x11);
  byte(0); byte(0x3f); byte(0);
  return cursor;
}
