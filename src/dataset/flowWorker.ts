/**
 * Worker-thread entry of flowFromDirectory: loads and packs one image per message and answers with its
 * block of the batch tensor (its buffer transferred, not copied). Loaded from the compiled
 * dist/dataset/flowWorker.js.
 */
import { parentPort } from 'node:worker_threads';
import { loadFlowImage, type FlowJob } from './flowLoad.js';

parentPort!.on('message', (job: FlowJob) => {
  loadFlowImage(job).then(
    // packImage's block owns its whole buffer
    (result) => parentPort!.postMessage(result, 'values' in result ? [result.values.buffer as ArrayBuffer] : []),
    (e: unknown) => parentPort!.postMessage({ id: job.id, fatal: String((e as Error)?.stack ?? e) }),
  );
});
