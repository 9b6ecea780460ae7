/**
 * Worker-thread entry of flowFromDirectory: loads one image per message and packs it straight into its place
 * in a batch-sized staging buffer (a SharedArrayBuffer the main thread hands out), then answers with its id or
 * why it failed. Threads load dist/dataset/flowWorker.cjs: this file and everything it imports, bundled into one
 * CommonJS file by scripts/build-cjs.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { loadFlowImage, type FlowJob } from './flowLoad.js';

parentPort!.on('message', (job: FlowJob) => {
  loadFlowImage(job).then(
    (result) => parentPort!.postMessage(result),
    (e: unknown) => parentPort!.postMessage({ id: job.id, fatal: String((e as Error)?.stack ?? e) }),
  );
});
