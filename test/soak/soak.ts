// The memory soak: call each op many times on a 512×512 image, and decode PNG and JPEG files many times,
// then check that WebAssembly memory and the process's RSS stop growing once warmed up. Shared by the CI-sized
// vitest file and `npm run soak` (the full 10 000 calls per op and 1 000 decodes per format).
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  decode,
  encodeJpeg,
  encodePng,
  flipHorizontal,
  flipVertical,
  resize,
  rotate,
  saltAndPepper,
  type RgbaImage,
} from '../../src/index.js';
import { memoryBytes } from '../../src/wasm/memory.js';

const MB = 2 ** 20;

/** A full garbage collection (exposes V8's gc for this process if it is not already exposed). */
export const collectGarbage: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Memory figures after a full GC, bytes. */
export interface MemorySample {
  readonly wasm: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly arrayBuffers: number;
}

export interface SoakResult {
  readonly name: string;
  readonly calls: number;
  readonly msPerCall: number;
  /** After warm-up, then after each quarter of the calls. */
  readonly samples: readonly MemorySample[];
  /** The highest RSS seen between samples (GC or not). */
  readonly rssPeak: number;
}

/** A 512×512 image with every channel value used, alpha included. */
export function soakImage(): RgbaImage {
  const data = new Uint8Array(512 * 512 * 4);
  for (let i = 0; i < data.length; i++) data[i] = (Math.imul(i, 2654435761) >>> 24) ^ (i >> 11);
  return { width: 512, height: 512, data };
}

/** Rotation angles the soak cycles through, the largest expanded canvas (45°) among them. */
const ANGLES = [-179.5, -135.5, -90, -44.5, 0.5, 45, 90, 135.5];
/** Resize targets the soak cycles through. */
const SIZES: readonly (readonly [number, number])[] = [[400, 300], [224, 224], [640, 480], [101, 513]];

/**
 * The soak's calls: each op as a pipeline would call it, its parameters cycling with a period of at most
 * 16 calls, so that a warm-up of {@link WARMUP} calls has already made the largest call of each.
 */
export function soakCases(img: RgbaImage): { name: string; call: (i: number) => unknown }[] {
  const png = encodePng(img);
  const jpeg = encodeJpeg(img, { quality: 85 });
  return [
    { name: 'flipHorizontal', call: () => flipHorizontal(img) },
    { name: 'flipVertical', call: () => flipVertical(img) },
    { name: 'resize', call: (i) => resize(img, SIZES[i % 4][0], SIZES[i % 4][1], { antialias: (i >> 2) % 2 === 0 }) },
    { name: 'rotate', call: (i) => rotate(img, ANGLES[i % 8], { expand: (i >> 3) % 2 === 0 }) },
    { name: 'saltAndPepper', call: (i) => saltAndPepper(img, { amount: 0.05, seed: i, perChannel: i % 2 === 0 }) },
    { name: 'decode PNG', call: () => decode(png) },
    { name: 'decode JPEG', call: () => decode(jpeg) },
  ];
}

/** Warm-up calls: two periods of every case's parameters. */
export const WARMUP = 32;

function sample(): MemorySample {
  collectGarbage();
  collectGarbage(); // a second pass frees what the first one's finalisation left (ArrayBuffer backing stores)
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  return { wasm: memoryBytes(), rss, heapUsed, arrayBuffers };
}

/** Calls `call` `calls` times after {@link WARMUP} calls, sampling memory after a full GC every quarter. */
export function soak(name: string, call: (i: number) => unknown, calls: number): SoakResult {
  for (let i = 0; i < WARMUP; i++) call(i);
  const samples = [sample()];
  let rssPeak = samples[0].rss;
  const quarter = Math.max(1, Math.floor(calls / 4));
  let elapsed = 0;
  for (let done = 0; done < calls; ) {
    const n = Math.min(quarter, calls - done);
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      call(WARMUP + done + i);
      if (i % 64 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }
    elapsed += performance.now() - start;
    done += n;
    samples.push(sample());
  }
  return { name, calls, msPerCall: elapsed / calls, samples, rssPeak: Math.max(rssPeak, ...samples.map((s) => s.rss)) };
}

/**
 * The bounds a soak must stay within, after warm-up: WebAssembly memory does not grow at all (it grows to
 * the largest call and is reused); the JS heap grows by less than 8 MB and ArrayBuffers by less than 16 MB
 * after GC; RSS after GC by less than 48 MB over the run and 24 MB over its second half. A leaked output
 * image (1 MB a call) would break them within 50 calls; over the full soak, so would a few kilobytes a call.
 */
export function soakProblems({ samples }: SoakResult): string[] {
  const problems: string[] = [];
  const warm = samples[0];
  const mid = samples[Math.floor(samples.length / 2)];
  const end = samples[samples.length - 1];
  if (end.wasm !== warm.wasm) problems.push(`WebAssembly memory grew from ${warm.wasm} to ${end.wasm} bytes`);
  if (end.heapUsed - warm.heapUsed > 8 * MB) problems.push(`the JS heap grew from ${mb(warm.heapUsed)} to ${mb(end.heapUsed)}`);
  if (end.arrayBuffers - warm.arrayBuffers > 16 * MB) problems.push(`ArrayBuffers grew from ${mb(warm.arrayBuffers)} to ${mb(end.arrayBuffers)}`);
  if (end.rss - warm.rss > 48 * MB) problems.push(`RSS grew from ${mb(warm.rss)} to ${mb(end.rss)}`);
  if (end.rss - mid.rss > 24 * MB) problems.push(`RSS still grew in the second half, from ${mb(mid.rss)} to ${mb(end.rss)}`);
  return problems;
}

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** One line of the report: each figure after warm-up → at the end (RSS also half-way). */
export function formatSoak(r: SoakResult): string {
  const warm = r.samples[0];
  const mid = r.samples[Math.floor(r.samples.length / 2)];
  const end = r.samples[r.samples.length - 1];
  return (
    `${r.name.padEnd(15)} ${String(r.calls).padStart(6)} calls ${r.msPerCall.toFixed(2).padStart(7)} ms/call  ` +
    `wasm ${mb(warm.wasm)} → ${mb(end.wasm)}  RSS ${mb(warm.rss)} → ${mb(mid.rss)} → ${mb(end.rss)} (peak ${mb(r.rssPeak)})  ` +
    `heap ${mb(warm.heapUsed)} → ${mb(end.heapUsed)}  ArrayBuffers ${mb(warm.arrayBuffers)} → ${mb(end.arrayBuffers)}`
  );
}
