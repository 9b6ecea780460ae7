/**
 * Worker-thread entry of the dataset pool: receives tasks (several may be in progress at once), answers each
 * with its result, moving rather than copying the image a result carries.
 * Threads load dist/dataset/worker.cjs: this file and everything it imports, bundled into one CommonJS file by
 * scripts/build-cjs.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { runTask, taskTransfers, type Task } from './task.js';

parentPort!.on('message', (task: Task) => {
  void runTask(task).then((result) => parentPort!.postMessage(result, taskTransfers(result)));
});
