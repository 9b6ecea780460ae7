// Plain-TypeScript flips, for tests and benchmarks.
import type { AugkitImage, RgbaImage } from '../image.js';

function remap(img: RgbaImage, source: (x: number, y: number) => number): AugkitImage {
  const { width, height, data } = img;
  const out = new Uint8ClampedArray(data.length);
  const src32 = new Uint32Array(data.buffer, data.byteOffset, width * height);
  const dst32 = new Uint32Array(out.buffer);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) dst32[y * width + x] = src32[source(x, y)]!;
  return { width, height, data: out };
}

export function flipHorizontalReference(img: RgbaImage): AugkitImage {
  return remap(img, (x, y) => y * img.width + (img.width - 1 - x));
}

export function flipVerticalReference(img: RgbaImage): AugkitImage {
  return remap(img, (x, y) => (img.height - 1 - y) * img.width + x);
}
