// Builds the CommonJS entry that `require('augkit')` resolves to (package.json `exports` → `require`):
// dist/index.cjs, src/index.ts bundled by esbuild (pngjs and jpeg-js stay external: they are CommonJS
// dependencies), and, for TypeScript CommonJS consumers, a `.d.cts` twin of every declaration file tsc wrote
// (relative imports rewritten from `.js` to `.cjs`), so that the CommonJS types never import the ESM ones.
// Run after `tsc -p tsconfig.build.json`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

await build({
  entryPoints: [join(root, 'src', 'index.ts')],
  outfile: join(dist, 'index.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'neutral',
  target: 'es2022',
  external: ['pngjs', 'pngjs/*', 'jpeg-js'],
  // import.meta.url (src/codecs/pngjs.ts requires pngjs relative to augkit) is this file's URL
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
});

let twins = 0;
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const path = join(entry.parentPath ?? entry.path, entry.name);
  const source = readFileSync(path, 'utf8').replace(/(['"])(\.{1,2}\/[^'"]*?)\.js\1/g, '$1$2.cjs$1');
  writeFileSync(path.replace(/\.d\.ts$/, '.d.cts'), source);
  twins++;
}
console.log(`built dist/index.cjs and ${twins} .d.cts declaration files`);
