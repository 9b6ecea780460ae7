// `await importSource('src/pipeline/schema.ts')`: imports a module of src/ from a build script, before tsc has
// run. esbuild (a devDependency) bundles it into node_modules/.cache; the generated recipe validator, which the
// schema build itself produces, is replaced by an empty stand-in so the definitions load before it exists.
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../../', import.meta.url);

const withoutGeneratedValidator = {
  name: 'without-generated-validator',
  setup(b) {
    b.onResolve({ filter: /recipeValidator\.generated\.js$/ }, () => ({ path: 'recipeValidator', namespace: 'stand-in' }));
    b.onLoad({ filter: /.*/, namespace: 'stand-in' }, () => ({
      contents: 'export const recipeSchema = { definitions: { step: {}, applied: {} } }; export const validateRecipe = () => true; export const validateStep = () => true; export const validateApplied = () => true;',
      loader: 'js',
    }));
  },
};

/** Bundles and imports `path` (relative to the repository root); returns its exports. */
export async function importSource(path) {
  const dir = new URL(`node_modules/.cache/augkit-import-${process.pid}/`, root);
  mkdirSync(dir, { recursive: true });
  const outfile = new URL('module.mjs', dir);
  await build({
    entryPoints: [fileURLToPath(new URL(path, root))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: fileURLToPath(outfile),
    packages: 'external',
    plugins: [withoutGeneratedValidator],
    logLevel: 'warning',
  });
  try {
    return await import(outfile.href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
