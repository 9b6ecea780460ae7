// Adler-32 (RFC 1950, 8.2), the checksum at the end of every zlib stream.

/** The most bytes summed before the sums must be reduced modulo 65521 to stay within 32 bits (zlib's NMAX). */
const NMAX: usize = 5552;
const BASE: u32 = 65521;

/** The Adler-32 of `length` bytes at `pointer`. */
export function adler32(pointer: usize, length: usize): u32 {
  let a: u32 = 1;
  let b: u32 = 0;
  let p = pointer;
  const end = pointer + length;
  while (p < end) {
    const chunkEnd = min(end, p + NMAX);
    for (; p + 8 <= chunkEnd; p += 8) {
      a += load<u8>(p); b += a;
      a += load<u8>(p, 1); b += a;
      a += load<u8>(p, 2); b += a;
      a += load<u8>(p, 3); b += a;
      a += load<u8>(p, 4); b += a;
      a += load<u8>(p, 5); b += a;
      a += load<u8>(p, 6); b += a;
      a += load<u8>(p, 7); b += a;
    }
    for (; p < chunkEnd; p++) {
      a += load<u8>(p);
      b += a;
    }
    a %= BASE;
    b %= BASE;
  }
  return (b << 16) | a;
}
