// The geometric ops with border modes against opencv.js and memcpy, on the same 1920×1080 photo in the
// same run: warpAffine (rotation 17° + scale 1.1 + shear 5°) for each border, perspective, crop, pad,
// randomResizedCrop → 224×224.
import { crop, pad, perspective, randomResizedCrop, warpAffine, type RgbaImage } from '../src/index.js';
import type { Rect } from '../src/ops/crop.js';
import { BORDERS, type Border } from '../src/ops/border.js';
import { solveHomography } from '../src/ops/homography.js';
import type { Quad } from '../src/ops/perspective.js';
import { kernels } from '../src/wasm/kernels.js';
import type { BenchGroup, BenchTask } from './lib/harness.js';
import { size } from './lib/images.js';
import type { OpenCv, Peers } from './lib/peers.js';
import { kernel, memcpy, opencv, publicCalls } from './ops.bench.js';

/** OpenCV's border code for each augkit border. */
function cvBorder(cv: OpenCv, border: Border): number {
  return { constant: cv.BORDER_CONSTANT, edge: cv.BORDER_REPLICATE, reflect: cv.BORDER_REFLECT_101, symmetric: cv.BORDER_REFLECT, wrap: cv.BORDER_WRAP }[border];
}

/**
 * memcpy of `n` bytes, the baseline of the exact copies (crop, pad): into a new array (`slice`, compared
 * with augkit's public call into a new array) and into a preallocated one (compared with `options.out`).
 */
function memcpyBytes(n: number, what: string): BenchTask[] {
  const from = new Uint8Array(n);
  const to = new Uint8Array(n);
  return [
    { id: 'memcpy-new', label: 'memcpy of the output, new array', includes: `\`TypedArray.slice\` of ${what}`, fn: () => from.slice() },
    { id: 'memcpy-out', label: 'memcpy of the output', includes: `\`TypedArray.set\` of ${what} into a preallocated array`, fn: () => to.set(from) },
  ];
}

/** The output → source matrix of affine(17°, scale 1.1, shear 5°) about the centre, as warpAffine's [a, b, c, d, e, f]. */
function benchMatrix(w: number, h: number): [number, number, number, number, number, number] {
  const at = kernels.affineInverse(17, 5, 0, 1.1, 1.1);
  const [a, b, d, e] = Array.from(new Float64Array(kernels.memory.buffer, at, 4)) as [number, number, number, number];
  const [cx, cy] = [(w - 1) / 2, (h - 1) / 2];
  return [a, b, cx - a * cx - b * cy, d, e, cy - d * cx - e * cy];
}

function warpAffineGroup(peers: Peers, img: RgbaImage, border: Border): BenchGroup {
  const { cv } = peers;
  const { width: w, height: h } = img;
  const n = img.data.length;
  const m = benchMatrix(w, h);
  const options = { border, fill: [0, 0, 0, 0] as const };
  return {
    id: `warpAffine ${size(img)} ${border}`,
    title: `warpAffine bilinear, rotation 17° + scale 1.1 + shear 5°, border '${border}', ${size(img)}`,
    bytes: n, baseline: 'augkit',
    tasks: [
      ...publicCalls((out) => warpAffine(img, m, { ...options, out }), n, 'copy in, warp, copy out'),
      kernel(img, n, () => w * 16 + 16, (k, s, d, x) =>
        k.warpAffine(s, w, h, d, w, h, 0, 0, 0, 0, 0, 0, m[0], m[1], m[3], m[4], m[2], m[5], BORDERS.indexOf(border), false, 0, x)),
      memcpy(img),
      ...opencv(cv, img, w, h, (s, d) => {
        const matrix = cv!.matFromArray(2, 3, cv!.CV_64F, m);
        cv!.warpAffine(s, d, matrix, new cv!.Size(w, h), cv!.INTER_LINEAR | cv!.WARP_INVERSE_MAP, cvBorder(cv!, border), new cv!.Scalar(0, 0, 0, 0));
        matrix.delete();
      }, `cv.warpAffine(INTER_LINEAR | WARP_INVERSE_MAP, ${border})`),
    ],
  };
}

