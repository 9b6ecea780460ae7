import type { AugkitImage } from '../image.js';
import { bytesAt, reserve } from '../wasm/memory.js';
import { pngModule, type PngExports } from '../wasm/png.js';
import { ownedView } from './bytes.js';
import { chunkCrc } from './chunkCrc.js';
import { corruptImage, decoderFailed } from './codecErrors.js';
import type { DecoderChoice } from './decode.js';
import { chunkName, isAncillary, walkPngChunks, type PngChunk, type PngChunkList } from './pngChunks.js';
import type { PngHeader } from './pngHeader.js';
import { checkImageDataLength, filterBytesPerPixel, imageDataBytes, pngPasses } from './pngImageData.js';
import { INFLATE_SLACK, inflateImageData, refuseBomb } from './pngInflate.js';
import { loadPngjs } from './pngjs.js';
import { readTransparency, type Transparency } from './pngTransparency.js';

const IDAT = 0x49444154;
const PALETTE_BYTES = 256 * 4;

/**
 * Copies the chunks into WebAssembly memory at `file`, checks their CRCs and gathers the IDAT payloads,
 * joined, at `file` (each moves down over chunks already checked). A critical chunk with a bad CRC is
 * CORRUPT_IMAGE; an ancillary one is dropped, as libpng does by default. Returns the chunks that passed.
 */
function checkAndJoin(k: PngExports, bytes: Uint8Array, { chunks, end }: PngChunkList, file: number): PngChunk[] {
  const memory = bytesAt(0, k.memory.buffer.byteLength, k);
  memory.set(bytes.subarray(0, end), file);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: PngChunk[] = [];
  let joined = file;
  for (const chunk of chunks) {
    const { type, start, length } = chunk;
    if (chunkCrc(k, file + start + 4, length + 4) !== view.getUint32(start + 8 + length)) {
      if (isAncillary(type)) continue;
      throw corruptImage('png', `a ${chunkName(type)} chunk at offset ${start} whose CRC does not match its contents`);
    }
    kept.push(chunk);
    if (type === IDAT) {
      memory.copyWithin(joined, file + start + 8, file + start + 8 + length);
      joined += length;
    }
  }
  return kept;
}

/** The palette as RGBA words at `at` (alpha from tRNS, else 255). */
function writePalette(memory: Uint8Array, at: number, transparency: Transparency): void {
  const { palette, alpha } = transparency;
  for (let i = 0; i < palette.length / 3; i++) {
    memory.set(palette.subarray(i * 3, i * 3 + 3), at + i * 4);
    memory[at + i * 4 + 3] = i < alpha.length ? alpha[i]! : 255;
  }
}

function decodeWithWasm(bytes: Uint8Array, header: PngHeader, list: PngChunkList): AugkitImage {
  const { width, height, colorType, bitDepth } = header;
  const expected = imageDataBytes(header);
  const pixelBytes = width * height * 4;
  return pngModule.call('decode', (k) => {
    const [file, inflated, rgba, palette] = reserve([list.end, expected + INFLATE_SLACK, pixelBytes, PALETTE_BYTES], k) as [
      number, number, number, number,
    ];
    const chunks = checkAndJoin(k, bytes, list, file);
    const transparency = readTransparency(bytes, header, chunks);
    const memory = bytesAt(0, k.memory.buffer.byteLength, k);
    writePalette(memory, palette, transparency);
    const compressed = chunks.reduce((n, chunk) => n + (chunk.type === IDAT ? chunk.length : 0), 0);
    inflateImageData(k, file, compressed, inflated, expected, header);
    const bpp = filterBytesPerPixel(header);
    const { colour } = transparency;
    for (const pass of pngPasses(header)) {
      const at = inflated + pass.offset;
      if (!k.unfilter(at, pass.rowBytes, pass.height, bpp)) {
        throw corruptImage('png', 'a scanline with a filter type other than 0–4');
      }
      const ok = k.expand(
        at, pass.rowBytes + 1, pass.width, pass.height, colorType, bitDepth, rgba, width,
        pass.x0, pass.y0, pass.dx, pass.dy, palette, transparency.palette.length / 3,
        colour ? 1 : 0, colour?.[0] ?? 0, colour?.[1] ?? 0, colour?.[2] ?? 0,
      );
      if (!ok) throw corruptImage('png', `a palette index beyond its ${transparency.palette.length / 3} PLTE entries`);
    }
    return { width, height, data: new Uint8ClampedArray(k.memory.buffer, rgba, pixelBytes).slice() };
  });
}

/**
 * pngjs, the oracle, for `decoder: 'reference'` (loaded on demand, see pngjs.ts): its own strict reading (bytes after IEND, a bad CRC in an
 * ancillary chunk it knows are refused). Its inflate has no output cap, so the image data is first
 * inflated by augkit's capped inflater to refuse a compression bomb.
 */
function decodeWithPngjs(bytes: Uint8Array, header: PngHeader, list: PngChunkList): AugkitImage {
  const { pngjs, toBuffer } = loadPngjs();
  const expected = imageDataBytes(header);
  pngModule.call('decode', (k) => {
    const [file, inflated] = reserve([list.end, expected + INFLATE_SLACK], k) as [number, number];
    const memory = bytesAt(0, k.memory.buffer.byteLength, k);
    let joined = file;
    for (const { type, start, length } of list.chunks) {
      if (type !== IDAT) continue;
      memory.set(bytes.subarray(start + 8, start + 8 + length), joined);
      joined += length;
    }
    refuseBomb(k, file, joined - file, inflated, expected, header);
  });
  try {
    const png = pngjs.PNG.sync.read(toBuffer(bytes), { checkCRC: true, skipRescale: false });
    return { width: png.width, height: png.height, data: ownedView(png.data, Uint8ClampedArray) };
  } catch (cause) {
    throw decoderFailed('png', cause);
  }
}

/**
 * Decodes a PNG whose header has already been checked against the limits: every colour type and bit
 * depth, Adam7 interlacing, palette with tRNS, CRCs checked, in WebAssembly (`decoder: 'reference'`: with
 * pngjs, whose pixels it equals). 16-bit samples are reduced to 8 bits as `round(v × 255 / 65535)`; gamma
 * (gAMA) is not applied. The image data never inflates past the size the header implies.
 *
 * What is accepted beyond the strict format (as libpng, Pillow, OpenCV and browsers do) is in
 * docs/codecs-png.md: bytes after IEND, a missing IEND, zero-length IDAT chunks, unknown ancillary chunks
 * and ancillary chunks with a bad CRC (dropped).
 *
 * @throws {AugkitError} CORRUPT_IMAGE for truncation, a CRC mismatch in a critical chunk, bad zlib data,
 *   image data too short or too long for the header, a missing palette, a bad filter type.
 * @example
 * const img = decodePng(bytes, readPngHeader(bytes));
 */
export function decodePng(bytes: Uint8Array, header: PngHeader, decoder: DecoderChoice = 'wasm'): AugkitImage {
  const list = walkPngChunks(bytes);
  checkImageDataLength(list.imageDataBytes, header);
  return decoder === 'reference' ? decodeWithPngjs(bytes, header, list) : decodeWithWasm(bytes, header, list);
}
