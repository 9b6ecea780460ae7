import { scalarBase64, simdBase64 } from './png.generated.js';
import { WasmModule, type WasmExports } from './module.js';

/** The functions assembly/png/index.ts exports; pointers are byte offsets into `memory`. */
export interface PngExports extends WasmExports {
  crc32(pointer: number, length: number): number;
  /** 0 OK, else one of the INFLATE_* problems in src/codecs/pngInflate.ts. */
  inflate(source: number, length: number, target: number, capacity: number): number;
  inflatedLength(): number;
  unfilter(data: number, rowBytes: number, rows: number, bpp: number): number;
  expand(
    data: number, stride: number, width: number, height: number, colorType: number, depth: number, out: number,
    imageWidth: number, x0: number, y0: number, dx: number, dy: number,
    palette: number, paletteSize: number, transparent: number, tr: number, tg: number, tb: number,
  ): number;
  filterPaeth(rgba: number, width: number, rows: number, channels: number, dst: number, ring: number): void;
  colorTypeOf(src: number, pixels: number): number;
  /** zlib's Z_RLE deflate (levels 1..9: one output); 0 OK, else the stream is left to zlib or pako. */
  deflateRle(data: number, length: number, target: number, capacity: number, scratch: number): number;
  deflatedLength(): number;
}

/** The PNG codec's WebAssembly (assembly/png/), compiled on first use. */
export const pngModule = new WasmModule<PngExports>('png', { simdBase64, scalarBase64 });
