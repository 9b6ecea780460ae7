// The golden-ops calls of the colour, filter and occlusion ops (test/fixtures/golden-ops/README.md's table),
// shared by the golden tests and the SIMD/scalar comparison.
import * as ak from '../../src/index.js';
import type { AugkitImage, RgbaImage } from '../../src/index.js';
import type { GoldenOpsCase } from './goldenOps.js';

type Params = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Each op's call from the case's params. */
export const COLOUR_GOLDEN_CALLS: Record<string, (img: RgbaImage, p: Params) => AugkitImage> = {
  grayscale: (img) => ak.grayscale(img),
  invert: (img) => ak.invert(img),
  equalize: (img) => ak.equalize(img),
  autocontrast: (img) => ak.autocontrast(img),
  adjustBrightness: (img, p) => ak.adjustBrightness(img, p.factor),
  adjustContrast: (img, p) => ak.adjustContrast(img, p.factor),
  adjustSaturation: (img, p) => ak.adjustSaturation(img, p.factor),
  adjustSharpness: (img, p) => ak.adjustSharpness(img, p.factor),
  adjustHue: (img, p) => ak.adjustHue(img, p.hue),
  adjustGamma: (img, p) => ak.adjustGamma(img, p.gamma, p.gain),
  solarize: (img, p) => ak.solarize(img, p.threshold),
  posterize: (img, p) => ak.posterize(img, p.bits),
  channelShift: (img, p) => ak.channelShift(img, p.shift),
  gaussianBlur: (img, p) => ak.gaussianBlur(img, { sigma: p.sigma, kernelSize: p.kernelSize }),
  erase: (img, p) => ak.erase(img, { x: p.x, y: p.y, width: p.width, height: p.height, value: p.value }),
};

export const COLOUR_GOLDEN_OPS = Object.keys(COLOUR_GOLDEN_CALLS);

export function runGoldenCase(c: GoldenOpsCase, img: RgbaImage): AugkitImage {
  return COLOUR_GOLDEN_CALLS[c.op]!(img, c.params);
}
