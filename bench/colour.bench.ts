// The colour and filter ops against their baselines in the same run, at 1920×1080: the table-driven ops
// against memcpy (a table pass reads and writes every byte once), gaussianBlur σ = 2 against opencv.js
// cv.GaussianBlur, equalize against cv.equalizeHist on each of R, G, B (split, three calls, merge), colorJitter
// (all four factors fixed) against the same chain in opencv.js.
import {
  adjustBrightness, adjustContrast, adjustGamma, adjustHue, adjustSaturation, autocontrast, colorJitter, equalize, gaussianBlur,
  invert, posterize, solarize, type AugkitImage, type RgbaImage,
} from '../src/index.js';
import { equalizeReference } from '../src/reference/colorTables.js';
import { gaussianBlurReference } from '../src/reference/gaussianBlur.js';
import type { Kernels } from '../src/wasm/kernels.js';
import type { BenchGroup } from './lib/harness.js';
import { photo, size } from './lib/images.js';
import type { CvMat, CvMatVector, Peers } from './lib/peers.js';
import { kernel, memcpy, opencv, publicCalls } from './ops.bench.js';

interface TableOp {
  name: string;
  run: (img: RgbaImage, out?: Uint8ClampedArray) => AugkitImage;
  /** The kernel alone: tables then the pass (or histogram, tables, pass). */
  call: (k: Kernels, pixels: number, src: number, dst: number, scratch: number) => void;
  scratch: (k: Kernels) => number;
}

const lut = (fill: (k: Kernels, table: number) => void) => (k: Kernels, pixels: number, src: number, dst: number, scratch: number) => {
  fill(k, scratch);
  k.applyLut(src, pixels, dst, scratch);
};

const TABLE_OPS: TableOp[] = [
  { name: 'invert', run: (img, out) => invert(img, { out }), call: lut((k, t) => k.invertTable(t)), scratch: (k) => k.colorLutScratch() },
  { name: 'adjustBrightness', run: (img, out) => adjustBrightness(img, 1.3, { out }), call: lut((k, t) => k.brightnessTable(t, 1.3)), scratch: (k) => k.colorLutScratch() },
  { name: 'adjustGamma', run: (img, out) => adjustGamma(img, 2.2, 1, { out }), call: lut((k, t) => k.gammaTable(t, 2.2, 1)), scratch: (k) => k.colorLutScratch() },
  { name: 'solarize', run: (img, out) => solarize(img, 128, { out }), call: lut((k, t) => k.solarizeTable(t, 128)), scratch: (k) => k.colorLutScratch() },
  { name: 'posterize', run: (img, out) => posterize(img, 3, { out }), call: lut((k, t) => k.posterizeTable(t, 3)), scratch: (k) => k.colorLutScratch() },
  { name: 'equalize', run: (img, out) => equalize(img, { out }), call: (k, n, s, d, x) => k.equalize(s, n, d, x), scratch: (k) => k.histogramOpScratch() },
  { name: 'autocontrast', run: (img, out) => autocontrast(img, { out }), call: (k, n, s, d, x) => k.autocontrast(s, n, d, x), scratch: (k) => k.histogramOpScratch() },
];

function tableGroup(img: RgbaImage, op: TableOp): BenchGroup {
  const n = img.data.length;
  const pixels = img.width * img.height;
  return {
    id: `${op.name} ${size(img)}`, title: `${op.name}, ${size(img)}`, bytes: n, baseline: 'augkit',
    tasks: [
      ...publicCalls((out) => op.run(img, out), n, 'tables, then strips (or one pass) over the pixels'),
      kernel(img, n, op.scratch, (k, s, d, x) => op.call(k, pixels, s, d, x), 'augkit kernel', 'tables and the pass alone, src → dst'),
      memcpy(img),
    ],
  };
}

