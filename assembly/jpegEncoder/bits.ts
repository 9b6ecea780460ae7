// The entropy-coded segment's bit writer: most significant bit first, a 0x00 stuffed after every 0xFF byte
// (jpeg-js's writeBits, 64 bits at a time instead of one). The bits not yet forming a byte stay in `pending`
// between calls, so a frame is written in several calls (one per band of MCU rows).

let pending: u64 = 0;
let pendingBits: u32 = 0;
/** Where the next byte goes. */
let cursor: usize = 0;

/** Starts writing at `out` with no pending bits. */
export function startBits(out: usize): void {
  pending = 0;
  pendingBits = 0;
  cursor = out;
}

/** Continues at `out` (a new output buffer), keeping the pending bits. */
export function moveBits(out: usize): void {
  cursor = out;
}

/** The address after the last byte written. */
export function bitsEnd(): usize {
  return cursor;
}

@inline
function flushBytes(): void {
  while (pendingBits >= 8) {
    pendingBits -= 8;
    const byte = <u8>(pending >> pendingBits);
    store<u8>(cursor, byte);
    cursor++;
    if (byte == 0xff) {
      store<u8>(cursor, 0);
      cursor++;
    }
  }
}

/** Appends the low `length` bits of `value` (length ≤ 32). */
@inline
export function putBits(value: u32, length: u32): void {
  pending = (pending << length) | <u64>value;
  pendingBits += length;
  if (pendingBits >= 32) flushBytes();
}

/**
 * Ends the segment as jpeg-js does: the current byte is completed with one bits — a whole 0xFF byte (and
 * its stuffed 0x00) when no bits were pending.
 */
export function finishBits(): void {
  const fill = 8 - (pendingBits & 7);
  putBits((1 << fill) - 1, fill);
  flushBytes();
}
