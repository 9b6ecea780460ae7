import { existsSync, readFileSync } from 'node:fs';

/** The repository root: the nearest folder above this module with augkit's package.json (bundled or not). */
export const ROOT: URL = (() => {
  for (let dir = new URL('./', import.meta.url); dir.pathname !== '/'; dir = new URL('../', dir)) {
    const manifest = new URL('package.json', dir);
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'augkit') {
      return dir;
    }
  }
  throw new Error('cannot find the augkit repository root');
})();
