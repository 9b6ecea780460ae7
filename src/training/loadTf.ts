import type * as tfjs from '@tensorflow/tfjs';
import { AugkitError } from '../errors.js';

/**
 * The TensorFlow.js module (`@tensorflow/tfjs` or `@tensorflow/tfjs-node`: the same API).
 *
 * @example
 * const tf: Tf = await loadTf(); // @tensorflow/tfjs-node when installed, else @tensorflow/tfjs
 * const ds = await tfDataset('data', { tf, size: { width: 64, height: 64 } });
 */
export type Tf = typeof tfjs;

function missing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/**
 * The packages {@link loadTf} tries, in order.
 *
 * @example
 * TF_PACKAGES; // ['@tensorflow/tfjs-node', '@tensorflow/tfjs']
 */
export const TF_PACKAGES: readonly string[] = ['@tensorflow/tfjs-node', '@tensorflow/tfjs'];

/**
 * Loads TensorFlow.js: `@tensorflow/tfjs-node` (native, fast) when it is installed, else `@tensorflow/tfjs`
 * (pure JavaScript backend). Neither is a dependency of augkit: install one beside it.
 *
 * @param packages - the module names to try, in order (default {@link TF_PACKAGES})
 * @throws {AugkitError} INVALID_ARGUMENT naming the package to install when neither can be loaded.
 * @example
 * const tf = await loadTf();
 * console.log(tf.getBackend());
 */
export async function loadTf(packages: readonly string[] = TF_PACKAGES): Promise<Tf> {
  for (const name of packages) {
    try {
      return (await import(name)) as Tf;
    } catch (e) {
      if (!missing(e)) throw new AugkitError('INTERNAL', `${name} is installed but failed to load: ${(e as Error).message}`, { cause: e });
    }
  }
  throw new AugkitError(
    'INVALID_ARGUMENT',
    'TensorFlow.js is not installed: augkit/tfjs and compare need the package @tensorflow/tfjs (npm install @tensorflow/tfjs), or @tensorflow/tfjs-node',
  );
}
