// Plain-TypeScript statement of assembly/noise/erase.ts.
import type { AugkitImage, RgbaImage } from '../image.js';
import { Xoshiro128 } from './saltAndPepper.js';

/** R, G, B of the rectangle (clipped to the image) set to `value`, or to one PRNG draw per pixel's low three bytes. */
export function eraseReference(
  img: RgbaImage, x: number, y: number, w: number, h: number, value: readonly [number, number, number] | 'noise', seed = 0,
): AugkitImage {
  const out = new Uint8ClampedArray(img.data);
  const random = new Xoshiro128(seed);
  for (let row = Math.max(0, y); row < Math.min(img.height, y + h); row++) {
    for (let col = Math.max(0, x); col < Math.min(img.width, x + w); col++) {
      const i = (row * img.width + col) * 4;
      const draw = value === 'noise' ? random.nextU32() : 0;
      const rgb = value === 'noise' ? [draw & 0xff, (draw >>> 8) & 0xff, (draw >>> 16) & 0xff] : value;
      out.set(rgb, i);
    }
  }
  return { width: img.width, height: img.height, data: out };
}
