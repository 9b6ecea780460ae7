// The ops against their baselines, on the same input in the same run: memcpy, augkit's kernel alone,
// augkit's public call (new array, reused options.out, scalar build), the plain-TS reference,
// opencv.js (kernel alone, and with the copies a caller needs), sharp (concurrency 1), jimp, photon.
import {
  flipHorizontal, flipVertical, resize, rotate, saltAndPepper, type AugkitImage, type RgbaImage,
} from '../src/index.js';
import { flipHorizontalReference, flipVerticalReference } from '../src/reference/flip.js';
import { resizeAntialiasReference, resizeBilinearReference } from '../src/reference/resize.js';
import { rotateReference } from '../src/reference/rotate.js';
import { saltAndPepperReference } from '../src/reference/saltAndPepper.js';
import { kernels, useKernelBuild, type Kernels } from '../src/wasm/kernels.js';
import { bytesAt, reserve } from '../src/wasm/memory.js';
import { STRIP_BYTES } from '../src/wasm/run.js';
import { saltAndPepperLoop } from './lib/baselines.js';
import type { BenchGroup, BenchTask } from './lib/harness.js';
import { photo, size } from './lib/images.js';
import type { CvMat, OpenCv, Peers, Sharp } from './lib/peers.js';

type SharpInstance = ReturnType<Sharp>;

const raw = (img: RgbaImage) => ({ raw: { width: img.width, height: img.height, channels: 4 as const } });
const transparent = { r: 0, g: 0, b: 0, alpha: 0 };
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const bytes = ({ data }: RgbaImage) => new Uint8Array(data.buffer, data.byteOffset, data.length);

export function memcpy(img: RgbaImage): BenchTask {
  const copy = new Uint8Array(img.data.length);
  return {
    id: 'memcpy', label: 'memcpy', includes: '`TypedArray.set` of the input bytes into a preallocated array',
    fn: () => copy.set(img.data),
  };
}

/** augkit's kernel alone: the pixels are placed in linear memory once, before timing. */
export function kernel(
  img: RgbaImage, outBytes: number, scratchBytes: (k: Kernels) => number,
  call: (k: Kernels, src: number, dst: number, scratch: number) => void,
  label = 'augkit kernel', includes = 'the WebAssembly kernel alone, input already in linear memory, src → dst',
  id = 'kernel',
): BenchTask {
  let pointers = [0, 0, 0];
  return {
    id, label, includes,
    before: () => {
      pointers = reserve([img.data.length, outBytes, scratchBytes(kernels)]);
      bytesAt(pointers[0]!, img.data.length).set(img.data);
    },
    fn: () => call(kernels, pointers[0]!, pointers[1]!, pointers[2]!),
  };
}

/** The public call: a new output array, a reused `options.out`, and the scalar build. */
export function publicCalls(
  run: (out?: Uint8ClampedArray) => AugkitImage, outBytes: number, includes: string,
): BenchTask[] {
  const out = new Uint8ClampedArray(outBytes);
  return [
    { id: 'augkit', label: '**augkit**', includes: `public call: ${includes}, into a new array`, fn: () => run() },
    { id: 'augkit-out', label: 'augkit, `options.out`', includes: 'the same into a reused array', fn: () => run(out) },
    {
      id: 'augkit-scalar', label: 'augkit, scalar build', includes: 'the public call on the build without SIMD',
      before: () => useKernelBuild('scalar'), after: () => useKernelBuild('simd'), fn: () => run(),
    },
  ];
}

function reference(fn: () => unknown, what = 'src/reference: plain TypeScript, the same arithmetic'): BenchTask {
  return { id: 'reference', label: 'plain-TS reference', includes: what, fn };
}

