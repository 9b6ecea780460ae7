// The libraries augkit is compared with, loaded on demand (development dependencies only: the
// package's runtime dependencies stay pngjs and jpeg-js). A missing peer only removes its rows.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The subset of opencv.js the benchmarks call. */
export interface OpenCv {
  Mat: new (rows?: number, cols?: number, type?: number) => CvMat;
  Size: new (width: number, height: number) => unknown;
  Point: new (x: number, y: number) => unknown;
  Scalar: new (...values: number[]) => unknown;
  CV_8UC4: number;
  INTER_LINEAR: number;
  INTER_AREA: number;
  BORDER_CONSTANT: number;
  flip(src: CvMat, dst: CvMat, code: number): void;
  resize(src: CvMat, dst: CvMat, size: unknown, fx: number, fy: number, interpolation: number): void;
  warpAffine(src: CvMat, dst: CvMat, m: CvMat, size: unknown, flags: number, border: number, value: unknown): void;
  getRotationMatrix2D(center: unknown, angle: number, scale: number): CvMat;
  getBuildInformation(): string;
  // geometric ops with border modes (bench/geometry.bench.ts)
  WARP_INVERSE_MAP: number;
  BORDER_REPLICATE: number;
  BORDER_REFLECT_101: number;
  BORDER_REFLECT: number;
  BORDER_WRAP: number;
  CV_64F: number;
  Rect: new (x: number, y: number, width: number, height: number) => unknown;
  matFromArray(rows: number, cols: number, type: number, values: readonly number[]): CvMat;
  warpPerspective(src: CvMat, dst: CvMat, m: CvMat, size: unknown, flags: number, border: number, value: unknown): void;
  copyMakeBorder(src: CvMat, dst: CvMat, top: number, bottom: number, left: number, right: number, border: number, value: unknown): void;
  MatVector: new () => CvMatVector;
  GaussianBlur(src: CvMat, dst: CvMat, size: unknown, sigmaX: number, sigmaY: number, border: number): void;
  equalizeHist(src: CvMat, dst: CvMat): void;
  split(src: CvMat, channels: CvMatVector): void;
  merge(channels: CvMatVector, dst: CvMat): void;
  // the colorJitter chain (bench/colour.bench.ts)
  CV_8UC1: number;
  CV_8UC3: number;
  COLOR_RGBA2RGB: number;
  COLOR_RGB2RGBA: number;
  COLOR_RGB2GRAY: number;
  COLOR_GRAY2RGB: number;
  COLOR_RGB2HSV_FULL: number;
  COLOR_HSV2RGB_FULL: number;
  cvtColor(src: CvMat, dst: CvMat, code: number): void;
  convertScaleAbs(src: CvMat, dst: CvMat, alpha: number, beta: number): void;
  addWeighted(src1: CvMat, alpha: number, src2: CvMat, beta: number, gamma: number, dst: CvMat): void;
  mean(src: CvMat): readonly number[];
}
export interface CvMatVector {
  get(i: number): CvMat;
  delete(): void;
}
export interface CvMat {
  readonly data: Uint8Array;
  delete(): void;
  roi(rect: unknown): CvMat;
  copyTo(dst: CvMat): void;
}

export type Sharp = (typeof import('sharp'))['default'];
export type Photon = typeof import('@silvia-odwyer/photon-node');
export type JimpClass = (typeof import('jimp'))['Jimp'];

export interface Peers {
  cv?: OpenCv;
  sharp?: Sharp;
  Jimp?: JimpClass;
  photon?: Photon;
  /** Package (and native library) versions, for the report. */
  versions: Record<string, string>;
  /** Peers that failed to load, with the reason. */
  missing: Record<string, string>;
}

/** The installed version of a package: its package.json above its resolved entry (some hide it from `exports`). */
function packageVersion(name: string): string {
  try {
    let dir = dirname(require.resolve(name));
    for (; dir !== dirname(dir); dir = dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const { name: found, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version: string };
      if (found === name) return version;
    }
  } catch {
    // not installed
  }
  return 'unknown';
}

/**
 * opencv.js once its runtime is ready. Wrapped in an object: the Emscripten module has a `then`
 * method, so resolving a promise with it would await it again, forever.
 */
async function loadOpenCv(): Promise<{ cv: OpenCv }> {
  const cv = require('@techstark/opencv-js') as OpenCv & { onRuntimeInitialized?: () => void };
  if (!cv.Mat) await new Promise<void>((resolve) => (cv.onRuntimeInitialized = resolve));
  return { cv };
}

/** Loads every peer it can. sharp runs with concurrency 1 and no cache (one thread, as augkit). */
export async function loadPeers(): Promise<Peers> {
  const peers: Peers = { versions: {}, missing: {} };
  const attempt = async (name: string, load: () => Promise<void> | void) => {
    try {
      await load();
      peers.versions[name] = packageVersion(name);
    } catch (error) {
      peers.missing[name] = error instanceof Error ? error.message : String(error);
    }
  };
  await attempt('@techstark/opencv-js', async () => {
    ({ cv: peers.cv } = await loadOpenCv());
    const version = /Version control:\s+(\S+)/.exec(peers.cv.getBuildInformation())?.[1];
    if (version) peers.versions['opencv (build)'] = version;
  });
  await attempt('sharp', () => {
    const sharp = require('sharp') as Sharp;
    sharp.concurrency(1);
    sharp.cache(false);
    peers.sharp = sharp;
    peers.versions['libvips'] = sharp.versions.vips;
  });
  await attempt('jimp', async () => {
    peers.Jimp = (await import('jimp')).Jimp;
  });
  await attempt('@silvia-odwyer/photon-node', () => {
    peers.photon = require('@silvia-odwyer/photon-node') as Photon;
  });
  peers.versions['tinybench'] = packageVersion('tinybench');
  return peers;
}
