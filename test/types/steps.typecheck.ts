// Checked by `tsc --noEmit -p test/types` (test/catalogue.test.ts runs it): step objects are a discriminated
// union derived from the transform definitions, so a wrong step fails to compile. Each @ts-expect-error must
// be needed, or tsc reports it as unused.
import { compose, oneOf, parseRecipe, randomFlip, randomRotation, replay, resizeTo, type AppliedOp, type StepInput } from '../../src/index.js';

const img = { width: 1, height: 1, data: new Uint8ClampedArray(4) };

// valid steps compile, in both forms
compose([{ op: 'randomFlip' }, { op: 'randomRotation', degrees: 10 }, randomFlip({ horizontal: 1 })]);
oneOf([{ op: 'resizeTo', width: 4, height: 4 }, { op: 'compose', steps: [{ op: 'randomFlip', vertical: 1 }] }], { weights: [1, 2] });
parseRecipe({ name: 'r', steps: [{ op: 'randomSaltAndPepper', amount: [0, 0.05], p: 0.3 }] });
replay(img, [{ op: 'rotate', degrees: 3, expand: false, fill: [0, 0, 0, 0] }, { op: 'flipHorizontal' }]);
resizeTo(4, 4, { antialias: true });

// @ts-expect-error an op that does not exist (yet): randomCrop
compose([{ op: 'randomCrop' }]);
// @ts-expect-error a misspelt option
compose([{ op: 'randomRotation', degres: 10 }]);
// @ts-expect-error a missing required option
compose([{ op: 'randomRotation' }]);
// @ts-expect-error a wrong type
compose([{ op: 'randomFlip', horizontal: 'yes' }]);
// @ts-expect-error a step nested in compose is checked too
compose([{ op: 'compose', steps: [{ op: 'randomSaltAndPepper', amount: 2, perChanel: true }] }]);
// @ts-expect-error a factory option that is not there
randomRotation({ degrees: 5, expnd: true });
// @ts-expect-error resizeTo's size is positional, not an option
resizeTo(4, 4, { width: 8 });

// @ts-expect-error an applied record must carry every parameter
const partial: AppliedOp = { op: 'rotate', degrees: 3 };
// @ts-expect-error an applied record of an op that does not exist
const unknown: AppliedOp = { op: 'blur', sigma: 1 };
// @ts-expect-error a step object of a functional op is not a step
const notAStep: StepInput = { op: 'rotate', degrees: 3 };

export { notAStep, partial, unknown };