/** opencv.js: the function alone on preallocated Mats, and with the copy in and out a caller needs. */
export function opencv(
  cv: OpenCv | undefined, img: RgbaImage, outWidth: number, outHeight: number, op: (src: CvMat, dst: CvMat) => void,
  name: string,
): BenchTask[] {
  if (!cv) return [];
  let src: CvMat | undefined;
  let dst: CvMat | undefined;
  const before = () => {
    src = new cv.Mat(img.height, img.width, cv.CV_8UC4);
    dst = new cv.Mat(outHeight, outWidth, cv.CV_8UC4);
    src.data.set(img.data);
  };
  const after = () => {
    src?.delete();
    dst?.delete();
  };
  const reused = new Uint8Array(outWidth * outHeight * 4);
  return [
    { id: 'opencv-kernel', label: 'opencv.js, function alone', includes: `\`${name}\` on preallocated Mats`, before, after, fn: () => op(src!, dst!) },
    {
      id: 'opencv', label: 'opencv.js', includes: `copy in (\`mat.data.set\`), \`${name}\`, copy out (\`data.slice()\`)`,
      before, after,
      fn: () => {
        src!.data.set(img.data);
        op(src!, dst!);
        return dst!.data.slice();
      },
    },
    {
      id: 'opencv-out', label: 'opencv.js, reused output', includes: 'the same, copied out into a reused array', before, after,
      fn: () => {
        src!.data.set(img.data);
        op(src!, dst!);
        reused.set(dst!.data);
        return reused;
      },
    },
  ];
}

function sharpTask(
  peers: Peers, id: string, includes: string, build: (s: SharpInstance) => SharpInstance,
  img: RgbaImage, before?: () => Promise<void>, label = 'sharp, concurrency 1',
): BenchTask[] {
  const sharp = peers.sharp;
  if (!sharp) return [];
  return [{ id, label, includes, before, fn: async () => build(sharp(img.data, raw(img))).raw().toBuffer() }];
}

function jimpTask(peers: Peers, img: RgbaImage, includes: string, op: (j: InstanceType<NonNullable<Peers['Jimp']>>) => unknown): BenchTask[] {
  const Jimp = peers.Jimp;
  if (!Jimp) return [];
  let base: InstanceType<typeof Jimp> | undefined;
  return [{
    id: 'jimp', label: 'jimp', includes: `\`clone()\` (copy in), ${includes}`,
    before: () => void (base = new Jimp({ data: Buffer.from(img.data), width: img.width, height: img.height })),
    fn: () => op(base!.clone()),
  }];
}

function photonTask(
  peers: Peers, img: RgbaImage, includes: string,
  op: (p: import('@silvia-odwyer/photon-node').PhotonImage) => import('@silvia-odwyer/photon-node').PhotonImage,
): BenchTask[] {
  const photon = peers.photon;
  if (!photon) return [];
  return [{
    id: 'photon', label: 'photon', includes: `\`new PhotonImage\` (copy in), ${includes}, \`get_raw_pixels\` (copy out)`,
    fn: () => {
      const input = new photon.PhotonImage(bytes(img), img.width, img.height);
      const output = op(input);
      const pixels = output.get_raw_pixels();
      if (output !== input) output.free();
      input.free();
      return pixels;
    },
  }];
}

function flipGroups(peers: Peers, img: RgbaImage): BenchGroup[] {
  const { cv, photon } = peers;
  const n = img.data.length;
  const strip = `streamed through a ${STRIP_BYTES / 1024} KiB strip (copy in, flip, copy out)`;
  const horizontal: BenchGroup = {
    id: `flipHorizontal ${size(img)}`, title: `flipHorizontal, ${size(img)} (${mb(n)})`, bytes: n, baseline: 'augkit',
    tasks: [
      ...publicCalls((out) => flipHorizontal(img, { out }), n, strip),
      kernel(img, n, () => 0, (k, s, d) => k.flipHorizontal(s, img.width, img.height, d)),
      kernel(img, n, () => 0, (k, s) => k.flipHorizontal(s, img.width, img.height, s), 'augkit kernel, in place', 'the kernel alone, src = dst', 'kernel-in-place'),
      memcpy(img),
      reference(() => flipHorizontalReference(img)),
      ...opencv(cv, img, img.width, img.height, (s, d) => cv!.flip(s, d, 1), 'cv.flip(src, dst, 1)'),
      ...sharpTask(peers, 'sharp', '`sharp(raw).flop().raw().toBuffer()`', (s) => s.flop(), img),
      ...jimpTask(peers, img, '`flip({ horizontal: true })`', (j) => j.flip({ horizontal: true, vertical: false })),
      ...photonTask(peers, img, '`fliph`', (p) => (photon!.fliph(p), p)),
    ],
  };
  const vertical: BenchGroup = {
    id: `flipVertical ${size(img)}`, title: `flipVertical, ${size(img)} (${mb(n)})`, bytes: n, baseline: 'augkit',
    tasks: [
      ...publicCalls((out) => flipVertical(img, { out }), n, 'rows moved straight from input to output (`TypedArray.set`)'),
      kernel(img, n, () => 0, (k, s, d) => k.flipVertical(s, img.width, img.height, d)),
      memcpy(img),
      reference(() => flipVerticalReference(img)),
      ...opencv(cv, img, img.width, img.height, (s, d) => cv!.flip(s, d, 0), 'cv.flip(src, dst, 0)'),
      ...sharpTask(peers, 'sharp', '`sharp(raw).flip().raw().toBuffer()`', (s) => s.flip(), img),
      ...jimpTask(peers, img, '`flip({ vertical: true })`', (j) => j.flip({ horizontal: false, vertical: true })),
      ...photonTask(peers, img, '`flipv`', (p) => (photon!.flipv(p), p)),
    ],
  };
  return [horizontal, vertical];
}

