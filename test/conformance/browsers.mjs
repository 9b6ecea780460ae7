// The browser half of the matrix: the conformance script in headless Chromium, as a page and as a module
// Web Worker (both bundled by esbuild), and as a Vite production build (a page and the worker Vite bundles).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { launchChromium } from './lib/chromium.mjs';
import { serve } from './lib/server.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const TIMEOUT_MS = 90_000;

const PAGE = `<!doctype html><meta charset="utf-8"><title>augkit conformance (page)</title>
<script type="module" src="./run.js"></script>`;

const WORKER_PAGE = `<!doctype html><meta charset="utf-8"><title>augkit conformance (module worker)</title>
<script type="module">
  const worker = new Worker('./run.js', { type: 'module' });
  worker.onmessage = (event) => { globalThis.augkitConformance = event.data; };
  worker.onerror = (event) => { globalThis.augkitConformance = { error: 'worker: ' + event.message }; };
</script>`;

/** run.mjs bundled by esbuild for browsers (augkit resolved by the package's own name). */
async function esbuildBundle() {
  const result = await esbuild({
    entryPoints: [join(here, 'run.mjs')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].contents;
}

/** vite/ built for production into a temporary directory (removed by the caller). */
async function viteBundle(outDir) {
  await viteBuild({
    configFile: false,
    root: join(here, 'vite'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

/** Opens `url`, waits for `globalThis[key]` and returns it; page errors become an `{ error }` report. */
async function collect(context, url, key) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  try {
    await page.goto(url);
    const handle = await page.waitForFunction((k) => globalThis[k], key, { timeout: TIMEOUT_MS, polling: 100 });
    const report = await handle.jsonValue();
    if (problems.length && !report.error) report.warnings = problems;
    return report;
  } catch (error) {
    return { error: `${error.message.split('\n')[0]}${problems.length ? `\n${problems.join('\n')}` : ''}` };
  } finally {
    await page.close();
  }
}

/**
 * Runs the browser checks; resolves to `[{ id, label, version, report, ms }]`. A failure to build or to start
 * Chromium becomes an `{ error }` report for each check, so the matrix still prints everything else.
 */
export async function runBrowserChecks() {
  const checks = [
    { id: 'chromium-page', label: 'Chromium page (esbuild bundle)', url: '/esbuild/page.html', key: 'augkitConformance' },
    { id: 'chromium-worker', label: 'Chromium module Worker (esbuild)', url: '/esbuild/worker.html', key: 'augkitConformance' },
    { id: 'vite-page', label: 'Chromium page (Vite build)', url: '/vite/index.html', key: 'augkitConformance' },
    { id: 'vite-worker', label: 'Chromium Worker (Vite build)', url: '/vite/index.html', key: 'augkitConformanceWorker' },
  ];
  const viteOut = mkdtempSync(join(tmpdir(), 'augkit-vite-'));
  let server;
  let browser;
  try {
    const started = performance.now();
    const [bundle] = await Promise.all([esbuildBundle(), viteBundle(viteOut)]);
    const buildMs = performance.now() - started;
    server = await serve({
      files: new Map([
        ['/esbuild/run.js', bundle],
        ['/esbuild/page.html', PAGE],
        ['/esbuild/worker.html', WORKER_PAGE],
      ]),
      mounts: [
        ['*/fixtures/', fixtures],
        ['/vite/', viteOut],
      ],
    });
    browser = await launchChromium();
    const results = [];
    for (const check of checks) {
      const t = performance.now();
      const report = await collect(browser.context, server.url + check.url, check.key);
      results.push({ ...check, version: browser.version, report, ms: performance.now() - t });
    }
    results.buildMs = buildMs;
    return results;
  } catch (error) {
    return checks.map((check) => ({ ...check, version: '?', report: { error: String(error?.stack ?? error) }, ms: 0 }));
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(viteOut, { recursive: true, force: true });
  }
}
