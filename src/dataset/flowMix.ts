import { invalidArgument } from '../errors.js';
import { checkKnownKeys } from '../knownKeys.js';
import { deriveSeed } from '../pipeline/seed.js';
import { kernels } from '../wasm/kernels.js';

/** MixUp / CutMix settings: λ ~ Beta(alpha, alpha). */
export interface MixOptions {
  alpha: number;
}

/** The batch mixes a flow may apply: one of them per batch, chosen uniformly when both are given. */
export type MixKind = 'mixUp' | 'cutMix';
export type MixConfig = readonly { readonly kind: MixKind; readonly alpha: number }[];

/**
 * Checks `options.mixUp` / `options.cutMix` (each `{ alpha > 0 }`).
 *
 * @throws {AugkitError} INVALID_ARGUMENT naming the option.
 * @example
 * checkMix({ mixUp: { alpha: 0.2 } }); // [{ kind: 'mixUp', alpha: 0.2 }]
 */
export function checkMix(o: { mixUp?: unknown; cutMix?: unknown }): MixConfig {
  return (['mixUp', 'cutMix'] as const).flatMap((kind) => {
    const value = o[kind];
    if (value === undefined) return [];
    const param = `options.${kind}`;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidArgument(param, 'an object { alpha }', value);
    checkKnownKeys(value, ['alpha'], param);
    const alpha = (value as { alpha?: unknown }).alpha;
    if (typeof alpha !== 'number' || !Number.isFinite(alpha) || !(alpha > 0)) throw invalidArgument(`${param}.alpha`, 'a finite number > 0', alpha);
    return [{ kind, alpha }];
  });
}

/** What one batch's mix drew: the kind, the (box-adjusted) λ and, for CutMix, the pasted box [x1, x2) × [y1, y2). */
export interface MixDraw {
  readonly kind: MixKind;
  readonly lambda: number;
  readonly box: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number } | null;
}

/**
 * Draws batch `batch` of epoch `epoch`'s mix from the stream `deriveSeed(seed, 'mix', epoch, batch)`, in
 * WebAssembly: the kind (u < 1/2 → the first given, when both are), λ ~ Beta(α, α); for CutMix torchvision's
 * box: centre rx = ⌊(1 − u)·W⌋, ry = ⌊(1 − u)·H⌋, half sizes ⌊½·sqrt(1 − λ)·W⌋ and ⌊½·sqrt(1 − λ)·H⌋,
 * clipped to the image, and λ = 1 − box area / image area.
 *
 * @example
 * drawMix([{ kind: 'cutMix', alpha: 1 }], 0, 0, 0, 32, 32);
 */
export function drawMix(mix: MixConfig, seed: number, epoch: number, batch: number, width: number, height: number): MixDraw {
  const k = kernels;
  k.mixBegin(deriveSeed(seed, 'mix', epoch, batch));
  const { kind, alpha } = mix.length > 1 && k.mixUniform() >= 0.5 ? mix[1]! : mix[0]!;
  const lambda = k.mixBeta(alpha);
  if (kind === 'mixUp') return { kind, lambda, box: null };
  const rx = Math.min(width - 1, Math.floor((1 - k.mixUniform()) * width));
  const ry = Math.min(height - 1, Math.floor((1 - k.mixUniform()) * height));
  const r = 0.5 * Math.sqrt(1 - lambda);
  const halfW = Math.floor(r * width);
  const halfH = Math.floor(r * height);
  const box = { x1: Math.max(rx - halfW, 0), y1: Math.max(ry - halfH, 0), x2: Math.min(rx + halfW, width), y2: Math.min(ry + halfH, height) };
  return { kind, lambda: 1 - ((box.x2 - box.x1) * (box.y2 - box.y1)) / (width * height), box };
}

/** Batch geometry of packed values. */
export interface MixShape {
  readonly n: number;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly layout: 'nhwc' | 'nchw';
}

/**
 * Mixes packed batch values with their roll by one (image i with image i − 1, image 0 with the last), as
 * torchvision v2 does. MixUp: `λ·a + (1 − λ)·b` per value (float32: rounded to float32; uint8: rounded half up);
 * as packing is affine per channel, mixing packed float32 values equals packing the mixed (unrounded) bytes.
 * CutMix: the box's values come from the rolled image. Returns the soft one-hot targets (n × classCount):
 * λ on image i's class, 1 − λ added on image i − 1's.
 *
 * @example
 * const targets = mixBatch(images, labels, 10, { n, width, height, channels: 3, layout: 'nhwc' }, draw);
 */
export function mixBatch(values: Float32Array | Uint8Array, labels: Int32Array, classCount: number, shape: MixShape, draw: MixDraw): Float32Array {
  const { n, width, height, channels, layout } = shape;
  const size = width * height * channels;
  const source = values.slice();
  const { lambda, box } = draw;
  const round = values instanceof Uint8Array ? (v: number) => Math.floor(v + 0.5) : Math.fround;
  for (let i = 0; i < n; i++) {
    const a = i * size;
    const b = ((i + n - 1) % n) * size;
    if (box === null) {
      for (let j = 0; j < size; j++) values[a + j] = round(lambda * source[a + j]! + (1 - lambda) * source[b + j]!);
      continue;
    }
    for (let c = 0; c < channels; c++) {
      for (let y = box.y1; y < box.y2; y++) {
        for (let x = box.x1; x < box.x2; x++) {
          const at = layout === 'nhwc' ? (y * width + x) * channels + c : (c * height + y) * width + x;
          values[a + at] = source[b + at]!;
        }
      }
    }
  }
  const targets = new Float32Array(n * classCount);
  for (let i = 0; i < n; i++) {
    targets[i * classCount + labels[i]!] += lambda;
    targets[i * classCount + labels[(i + n - 1) % n]!] += 1 - lambda;
  }
  return targets;
}
