// The runtime conformance matrix (`npm run test:runtimes`, part of `npm test`): runs test/conformance/run.mjs
// — the same op list, one SHA-256 per result — in every runtime augkit supports, imported the way that
// runtime's users import it, and fails unless every runtime printed the same hashes:
//   - Node (ESM `import` and CommonJS `require`), Deno (npm compatibility) and Bun, from the checkout;
//   - headless Chromium: a page and a module Web Worker (esbuild bundles), a Vite production build (page and worker);
//   - the `npm pack` tarball installed into a throw-away project: Node import/require, Deno, Bun, and tsc.
// Needs `npm run build` first. Prints a table per runtime and, for any difference, the op and the runtimes;
// a runtime that prints anything besides its report (stderr, a page's console.error) fails too.
// `--only=local,browser,tarball` runs a subset. Writes the full report to out/conformance/report.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as esbuildVersion } from 'esbuild';
import { runBrowserChecks } from './browsers.mjs';
import { browserSkipReason } from './lib/chromium.mjs';
import { parseReport, run, versionOf } from './lib/processes.mjs';
import { runTarballChecks } from './tarball.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wanted = (part) => !only || only.includes(part);
const env = { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' };
const started = performance.now();

for (const file of ['dist/index.js', 'dist/index.cjs']) {
  if (!existsSync(join(root, file))) {
    console.error(`${file} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
}

const packageVersion = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const [denoVersion, bunVersion] = await Promise.all([
  versionOf(bin('deno'), ['--version'], { env }),
  versionOf(bin('bun'), ['--version'], { env }),
]);
const versions = {
  node: `Node ${process.version}`,
  deno: denoVersion,
  bun: `Bun ${bunVersion}`,
  vite: `Vite ${packageVersion('vite')}`,
  esbuild: `esbuild ${esbuildVersion}`,
  typescript: `TypeScript ${packageVersion('typescript')}`,
};

/** Every check: `{ id, label, version, report, ms }`; the first is the reference. */
const entries = [];
const notes = [];

if (wanted('local')) {
  const script = ['test/conformance/run.mjs'];
  const local = [
    { id: 'node-esm', label: 'Node: import', version: versions.node, command: process.execPath, args: script },
    { id: 'node-cjs', label: 'Node: require (dist/index.cjs)', version: versions.node, command: process.execPath, args: ['test/conformance/run.cjs'] },
    {
      id: 'deno',
      label: 'Deno (--node-modules-dir)',
      version: versions.deno,
      command: bin('deno'),
      args: ['run', '--node-modules-dir=manual', '--allow-read=.', '--no-prompt', ...script],
    },
    {
      id: 'deno-pngjs-first',
      label: 'Deno, pngjs loaded before augkit',
      version: versions.deno,
      command: bin('deno'),
      args: ['run', '--node-modules-dir=manual', '--allow-read=.', '--no-prompt', 'test/conformance/run-after-pngjs.mjs'],
    },
    { id: 'bun', label: 'Bun', version: versions.bun, command: bin('bun'), args: script },
  ];
  for (const r of local) {
    const result = await run(r.command, r.args, { cwd: root, env });
    const report = parseReport(result);
    // pngjs's own warning when it is loaded first in Deno (expected there; augkit repairs its Buffer).
    const stderr = r.id === 'deno-pngjs-first' ? result.stderr.replace(/^This browser lacks typed array.*\n?/m, '') : result.stderr;
    if (stderr.trim() && !report.error) report.warnings = [stderr.trim()];
    entries.push({ id: r.id, label: r.label, version: r.version, report, ms: result.ms });
  }
}

const BROWSER_CHECKS = 4;
const browserSkip = wanted('browser') ? browserSkipReason(`the ${BROWSER_CHECKS} Chromium checks (page, Worker, Vite page, Vite Worker)`) : null;
if (wanted('browser') && browserSkip === null) {
  const browser = await runBrowserChecks();
  for (const check of browser) {
    const bundler = check.id.startsWith('vite') ? versions.vite : versions.esbuild;
    entries.push({ id: check.id, label: check.label, version: `${check.version}, ${bundler}`, report: check.report, ms: check.ms });
  }
  if (browser.buildMs) notes.push(`esbuild + Vite bundles built in ${(browser.buildMs / 1000).toFixed(1)} s`);
}

let typecheck = [];
if (wanted('tarball')) {
  try {
    const tarball = await runTarballChecks();
    const versionFor = { 'tarball-node-esm': versions.node, 'tarball-node-cjs': versions.node, 'tarball-deno': versions.deno, 'tarball-bun': versions.bun };
    for (const check of tarball.checks) {
      const report = check.report;
      if (check.stderr.trim() && !report.error) report.warnings = [check.stderr.trim()];
      entries.push({ id: check.id, label: check.label, version: versionFor[check.id], report, ms: check.ms });
    }
    typecheck = tarball.typecheck;
    notes.push(
      `${tarball.tarball.name}: ${(tarball.tarball.bytes / 1024).toFixed(0)} kB, ${tarball.tarball.files} files; ` +
        `packed and installed in ${(tarball.packMs / 1000).toFixed(1)} s`,
    );
  } catch (error) {
    entries.push({ id: 'tarball', label: 'npm pack + install', version: versions.node, report: { error: String(error?.message ?? error) }, ms: 0 });
  }
}

// Compare every runtime with the first (Node, ESM import).
const reference = entries.find((e) => e.report.results && !Object.values(e.report.results).some((r) => r.error));
const ops = reference ? Object.keys(reference.report.results) : [];
const differences = new Map(); // op → [entry id]
for (const entry of entries) {
  entry.problems = [];
  if (entry.report.error) {
    entry.problems.push(entry.report.error);
    continue;
  }
  // Importing augkit and running the list must print nothing else (no polyfill warning, no page error).
  for (const warning of entry.report.warnings ?? []) entry.problems.push(`printed: ${warning}`);
  const results = entry.report.results;
  for (const op of ops) {
    const mine = results[op];
    const theirs = reference.report.results[op];
    if (!mine) entry.problems.push(`${op}: missing`);
    else if (mine.error) entry.problems.push(`${op}: ${mine.error}`);
    else if (mine.sha256 !== theirs.sha256) {
      entry.problems.push(`${op}: ${mine.sha256.slice(0, 16)}… (${mine.size}) ≠ ${theirs.sha256.slice(0, 16)}… (${theirs.size})`);
      differences.set(op, [...(differences.get(op) ?? []), entry.id]);
    }
  }
  for (const op of Object.keys(results)) if (!ops.includes(op)) entry.problems.push(`${op}: not in the reference`);
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const pad = (text, width) => String(text).padEnd(width);
console.log(`\naugkit runtime conformance: ${ops.length} ops, reference ${reference ? reference.id : 'none'}\n`);
console.log(`${pad('check', 18)}${pad('runs', 34)}${pad('version', 58)}${pad('time', 8)}result`);
for (const entry of entries) {
  const result = entry.problems.length ? `FAIL (${entry.problems.length})` : `same ${ops.length}/${ops.length} hashes`;
  console.log(`${pad(entry.id, 18)}${pad(entry.label, 34)}${pad(entry.version, 58)}${pad(seconds(entry.ms), 8)}${result}`);
}
for (const check of typecheck) {
  console.log(`${pad(check.id, 52)}${pad(versions.typescript, 58)}${pad(seconds(check.ms), 8)}${check.ok ? 'ok' : 'FAIL'}`);
}
for (const note of notes) console.log(`\n${note}`);

for (const [op, ids] of differences) {
  console.log(`\nDIFFERENT: "${op}"\n  ${reference.id}: ${reference.report.results[op].sha256}`);
  for (const id of ids) console.log(`  ${id}: ${entries.find((e) => e.id === id).report.results[op].sha256}`);
}
for (const entry of entries.filter((e) => e.problems.length)) {
  console.log(`\nFAILED ${entry.id} (${entry.label}):\n  ${entry.problems.slice(0, 20).join('\n  ')}`);
}
for (const check of typecheck.filter((c) => !c.ok)) console.log(`\nFAILED ${check.id}:\n${check.output}`);

const outDir = join(root, 'out', 'conformance');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'report.json'), `${JSON.stringify({ versions, ops, entries, typecheck }, null, 2)}\n`);

// no reference is a failure, unless nothing ran at all (--only=browser without a Chromium)
const noReference = reference || entries.length === 0 ? 0 : 1;
const failed = entries.filter((e) => e.problems.length).length + typecheck.filter((c) => !c.ok).length + noReference;
const passed = entries.length + typecheck.length - failed + noReference;
console.log(`\nmatrix took ${seconds(performance.now() - started)}; full report in out/conformance/report.json`);
if (browserSkip !== null) console.log(browserSkip);
console.log(`runtimes: ${passed} passed, ${failed} failed${browserSkip === null ? '' : `, ${BROWSER_CHECKS} skipped`}`);
process.exitCode = failed ? 1 : 0;
