// The WebAssembly JPEG encoder's driver: copies the RGBA image into the module's memory and has it write
// the file band by band (a few MCU rows at a time into one bounded output buffer), so the memory needed is
// the image plus about 1 MiB, whatever the compressed size.
import { jpegEncoderModule } from '../wasm/jpegEncoder.js';
import { bytesAt, reserve } from '../wasm/memory.js';

/** Room for the headers (SOI, APP0, DQT, SOF0, DHT, SOS: 623 bytes) and the EOI with the last bits. */
const HEADER_BYTES = 1024;
const BAND_BYTES = 1 << 20;

/**
 * Encodes RGBA pixels as a baseline JPEG: jpeg-js's encoder for 4:4:4 (the same bytes), 4:2:0 with
 * libjpeg's 2×2 chroma averaging otherwise (assembly/jpegEncoder/).
 *
 * @throws {AugkitError} TOO_LARGE when WebAssembly memory cannot hold the image; INTERNAL on a trap (a bug).
 * @example
 * const file = encodeJpegWasm(img.width, img.height, img.data, 90, true);
 */
export function encodeJpegWasm(
  width: number, height: number, data: Uint8Array | Uint8ClampedArray, quality: number, subsample: boolean,
): Uint8Array {
  return jpegEncoderModule.call('encodeJpeg', (k) => {
    const rowBytes = k.maxRowBytes(width, subsample);
    const rowsPerBand = Math.max(1, Math.floor(BAND_BYTES / rowBytes));
    const [src, out] = reserve([width * height * 4, HEADER_BYTES + rowsPerBand * rowBytes], k);
    bytesAt(src!, width * height * 4, k).set(data);
    const parts: Uint8Array[] = [];
    const keep = (end: number) => parts.push(bytesAt(out!, end - out!, k).slice());
    keep(k.begin(out!, width, height, quality, subsample));
    const mcuRows = Math.ceil(height / (subsample ? 16 : 8));
    for (let row = 0; row < mcuRows; row += rowsPerBand) {
      keep(k.encodeRows(src!, width, height, row, Math.min(row + rowsPerBand, mcuRows), out!));
    }
    keep(k.finish(out!));
    const file = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      file.set(part, offset);
      offset += part.length;
    }
    return file;
  });
}
