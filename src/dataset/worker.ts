/**
 * Worker-thread entry of the dataset pool: receives tasks one at a time, answers with their results.
 * Loaded from the compiled dist/dataset/worker.js (worker threads run JavaScript, not TypeScript).
 */
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './task.js';

parentPort!.on('message', (task: Task) => {
  void runTask(task).then((result) => parentPort!.postMessage(result));
});
