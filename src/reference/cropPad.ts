// Plain-TypeScript statements of crop and pad (assembly/geometry/cropPad.ts): pixel by pixel.
import type { AugkitImage, Rgba, RgbaImage } from '../image.js';
import type { Border } from '../ops/border.js';
import { borderIndexReference } from './border.js';

/** The rectangle at (x, y) of size width × height, which must lie inside the image. */
export function cropReference(img: RgbaImage, x: number, y: number, width: number, height: number): AugkitImage {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let r = 0; r < height; r++) {
    for (let i = 0; i < width * 4; i++) out[r * width * 4 + i] = img.data[((y + r) * img.width + x) * 4 + i]!;
  }
  return { width, height, data: out };
}

/** The image with margins, each margin pixel read through the border rule. */
export function padReference(
  img: RgbaImage, [top, right, bottom, left]: readonly [number, number, number, number], border: Border = 'constant',
  fill: Rgba = [0, 0, 0, 0],
): AugkitImage {
  const W = img.width + left + right;
  const H = img.height + top + bottom;
  const out = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const bx = borderIndexReference(x - left, img.width, border);
      const by = borderIndexReference(y - top, img.height, border);
      for (let ch = 0; ch < 4; ch++) {
        out[(y * W + x) * 4 + ch] = bx < 0 || by < 0 ? fill[ch]! : img.data[(by * img.width + bx) * 4 + ch]!;
      }
    }
  }
  return { width: W, height: H, data: out };
}
