// Benchmark inputs: a real photo scaled to the size asked for, so codecs see realistic content
// (geometric kernels do not care what the pixels are).
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { resize, type RgbaImage } from '../../src/index.js';
import { ROOT } from './root.js';

const SOURCE = new URL('examples/sample/coffee/coffee_02.jpg', ROOT);

let decoded: RgbaImage | undefined;

/** examples/sample/coffee/coffee_02.jpg (480×308, CC0) resized to `width`×`height` with antialiasing. */
export function photo(width: number, height: number): RgbaImage {
  if (!decoded) {
    const { width: w, height: h, data } = jpeg.decode(readFileSync(SOURCE), { useTArray: true, formatAsRGBA: true });
    decoded = { width: w, height: h, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  }
  const { data } = resize(decoded, width, height, { antialias: true });
  return { width, height, data: new Uint8Array(data.buffer) };
}

/** `WIDTH×HEIGHT` with a multiplication sign, as the tables write sizes. */
export function size({ width, height }: { width: number; height: number }): string {
  return `${width}×${height}`;
}
