// Conformance entry for CommonJS: `require('augkit')` (dist/index.cjs through the package's `require`
// condition), then the same op list as run.mjs. Prints `{ runtime, results }` as one line of JSON.
const { readFile } = require('node:fs/promises');
const { join } = require('node:path');
const augkit = require('augkit');

(async () => {
  const { runConformance } = await import('./ops.mjs');
  const report = await runConformance(augkit, async (path) => new Uint8Array(await readFile(join(__dirname, '..', 'fixtures', path))));
  report.runtime += ' [CommonJS require]';
  console.log(JSON.stringify(report));
})().catch((error) => {
  console.log(JSON.stringify({ error: String(error?.stack ?? error) }));
  process.exitCode = 1;
});
