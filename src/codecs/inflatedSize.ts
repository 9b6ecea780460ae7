/**
 * How many bytes a zlib stream inflates to, found by walking its deflate blocks (RFC 1950/1951) without
 * writing any output: literals count one byte, a match counts its length. PNG decoding needs this because
 * pngjs's bundled zlib inflates the whole stream whatever its size (the output cap pngjs asks for is lost in
 * its browser bundle), so a few kilobytes of IDAT could otherwise inflate to gigabytes.
 *
 * The walk does as much work per input bit as a real inflater (a 9-bit lookup table per Huffman code, puff's
 * canonical decode for longer codes), allocates a few kilobytes, and stops as soon as the count exceeds the
 * caller's limit.
 */

const MAX_BITS = 15;
const FAST_BITS = 9;
const FAST_SIZE = 1 << FAST_BITS;
const END_OF_BLOCK = 256;

/** Match lengths (symbols 257..285): base and extra bits. */
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/** Distances (symbols 0..29): base and extra bits. */
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order in which code-length code lengths are stored in a dynamic block header. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A canonical Huffman code. */
interface Huffman {
  /** Indexed by the next FAST_BITS input bits: `symbol << 4 | length` for codes up to FAST_BITS long, else 0. */
  readonly fast: Uint16Array;
  /** Number of codes of each length 0..15. */
  readonly counts: Uint16Array;
  /** Symbols ordered by code (length, then value). */
  readonly symbols: Uint16Array;
}

/** Thrown inside the walk when the input ends or is invalid; the real decoder reports what is wrong. */
const STOP = Symbol('stop');

function reverseBits(code: number, length: number): number {
  let reversed = 0;
  for (let i = 0; i < length; i++) {
    reversed = (reversed << 1) | (code & 1);
    code >>>= 1;
  }
  return reversed;
}

/** The canonical code of `lengths[0..n)`, or STOP when over-subscribed (incomplete codes are allowed). */
function buildHuffman(lengths: Uint8Array, n: number): Huffman {
  const counts = new Uint16Array(MAX_BITS + 1);
  for (let s = 0; s < n; s++) counts[lengths[s]]++;
  counts[0] = 0;
  let left = 1;
  for (let length = 1; length <= MAX_BITS; length++) {
    left = (left << 1) - counts[length];
    if (left < 0) throw STOP;
  }
  const offsets = new Uint16Array(MAX_BITS + 1);
  for (let length = 1; length < MAX_BITS; length++) offsets[length + 1] = offsets[length] + counts[length];
  const symbols = new Uint16Array(n);
  for (let s = 0; s < n; s++) if (lengths[s] !== 0) symbols[offsets[lengths[s]]++] = s;
  const fast = new Uint16Array(FAST_SIZE);
  let code = 0;
  let index = 0;
  for (let length = 1; length <= FAST_BITS; length++) {
    for (let i = 0; i < counts[length]; i++) {
      const entry = (symbols[index + i] << 4) | length;
      for (let k = reverseBits(code + i, length); k < FAST_SIZE; k += 1 << length) fast[k] = entry;
    }
    index += counts[length];
    code = (code + counts[length]) << 1;
  }
  return { fast, counts, symbols };
}

let fixedCodes: { literals: Huffman; distances: Huffman } | undefined;

/** The fixed codes of block type 1 (RFC 1951, 3.2.6), built on first use. */
function fixed(): { literals: Huffman; distances: Huffman } {
  if (!fixedCodes) {
    const lengths = new Uint8Array(288);
    lengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
    fixedCodes = { literals: buildHuffman(lengths, 288), distances: buildHuffman(new Uint8Array(30).fill(5), 30) };
  }
  return fixedCodes;
}

/** LSB-first bit reader over `data`, throwing STOP past its end. */
class Bits {
  private buffer = 0;
  private count = 0;

  constructor(
    private readonly data: Uint8Array,
    private position: number,
  ) {}

  /** The next `n` (0..16) bits as a number. */
  take(n: number): number {
    while (this.count < n) {
      if (this.position >= this.data.length) throw STOP;
      this.buffer |= this.data[this.position++] << this.count;
      this.count += 8;
    }
    const value = this.buffer & ((1 << n) - 1);
    this.buffer >>>= n;
    this.count -= n;
    return value;
  }

  /** The next symbol of `code`. */
  decode(code: Huffman): number {
    while (this.count < FAST_BITS && this.position < this.data.length) {
      this.buffer |= this.data[this.position++] << this.count;
      this.count += 8;
    }
    const entry = code.fast[this.buffer & (FAST_SIZE - 1)];
    const length = entry & 15;
    if (entry !== 0 && length <= this.count) {
      this.buffer >>>= length;
      this.count -= length;
      return entry >>> 4;
    }
    return this.decodeSlowly(code);
  }

