// Seeded cases of the geometric ops with border modes, each with its plain-TS reference: used by
// test/builds.test.ts (SIMD = scalar = reference) and test/warp.test.ts.
import { affine, crop, pad, perspective, rotate, warpAffine, type Rgba } from '../../src/index.js';
import { BORDERS, INTERPOLATIONS } from '../../src/ops/border.js';
import { solveHomography } from '../../src/ops/homography.js';
import type { Quad } from '../../src/ops/perspective.js';
import { cropReference, padReference } from '../../src/reference/cropPad.js';
import { rotateReference } from '../../src/reference/rotate.js';
import { affineReference, perspectiveReference, warpAffineReference } from '../../src/reference/warp.js';
import { xorshift32 } from '../codecs/helpers.js';
import { randomImage } from './images.js';

export interface GeometryCase {
  name: string;
  run: () => Uint8ClampedArray;
  reference: () => ArrayLike<number>;
}

/** `count` cases per op over random sizes (1×1 up to 150×100), matrices, corners, borders and interpolations. */
export function geometryCases(count = 30, seed = 2024): GeometryCase[] {
  const next32 = xorshift32(seed);
  const next = () => next32() / 2 ** 32;
  const between = (a: number, b: number) => a + (b - a) * next();
  const size = (max: number) => 1 + Math.floor(next() * max);
  const cases: GeometryCase[] = [];
  for (let i = 0; i < count; i++) {
    const small = i % 3 !== 2;
    const [w, h] = small ? [size(12), size(12)] : [size(150), size(100)];
    const img = randomImage(w, h, 5000 + i);
    const border = BORDERS[i % BORDERS.length]!;
    const interpolation = INTERPOLATIONS[Math.floor(i / BORDERS.length) % 2]!;
    const fill: Rgba = [i * 13 % 256, 200, i * 7 % 256, 255 - i];
    const sampling = { border, interpolation, fill };
    const tag = `${w}×${h} ${border} ${interpolation} #${i}`;
    const [dw, dh] = [size(small ? 16 : 160), size(small ? 16 : 110)];
    const m = [between(-1.5, 1.5), between(-1.5, 1.5), between(-2 * w, 2 * w), between(-1.5, 1.5), between(-1.5, 1.5), between(-2 * h, 2 * h)] as const;
    const params = {
      degrees: between(-400, 400),
      translate: [between(-w, w), between(-h, h)] as const,
      scale: [between(0.3, 2), between(0.3, 2)] as const,
      shear: [between(-40, 40), between(-40, 40)] as const,
    };
    const degrees = i % 4 === 0 ? [0, 90, 180, 270, -90][i % 5]! : params.degrees;
    const [qw, qh] = [Math.max(w - 1, 1), Math.max(h - 1, 1)]; // a 1-pixel side still gets a proper quad
    const corners: Quad = [[0, 0], [qw, 0], [qw, qh], [0, qh]];
    const jitter = (v: number, n: number) => v + between(-0.3, 0.3) * n;
    const to = corners.map(([x, y]) => [jitter(x, w), jitter(y, h)]) as unknown as Quad;
    const padding = [size(20) - 1, size(20) - 1, size(20) - 1, size(20) - 1] as const;
    const [top, right, bottom, left] = padding;
    const [cx, cy] = [Math.floor(next() * w), Math.floor(next() * h)];
    const [cw, ch] = [1 + Math.floor(next() * (w - cx)), 1 + Math.floor(next() * (h - cy))];
    cases.push(
      {
        name: `warpAffine ${tag} → ${dw}×${dh}`,
        run: () => warpAffine(img, m, { ...sampling, width: dw, height: dh }).data,
        reference: () => warpAffineReference(img, m, { ...sampling, width: dw, height: dh }).data,
      },
      {
        name: `affine ${tag}`,
        run: () => affine(img, params, sampling).data,
        reference: () => affineReference(img, params, sampling).data,
      },
      {
        name: `rotate ${tag} ${degrees.toFixed(2)}°`,
        run: () => rotate(img, degrees, { ...sampling, expand: i % 2 === 0 }).data,
        reference: () => rotateReference(img, degrees, i % 2 === 0, fill, sampling).data,
      },
      {
        name: `perspective ${tag}`,
        run: () => perspective(img, corners, to, sampling).data,
        reference: () => perspectiveReference(img, solveHomography(to, corners)!, sampling).data,
      },
      {
        name: `pad ${tag} by ${padding.join(',')}`,
        run: () => pad(img, { top, right, bottom, left }, { border, fill }).data,
        reference: () => padReference(img, padding, border, fill).data,
      },
      {
        name: `crop ${tag} ${cw}×${ch} at ${cx},${cy}`,
        run: () => crop(img, { x: cx, y: cy, width: cw, height: ch }).data,
        reference: () => cropReference(img, cx, cy, cw, ch).data,
      },
    );
  }
  return cases;
}
