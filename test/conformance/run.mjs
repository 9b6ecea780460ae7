// Conformance entry for ES-module runtimes: imports augkit as its users do (`import … from 'augkit'`; bundled
// by esbuild or Vite for browsers), runs the op list of ops.mjs and prints `{ runtime, results }` as one line
// of JSON. In a browser page the report is also left in `globalThis.augkitConformance`; in a Web Worker it is
// posted to the page. No top-level await here, so bundlers may also emit this file as a classic script
// (Vite's default format for workers). matrix.mjs runs it everywhere.
import * as augkit from 'augkit';
import { runConformance } from './ops.mjs';

const FIXTURES_DIR = '../fixtures/'; // a variable: Vite would otherwise treat new URL('…', import.meta.url) as an asset
const fixtures = new URL(FIXTURES_DIR, import.meta.url);

/** Fixture bytes: from the file system for file: URLs (Node, Deno, Bun), else with fetch (browsers). */
async function readFixture(path) {
  const url = new URL(path, fixtures);
  if (url.protocol === 'file:') {
    const fsModule = 'node:fs/promises'; // a variable, so bundlers leave this branch alone
    const { readFile } = await import(/* @vite-ignore */ fsModule);
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function publish(report) {
  if (report.error) console.error(report.error);
  console.log(JSON.stringify(report));
  globalThis.augkitConformance = report;
  if (typeof globalThis.WorkerGlobalScope !== 'undefined' && globalThis instanceof globalThis.WorkerGlobalScope) {
    globalThis.postMessage(report);
  }
}

/**
 * The report, once published. Exported so that a bundled page can import this file for its effect: the
 * package says `"sideEffects": false`, so a bare `import './run.mjs'` would be dropped by tree-shaking.
 */
export const finished = runConformance(augkit, readFixture).then(
  (report) => publish(report),
  (error) => {
    publish({ error: String(error?.stack ?? error) });
    if (globalThis.process) globalThis.process.exitCode = 1;
  },
);