function perspectiveGroup(peers: Peers, img: RgbaImage): BenchGroup {
  const { cv } = peers;
  const { width: w, height: h } = img;
  const n = img.data.length;
  const from: Quad = [[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]];
  const to: Quad = [[96, 40], [w - 61, 12], [w - 1, h - 1], [30, h - 80]];
  const hm = solveHomography(to, from)!;
  return {
    id: `perspective ${size(img)}`, title: `perspective bilinear, corners moved inwards up to 96 px, border 'constant', ${size(img)}`,
    bytes: n, baseline: 'augkit',
    tasks: [
      ...publicCalls((out) => perspective(img, from, to, { out }), n, 'solve, copy in, warp, copy out'),
      kernel(img, n, () => w * 24 + 16, (k, s, d, x) =>
        k.warpPerspective(s, w, h, d, w, h, hm[0]!, hm[1]!, hm[2]!, hm[3]!, hm[4]!, hm[5]!, hm[6]!, hm[7]!, 0, false, 0, x)),
      memcpy(img),
      ...opencv(cv, img, w, h, (s, d) => {
        const matrix = cv!.matFromArray(3, 3, cv!.CV_64F, [...hm, 1]);
        cv!.warpPerspective(s, d, matrix, new cv!.Size(w, h), cv!.INTER_LINEAR | cv!.WARP_INVERSE_MAP, cv!.BORDER_CONSTANT, new cv!.Scalar(0, 0, 0, 0));
        matrix.delete();
      }, 'cv.warpPerspective(INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT)'),
    ],
  };
}

function cropGroup(peers: Peers, img: RgbaImage): BenchGroup {
  const { cv } = peers;
  const rect = { x: 320, y: 180, width: 1280, height: 720 };
  const n = rect.width * rect.height * 4;
  return {
    id: `crop ${size(img)} → 1280×720`, title: `crop ${size(img)} → 1280×720 (the centre)`, bytes: n, baseline: 'augkit',
    tasks: [
      ...publicCalls((out) => crop(img, rect, { out }), n, 'rows copied straight from the input'),
      ...memcpyBytes(n, 'the output bytes (1280×720×4)'),
      ...opencv(cv, img, rect.width, rect.height, (s, d) => {
        const roi = s.roi(new cv!.Rect(rect.x, rect.y, rect.width, rect.height));
        roi.copyTo(d);
        roi.delete();
      }, 'mat.roi(rect).copyTo(dst)'),
    ],
  };
}

function padGroup(peers: Peers, img: RgbaImage): BenchGroup {
  const { cv } = peers;
  const p = 64;
  const [dw, dh] = [img.width + 2 * p, img.height + 2 * p];
  const n = dw * dh * 4;
  return {
    id: `pad ${size(img)} 64 px`, title: `pad 64 px on each side, border 'constant', ${size(img)} → ${dw}×${dh}`, bytes: n, baseline: 'augkit',
    tasks: [
      ...publicCalls((out) => pad(img, { top: p, right: p, bottom: p, left: p }, { out }), n, 'rows copied from the input, margins filled'),
      ...memcpyBytes(n, `the output bytes (${dw}×${dh}×4)`),
      ...opencv(cv, img, dw, dh, (s, d) => cv!.copyMakeBorder(s, d, p, p, p, p, cv!.BORDER_CONSTANT, new cv!.Scalar(0, 0, 0, 0)), 'cv.copyMakeBorder(BORDER_CONSTANT)'),
    ],
  };
}

/**
 * randomResizedCrop to 224×224 with its default antialiased resize, against opencv.js cropping the same
 * rectangle (`roi`) and shrinking it with `cv.resize(INTER_AREA)`: both sides cycle through the rectangles
 * of the same 16 seeds, so they do the same work call for call.
 */
function randomResizedCropGroup(peers: Peers, img: RgbaImage): BenchGroup {
  const { cv } = peers;
  const side = 224;
  const n = side * side * 4;
  const transform = randomResizedCrop(side, side);
  const seeds = Array.from({ length: 16 }, (_, i) => i + 1);
  const rects = seeds.map((seed) => transform.draw(seed, img)[0] as unknown as Rect);
  let call = 0;
  let cvCall = 0;
  return {
    id: `randomResizedCrop ${size(img)} → 224×224`, title: `randomResizedCrop ${size(img)} → 224×224, antialiased (16 seeds in turn)`,
    bytes: img.data.length, baseline: 'augkit',
    tasks: [
      ...publicCalls(() => transform(img, { seed: seeds[call++ % seeds.length]! }).image, n, 'draw, copy in, crop, antialiased resize, copy out')
        .filter((t) => t.id !== 'augkit-out'),
      ...opencv(cv, img, side, side, (s, d) => {
        const { x, y, width, height } = rects[cvCall++ % rects.length]!;
        const roi = s.roi(new cv!.Rect(x, y, width, height));
        cv!.resize(roi, d, new cv!.Size(side, side), 0, 0, cv!.INTER_AREA);
        roi.delete();
      }, 'mat.roi(rect), cv.resize(INTER_AREA)'),
    ],
  };
}

/** Every geometric group on one image (the goals are at 1920×1080). */
export function geometryGroups(peers: Peers, img: RgbaImage): BenchGroup[] {
  return [
    ...BORDERS.map((border) => warpAffineGroup(peers, img, border)),
    perspectiveGroup(peers, img),
    cropGroup(peers, img),
    padGroup(peers, img),
    randomResizedCropGroup(peers, img),
  ];
}