function resizeGroup(peers: Peers, img: RgbaImage, dw: number, dh: number, antialias: boolean): BenchGroup {
  const { cv, photon } = peers;
  const outBytes = dw * dh * 4;
  const what = antialias ? 'antialias (Pillow BILINEAR)' : 'bilinear';
  const tasks: BenchTask[] = [
    ...publicCalls((out) => resize(img, dw, dh, { antialias, out }), outBytes, `copy in, ${what}, copy out`),
    antialias
      ? kernel(img, outBytes, (k) => k.resizeAntialiasScratch(img.width, img.height, dw, dh), (k, s, d, x) => k.resizeAntialias(s, img.width, img.height, d, dw, dh, x))
      : kernel(img, outBytes, (k) => k.resizeBilinearScratch(dw), (k, s, d, x) => k.resizeBilinear(s, img.width, img.height, d, dw, dh, x)),
    memcpy(img),
    reference(() => (antialias ? resizeAntialiasReference : resizeBilinearReference)(img, dw, dh)),
  ];
  if (!antialias) {
    tasks.push(...opencv(cv, img, dw, dh, (s, d) => cv!.resize(s, d, new cv!.Size(dw, dh), 0, 0, cv!.INTER_LINEAR), 'cv.resize(INTER_LINEAR)'));
  }
  const fit = { fit: 'fill' as const };
  if (dw < img.width) {
    tasks.push(...sharpTask(peers, 'sharp', '`resize(w, h, { fit: "fill" })`, default kernel lanczos3', (s) => s.resize(dw, dh, fit), img, undefined, 'sharp, concurrency 1, lanczos3'));
  }
  tasks.push(...sharpTask(peers, 'sharp-linear', '`resize(w, h, { fit: "fill", kernel: "linear" })`', (s) => s.resize(dw, dh, { ...fit, kernel: 'linear' }), img, undefined, 'sharp, concurrency 1, linear'));
  tasks.push(...jimpTask(peers, img, '`resize({ w, h })` (default mode)', (j) => j.resize({ w: dw, h: dh })));
  tasks.push(...photonTask(peers, img, '`resize(…, Triangle)`', (p) => photon!.resize(p, dw, dh, photon!.SamplingFilter.Triangle)));
  return {
    id: `resize ${size(img)} → ${dw}×${dh}${antialias ? ' antialias' : ''}`,
    title: `resize ${size(img)} → ${dw}×${dh}${antialias ? ', `antialias: true`' : ''}`,
    bytes: img.data.length, baseline: 'augkit', tasks,
  };
}

