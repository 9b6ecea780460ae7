// Builds the CommonJS files, each one bundle by esbuild (pngjs and jpeg-js stay external: they are CommonJS
// dependencies):
// - the entry that `require('augkit')` resolves to (package.json `exports` → `require`): dist/index.cjs;
// - the worker-thread entries, dist/dataset/worker.cjs (augment's pool) and dist/dataset/flowWorker.cjs
//   (flowFromDirectory's): a thread starts in a third of the time when it reads one CommonJS file instead
//   of resolving and linking some 80 ES modules (tsconfig.node.json leaves these entries to this script);
// - for TypeScript CommonJS consumers, a `.d.cts` twin of every declaration file tsc wrote (relative imports
//   rewritten from `.js` to `.cjs`), so that the CommonJS types never import the ESM ones.
// Run after `tsc -p tsconfig.build.json`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

const bundles = [
  { entry: 'index.ts', platform: 'neutral' },
  { entry: 'dataset/worker.ts', platform: 'node' },
  { entry: 'dataset/flowWorker.ts', platform: 'node' },
];
const cjsPath = (entry) => entry.replace(/\.ts$/, '.cjs');
for (const { entry, platform } of bundles) {
  await build({
    entryPoints: [join(root, 'src', entry)],
    outfile: join(dist, cjsPath(entry)),
    bundle: true,
    format: 'cjs',
    platform,
    target: 'es2022',
    external: ['pngjs', 'pngjs/*', 'jpeg-js'],
    // import.meta.url (src/codecs/pngjs.ts requires pngjs relative to augkit) is this file's URL
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    legalComments: 'none',
    logLevel: 'warning',
  });
}

let twins = 0;
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const path = join(entry.parentPath ?? entry.path, entry.name);
  const source = readFileSync(path, 'utf8').replace(/(['"])(\.{1,2}\/[^'"]*?)\.js\1/g, '$1$2.cjs$1');
  writeFileSync(path.replace(/\.d\.ts$/, '.d.cts'), source);
  twins++;
}
console.log(`built ${bundles.map(({ entry }) => `dist/${cjsPath(entry)}`).join(', ')} and ${twins} .d.cts declaration files`);
