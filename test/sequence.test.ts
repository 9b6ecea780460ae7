// runKernelSequence: the pipeline layer's primitive, several kernels with one copy in and one copy out.
import { describe, expect, it } from 'vitest';
import { flipHorizontal, flipVertical, resize, rotate, saltAndPepper } from '../src/index.js';
import { opStep } from '../src/ops/define.js';
import { flipHorizontalOp, flipVerticalOp } from '../src/ops/flip.js';
import { resizeOp } from '../src/ops/resize.js';
import { rotateOp } from '../src/ops/rotate.js';
import { saltAndPepperOp } from '../src/ops/saltAndPepper.js';
import { runKernelSequence } from '../src/wasm/run.js';
import { errorCode } from './helpers/errors.js';
import { bytesEqual, randomImage, snapshot } from './helpers/images.js';

const flipHorizontalStep = opStep(flipHorizontalOp, {});
const flipVerticalStep = opStep(flipVerticalOp, {});
const resizeStep = (width: number, height: number, options: { antialias?: boolean } = {}) => opStep(resizeOp, { width, height, ...options });
const rotateStep = (degrees: number, options: object = {}) => opStep(rotateOp, { degrees, ...options });

describe('runKernelSequence', () => {
  const img = randomImage(123, 77, 11);

  it('equals the ops called one after another, through sizes that shrink and grow', () => {
    const noise = opStep(saltAndPepperOp, { seed: 99, amount: 0.1 });
    const steps = [
      resizeStep(64, 40), flipHorizontalStep, rotateStep(33, { expand: true, fill: [1, 2, 3, 4] }),
      noise, resizeStep(200, 150, { antialias: true }), flipVerticalStep,
    ];
    const expected = flipVertical(
      resize(
        saltAndPepper(rotate(flipHorizontal(resize(img, 64, 40)), 33, { expand: true, fill: [1, 2, 3, 4] }), {
          seed: 99, amount: 0.1,
        }),
        200, 150, { antialias: true },
      ),
    );
    const before = snapshot(img);
    const out = runKernelSequence(img, steps);
    expect([out.width, out.height]).toEqual([200, 150]);
    expect(bytesEqual(out.data, expected.data)).toBe(true);
    expect(bytesEqual(img.data, before)).toBe(true);
  });

  it('a step can be used twice, and a single step equals the op', () => {
    const twice = runKernelSequence(img, [flipHorizontalStep, flipHorizontalStep]);
    expect(bytesEqual(twice.data, img.data)).toBe(true);
    expect(bytesEqual(runKernelSequence(img, [rotateStep(-12)]).data, rotate(img, -12).data)).toBe(true);
  });

  it('no steps: a copy, in a new array or in out', () => {
    const copy = runKernelSequence(img, []);
    expect(copy.data).not.toBe(img.data);
    expect(bytesEqual(copy.data, img.data)).toBe(true);
    const out = new Uint8ClampedArray(img.data.length);
    expect(runKernelSequence(img, [], out).data).toBe(out);
  });

  it('writes into out when given; checks its length against the last step', () => {
    const out = new Uint8ClampedArray(32 * 16 * 4);
    const result = runKernelSequence(img, [flipVerticalStep, resizeStep(32, 16)], out);
    expect(result.data).toBe(out);
    expect(bytesEqual(out, resize(flipVertical(img), 32, 16).data)).toBe(true);
    expect(errorCode(() => runKernelSequence(img, [resizeStep(32, 16)], new Uint8ClampedArray(10)))).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('an intermediate over the pixel limit → TOO_LARGE before any work', () => {
    expect(errorCode(() => runKernelSequence(img, [resizeStep(20000, 20000), resizeStep(10, 10)]))).toBe('TOO_LARGE');
  });

  it('opStep validates the parameters', () => {
    expect(errorCode(() => resizeStep(0, 10))).toBe('INVALID_ARGUMENT');
    expect(errorCode(() => rotateStep(NaN))).toBe('INVALID_ARGUMENT');
    expect(errorCode(() => opStep(saltAndPepperOp, { amount: 2, seed: 1 }))).toBe('INVALID_ARGUMENT');
    expect(errorCode(() => opStep(saltAndPepperOp, { amount: 0.1 }))).toBe('INVALID_ARGUMENT');
  });
});
