import { describe, expect, it } from 'vitest';
import { decode, encodeJpeg, jpegArtifacts } from '../src/index.js';
import { flipHorizontalOp, jpegArtifactsOp } from '../src/index.js';
import { opStep } from '../src/ops/define.js';
import { runKernelSequence } from '../src/wasm/run.js';
import { errorCode } from './helpers/errors.js';
import { goldenOpsCases, goldenOpsInput } from './helpers/goldenOps.js';
import { bytesEqual, maxAbsDiff } from './helpers/images.js';

describe('jpegArtifacts', () => {
  const img = goldenOpsInput(goldenOpsCases('adjustGamma').find((c) => c.id.includes('grad-alpha'))!);
  it('is the RGB of encodeJpeg → decode at that quality, with the input alpha', () => {
    for (const quality of [5, 50, 95]) {
      const expected = decode(encodeJpeg(img, { quality, chroma: '444' })).data.map((v, i) => (i % 4 === 3 ? img.data[i]! : v));
      expect(bytesEqual(jpegArtifacts(img, quality).data, expected)).toBe(true);
    }
  });
  it('lower quality moves further from the input', () => {
    expect(maxAbsDiff(jpegArtifacts(img, 5), img)).toBeGreaterThan(maxAbsDiff(jpegArtifacts(img, 95), img));
  });
  it('gives the same bytes in a kernel sequence (read from and written back to WebAssembly memory) as alone', () => {
    const alone = jpegArtifacts(img, 30).data;
    const twice = runKernelSequence(img, [opStep(flipHorizontalOp, {}), opStep(flipHorizontalOp, {}), opStep(jpegArtifactsOp, { quality: 30 })]);
    expect(bytesEqual(twice.data, alone)).toBe(true);
  });
  it('rejects a quality that is not an integer 1..100', () => {
    for (const q of [0, 101, 50.5, NaN, '50']) {
      expect(errorCode(() => jpegArtifacts(img, q as number))).toBe('INVALID_ARGUMENT');
      expect(() => jpegArtifacts(img, q as number)).toThrow('quality');
    }
  });
});
