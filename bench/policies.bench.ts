// randAugment (torchvision's defaults: 2 ops at magnitude 9 of 31, nearest) on 224×224 images, the size
// ImageNet training feeds it, in images per second: one timed call augments 64 images with seeds 0..63.
// Baselines in the same run do the very same 64 op lists (drawn once, before timing): augkit replaying them
// (the ops without the draws), the plain-TypeScript references in a loop, and opencv.js chains of the
// equivalent calls (cv.warpAffine, convertTo, cvtColor + addWeighted, filter2D, bitwise ops, equalizeHist).
import { randAugment, replay, type AppliedOp, type RgbaImage } from '../src/index.js';
import { adjustContrastReference, adjustSaturationReference, adjustSharpnessReference } from '../src/reference/colorPixels.js';
import {
  adjustBrightnessReference, autocontrastReference, equalizeReference, invertReference, posterizeReference, solarizeReference,
} from '../src/reference/colorTables.js';
import { rotateReference } from '../src/reference/rotate.js';
import { affineReference, warpAffineReference } from '../src/reference/warp.js';
import type { BenchGroup, BenchTask } from './lib/harness.js';
import { photo, size } from './lib/images.js';
import type { CvMat, CvMatVector, OpenCv, Peers } from './lib/peers.js';

const IMAGES = 64;
type Of<K extends AppliedOp['op']> = Extract<AppliedOp, { op: K }>;

/** Each policy op's plain-TypeScript reference (src/reference), the "plain-JS loop". */
const references: Partial<{ [K in AppliedOp['op']]: (img: RgbaImage, op: Of<K>) => RgbaImage }> = {
  warpAffine: (img, op) => warpAffineReference(img, op.matrix, op),
  affine: (img, op) => affineReference(img, op, op),
  rotate: (img, op) => rotateReference(img, op.degrees, op.expand, op.fill, op),
  adjustBrightness: (img, op) => adjustBrightnessReference(img, op.factor),
  adjustSaturation: (img, op) => adjustSaturationReference(img, op.factor),
  adjustContrast: (img, op) => adjustContrastReference(img, op.factor),
  adjustSharpness: (img, op) => adjustSharpnessReference(img, op.factor),
  posterize: (img, op) => posterizeReference(img, op.bits),
  solarize: (img, op) => solarizeReference(img, op.threshold),
  autocontrast: (img) => autocontrastReference(img),
  equalize: (img) => equalizeReference(img),
  invert: (img) => invertReference(img),
};

function referenceChain(img: RgbaImage, ops: readonly AppliedOp[]): RgbaImage {
  return ops.reduce((current, op) => (references[op.op] as (i: RgbaImage, o: AppliedOp) => RgbaImage)(current, op), img);
}

/** The opencv.js calls beyond bench/lib/peers.ts's subset that the chains use. */
interface CvChains extends OpenCv {
  INTER_NEAREST: number;
  COLOR_RGBA2GRAY: number;
  COLOR_GRAY2RGBA: number;
  THRESH_BINARY: number;
  NORM_MINMAX: number;
  CV_8UC1: number;
  cvtColor(src: CvMat, dst: CvMat, code: number): void;
  addWeighted(a: CvMat, alpha: number, b: CvMat, beta: number, gamma: number, dst: CvMat): void;
  filter2D(src: CvMat, dst: CvMat, depth: number, kernel: CvMat): void;
  mean(src: CvMat): number[];
  threshold(src: CvMat, dst: CvMat, thresh: number, max: number, type: number): void;
  bitwise_xor(a: CvMat, b: CvMat, dst: CvMat): void;
  bitwise_and(a: CvMat, b: CvMat, dst: CvMat): void;
  bitwise_not(a: CvMat, dst: CvMat): void;
  normalize(src: CvMat, dst: CvMat, alpha: number, beta: number, type: number): void;
}
type ConvertibleMat = CvMat & { convertTo(dst: CvMat, type: number, alpha: number, beta: number): void };

