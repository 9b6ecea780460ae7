import { AugkitError } from '../../src/index.js';

/** The AugkitError code `fn` throws, 'no error', or the foreign error itself (which then fails toBe). */
export function errorCode(fn: () => unknown): string | unknown {
  try {
    fn();
  } catch (e) {
    return e instanceof AugkitError ? e.code : e;
  }
  return 'no error';
}
