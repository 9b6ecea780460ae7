// Plain-TypeScript statement of the rotate kernel (assembly/geometry/rotate.ts), for tests and benchmarks:
// source coordinates in float64 exactly as the formula, sampled as ./warp.ts does.
import type { AugkitImage, Rgba, RgbaImage } from '../image.js';
import type { Border, Interpolation } from '../ops/border.js';
import { roundHalfUp } from './rounding.js';
import { rotationCosSin, warpReference } from './warp.js';

export function rotateReference(
  img: RgbaImage, degrees: number, expand = false, fill: Rgba = [0, 0, 0, 0],
  sampling: { border?: Border; interpolation?: Interpolation } = {},
): AugkitImage {
  const { width: w, height: h } = img;
  const [c, s] = rotationCosSin(degrees);
  const W = expand ? roundHalfUp(Math.abs((w - 1) * c) + Math.abs((h - 1) * s)) + 1 : w;
  const H = expand ? roundHalfUp(Math.abs((w - 1) * s) + Math.abs((h - 1) * c)) + 1 : h;
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const ox = (W - 1) / 2;
  const oy = (H - 1) / 2;
  return warpReference(img, (x, y) => {
    const dx = x - ox;
    const dy = y - oy;
    return [cx + dx * c - dy * s, cy + dx * s + dy * c];
  }, { ...sampling, fill, width: W, height: H });
}
