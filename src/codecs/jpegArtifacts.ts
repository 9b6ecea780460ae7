import type { AugkitImage, RgbaImage } from '../image.js';
import type { OutputOptions } from '../ops/pixelSteps.js';
import { checkImage, checkIntegerInRange } from '../validate.js';
import { bytesAt } from '../wasm/memory.js';
import { runKernel, type KernelStep } from '../wasm/run.js';
import { decode } from './decode.js';
import { encodeJpeg } from './encodeJpeg.js';

/** RGB of a JPEG round trip of `rgba` at `quality`, written into `out` with `rgba`'s own alpha. */
function roundTrip(rgba: RgbaImage, quality: number, out: Uint8Array | Uint8ClampedArray): void {
  const back = decode(encodeJpeg(rgba, { quality }), { orientation: 'ignore' }).data;
  for (let i = 0; i < back.length; i += 4) {
    out[i] = back[i]!;
    out[i + 1] = back[i + 1]!;
    out[i + 2] = back[i + 2]!;
    out[i + 3] = rgba.data[i + 3]!;
  }
}

/**
 * The JPEG round trip as a step (see src/wasm/run.ts). It runs in JavaScript (jpeg-js), not in a kernel:
 * in a sequence it copies its input out of WebAssembly memory and its result back.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for a quality that is not an integer 1..100.
 */
export function jpegArtifactsStep(quality: number): KernelStep {
  checkIntegerInRange(quality, 'quality', 1, 100);
  return {
    op: 'jpegArtifacts',
    outputSize: (width, height) => [width, height],
    run: (_k, b, width, height) => {
      const data = bytesAt(b.src, width * height * 4).slice(); // a copy: the codecs may grow memory
      const result = new Uint8Array(data.length);
      roundTrip({ width, height, data }, quality, result);
      bytesAt(b.dst, result.length).set(result);
    },
    direct: (input, out) => (roundTrip(input, quality, out), true),
  };
}

/**
 * JPEG compression artefacts: encodes R, G, B as a baseline JPEG at `quality` (augkit's `encodeJpeg`,
 * 4:4:4) and decodes it again; alpha is kept from the input. Deterministic (no seed).
 *
 * @param quality - an integer 1..100 (low = blocky)
 * @throws {AugkitError} INVALID_ARGUMENT for a bad image, quality or `out`.
 * @example
 * const compressed = jpegArtifacts(img, 20);
 */
export function jpegArtifacts(img: RgbaImage, quality: number, options?: OutputOptions): AugkitImage {
  const src = checkImage(img);
  return runKernel(src, jpegArtifactsStep(quality), options?.out);
}
