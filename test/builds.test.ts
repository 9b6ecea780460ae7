// The SIMD and scalar builds of the kernels must give the same bytes for every op, and both must
// equal the plain-TS references (the statements of the arithmetic). Each op's results are computed
// under both builds (switched with useKernelBuild) and compared byte for byte.
import { afterAll, describe, expect, it } from 'vitest';
import { flipHorizontal, flipVertical, kernelBuild, resize, rotate, saltAndPepper, type RgbaImage } from '../src/index.js';
import { flipHorizontalReference, flipVerticalReference } from '../src/reference/flip.js';
import { resizeAntialiasReference, resizeBilinearReference } from '../src/reference/resize.js';
import { rotateReference } from '../src/reference/rotate.js';
import { saltAndPepperReference } from '../src/reference/saltAndPepper.js';
import { opStep } from '../src/ops/define.js';
import { saltAndPepperOp } from '../src/ops/saltAndPepper.js';
import { simdSupported, useKernelBuild, type KernelBuild } from '../src/wasm/kernels.js';
import { runKernelSequence } from '../src/wasm/run.js';
import { geometryCases } from './helpers/geometryCases.js';
import { goldenCases, goldenInput, type GoldenCase } from './helpers/golden.js';
import { COLOUR_GOLDEN_OPS, runGoldenCase } from './helpers/colourOps.js';
import { goldenOpsCases, goldenOpsInput } from './helpers/goldenOps.js';
import * as ak from '../src/index.js';
import { gaussianBlurReference } from '../src/reference/gaussianBlur.js';
import { gaussianNoiseReference } from '../src/reference/gaussianNoise.js';
import { adjustGammaReference, equalizeReference } from '../src/reference/colorTables.js';
import { adjustHueReference, adjustSharpnessReference } from '../src/reference/colorPixels.js';
import { bytesEqual, randomImage } from './helpers/images.js';

interface Case {
  name: string;
  run: () => Uint8ClampedArray;
  /** The plain-TS reference's bytes, when the case has one. */
  reference?: () => ArrayLike<number>;
}

function goldenCase(c: GoldenCase): Case {
  const img = goldenInput(c);
  const { width = 0, height = 0, degrees = 0, expand = false, fill = [0, 0, 0, 0] } = c.params;
  const run = {
    resize: () => resize(img, width, height).data,
    resizeAntialias: () => resize(img, width, height, { antialias: true }).data,
    flipHorizontal: () => flipHorizontal(img).data,
    flipVertical: () => flipVertical(img).data,
    rotate: () => rotate(img, degrees, { expand, fill }).data,
  }[c.op];
  return { name: `golden ${c.id}`, run };
}

/** A deterministic stream of numbers in [0, 1) for the random cases. */
function numbers(seed: number): () => number {
  const img = randomImage(4096, 1, seed).data;
  let i = 0;
  return () => {
    const v = (img[i % img.length]! * 256 + img[(i + 1) % img.length]!) / 65536;
    i += 2;
    return v;
  };
}

function randomCases(): Case[] {
  const next = numbers(7);
  const size = (max: number) => 1 + Math.floor(next() * max);
  const cases: Case[] = [];
  for (let i = 0; i < 40; i++) {
    const [w, h] = i < 20 ? [size(12), size(12)] : [size(300), size(200)];
    const img = randomImage(w, h, 1000 + i);
    const [dw, dh] = [size(i < 20 ? 20 : 400), size(i < 20 ? 20 : 300)];
    const degrees = (next() - 0.5) * 1000;
    const quarter = [0, 90, 180, 270, -90, 450][i % 6]!;
    const expand = i % 2 === 0;
    const fill = [i * 7 % 256, 255, 0, i * 31 % 256] as const;
    const tag = `${w}×${h} #${i}`;
    cases.push(
      { name: `flipHorizontal ${tag}`, run: () => flipHorizontal(img).data, reference: () => flipHorizontalReference(img).data },
      { name: `flipVertical ${tag}`, run: () => flipVertical(img).data, reference: () => flipVerticalReference(img).data },
      {
        name: `resize ${tag} → ${dw}×${dh}`,
        run: () => resize(img, dw, dh).data,
        reference: () => resizeBilinearReference(img, dw, dh).data,
      },
      {
        name: `resize antialias ${tag} → ${dw}×${dh}`,
        run: () => resize(img, dw, dh, { antialias: true }).data,
        reference: () => resizeAntialiasReference(img, dw, dh).data,
      },
      {
        name: `rotate ${tag} by ${degrees.toFixed(3)}°${expand ? ' expand' : ''}`,
        run: () => rotate(img, degrees, { expand, fill }).data,
        reference: () => rotateReference(img, degrees, expand, fill).data,
      },
      {
        name: `rotate ${tag} by ${quarter}°${expand ? ' expand' : ''}`,
        run: () => rotate(img, quarter, { expand, fill }).data,
        reference: () => rotateReference(img, quarter, expand, fill).data,
      },
    );
  }
  return cases;
}

