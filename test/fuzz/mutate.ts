// The mutation fuzzer's case generator: a seed picks a corpus file and one to three mutations, some blind
// (bit flips, inserted and deleted bytes, truncation) and some aware of PNG chunks and JPEG markers (lengths,
// CRCs, header fields, huge dimensions, recompressed image data), so that damage reaches the decoders behind
// their first checks. Everything is a pure function of the seed.
import { deflateSync, inflateSync } from 'node:zlib';
import { concat, fixPngCrcs, jpegMarkers, pngChunks, sofOffset } from '../helpers/formats.js';
import { Rng } from './rng.js';

export type SampleFormat = 'png' | 'jpeg' | 'other';

/** A file the mutations start from. */
export interface Sample {
  readonly name: string;
  readonly format: SampleFormat;
  readonly bytes: Uint8Array;
}

/** One generated input: where it came from and what was done to it, so a report says more than a seed. */
export interface FuzzCase {
  readonly seed: number;
  readonly source: string;
  readonly steps: readonly string[];
  readonly bytes: Uint8Array;
}

interface Mutation {
  readonly bytes: Uint8Array;
  readonly step: string;
}

type Mutator = (bytes: Uint8Array, rng: Rng, sample: Sample, corpus: readonly Sample[]) => Mutation | undefined;

