import { describe, expect, it } from 'vitest';
import { flowFromDirectory, type Batch, type FlowOptions } from '../../src/dataset/flow.js';
import { drawMix, mixBatch, type MixDraw, type MixShape } from '../../src/dataset/flowMix.js';
import { kernels } from '../../src/wasm/kernels.js';
import { join } from 'node:path';
import { ROOT, SAMPLE } from '../helpers/cli.js';

async function collect(iterable: AsyncIterable<Batch>): Promise<Batch[]> {
  const batches: Batch[] = [];
  for await (const b of iterable) batches.push(b);
  return batches;
}

const SAMPLES = 20_000;

/** Sample mean and variance of `count` draws. */
function moments(draw: () => number, count = SAMPLES): { mean: number; variance: number } {
  const xs = Array.from({ length: count }, draw);
  const mean = xs.reduce((s, x) => s + x, 0) / count;
  return { mean, variance: xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (count - 1) };
}

describe('Gamma and Beta variates (WebAssembly, Marsaglia–Tsang)', () => {
  it.each([0.3, 1, 2.5, 9])('Gamma(%f) has mean k and variance k within 5 standard errors', (k) => {
    kernels.mixBegin(7);
    const { mean, variance } = moments(() => kernels.nextGamma(k));
    expect(Math.abs(mean - k)).toBeLessThan(5 * Math.sqrt(k / SAMPLES));
    // the sample variance's standard error: σ² · sqrt((2 + excess kurtosis 6/k) / n)
    expect(Math.abs(variance - k)).toBeLessThan(5 * k * Math.sqrt((2 + 6 / k) / SAMPLES));
  });

  it.each([0.2, 1, 4])('Beta(%f, %f) λ has mean 1/2 and variance 1/(4(2α + 1))', (alpha) => {
    kernels.mixBegin(3);
    const { mean, variance } = moments(() => kernels.mixBeta(alpha));
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / SAMPLES));
    // (λ − 1/2)² lies in [0, 1/4], so its standard deviation is at most 1/4
    expect(Math.abs(variance - 1 / (4 * (2 * alpha + 1)))).toBeLessThan(5 * (0.25 / Math.sqrt(SAMPLES)));
  });
});

/** A batch of n distinct images with values v(i, p) that differ between images. */
function batchValues(shape: MixShape, dtype: 'float32' | 'uint8'): Float32Array | Uint8Array {
  const length = shape.n * shape.width * shape.height * shape.channels;
  const values = dtype === 'uint8' ? new Uint8Array(length) : new Float32Array(length);
  for (let j = 0; j < length; j++) values[j] = dtype === 'uint8' ? (j * 37 + 11) % 256 : Math.fround(((j * 37 + 11) % 256) / 255 - 0.4);
  return values;
}

/** Plain-loop twin: value (image i, x, y, c) of the mixed batch. */
function twinValue(src: Float32Array | Uint8Array, shape: MixShape, draw: MixDraw, i: number, x: number, y: number, c: number): number {
  const { n, width, height, channels, layout } = shape;
  const offset = (k: number) => k * width * height * channels + (layout === 'nhwc' ? (y * width + x) * channels + c : (c * height + y) * width + x);
  const a = src[offset(i)]!;
  const b = src[offset((i - 1 + n) % n)]!;
  if (draw.box !== null) {
    const { x1, y1, x2, y2 } = draw.box;
    return x >= x1 && x < x2 && y >= y1 && y < y2 ? b : a;
  }
  const mixed = draw.lambda * a + (1 - draw.lambda) * b;
  return src instanceof Uint8Array ? Math.floor(mixed + 0.5) : Math.fround(mixed);
}