function noiseCases(): Case[] {
  const cases: Case[] = [];
  const shapes: [number, number][] = [[1, 1], [7, 3], [64, 48], [300, 500], [1920, 90]];
  const settings = [
    { amount: 0.05, saltVsPepper: 0.5 }, { amount: 0.3, saltVsPepper: 0.1 }, { amount: 1e-4, saltVsPepper: 0.9 },
    { amount: 1, saltVsPepper: 0.5 }, { amount: 0, saltVsPepper: 0.5 }, { amount: 0.999, saltVsPepper: 1 },
  ];
  shapes.forEach(([w, h], i) => {
    const img = randomImage(w, h, 77 + i);
    settings.forEach((s, j) => {
      for (const perChannel of [false, true]) {
        const seed = (i * 1_000_003 + j * 7919) * 1013 + (perChannel ? 1 : 0);
        const options = { ...s, seed, perChannel };
        const tag = `${w}×${h} amount ${s.amount}${perChannel ? ' per channel' : ''}`;
        const reference = () => saltAndPepperReference(img, s.amount, s.saltVsPepper, seed, perChannel).data;
        // alone (the kernel lists hits, the binding sets them) and in a sequence (all in WebAssembly memory)
        cases.push({ name: `saltAndPepper ${tag}`, run: () => saltAndPepper(img, options).data, reference });
        cases.push({
          name: `saltAndPepper in a sequence ${tag}`,
          run: () => runKernelSequence(img, [opStep(saltAndPepperOp, options)]).data,
          reference,
        });
      }
    });
  });
  return cases;
}

/** The colour, filter and occlusion ops: their golden-ops inputs, and random images with references. */
function colourCases(): Case[] {
  const golden = COLOUR_GOLDEN_OPS.flatMap((op) =>
    goldenOpsCases(op).map((c): Case => {
      const img = goldenOpsInput(c);
      return { name: `golden-ops ${c.id}`, run: () => runGoldenCase(c, img).data };
    }),
  );
  const random: Case[] = ([[1, 1], [3, 2], [5, 9], [67, 41], [203, 11]] as const).flatMap(([w, h], i) => {
    const img = randomImage(w, h, 500 + i);
    const tag = `${w}×${h}`;
    return [
      ...([[0.6, undefined], [2, undefined], [3.3, 11], [9, 129]] as const).map(([sigma, k]): Case => ({
        name: `gaussianBlur ${tag} σ ${sigma}`, run: () => ak.gaussianBlur(img, { sigma, kernelSize: k }).data,
        reference: () => gaussianBlurReference(img, sigma, k).data,
      })),
      { name: `gaussianNoise ${tag}`, run: () => ak.gaussianNoise(img, { std: 20, seed: i }).data, reference: () => gaussianNoiseReference(img, 20, 0, true, i).data },
      { name: `equalize ${tag}`, run: () => ak.equalize(img).data, reference: () => equalizeReference(img).data },
      { name: `adjustGamma ${tag}`, run: () => ak.adjustGamma(img, 0.45, 1.1).data, reference: () => adjustGammaReference(img, 0.45, 1.1).data },
      { name: `adjustHue ${tag}`, run: () => ak.adjustHue(img, 0.3).data, reference: () => adjustHueReference(img, 0.3).data },
      { name: `adjustSharpness ${tag}`, run: () => ak.adjustSharpness(img, 1.7).data, reference: () => adjustSharpnessReference(img, 1.7).data },
      { name: `erase noise ${tag}`, run: () => ak.erase(img, { x: 0, y: 0, width: w, height: h, value: 'noise', seed: 9 }).data },
    ];
  });
  return [...golden, ...random];
}

const cases: Case[] = [
  ...(['resize', 'resizeAntialias', 'flipHorizontal', 'flipVertical', 'rotate'] as const).flatMap((op) =>
    goldenCases(op).map(goldenCase),
  ),
  ...randomCases(),
  ...noiseCases(),
  ...geometryCases(),
  ...colourCases(),
];

async function runAll(build: KernelBuild): Promise<Uint8ClampedArray[]> {
  await useKernelBuild(build);
  expect(kernelBuild()).toBe(build);
  return cases.map((c) => c.run());
}

describe('the SIMD and scalar builds', () => {
  afterAll(() => useKernelBuild(simdSupported ? 'simd' : 'scalar'));

  it('this engine (Node) runs the SIMD build by default', () => {
    expect(simdSupported).toBe(true);
    expect(kernelBuild()).toBe('simd');
  });

  it(`give identical bytes on ${cases.length} cases (golden inputs, random images, every op)`, async () => {
    const scalar = await runAll('scalar');
    const simd = await runAll('simd');
    const different = cases.filter((_, i) => !bytesEqual(scalar[i]!, simd[i]!)).map((c) => c.name);
    expect(different).toEqual([]);
  }, 60_000);

  it('equal the plain-TS references byte for byte', async () => {
    const simd = await runAll('simd');
    const different = cases
      .map((c, i) => [c, simd[i]!] as const)
      .filter(([c, out]) => c.reference && !bytesEqual(out, c.reference()))
      .map(([c]) => c.name);
    expect(different).toEqual([]);
  }, 60_000); // the references are plain loops: slow under load
});

// keep the type import used when the suite is filtered
export type { RgbaImage };
