/**
 * CRC-32 (ISO 3309, the checksum of every PNG chunk), bit by bit: it only ever covers the 17 bytes
 * of an IHDR chunk here, so no table is worth building.
 *
 * @example
 * crc32(new TextEncoder().encode('IEND')); // 0xae426082
 */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
