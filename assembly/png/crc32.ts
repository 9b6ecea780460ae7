// CRC-32 (ISO 3309 / ITU-T V.42, the checksum of every PNG chunk), slicing by 8: eight 256-entry tables
// let each step fold 8 input bytes with 8 independent lookups instead of a chain of 8.

/** 8 tables × 256 entries × 4 bytes; table 0 is the classic byte-at-a-time table. */
const TABLES: usize = memory.data(8 * 256 * 4, 16);
let built = false;

function buildTables(): void {
  for (let n: u32 = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    store<u32>(TABLES + (<usize>n << 2), c);
  }
  for (let n: usize = 0; n < 256; n++) {
    let c = load<u32>(TABLES + (n << 2));
    for (let t: usize = 1; t < 8; t++) {
      c = load<u32>(TABLES + ((<usize>(c & 0xff)) << 2)) ^ (c >>> 8);
      store<u32>(TABLES + (t << 10) + (n << 2), c);
    }
  }
  built = true;
}

// @ts-ignore: decorator
@inline
function entry(table: usize, byte: u32): u32 {
  return load<u32>(TABLES + (table << 10) + (<usize>(byte & 0xff) << 2));
}

/** The CRC-32 of `length` bytes at `pointer`. */
export function crc32(pointer: usize, length: usize): u32 {
  if (!built) buildTables();
  let crc: u32 = 0xffffffff;
  let p = pointer;
  const end = pointer + length;
  for (; p + 8 <= end; p += 8) {
    const lo = load<u32>(p) ^ crc;
    const hi = load<u32>(p, 4);
    crc =
      entry(7, lo) ^ entry(6, lo >>> 8) ^ entry(5, lo >>> 16) ^ entry(4, lo >>> 24) ^
      entry(3, hi) ^ entry(2, hi >>> 8) ^ entry(1, hi >>> 16) ^ entry(0, hi >>> 24);
  }
  for (; p < end; p++) crc = entry(0, crc ^ load<u8>(p)) ^ (crc >>> 8);
  return crc ^ 0xffffffff;
}
