// Plain-TypeScript statements of the warp kernels (assembly/geometry/warp.ts) and the affine matrix
// (affineMatrix.ts), for tests: source positions in float64 exactly as the formulas, the bilinear blend
// in the fixed point of ./bilinear.ts, every neighbour through ./border.ts.
import type { AugkitImage, Rgba, RgbaImage } from '../image.js';
import type { Border, Interpolation } from '../ops/border.js';
import { blendChannel, weight } from './bilinear.js';
import { borderIndexReference } from './border.js';
import { cos, sin, tan } from './math.js';

export interface SamplingReference {
  interpolation?: Interpolation;
  border?: Border;
  fill?: Rgba;
  width?: number;
  height?: number;
}

/** cos and sin of `degrees` reduced modulo 360, exact for quarter turns (assembly/geometry/affineMatrix.ts). */
export function rotationCosSin(degrees: number): [number, number] {
  let d = degrees % 360;
  if (d < 0) d += 360;
  if (d >= 360) d -= 360;
  const quarter: Record<number, [number, number]> = { 0: [1, 0], 90: [0, 1], 180: [-1, 0], 270: [0, -1] };
  if (quarter[d]) return quarter[d];
  const t = (d * Math.PI) / 180;
  return [cos(t), sin(t)]; // the kernel's cos and sin, not Math's (see ./math.ts)
}

/** Warps `img` by the output → source map `source(x, y)` (undefined: the fill colour). */
export function warpReference(
  img: RgbaImage, source: (x: number, y: number) => [number, number] | undefined, o: SamplingReference,
): AugkitImage {
  const { width: w, height: h, data: p } = img;
  const { interpolation = 'bilinear', border = 'constant', fill = [0, 0, 0, 0], width: W = w, height: H = h } = o;
  const out = new Uint8ClampedArray(W * H * 4);
  const at = (x: number, y: number, ch: number) => {
    const bx = borderIndexReference(x, w, border);
    const by = borderIndexReference(y, h, border);
    return bx < 0 || by < 0 ? fill[ch]! : p[(by * w + bx) * 4 + ch]!;
  };
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const s = source(x, y);
      for (let ch = 0; ch < 4; ch++) {
        let v: number;
        if (!s) v = fill[ch]!;
        else if (interpolation === 'nearest') v = at(Math.floor(s[0] + 0.5), Math.floor(s[1] + 0.5), ch);
        else {
          const [x0, y0] = [Math.floor(s[0]), Math.floor(s[1])];
          const [wx, wy] = [weight(s[0] - x0), weight(s[1] - y0)];
          v = blendChannel(at(x0, y0, ch), at(x0 + 1, y0, ch), at(x0, y0 + 1, ch), at(x0 + 1, y0 + 1, ch), wx, wy);
        }
        out[(y * W + x) * 4 + ch] = v;
      }
    }
  }
  return { width: W, height: H, data: out };
}

/** warpAffine: `sx = (a·x + b·y) + c`, `sy = (d·x + e·y) + f`. */
export function warpAffineReference(img: RgbaImage, m: readonly number[], o: SamplingReference = {}): AugkitImage {
  const [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
  return warpReference(img, (x, y) => [a * x + b * y + c, d * x + e * y + f], o);
}

/** The output → source 2×2 matrix of affine (DESIGN-ops.md): the float64 inverse of R·Sh·S, or Rᵀ. */
export function affineInverseReference(
  degrees: number, [shx, shy]: readonly [number, number], [sx, sy]: readonly [number, number],
): [number, number, number, number] {
  const [c, s] = rotationCosSin(degrees);
  if (sx === 1 && sy === 1 && shx === 0 && shy === 0) return [c, -s, s, c];
  const kx = tan((shx * Math.PI) / 180);
  const ky = tan((shy * Math.PI) / 180);
  const sh11 = ky * kx + 1;
  const m00 = (c * 1 + s * ky) * sx;
  const m01 = (c * kx + s * sh11) * sy;
  const m10 = (-s * 1 + c * ky) * sx;
  const m11 = (-s * kx + c * sh11) * sy;
  const det = m00 * m11 - m01 * m10;
  return [m11 / det, -m01 / det, -m10 / det, m00 / det];
}

export interface AffineReferenceParams {
  degrees?: number;
  translate?: readonly [number, number];
  scale?: readonly [number, number];
  shear?: readonly [number, number];
}

/** affine: about the centre, `src = c + Minv·((p − c) − t)` with the rows added in DESIGN-ops.md's order. */
export function affineReference(img: RgbaImage, q: AffineReferenceParams, o: SamplingReference = {}): AugkitImage {
  const { degrees = 0, translate: [tx, ty] = [0, 0], scale = [1, 1], shear = [0, 0] } = q;
  const [i00, i01, i10, i11] = affineInverseReference(degrees, shear, scale);
  const cx = (img.width - 1) / 2;
  const cy = (img.height - 1) / 2;
  return warpReference(img, (x, y) => {
    const dx = x - cx - tx;
    const dy = y - cy - ty;
    return [cx + i00 * dx + i01 * dy, cy + i10 * dx + i11 * dy];
  }, o);
}

/**
 * perspective with the homography h0..h7 (output → source): `sx = ((h0·x + h1·y) + h2) / den`, likewise
 * `sy`, `den = (h6·x + h7·y) + 1`; den ≤ 0 is the fill colour, positions clamped to ±2^30.
 */
export function perspectiveReference(img: RgbaImage, hm: readonly number[], o: SamplingReference = {}): AugkitImage {
  const [h0, h1, h2, h3, h4, h5, h6, h7] = hm as [number, number, number, number, number, number, number, number];
  const far = 2 ** 30;
  const clamp = (v: number) => Math.min(Math.max(v, -far), far);
  return warpReference(img, (x, y) => {
    const den = h6 * x + h7 * y + 1;
    const sx = (h0 * x + h1 * y + h2) / den;
    const sy = (h3 * x + h4 * y + h5) / den;
    return den > 0 && !Number.isNaN(sx) && !Number.isNaN(sy) ? [clamp(sx), clamp(sy)] : undefined;
  }, o);
}
