// A tiny app that imports augkit, built by Vite for production (matrix.mjs): the conformance list runs in
// the page (../run.mjs sets globalThis.augkitConformance) and in a Web Worker that Vite bundles separately.
import { finished } from '../run.mjs';

finished.then(() => console.log('augkit conformance: page done'));

const worker = new Worker(new URL('../run.mjs', import.meta.url), { type: 'module' });
worker.onmessage = (event) => {
  globalThis.augkitConformanceWorker = event.data;
};
worker.onerror = (event) => {
  globalThis.augkitConformanceWorker = { error: `worker: ${event.message}` };
};
