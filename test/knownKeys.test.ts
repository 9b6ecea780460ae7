import { describe, expect, it } from 'vitest';
import { AugkitError } from '../src/index.js';
import { checkKnownKeys, closestName } from '../src/knownKeys.js';

describe('closestName', () => {
  it('suggests the known name one or two edits away (insertion, deletion, substitution, swap)', () => {
    const known = ['size', 'seed', 'channels', 'degrees', 'validation'];
    expect(closestName('sizes', known)).toBe('size');
    expect(closestName('chanels', known)).toBe('channels');
    expect(closestName('degres', known)).toBe('degrees');
    expect(closestName('sede', known)).toBe('seed');
    expect(closestName('Size', known)).toBe('size');
  });

  it('suggests nothing for a name that is not a typo of any', () => {
    expect(closestName('colour', ['size', 'seed'])).toBeUndefined();
    expect(closestName('x', ['y'])).toBeUndefined();
  });
});

describe('checkKnownKeys', () => {
  it('accepts known keys and rejects the first unknown one with a suggestion', () => {
    expect(() => checkKnownKeys({ size: 1, seed: 2 }, ['size', 'seed'], 'augment options')).not.toThrow();
    let error: unknown;
    try {
      checkKnownKeys({ seed: 1, sizes: [64, 64], other: 1 }, ['size', 'seed'], 'augment options');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AugkitError);
    expect((error as AugkitError).code).toBe('INVALID_ARGUMENT');
    expect((error as AugkitError).message).toBe('Unknown option `sizes` for augment options: did you mean `size`? (known: size, seed)');
  });

  it('names the noun it is given and leaves out the suggestion when none is close', () => {
    expect(() => checkKnownKeys({ zzz: 1 }, ['degrees'], 'steps[0]', 'field')).toThrow('Unknown field `zzz` for steps[0]: (known: degrees)');
  });
});
