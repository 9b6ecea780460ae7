// `node scripts/run-ts.mjs <file.ts> [args…]`: runs a TypeScript program of the test tree (the fuzzer, the
// soak) against src/ without a build step. esbuild (a devDependency) bundles it into node_modules/.cache, so
// its package imports resolve, keeping the entry's own import.meta.url so relative paths (fixtures, workers)
// work; the program then sees only [args…] after argv[1].
import { mkdirSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const [entryPath] = process.argv.splice(2, 1);
if (!entryPath) throw new Error('usage: node scripts/run-ts.mjs <file.ts> [args…]');
const entry = pathToFileURL(resolve(entryPath));
const dir = new URL(`../node_modules/.cache/augkit-run-ts-${process.pid}/`, import.meta.url);
mkdirSync(dir, { recursive: true });
const outfile = new URL('main.mjs', dir);
await build({
  entryPoints: [entry.pathname],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: outfile.pathname,
  packages: 'external',
  define: { 'import.meta.url': JSON.stringify(entry.href) },
  logLevel: 'warning',
});
try {
  await import(outfile.href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