const INTERESTING_BYTES = [0x00, 0x01, 0x02, 0x07, 0x08, 0x0f, 0x10, 0x7f, 0x80, 0xc0, 0xd8, 0xd9, 0xda, 0xfe, 0xff];
const INTERESTING_U32 = [0, 1, 2, 7, 8, 13, 255, 256, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
const INTERESTING_U16 = [0, 1, 2, 7, 8, 9, 15, 16, 17, 255, 256, 4096, 16383, 16384, 32767, 32768, 65534, 65535];

function setU32(bytes: Uint8Array, at: number, value: number): void {
  if (at + 4 <= bytes.length) new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(at, value >>> 0);
}

function setU16(bytes: Uint8Array, at: number, value: number): void {
  if (at + 2 <= bytes.length) new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint16(at, value & 0xffff);
}

/** Offsets where a structure begins or ends: chunk and marker boundaries, payload starts. */
export function boundaries(bytes: Uint8Array, format: SampleFormat): number[] {
  const points = new Set<number>([0, bytes.length]);
  if (format === 'png') {
    points.add(8);
    for (const chunk of pngChunks(bytes)) [chunk.start, chunk.start + 4, chunk.data, chunk.end - 4, chunk.end].forEach((p) => points.add(p));
  } else if (format === 'jpeg') {
    for (const marker of jpegMarkers(bytes)) [marker.start, marker.start + 2, marker.start + 4, marker.end].forEach((p) => points.add(p));
  }
  return [...points].filter((p) => p >= 0 && p <= bytes.length).sort((a, b) => a - b);
}

function position(bytes: Uint8Array, rng: Rng, sample: Sample): number {
  if (rng.chance(0.5)) return Math.min(bytes.length, rng.pick(boundaries(bytes, sample.format)) + rng.range(-2, 2));
  return rng.int(bytes.length + 1);
}

// ---- blind mutations ---------------------------------------------------------------------------------

const flipBits: Mutator = (bytes, rng) => {
  if (bytes.length === 0) return undefined;
  const out = bytes.slice();
  const n = rng.range(1, 8);
  for (let i = 0; i < n; i++) out[rng.int(out.length)] ^= 1 << rng.int(8);
  return { bytes: out, step: `flip ${n} bits` };
};

const setBytes: Mutator = (bytes, rng) => {
  if (bytes.length === 0) return undefined;
  const out = bytes.slice();
  const n = rng.range(1, 4);
  for (let i = 0; i < n; i++) out[rng.int(out.length)] = rng.chance(0.7) ? rng.pick(INTERESTING_BYTES) : rng.int(256);
  return { bytes: out, step: `set ${n} bytes` };
};

const insertBytes: Mutator = (bytes, rng, sample) => {
  const at = position(bytes, rng, sample);
  const length = rng.pick([1, 2, 3, 4, 8, 16, 64, 1000]);
  const kind = rng.int(3);
  const inserted =
    kind === 0 ? rng.bytes(length) : kind === 1 ? new Uint8Array(length).fill(rng.pick(INTERESTING_BYTES)) : bytes.slice(rng.int(bytes.length), rng.int(bytes.length) + length);
  return { bytes: concat(bytes.subarray(0, at), inserted, bytes.subarray(at)), step: `insert ${inserted.length} bytes at ${at}` };
};

const deleteBytes: Mutator = (bytes, rng, sample) => {
  if (bytes.length === 0) return undefined;
  const at = Math.min(position(bytes, rng, sample), bytes.length - 1);
  const length = Math.min(rng.pick([1, 2, 3, 4, 8, 16, 64, 1000]), bytes.length - at);
  return { bytes: concat(bytes.subarray(0, at), bytes.subarray(at + length)), step: `delete ${length} bytes at ${at}` };
};

const truncate: Mutator = (bytes, rng, sample) => {
  const at = Math.max(0, position(bytes, rng, sample) - (rng.chance(0.5) ? 0 : 1));
  return at < bytes.length ? { bytes: bytes.slice(0, at), step: `truncate at ${at}` } : undefined;
};

const splice: Mutator = (bytes, rng, _sample, corpus) => {
  const other = rng.pick(corpus);
  const at = rng.int(bytes.length + 1);
  const from = rng.int(other.bytes.length + 1);
  return { bytes: concat(bytes.subarray(0, at), other.bytes.subarray(from)), step: `splice ${other.name}[${from}..] at ${at}` };
};

// ---- PNG-aware mutations -----------------------------------------------------------------------------

const pngChunkLength: Mutator = (bytes, rng) => {
  const chunks = pngChunks(bytes);
  if (chunks.length === 0) return undefined;
  const chunk = rng.pick(chunks);
  const value = rng.chance(0.5) ? rng.pick(INTERESTING_U32) : chunk.length + rng.range(-4, 4);
  const out = bytes.slice();
  setU32(out, chunk.start, value);
  return { bytes: out, step: `${chunk.type} length ${chunk.length} → ${value >>> 0}` };
};

const pngCrc: Mutator = (bytes, rng) => {
  const chunks = pngChunks(bytes).filter((c) => c.end <= bytes.length);
  if (chunks.length === 0) return undefined;
  const chunk = rng.pick(chunks);
  const out = bytes.slice();
  out[chunk.end - 1 - rng.int(4)] ^= 1 << rng.int(8);
  return { bytes: out, step: `corrupt ${chunk.type} CRC` };
};

const pngIhdr: Mutator = (bytes, rng) => {
  const ihdr = pngChunks(bytes).find((c) => c.type === 'IHDR');
  if (!ihdr || ihdr.data + 13 > bytes.length) return undefined;
  const out = bytes.slice();
  const field = rng.int(4);
  if (field === 0) {
    const [w, h] = [rng.pick(INTERESTING_U32), rng.chance(0.5) ? rng.pick(INTERESTING_U32) : rng.range(1, 5000)];
    setU32(out, ihdr.data, rng.chance(0.5) ? w : h);
    setU32(out, ihdr.data + 4, rng.chance(0.5) ? h : w);
    return { bytes: out, step: `IHDR size → ${new DataView(out.buffer).getUint32(ihdr.data)}×${new DataView(out.buffer).getUint32(ihdr.data + 4)}` };
  }
  if (field === 1) {
    out[ihdr.data + 8] = rng.pick([0, 1, 2, 3, 4, 5, 8, 16, 32]);
    out[ihdr.data + 9] = rng.pick([0, 1, 2, 3, 4, 5, 6, 7]);
    return { bytes: out, step: `IHDR bit depth ${out[ihdr.data + 8]}, colour type ${out[ihdr.data + 9]}` };
  }
  if (field === 2) {
    out[ihdr.data + 12] ^= 1;
    return { bytes: out, step: `IHDR interlace → ${out[ihdr.data + 12]}` };
  }
  out[ihdr.data + 10 + rng.int(3)] = rng.pick([1, 2, 255]);
  return { bytes: out, step: 'IHDR compression/filter/interlace method → invalid' };
};

/** Replaces the image data with a valid zlib stream of the wrong amount (or garbage) of scanline bytes. */
const pngRecompress: Mutator = (bytes, rng) => {
  const chunks = pngChunks(bytes);
  const idats = chunks.filter((c) => c.type === 'IDAT' && c.end <= bytes.length);
  if (idats.length === 0) return undefined;
  const scanlines = inflateOrEmpty(concat(...idats.map((c) => bytes.subarray(c.data, c.data + c.length))));
  const delta = rng.pick([-1000, -64, -2, -1, 1, 2, 64, 1000, 100_000]);
  const length = Math.max(0, scanlines.length + delta);
  const data = new Uint8Array(length);
  data.set(scanlines.subarray(0, length));
  if (rng.chance(0.5)) for (let i = scanlines.length; i < length; i++) data[i] = rng.int(256);
  if (rng.chance(0.3)) for (let i = 0; i < length; i += rng.range(1, 500)) data[i] = rng.int(8); // bad filter types
  const stream = new Uint8Array(deflateSync(data, { level: rng.range(0, 9) }));
  const first = idats[0];
  const last = idats[idats.length - 1];
  const header = new Uint8Array(8);
  setU32(header, 0, stream.length);
  header.set([0x49, 0x44, 0x41, 0x54], 4);
  const out = concat(bytes.subarray(0, first.start), header, stream, new Uint8Array(4), bytes.subarray(last.end));
  return { bytes: fixPngCrcs(out), step: `IDAT recompressed with ${delta > 0 ? '+' : ''}${delta} scanline bytes` };
};

/** What a zlib stream inflates to (at most 16 MB), or nothing when zlib rejects it. */
function inflateOrEmpty(stream: Uint8Array): Uint8Array {
  try {
    return new Uint8Array(inflateSync(stream, { maxOutputLength: 16 * 2 ** 20 }));
  } catch {
    return new Uint8Array();
  }
}

const pngIdatDamage: Mutator = (bytes, rng) => {
  const idats = pngChunks(bytes).filter((c) => c.type === 'IDAT' && c.end <= bytes.length && c.length > 0);
  if (idats.length === 0) return undefined;
  const chunk = rng.pick(idats);
  const out = bytes.slice();
  const n = rng.range(1, 4);
  for (let i = 0; i < n; i++) out[chunk.data + rng.int(chunk.length)] ^= 1 << rng.int(8);
  return { bytes: fixPngCrcs(out), step: `flip ${n} bits in IDAT at ${chunk.start} (CRCs fixed)` };
};

const pngChunkOrder: Mutator = (bytes, rng) => {
  const chunks = pngChunks(bytes).filter((c) => c.end <= bytes.length);
  if (chunks.length < 2) return undefined;
  const chunk = rng.pick(chunks);
  const body = bytes.subarray(chunk.start, chunk.end);
  const kind = rng.int(3);
  if (kind === 0) return { bytes: concat(bytes.subarray(0, chunk.start), bytes.subarray(chunk.end)), step: `remove ${chunk.type}` };
  const at = rng.pick(chunks).start;
  if (kind === 1) return { bytes: concat(bytes.subarray(0, at), body, bytes.subarray(at)), step: `duplicate ${chunk.type} before offset ${at}` };
  const out = bytes.slice();
  out[chunk.start + 4 + rng.int(4)] ^= 0x20; // flips a letter's case: critical ↔ ancillary, unknown types
  return { bytes: fixPngCrcs(out), step: `rename ${chunk.type} → ${String.fromCharCode(...out.subarray(chunk.start + 4, chunk.start + 8))}` };
};

// ---- JPEG-aware mutations ----------------------------------------------------------------------------

/** The SOF segment's offset, or undefined when the bytes have none a mutator could edit. */
function sofOffsetOrUndefined(bytes: Uint8Array): number | undefined {
  try {
    return sofOffset(bytes);
  } catch {
    return undefined;
  }
}

const jpegSofDims: Mutator = (bytes, rng) => {
  const sof = sofOffsetOrUndefined(bytes);
  if (sof === undefined) return undefined;
  const out = bytes.slice();
  const height = rng.chance(0.6) ? rng.pick(INTERESTING_U16) : rng.range(1, 4000);
  const width = rng.chance(0.6) ? rng.pick(INTERESTING_U16) : rng.range(1, 4000);
  if (rng.chance(0.8)) setU16(out, sof + 5, height);
  if (rng.chance(0.8)) setU16(out, sof + 7, width);
  return { bytes: out, step: `SOF size → ${(out[sof + 7] << 8) | out[sof + 8]}×${(out[sof + 5] << 8) | out[sof + 6]}` };
};

const jpegSofComponents: Mutator = (bytes, rng) => {
  const sof = sofOffsetOrUndefined(bytes);
  if (sof === undefined) return undefined;
  const out = bytes.slice();
  const count = out[sof + 9];
  const kind = rng.int(4);
  if (kind === 0) {
    out[sof + 9] = rng.pick([0, 1, 2, 3, 4, 5, 255]);
    return { bytes: out, step: `SOF component count ${count} → ${out[sof + 9]}` };
  }
  const component = sof + 10 + 3 * rng.int(Math.max(1, count));
  if (component + 3 > out.length) return undefined;
  if (kind === 1) out[component + 1] = (rng.range(0, 15) << 4) | rng.range(0, 15);
  else if (kind === 2) out[component] = rng.pick([0, 1, 2, 3, 4, 255]);
  else out[component + 2] = rng.pick([0, 1, 2, 3, 4, 15]);
  return { bytes: out, step: `SOF component ${['', 'sampling', 'id', 'quantisation table'][kind]} changed` };
};

const jpegSegmentDamage: Mutator = (bytes, rng) => {
  const segments = jpegMarkers(bytes).filter((m) => m.end - m.start > 4);
  if (segments.length === 0) return undefined;
  const segment = rng.pick(segments);
  const out = bytes.slice();
  const kind = rng.int(3);
  if (kind === 0) {
    const length = (out[segment.start + 2] << 8) | out[segment.start + 3];
    setU16(out, segment.start + 2, rng.chance(0.5) ? rng.pick(INTERESTING_U16) : length + rng.range(-3, 3));
    return { bytes: out, step: `marker FF${segment.marker.toString(16)} length ${length} → ${(out[segment.start + 2] << 8) | out[segment.start + 3]}` };
  }
  const n = rng.range(1, 3);
  for (let i = 0; i < n; i++) {
    const at = segment.start + 4 + rng.int(segment.end - segment.start - 4);
    out[at] = kind === 1 ? rng.pick(INTERESTING_BYTES) : out[at] ^ (1 << rng.int(8));
  }
  return { bytes: out, step: `damage ${n} bytes inside marker FF${segment.marker.toString(16)} segment` };
};

const jpegMarkerSurgery: Mutator = (bytes, rng) => {
  const markers = jpegMarkers(bytes);
  if (markers.length < 2) return undefined;
  const kind = rng.int(3);
  if (kind === 0) {
    const marker = rng.pick(markers);
    return { bytes: concat(bytes.subarray(0, marker.start), bytes.subarray(marker.end)), step: `remove marker FF${marker.marker.toString(16)}` };
  }
  if (kind === 1) {
    const marker = rng.pick(markers);
    const at = rng.pick(markers).start;
    return { bytes: concat(bytes.subarray(0, at), bytes.subarray(marker.start, marker.end), bytes.subarray(at)), step: `duplicate marker FF${marker.marker.toString(16)}` };
  }
  const at = rng.int(bytes.length);
  const code = rng.pick([0xd0, 0xd7, 0xd8, 0xd9, 0xda, 0xc0, 0xc2, 0xc4, 0xdb, 0xdd, 0xe1, 0xfe, 0x01, 0xff]);
  return { bytes: concat(bytes.subarray(0, at), new Uint8Array([0xff, code]), bytes.subarray(at)), step: `insert marker FF${code.toString(16)} at ${at}` };
};

/** Repeats one scan (its header and entropy-coded data) many times, as a scan-count bomb does. */
const jpegRepeatScan: Mutator = (bytes, rng) => {
  const markers = jpegMarkers(bytes);
  const sosIndex = markers.findIndex((m) => m.marker === 0xda);
  if (sosIndex < 0) return undefined;
  const start = markers[sosIndex].start;
  const end = markers[sosIndex + 1]?.start ?? bytes.length;
  const times = rng.pick([2, 10, 100, 300]);
  const scan = bytes.subarray(start, end);
  return { bytes: concat(bytes.subarray(0, end), ...new Array<Uint8Array>(times).fill(scan), bytes.subarray(end)), step: `repeat the first scan ${times} times` };
};

const BLIND: readonly Mutator[] = [flipBits, setBytes, insertBytes, deleteBytes, truncate, splice];
const PNG_AWARE: readonly Mutator[] = [pngChunkLength, pngCrc, pngIhdr, pngIhdr, pngRecompress, pngIdatDamage, pngIdatDamage, pngChunkOrder];
const JPEG_AWARE: readonly Mutator[] = [jpegSofDims, jpegSofComponents, jpegSegmentDamage, jpegSegmentDamage, jpegMarkerSurgery, jpegRepeatScan];

/**
 * The case for `seed`: a corpus file, then one to three mutations (half of them format-aware). PNG cases
 * mostly get their CRCs recomputed at the end, so that the damage reaches pngjs's parser and zlib rather than
 * stopping at the first CRC check.
 */
export function makeCase(seed: number, corpus: readonly Sample[]): FuzzCase {
  const rng = new Rng(seed);
  const sample = rng.pick(corpus);
  let bytes = sample.bytes;
  const steps: string[] = [];
  const rounds = rng.pick([1, 1, 1, 2, 2, 3]);
  for (let round = 0; round < rounds; round++) {
    const aware = sample.format === 'png' ? PNG_AWARE : sample.format === 'jpeg' ? JPEG_AWARE : BLIND;
    const mutator = rng.chance(0.5) ? rng.pick(aware) : rng.pick(BLIND);
    const mutation = mutator(bytes, rng, sample, corpus);
    if (!mutation) continue;
    bytes = mutation.bytes;
    steps.push(mutation.step);
  }
  if (sample.format === 'png' && rng.chance(0.6) && !steps.some((s) => s.includes('CRC'))) {
    bytes = fixPngCrcs(bytes);
    steps.push('CRCs fixed');
  }
  return { seed, source: sample.name, steps, bytes };
}