function rotateGroup(peers: Peers, img: RgbaImage, degrees: number): BenchGroup {
  const { cv, photon } = peers;
  const { width: w, height: h } = img;
  const n = img.data.length;
  let extract = { left: 0, top: 0, width: w, height: h };
  const sharpExtent = async () => {
    const { info } = await peers.sharp!(img.data, raw(img)).rotate(-degrees, { background: transparent }).raw()
      .toBuffer({ resolveWithObject: true });
    extract = { left: Math.round((info.width - w) / 2), top: Math.round((info.height - h) / 2), width: w, height: h };
  };
  return {
    id: `rotate ${size(img)} ${degrees}°`, title: `rotate ${degrees}°, ${size(img)}, same size out, transparent fill`,
    bytes: n, baseline: 'augkit',
    note: 'photon has no same-size rotation: it returns the expanded canvas (more pixels written).',
    tasks: [
      ...publicCalls((out) => rotate(img, degrees, { out }), n, 'copy in, rotate, copy out'),
      kernel(img, n, (k) => k.rotateScratch(w), (k, s, d, x) => k.rotate(s, w, h, d, w, h, degrees, 0, x)),
      memcpy(img),
      reference(() => rotateReference(img, degrees)),
      ...opencv(cv, img, w, h, (s, d) => {
        const m = cv!.getRotationMatrix2D(new cv!.Point((w - 1) / 2, (h - 1) / 2), degrees, 1);
        cv!.warpAffine(s, d, m, new cv!.Size(w, h), cv!.INTER_LINEAR, cv!.BORDER_CONSTANT, new cv!.Scalar(0, 0, 0, 0));
        m.delete();
      }, 'cv.warpAffine(INTER_LINEAR, BORDER_CONSTANT)'),
      ...sharpTask(peers, 'sharp', '`rotate(-deg, { background })` then `extract` of the centre, same size', (s) => s.rotate(-degrees, { background: transparent }).extract(extract), img, sharpExtent),
      ...jimpTask(peers, img, '`rotate({ deg, mode: false })` (same size)', (j) => j.rotate({ deg: degrees, mode: false })),
      ...photonTask(peers, img, '`rotate` (expanded canvas)', (p) => photon!.rotate(p, degrees)),
    ],
  };
}

function noiseGroup(img: RgbaImage, perChannel: boolean): BenchGroup {
  const n = img.data.length;
  const options = { amount: 0.05, saltVsPepper: 0.5, seed: 12345, perChannel };
  const pixels = img.width * img.height;
  const call = (k: Kernels, s: number, d: number, x: number) => k.saltAndPepper(s, pixels, d, 0.05, 0.5, 12345, perChannel, x);
  return {
    id: `saltAndPepper ${size(img)}${perChannel ? ' per channel' : ''}`,
    title: `saltAndPepper 5 %${perChannel ? ', `perChannel: true`' : ''}, ${size(img)} (${mb(n)})`,
    bytes: n, baseline: 'augkit',
    tasks: [
      ...publicCalls((out) => saltAndPepper(img, { ...options, out }), n, 'copy to the output (`TypedArray.set`), then the hits the kernel lists'),
      kernel(img, n, (k) => k.saltAndPepperScratch(), (k, s, _d, x) => call(k, s, s, x), 'augkit kernel, in place', 'the kernel alone, in place on pixels in linear memory: draws, gaps, hits', 'kernel'),
      kernel(img, n, (k) => k.saltAndPepperScratch(), call, 'augkit kernel, src → dst', 'the same plus the copy to a second region', 'kernel-copy'),
      memcpy(img),
      reference(() => saltAndPepperReference(img, 0.05, 0.5, 12345, perChannel), 'src/reference: the same PRNG stream and geometric skipping in plain TypeScript'),
      {
        id: 'loop', label: 'plain-JS loop', includes: 'copy, then one `Math.random()` per pixel (+1 per hit)',
        fn: () => saltAndPepperLoop(img, 0.05, 0.5),
      },
    ],
  };
}

/** Every op group at 1920×1080 and 640×480. */
export function opGroups(peers: Peers): BenchGroup[] {
  const fullHd = photo(1920, 1080);
  const vga = photo(640, 480);
  return [
    ...flipGroups(peers, fullHd),
    ...flipGroups(peers, vga),
    resizeGroup(peers, fullHd, 400, 400, false),
    resizeGroup(peers, fullHd, 400, 400, true),
    resizeGroup(peers, vga, 1280, 960, false),
    rotateGroup(peers, fullHd, 17),
    rotateGroup(peers, vga, 17),
    noiseGroup(fullHd, false),
    noiseGroup(vga, false),
    noiseGroup(fullHd, true),
  ];
}
