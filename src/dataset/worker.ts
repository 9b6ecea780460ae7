/**
 * Worker-thread entry of the dataset pool: receives tasks (several may be in progress at once), answers each
 * with its result, moving rather than copying the image a result carries.
 * Loaded from the compiled dist/dataset/worker.js (worker threads run JavaScript, not TypeScript).
 */
import { parentPort } from 'node:worker_threads';
import { runTask, taskTransfers, type Task } from './task.js';

parentPort!.on('message', (task: Task) => {
  void runTask(task).then((result) => parentPort!.postMessage(result, taskTransfers(result)));
});
