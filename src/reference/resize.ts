// Plain-TypeScript statements of the resize kernels, written for clarity: the oracle in tests and
// the "plain JS" baseline in benchmarks. Same arithmetic as assembly/geometry/resize*.ts.
import type { AugkitImage, RgbaImage } from '../image.js';
import { blendChannel, weight } from './bilinear.js';

function sourceCoordinate(i: number, sn: number, dn: number): number {
  const s = (i + 0.5) * (sn / dn) - 0.5;
  return Math.min(Math.max(s, 0), sn - 1);
}

/**
 * Bilinear, half-pixel centres (OpenCV INTER_LINEAR convention): source coordinates in float64, the
 * blend in the fixed point of ./bilinear.ts. (The kernel blends each source row once and reuses it;
 * the integers are the same.)
 */
export function resizeBilinearReference(img: RgbaImage, dw: number, dh: number): AugkitImage {
  const { width: sw, height: sh, data: p } = img;
  const out = new Uint8ClampedArray(dw * dh * 4);
  for (let y = 0; y < dh; y++) {
    const sy = sourceCoordinate(y, sh, dh);
    const y0 = Math.floor(sy);
    const y1 = Math.min(y0 + 1, sh - 1);
    const wy = weight(sy - y0);
    for (let x = 0; x < dw; x++) {
      const sx = sourceCoordinate(x, sw, dw);
      const x0 = Math.floor(sx);
      const x1 = Math.min(x0 + 1, sw - 1);
      const wx = weight(sx - x0);
      for (let c = 0; c < 4; c++) {
        const at = (xx: number, yy: number) => p[(yy * sw + xx) * 4 + c]!;
        out[(y * dw + x) * 4 + c] = blendChannel(at(x0, y0), at(x1, y0), at(x0, y1), at(x1, y1), wx, wy);
      }
    }
  }
  return { width: dw, height: dh, data: out };
}

const PRECISION_BITS = 22;

/** Pillow's per-axis weights: for each output index, the first source index and fixed-point weights. */
function pillowWeights(inSize: number, outSize: number): { first: number; weights: number[] }[] {
  const scale = inSize / outSize;
  const filterScale = Math.max(scale, 1);
  const triangle = (x: number) => Math.max(0, 1 - Math.abs(x));
  return Array.from({ length: outSize }, (_, i) => {
    const center = (i + 0.5) * scale;
    const first = Math.max(Math.trunc(center - filterScale + 0.5), 0);
    const end = Math.min(Math.trunc(center + filterScale + 0.5), inSize);
    const raw = Array.from({ length: end - first }, (_, j) => triangle((j + first - center + 0.5) * (1 / filterScale)));
    const sum = raw.reduce((a, b) => a + b, 0);
    const weights = raw.map((w) => Math.trunc(0.5 + (sum !== 0 ? w / sum : w) * 2 ** PRECISION_BITS));
    return { first, weights };
  });
}

/** One separable pass along x (`horizontal`) or y, in Pillow's fixed point, rounding half up to 8 bits. */
function pillowPass(img: RgbaImage, outSize: number, horizontal: boolean): AugkitImage {
  const width = horizontal ? outSize : img.width;
  const height = horizontal ? img.height : outSize;
  const table = pillowWeights(horizontal ? img.width : img.height, outSize);
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const { first, weights } = table[horizontal ? x : y]!;
      for (let c = 0; c < 4; c++) {
        let sum = 1 << (PRECISION_BITS - 1);
        weights.forEach((k, j) => {
          const sx = horizontal ? first + j : x;
          const sy = horizontal ? y : first + j;
          sum += img.data[(sy * img.width + sx) * 4 + c]! * k;
        });
        out[(y * width + x) * 4 + c] = Math.min(255, Math.max(0, sum >> PRECISION_BITS));
      }
    }
  }
  return { width, height, data: out };
}

/** Pillow's BILINEAR resize per channel: horizontal pass, then vertical; an unchanged axis is skipped. */
export function resizeAntialiasReference(img: RgbaImage, dw: number, dh: number): AugkitImage {
  let out: RgbaImage = img;
  if (dw !== img.width) out = pillowPass(out, dw, true);
  if (dh !== img.height) out = pillowPass(out, dh, false);
  return { width: dw, height: dh, data: Uint8ClampedArray.from(out.data) };
}
