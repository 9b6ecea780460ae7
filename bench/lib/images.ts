// Benchmark inputs: a real photo scaled to the size asked for, so codecs see realistic content
// (geometric kernels do not care what the pixels are).
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import type { RgbaImage } from '../../src/index.js';
import { ROOT } from './root.js';

const SOURCE = new URL('examples/sample/coffee/coffee_02.jpg', ROOT);

let decoded: RgbaImage | undefined;

function source(): RgbaImage {
  if (!decoded) {
    const { width, height, data } = jpeg.decode(readFileSync(SOURCE), { useTArray: true, formatAsRGBA: true });
    decoded = { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  }
  return decoded;
}

/**
 * A `width`×`height` photo: examples/sample/coffee/coffee_02.jpg (480×308, CC0) tiled at its own
 * scale, every other tile mirrored so there are no seams. Its texture and noise are those of a photo
 * (an enlarged one would be unusually smooth and flatter PNG and JPEG).
 */
export function photo(width: number, height: number): RgbaImage {
  const src = source();
  const out = new Uint8Array(width * height * 4);
  const view = new Uint32Array(out.buffer);
  const pixels = new Uint32Array(src.data.buffer, src.data.byteOffset, src.width * src.height);
  for (let y = 0; y < height; y++) {
    const tileY = Math.floor(y / src.height);
    const sy = tileY % 2 ? src.height - 1 - (y % src.height) : y % src.height;
    for (let x = 0; x < width; x++) {
      const tileX = Math.floor(x / src.width);
      const sx = tileX % 2 ? src.width - 1 - (x % src.width) : x % src.width;
      view[y * width + x] = pixels[sy * src.width + sx]!;
    }
  }
  return { width, height, data: out };
}

/** `WIDTH×HEIGHT` with a multiplication sign, as the tables write sizes. */
export function size({ width, height }: { width: number; height: number }): string {
  return `${width}×${height}`;
}