/** The opencv.js equivalent of each policy op, src → dst on w×h RGBA Mats (`tmp` a spare Mat of the same size). */
function opencvOps(cv: CvChains, w: number, h: number) {
  const tmp = new cv.Mat(h, w, cv.CV_8UC4);
  const gray = new cv.Mat(h, w, cv.CV_8UC1);
  const planes = new cv.MatVector() as CvMatVector;
  const smooth = cv.matFromArray(3, 3, cv.CV_64F, [1, 1, 1, 1, 5, 1, 1, 1, 1].map((v) => v / 13));
  // posterize's masks, one Mat per bit count, made on first use
  const masks: CvMat[] = [];
  const bitMask = (bits: number) => {
    const mask = 0xff & (0xff << (8 - bits));
    return new (cv.Mat as unknown as new (r: number, c: number, t: number, v: unknown) => CvMat)(h, w, cv.CV_8UC4, new cv.Scalar(mask, mask, mask, 255));
  };
  const nearest = cv.INTER_NEAREST | cv.WARP_INVERSE_MAP;
  const warp = (s: CvMat, d: CvMat, m: readonly number[], flags: number) => {
    const matrix = cv.matFromArray(2, 3, cv.CV_64F, m);
    cv.warpAffine(s, d, matrix, new cv.Size(w, h), flags, cv.BORDER_CONSTANT, new cv.Scalar(0, 0, 0, 0));
    matrix.delete();
  };
  const perChannel = (s: CvMat, d: CvMat, f: (plane: CvMat) => void) => {
    cv.split(s, planes);
    for (let c = 0; c < 3; c++) {
      const plane = planes.get(c);
      f(plane);
      plane.delete();
    }
    cv.merge(planes, d);
  };
  const blend = (s: CvMat, d: CvMat, other: CvMat, f: number) => cv.addWeighted(s, f, other, 1 - f, 0, d);
  const ops: Partial<{ [K in AppliedOp['op']]: (s: CvMat, d: CvMat, op: Of<K>) => void }> = {
    warpAffine: (s, d, op) => warp(s, d, op.matrix, nearest),
    affine: (s, d, op) => warp(s, d, [1, 0, -op.translate[0], 0, 1, -op.translate[1]], nearest),
    rotate: (s, d, op) => {
      const m = cv.getRotationMatrix2D(new cv.Point((w - 1) / 2, (h - 1) / 2), op.degrees, 1);
      cv.warpAffine(s, d, m, new cv.Size(w, h), cv.INTER_NEAREST, cv.BORDER_CONSTANT, new cv.Scalar(0, 0, 0, 0));
      m.delete();
    },
    adjustBrightness: (s, d, op) => (s as ConvertibleMat).convertTo(d, -1, op.factor, 0),
    adjustSaturation: (s, d, op) => {
      cv.cvtColor(s, gray, cv.COLOR_RGBA2GRAY);
      cv.cvtColor(gray, tmp, cv.COLOR_GRAY2RGBA);
      blend(s, d, tmp, op.factor);
    },
    adjustContrast: (s, d, op) => {
      cv.cvtColor(s, gray, cv.COLOR_RGBA2GRAY);
      (s as ConvertibleMat).convertTo(d, -1, op.factor, (1 - op.factor) * cv.mean(gray)[0]!);
    },
    adjustSharpness: (s, d, op) => {
      cv.filter2D(s, tmp, -1, smooth);
      blend(s, d, tmp, op.factor);
    },
    posterize: (s, d, op) => cv.bitwise_and(s, masks[op.bits] ??= bitMask(op.bits), d),
    // v ≥ t ? 255 − v : v is v XOR (v ≥ t ? 255 : 0)
    solarize: (s, d, op) => {
      cv.threshold(s, tmp, op.threshold - 1, 255, cv.THRESH_BINARY);
      cv.bitwise_xor(s, tmp, d);
    },
    autocontrast: (s, d) => perChannel(s, d, (p) => cv.normalize(p, p, 0, 255, cv.NORM_MINMAX)),
    equalize: (s, d) => perChannel(s, d, (p) => cv.equalizeHist(p, p)),
    invert: (s, d) => cv.bitwise_not(s, d),
  };
  return {
    run: (src: CvMat, dst: CvMat, spare: CvMat, list: readonly AppliedOp[]) => {
      // ping-pong between dst and spare; the result ends in dst
      let [from, to] = list.length % 2 === 0 ? [spare, dst] : [dst, spare];
      src.copyTo(from);
      for (const op of list) {
        (ops[op.op] as (s: CvMat, d: CvMat, o: AppliedOp) => void)(from, to, op);
        [from, to] = [to, from];
      }
      if (list.length === 0) src.copyTo(dst);
    },
    free: () => [tmp, gray, smooth, ...masks.filter(Boolean)].forEach((m) => m.delete()),
  };
}

function opencvChainTask(cv: CvChains | undefined, img: RgbaImage, lists: readonly (readonly AppliedOp[])[]): BenchTask[] {
  if (!cv) return [];
  const { width: w, height: h } = img;
  let mats: CvMat[] = [];
  let chain: ReturnType<typeof opencvOps> | undefined;
  return [{
    id: 'opencv', label: 'opencv.js chains',
    includes: `copy in, the same ${IMAGES} op lists as cv calls (warpAffine nearest, convertTo, cvtColor + addWeighted, filter2D, bitwise, split + equalizeHist/normalize + merge), copy out`,
    before: () => {
      mats = [0, 1, 2].map(() => new cv.Mat(h, w, cv.CV_8UC4));
      mats[0]!.data.set(img.data);
      chain = opencvOps(cv, w, h);
    },
    after: () => {
      mats.forEach((m) => m.delete());
      chain?.free();
    },
    fn: () => {
      const [src, dst, spare] = mats as [CvMat, CvMat, CvMat];
      for (const list of lists) {
        src.data.set(img.data);
        chain!.run(src, dst, spare, list);
        dst.data.slice();
      }
    },
  }];
}

/** randAugment on `IMAGES` 224×224 images per call, against its baselines. */
export function policyGroups(peers: Peers): BenchGroup[] {
  const img = photo(224, 224);
  const t = randAugment();
  const seeds = Array.from({ length: IMAGES }, (_, i) => i);
  const lists = seeds.map((seed) => t.draw(seed, img));
  return [{
    id: `randAugment ${size(img)}`,
    title: `randAugment (numOps 2, magnitude 9, nearest), ${IMAGES} images of ${size(img)} per call (images/s = ${IMAGES} ÷ time)`,
    bytes: img.data.length * IMAGES, baseline: 'augkit',
    note: `The op lists of seeds 0..${IMAGES - 1} hold ${lists.flat().length} ops (${lists.filter((l) => l.length < 2).length} images drew Identity at least once).`,
    tasks: [
      { id: 'augkit', label: '**augkit** randAugment', includes: 'public call per image: draw (splitmix64, BigInt) and run the ops, a new array each', fn: () => seeds.forEach((seed) => t(img, { seed })) },
      { id: 'augkit-replay', label: 'augkit replay', includes: 'the recorded ops per image, no draws', fn: () => lists.forEach((list) => replay(img, list)) },
      { id: 'loop', label: 'plain-JS loop', includes: 'src/reference twins of each op, applied in sequence', fn: () => lists.forEach((list) => referenceChain(img, list)) },
      ...opencvChainTask(peers.cv as CvChains | undefined, img, lists),
    ],
  }];
}