function blurGroup(peers: Peers, img: RgbaImage, sigma: number): BenchGroup {
  const { cv } = peers;
  const n = img.data.length;
  const k = 2 * Math.ceil(3 * sigma) + 1;
  return {
    id: `gaussianBlur ${size(img)} σ${sigma}`, title: `gaussianBlur σ = ${sigma} (${k}×${k}), ${size(img)}`, bytes: n, baseline: 'augkit',
    tasks: [
      ...publicCalls((out) => gaussianBlur(img, { sigma, out }), n, 'copy in, two passes, copy out'),
      kernel(img, n, (kk) => kk.gaussianBlurScratch(img.width, k), (kk, s, d, x) => kk.gaussianBlur(s, img.width, img.height, d, sigma, k, x)),
      memcpy(img),
      { id: 'reference', label: 'plain-TS reference', includes: 'src/reference: the same fixed point, value by value', fn: () => gaussianBlurReference(img, sigma, k) },
      ...opencv(cv, img, img.width, img.height, (s, d) => cv!.GaussianBlur(s, d, new cv!.Size(k, k), sigma, sigma, cv!.BORDER_REFLECT_101), `cv.GaussianBlur((${k}, ${k}), ${sigma}, BORDER_REFLECT_101)`),
    ],
  };
}

function equalizeGroup(peers: Peers, img: RgbaImage): BenchGroup {
  const { cv } = peers;
  const n = img.data.length;
  const op = TABLE_OPS.find((o) => o.name === 'equalize')!;
  let planes: CvMatVector | undefined;
  const equalizeHist3 = (s: Parameters<NonNullable<typeof cv>['split']>[0], d: Parameters<NonNullable<typeof cv>['merge']>[1]) => {
    planes ??= new cv!.MatVector();
    cv!.split(s, planes);
    for (let c = 0; c < 3; c++) {
      const plane = planes.get(c);
      cv!.equalizeHist(plane, plane);
      plane.delete();
    }
    cv!.merge(planes, d);
  };
  return {
    id: `equalize vs opencv ${size(img)}`, title: `equalize (R, G, B), ${size(img)}`, bytes: n, baseline: 'augkit',
    note: 'opencv.js equalizes one channel per call: split, cv.equalizeHist on R, G and B, merge (alpha kept).',
    tasks: [
      ...publicCalls((out) => op.run(img, out), n, 'copy in, histograms, tables, pass, copy out'),
      kernel(img, n, op.scratch, (k, s, d, x) => op.call(k, img.width * img.height, s, d, x)),
      { id: 'reference', label: 'plain-TS reference', includes: 'src/reference: Pillow\'s algorithm in TypeScript', fn: () => equalizeReference(img) },
      ...opencv(cv, img, img.width, img.height, equalizeHist3, 'cv.split, 3 × cv.equalizeHist, cv.merge'),
    ],
  };
}

/** colorJitter's fixed factors: each range a single value, so only the order is drawn. */
const JITTER = { brightness: 1.2, contrast: 0.8, saturation: 1.3, hue: 0.1 } as const;

/**
 * The same four adjustments in opencv.js, as a user of it would chain them on RGB: `convertScaleAbs` (brightness),
 * the grey mean (`cvtColor` RGB→GRAY, `cv.mean`) and `addWeighted` (contrast), `addWeighted` with the grey
 * image as RGB (saturation), `cvtColor` RGB→HSV_FULL, the hue plane shifted modulo 256 in JavaScript (opencv.js
 * has no LUT), HSV→RGB (hue). RGBA ↔ RGB at both ends.
 */