describe('mixBatch', () => {
  const layouts = ['nhwc', 'nchw'] as const;
  const dtypes = ['float32', 'uint8'] as const;
  const kinds = ['mixUp', 'cutMix'] as const;
  const cases = layouts.flatMap((layout) => dtypes.flatMap((dtype) => kinds.map((kind) => [kind, layout, dtype] as const)));

  it.each(cases)('%s %s %s equals the plain-loop twin; targets are λ / 1 − λ on the right classes', (kind, layout, dtype) => {
    const shape: MixShape = { n: 4, width: 9, height: 7, channels: 3, layout };
    const labels = Int32Array.of(0, 2, 2, 1);
    for (let batch = 0; batch < 5; batch++) {
      const draw = drawMix([{ kind, alpha: 1 }], 5, 0, batch, shape.width, shape.height);
      const src = batchValues(shape, dtype);
      const values = src.slice();
      const targets = mixBatch(values, labels, 3, shape, draw);
      for (let i = 0; i < shape.n; i++) {
        for (let y = 0; y < shape.height; y++) {
          for (let x = 0; x < shape.width; x++) {
            for (let c = 0; c < shape.channels; c++) {
              const at = i * 9 * 7 * 3 + (layout === 'nhwc' ? (y * 9 + x) * 3 + c : (c * 7 + y) * 9 + x);
              expect(values[at]).toBe(twinValue(src, shape, draw, i, x, y, c));
            }
          }
        }
        const row = [...targets.subarray(i * 3, i * 3 + 3)];
        expect(row.reduce((s, t) => s + t, 0)).toBeCloseTo(1, 6);
        const expected = [0, 0, 0];
        expected[labels[i]!]! += draw.lambda;
        expected[labels[(i + 3) % 4]!]! += 1 - draw.lambda;
        row.forEach((t, k) => expect(t).toBeCloseTo(expected[k]!, 6));
      }
    }
  });

  it('CutMix boxes lie inside the image and the pasted pixel count matches the adjusted λ', () => {
    const shape: MixShape = { n: 2, width: 13, height: 6, channels: 1, layout: 'nhwc' };
    for (let batch = 0; batch < 200; batch++) {
      const draw = drawMix([{ kind: 'cutMix', alpha: 0.5 }], 1, 2, batch, shape.width, shape.height);
      const { x1, y1, x2, y2 } = draw.box!;
      expect(0 <= x1 && x1 <= x2 && x2 <= 13 && 0 <= y1 && y1 <= y2 && y2 <= 6).toBe(true);
      const values = Uint8Array.from({ length: 2 * 13 * 6 }, (_, j) => (j < 78 ? 0 : 1));
      mixBatch(values, Int32Array.of(0, 1), 2, shape, draw);
      const pasted = values.subarray(0, 78).filter((v) => v === 1).length;
      expect(draw.lambda).toBeCloseTo(1 - pasted / 78, 12);
    }
  });

  it('with both, the choice is per batch and both kinds occur; same seed = same draw', () => {
    const both = [{ kind: 'mixUp', alpha: 1 }, { kind: 'cutMix', alpha: 1 }] as const;
    const draws = Array.from({ length: 40 }, (_, b) => drawMix(both, 9, 0, b, 8, 8));
    expect(new Set(draws.map((d) => d.kind))).toEqual(new Set(['mixUp', 'cutMix']));
    expect(Array.from({ length: 40 }, (_, b) => drawMix(both, 9, 0, b, 8, 8))).toEqual(draws);
  });
});

describe('flowFromDirectory with mixUp / cutMix', { timeout: 120_000 }, () => {
  const base: FlowOptions = { size: { width: 8, height: 6 }, batchSize: 4, seed: 4, mixUp: { alpha: 0.4 }, cutMix: { alpha: 1 } };
  const bytes = (batches: Batch[]) => Buffer.concat(batches.flatMap((b) => [Buffer.from(b.images.buffer), Buffer.from(b.targets!.buffer)]));

  it('is deterministic for a seed, identical for any workers, and gives soft n × classes targets', async () => {
    const a = await collect(flowFromDirectory(SAMPLE, { ...base, workers: 0 }));
    const b = await collect(flowFromDirectory(SAMPLE, { ...base, workers: 0 }));
    expect(bytes(a).equals(bytes(b))).toBe(true);
    // worker threads need the compiled package
    const dist = (await import(join(ROOT, 'dist/dataset/index.js'))) as typeof import('../../src/dataset/index.js');
    const [one, two] = await Promise.all([1, 2].map((workers) => collect(dist.flowFromDirectory(SAMPLE, { ...base, workers }))));
    expect(bytes(one!).equals(bytes(a))).toBe(true);
    expect(bytes(two!).equals(bytes(a))).toBe(true);
    for (const batch of a) {
      expect(batch.targetShape).toEqual([batch.labels.length, 3]);
      expect(batch.targets).toBeInstanceOf(Float32Array);
    }
    const plain = await collect(flowFromDirectory(SAMPLE, { ...base, mixUp: undefined, cutMix: undefined, workers: 0 }));
    expect(bytes(a).equals(bytes(plain))).toBe(false);
    expect(a.map((x) => x.paths)).toEqual(plain.map((x) => x.paths));
  });

  it.each([
    [{ mixUp: { alpha: 0 } }, 'options.mixUp.alpha'],
    [{ cutMix: { alpha: Number.NaN } }, 'options.cutMix.alpha'],
    [{ mixUp: { alpha: -1 } }, 'options.mixUp.alpha'],
    [{ mixUp: { alpha: 1, beta: 2 } }, 'beta'],
    [{ mixUp: 1 }, 'options.mixUp'],
    [{ mixUp: { alpha: 1 }, classMode: 'none' }, 'options.mixUp'],
    [{ cutMix: { alpha: 1 }, split: { train: 0.5, val: 0.5 }, subset: 'val' }, 'options.cutMix'],
    [{ mixup: { alpha: 1 } }, 'mixup'],
  ] as [FlowOptions, string][])('rejects %j naming %s', (options, name) => {
    expect(() => flowFromDirectory(SAMPLE, options)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining(name) }));
  });
});
