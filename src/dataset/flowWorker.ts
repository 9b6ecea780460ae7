/**
 * Worker-thread entry of flowFromDirectory: loads one image per message and answers with its pixels
 * (transferred, not copied). Loaded from the compiled dist/dataset/flowWorker.js.
 */
import { parentPort } from 'node:worker_threads';
import { loadFlowImage, type FlowJob } from './flowLoad.js';

parentPort!.on('message', (job: FlowJob) => {
  loadFlowImage(job).then(
    (result) => {
      // transfer the pixels' buffer when they own all of it (never a shared or larger buffer)
      const owned = 'pixels' in result && result.pixels.byteOffset === 0 && result.pixels.byteLength === result.pixels.buffer.byteLength;
      parentPort!.postMessage(result, owned ? [result.pixels.buffer as ArrayBuffer] : []);
    },
    (e: unknown) => parentPort!.postMessage({ id: job.id, fatal: String((e as Error)?.stack ?? e) }),
  );
});
