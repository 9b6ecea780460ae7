import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseRecipe, recipeToJSON, replay, type AppliedOp } from '../../src/index.js';
import { errorCode } from '../helpers/errors.js';
import { bytesEqual, randomImage } from '../helpers/images.js';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schema/recipe.schema.json', root), 'utf8'));
const exampleFiles = readdirSync(new URL('examples/recipes/', root)).filter((f) => f.endsWith('.json'));
const example = (f: string) => readFileSync(new URL(`examples/recipes/${f}`, root), 'utf8');

describe('recipes', () => {
  it('every example recipe passes the shipped schema (checked by Ajv itself) and parses', () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(exampleFiles.length).toBeGreaterThanOrEqual(2);
    for (const file of exampleFiles) {
      expect(validate(JSON.parse(example(file))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(parseRecipe(example(file)).name).toBeTypeOf('string');
    }
  });

  it('a recipe runs as a pipeline and replays from its applied list', () => {
    const recipe = parseRecipe(example('flips-rotation-noise.json'));
    const img = randomImage(31, 20, 8);
    for (let seed = 0; seed < 10; seed++) {
      const { image, applied } = recipe.pipeline(img, { seed });
      expect(bytesEqual(replay(img, applied).data, image.data)).toBe(true);
    }
  });

  it('normalises short forms and round-trips through recipeToJSON', () => {
    const recipe = parseRecipe({ name: 'r', steps: [{ op: 'randomRotation', degrees: 10 }, { op: 'randomSaltAndPepper', amount: 0.02 }] });
    expect(recipe.steps).toEqual([
      { op: 'randomRotation', p: 1, degrees: [-10, 10], expand: false, fill: [0, 0, 0, 0] },
      { op: 'randomSaltAndPepper', p: 1, amount: [0.02, 0.02], saltVsPepper: 0.5, perChannel: false },
    ]);
    const again = parseRecipe(JSON.parse(JSON.stringify(recipeToJSON(recipe))));
    expect(again.pipeline.draw(9)).toEqual(recipe.pipeline.draw(9));
  });

  const flip = { op: 'randomFlip' };
  const bad: [string, unknown, string][] = [
    ['a wrong type deep in the list', { name: 'r', steps: [flip, flip, { op: 'randomRotation', degrees: '20' }] }, 'for steps[2].degrees but received "20" of type string'],
    ['a misspelt field', { name: 'r', steps: [{ op: 'randomRotation', degres: 20, degrees: 2 }] }, 'Unknown field `degres` for steps[0] (randomRotation): did you mean `degrees`? (known: op, p, degrees, expand, fill)'],
    ['a misspelt required field (the typo, not the missing field)', { name: 'r', steps: [flip, { op: 'randomRotation', degres: 10 }] }, 'Unknown field `degres` for steps[1] (randomRotation): did you mean `degrees`?'],
    ['a misspelt field deep in a oneOf', { name: 'r', steps: [{ op: 'oneOf', steps: [flip, { op: 'randomFlip', horizonal: 1 }] }] }, 'Unknown field `horizonal` for steps[0].steps[1] (randomFlip): did you mean `horizontal`?'],
    ['a missing required field', { name: 'r', steps: [flip, { op: 'randomSaltAndPepper' }] }, 'for steps[1].amount but it is missing'],
    ['an unknown op', { name: 'r', steps: [{ op: 'rotate', degrees: 3 }] }, 'for steps[0].op but received "rotate"'],
    ['a probability out of range', { name: 'r', steps: [{ op: 'randomFlip', p: 1.2 }] }, 'a probability between 0 and 1 for steps[0].p'],
    ['a reversed range', { name: 'r', steps: [{ op: 'randomSaltAndPepper', amount: [0.05, 0] }] }, 'for steps[0].amount but received [0.05, 0]'],
    ['a bad nested step', { name: 'r', steps: [{ op: 'oneOf', steps: [flip, { op: 'resizeTo', width: 0, height: 3 }] }] }, 'for steps[0].steps[1].width but received 0'],
    ['a bad colour channel', { name: 'r', steps: [{ op: 'randomRotation', degrees: 1, fill: [0, 0, 0, 300] }] }, 'an integer 0..255 for steps[0].fill[3]'],
    ['a non-object step', { name: 'r', steps: ['randomFlip'] }, 'for steps[0] but received "randomFlip"'],
    ['a bad name', { name: '../up', steps: [] }, 'for name but received "../up"'],
    ['no name', { steps: [] }, 'for name but it is missing'],
    ['no steps', { name: 'r' }, 'for steps but it is missing'],
    ['an unknown top-level field', { name: 'r', steps: [], step: [] }, 'Unknown field `step` for recipe: did you mean `steps`?'],
    ['an array', [], 'for recipe but received an array'],
    ['text that is not JSON', '{"name": "r",', 'Expected JSON for recipe'],
  ];
  for (const [what, recipe, message] of bad) {
    it(`${what} is INVALID_ARGUMENT: ${message}`, () => {
      expect(errorCode(() => parseRecipe(recipe))).toBe('INVALID_ARGUMENT');
      expect(() => parseRecipe(recipe)).toThrow(message);
    });
  }

  it('replay rejects a malformed applied list, naming the record', () => {
    const img = randomImage(4, 4);
    const applied = [{ op: 'flipHorizontal' }, { op: 'rotate', degrees: 'x', expand: false, fill: [0, 0, 0, 0] }];
    expect(errorCode(() => replay(img, applied as unknown as AppliedOp[]))).toBe('INVALID_ARGUMENT');
    expect(() => replay(img, applied as unknown as AppliedOp[])).toThrow('applied[1].degrees');
    expect(() => replay(img, [{ op: 'blur' } as unknown as AppliedOp])).toThrow('applied[0].op');
  });
});

describe('the generated validator', () => {
  it('is standalone code: no Ajv import or require at run time', () => {
    const generated = readFileSync(new URL('src/pipeline/recipeValidator.generated.ts', root), 'utf8');
    expect(generated.split('\n')[0]).toMatch(/^\/\/ Generated by .* do not edit\.$/);
    expect(generated).not.toMatch(/\brequire\s*\(/);
    expect(generated).not.toMatch(/\bfrom\s+['"]ajv/);
    expect(generated).not.toMatch(/\bimport\s*\(/);
  });
});
