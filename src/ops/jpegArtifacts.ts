import { decode } from '../codecs/decode.js';
import { encodeJpeg } from '../codecs/encodeJpeg.js';
import type { AugkitImage, RgbaImage } from '../image.js';
import { bytesAt } from '../wasm/memory.js';
import { applyOp, defineOp } from './define.js';
import { integer } from './params.js';
import { sameSize, type OutputOptions } from './pixelSteps.js';

/** RGB of a JPEG round trip of `rgba` at `quality`, written into `out` with `rgba`'s own alpha. */
function roundTrip(rgba: RgbaImage, quality: number, out: Uint8Array | Uint8ClampedArray): void {
  const back = decode(encodeJpeg(rgba, { quality, chroma: '444' }), { orientation: 'ignore' }).data;
  for (let i = 0; i < back.length; i += 4) {
    out[i] = back[i]!;
    out[i + 1] = back[i + 1]!;
    out[i + 2] = back[i + 2]!;
    out[i + 3] = rgba.data[i + 3]!;
  }
}

/**
 * JPEG artefacts, defined once (see src/ops/define.ts). The step runs in JavaScript (the codecs), not in a
 * kernel: in a sequence it copies its input out of WebAssembly memory and its result back.
 *
 * @example
 * jpegArtifactsOp.caption({ quality: 20 }); // 'jpeg q20'
 */
export const jpegArtifactsOp = defineOp({
  name: 'jpegArtifacts',
  doc: "JPEG compression artefacts: R, G, B encoded as a baseline JPEG at `quality` (encodeJpeg, 4:4:4) and decoded again; alpha kept.",
  example: { quality: 8 },
  equivalents: { keras: 'tf.image.adjust_jpeg_quality(img, quality)', torchvision: 'v2.JPEG(quality)', albumentations: 'A.ImageCompression' },
  positional: ['quality'],
  params: { quality: integer({ doc: 'JPEG quality 1..100 (low = blocky).', min: 1, max: 100 }) },
  step: ({ quality }) => ({
    op: 'jpegArtifacts',
    outputSize: sameSize,
    run: (_k, b, width, height) => {
      const data = bytesAt(b.src, width * height * 4).slice(); // a copy: the codecs may grow memory
      const result = new Uint8Array(data.length);
      roundTrip({ width, height, data }, quality, result);
      bytesAt(b.dst, result.length).set(result);
    },
    direct: (input, out) => (roundTrip(input, quality, out), true),
  }),
  caption: ({ quality }) => `jpeg q${quality}`,
});

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
  return applyOp(jpegArtifactsOp, img, { quality }, options);
}