function opencvJitter(cv: NonNullable<Peers['cv']>) {
  let mats: Record<'rgb' | 'work' | 'gray' | 'gray3' | 'hsv', CvMat> | undefined;
  let planes: CvMatVector | undefined;
  const hueShift = Math.round(JITTER.hue * 256);
  return (src: CvMat, dst: CvMat) => {
    mats ??= { rgb: new cv.Mat(), work: new cv.Mat(), gray: new cv.Mat(), gray3: new cv.Mat(), hsv: new cv.Mat() };
    planes ??= new cv.MatVector();
    const { rgb, work, gray, gray3, hsv } = mats;
    cv.cvtColor(src, rgb, cv.COLOR_RGBA2RGB);
    cv.convertScaleAbs(rgb, work, JITTER.brightness, 0);
    cv.cvtColor(work, gray, cv.COLOR_RGB2GRAY);
    const m = cv.mean(gray)[0]!;
    cv.addWeighted(work, JITTER.contrast, work, 0, (1 - JITTER.contrast) * m, rgb);
    cv.cvtColor(rgb, gray, cv.COLOR_RGB2GRAY);
    cv.cvtColor(gray, gray3, cv.COLOR_GRAY2RGB);
    cv.addWeighted(rgb, JITTER.saturation, gray3, 1 - JITTER.saturation, 0, work);
    cv.cvtColor(work, hsv, cv.COLOR_RGB2HSV_FULL);
    cv.split(hsv, planes);
    const h = planes.get(0);
    const hue = h.data;
    for (let i = 0; i < hue.length; i++) hue[i] = (hue[i]! + hueShift) & 255;
    cv.merge(planes, hsv);
    h.delete();
    cv.cvtColor(hsv, rgb, cv.COLOR_HSV2RGB_FULL);
    cv.cvtColor(rgb, dst, cv.COLOR_RGB2RGBA);
  };
}

function colorJitterGroup(peers: Peers, img: RgbaImage): BenchGroup {
  const { cv } = peers;
  const n = img.data.length;
  const pixels = img.width * img.height;
  const jitter = colorJitter(JITTER);
  const reused = new Uint8ClampedArray(n);
  return {
    id: `colorJitter ${size(img)}`, title: `colorJitter (brightness 1.2, contrast 0.8, saturation 1.3, hue 0.1), ${size(img)}`, bytes: n, baseline: 'augkit',
    note: 'Fixed factors: augkit draws only the order (seed 1). opencv.js works on RGB (alpha dropped and set to 255), its hue step 1/256.',
    tasks: [
      { id: 'augkit', label: '**augkit**', includes: 'public call: colorJitter(img, { seed }): the draw, copy in, four kernels, copy out into a new array', fn: () => jitter(img, { seed: 1 }) },
      {
        id: 'augkit-out', label: 'augkit, four calls with `options.out`', includes: 'adjustBrightness, adjustContrast, adjustSaturation, adjustHue, each into a reused array',
        fn: () => {
          const out = adjustBrightness(img, JITTER.brightness, { out: reused });
          adjustContrast(out, JITTER.contrast, { out: reused });
          adjustSaturation(out, JITTER.saturation, { out: reused });
          return adjustHue(out, JITTER.hue, { out: reused });
        },
      },
      kernel(img, n, (k) => k.colorLutScratch(), (k, s, d, x) => {
        k.brightnessTable(x, JITTER.brightness);
        k.applyLut(s, pixels, d, x);
        k.adjustContrast(d, pixels, d, JITTER.contrast, x);
        k.adjustSaturation(d, pixels, d, JITTER.saturation);
        k.adjustHue(d, pixels, d, JITTER.hue);
      }, 'augkit kernels', 'the four kernels alone, input already in linear memory, src → dst → dst'),
      ...opencv(cv, img, img.width, img.height, cv ? opencvJitter(cv) : () => undefined,
        'cvtColor, convertScaleAbs, cvtColor + mean + addWeighted, cvtColor ×2 + addWeighted, cvtColor HSV, hue plane in JS, cvtColor ×2'),
    ],
  };
}
/** The colour and filter groups at 1920×1080. */
export function colourGroups(peers: Peers): BenchGroup[] {
  const fullHd = photo(1920, 1080);
  return [...TABLE_OPS.map((op) => tableGroup(fullHd, op)), blurGroup(peers, fullHd, 2), equalizeGroup(peers, fullHd), colorJitterGroup(peers, fullHd)];
}
