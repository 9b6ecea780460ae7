import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { RgbaImage } from '../../src/index.js';

/** Reads a fixture PNG with pngjs's Node build (an independent decoder) as RGBA. */
export function readPngFixture(relativeToFixtures: string): RgbaImage {
  const png = PNG.sync.read(readFileSync(new URL(`../fixtures/${relativeToFixtures}`, import.meta.url)));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

/** Largest |a − b| over every byte; the images must have the same size. */
export function maxAbsDiff(a: RgbaImage, b: RgbaImage): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`size ${a.width}×${a.height} differs from ${b.width}×${b.height}`);
  }
  let max = 0;
  for (let i = 0; i < a.data.length; i++) max = Math.max(max, Math.abs(a.data[i]! - b.data[i]!));
  return max;
}

/** A deterministic pseudo-random image (mulberry32), every channel including alpha random. */
export function randomImage(width: number, height: number, seed = 1): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  let t = seed >>> 0;
  for (let i = 0; i < data.length; i++) {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), t | 1);
    r ^= r + Math.imul(r ^ (r >>> 7), r | 61);
    data[i] = ((r ^ (r >>> 14)) >>> 0) & 0xff;
  }
  return { width, height, data };
}

/** A copy of the image's bytes, to check later that an op left its input alone. */
export function snapshot(img: RgbaImage): Uint8Array {
  return Uint8Array.from(img.data);
}

export function bytesEqual(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