  /** puff's canonical decode, one bit at a time: codes longer than FAST_BITS, or the last bits of the input. */
  private decodeSlowly({ counts, symbols }: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let length = 1; length <= MAX_BITS; length++) {
      code |= this.take(1);
      const count = counts[length];
      if (code - count < first) return symbols[index + (code - first)];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw STOP; // no such code
  }

  /** Drops the bits up to the next byte boundary and returns the position of that byte. */
  alignToByte(): number {
    const position = this.position - (this.count >>> 3);
    this.buffer = 0;
    this.count = 0;
    return position;
  }

  seek(position: number): void {
    this.position = position;
  }
}

/** Reads the code-length code and then the literal/length and distance codes of a dynamic block. */
function readDynamicCodes(bits: Bits): { literals: Huffman; distances: Huffman } {
  const literalCount = bits.take(5) + 257;
  const distanceCount = bits.take(5) + 1;
  const codeLengthCount = bits.take(4) + 4;
  if (literalCount > 286 || distanceCount > 30) throw STOP;
  const codeLengthLengths = new Uint8Array(19);
  for (let i = 0; i < codeLengthCount; i++) codeLengthLengths[CODE_LENGTH_ORDER[i]] = bits.take(3);
  const codeLengths = buildHuffman(codeLengthLengths, 19);
  const lengths = new Uint8Array(literalCount + distanceCount);
  for (let i = 0; i < lengths.length; ) {
    const symbol = bits.decode(codeLengths);
    if (symbol < 16) {
      lengths[i++] = symbol;
      continue;
    }
    let value = 0;
    let repeat: number;
    if (symbol === 16) {
      if (i === 0) throw STOP;
      value = lengths[i - 1];
      repeat = 3 + bits.take(2);
    } else if (symbol === 17) {
      repeat = 3 + bits.take(3);
    } else {
      repeat = 11 + bits.take(7);
    }
    if (i + repeat > lengths.length) throw STOP;
    lengths.fill(value, i, i + repeat);
    i += repeat;
  }
  if (lengths[END_OF_BLOCK] === 0) throw STOP;
  return {
    literals: buildHuffman(lengths.subarray(0, literalCount), literalCount),
    distances: buildHuffman(lengths.subarray(literalCount), distanceCount),
  };
}

/**
 * The number of bytes the zlib stream `data` inflates to, or the first count above `limit` as soon as the
 * output would exceed it. When the stream is truncated or invalid the count so far is returned: deciding
 * that it is corrupt is left to the real decoder.
 *
 * @param data - a zlib stream (2-byte header, deflate blocks, Adler-32)
 * @param limit - the largest output the caller accepts
 * @example
 * if (inflatedSize(idat, expectedBytes) > expectedBytes) throw corruptImage('png', 'too much image data');
 */
export function inflatedSize(data: Uint8Array, limit: number): number {
  if (data.length < 2 || (data[0] & 0x0f) !== 8) return 0; // not deflate
  const bits = new Bits(data, data[1] & 0x20 ? 6 : 2); // skip the header (and a preset dictionary id)
  let size = 0;
  try {
    let last = 0;
    while (last === 0) {
      last = bits.take(1);
      const type = bits.take(2);
      if (type === 0) {
        const at = bits.alignToByte();
        if (at + 4 > data.length) return size;
        const length = data[at] | (data[at + 1] << 8);
        if ((length ^ 0xffff) !== (data[at + 2] | (data[at + 3] << 8))) return size;
        size += Math.min(length, data.length - at - 4);
        if (size > limit || at + 4 + length > data.length) return size;
        bits.seek(at + 4 + length);
        continue;
      }
      if (type === 3) return size;
      const { literals, distances } = type === 1 ? fixed() : readDynamicCodes(bits);
      for (;;) {
        let symbol = bits.decode(literals);
        if (symbol < END_OF_BLOCK) {
          if (++size > limit) return size;
          continue;
        }
        if (symbol === END_OF_BLOCK) break;
        symbol -= 257;
        if (symbol >= 29) return size;
        const length = LENGTH_BASE[symbol] + bits.take(LENGTH_EXTRA[symbol]);
        const distanceSymbol = bits.decode(distances);
        if (distanceSymbol >= 30) return size;
        const distance = DISTANCE_BASE[distanceSymbol] + bits.take(DISTANCE_EXTRA[distanceSymbol]);
        if (distance > size) return size; // reaches back before the start of the output
        size += length;
        if (size > limit) return size;
      }
    }
  } catch (error) {
    if (error !== STOP) throw error;
  }
  return size;
}
