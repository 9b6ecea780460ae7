// Plain-TypeScript statement of the rotate kernel (assembly/geometry/rotate.ts), for tests and benchmarks:
// source coordinates in float64 exactly as the formula, the blend in the fixed point of ./bilinear.ts.
import type { AugkitImage, Rgba, RgbaImage } from '../image.js';
import { blendChannel, weight } from './bilinear.js';
import { cos, sin } from './math.js';
import { roundHalfUp } from './rounding.js';

/** cos and sin of `degrees` reduced modulo 360, exact for quarter turns. */
export function rotationCosSin(degrees: number): [number, number] {
  let d = degrees % 360;
  if (d < 0) d += 360;
  if (d >= 360) d -= 360;
  const quarter: Record<number, [number, number]> = { 0: [1, 0], 90: [0, 1], 180: [-1, 0], 270: [0, -1] };
  if (quarter[d]) return quarter[d];
  const t = (d * Math.PI) / 180;
  return [cos(t), sin(t)]; // the kernel's cos and sin, not Math's (see ./math.ts)
}

export function rotateReference(img: RgbaImage, degrees: number, expand = false, fill: Rgba = [0, 0, 0, 0]): AugkitImage {
  const { width: w, height: h, data: p } = img;
  const [c, s] = rotationCosSin(degrees);
  const W = expand ? roundHalfUp(Math.abs((w - 1) * c) + Math.abs((h - 1) * s)) + 1 : w;
  const H = expand ? roundHalfUp(Math.abs((w - 1) * s) + Math.abs((h - 1) * c)) + 1 : h;
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const ox = (W - 1) / 2;
  const oy = (H - 1) / 2;
  const out = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const dx = x - ox;
      const dy = y - oy;
      const sx = cx + dx * c - dy * s;
      const sy = cy + dx * s + dy * c;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const wx = weight(sx - x0);
      const wy = weight(sy - y0);
      for (let ch = 0; ch < 4; ch++) {
        const at = (xx: number, yy: number) => (xx >= 0 && xx < w && yy >= 0 && yy < h ? p[(yy * w + xx) * 4 + ch]! : fill[ch]!);
        out[(y * W + x) * 4 + ch] = blendChannel(at(x0, y0), at(x0 + 1, y0), at(x0, y0 + 1), at(x0 + 1, y0 + 1), wx, wy);
      }
    }
  }
  return { width: W, height: H, data: out };
}
