import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AugkitError } from '../errors.js';
import { runTask, type Task, type TaskResult } from './task.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * Runs `tasks` and reports each result as it completes. With one worker the tasks run in this thread, one
 * after the other; with more, on that many worker threads, each given the next task as soon as it is free.
 * Results arrive in completion order; callers must not depend on it.
 *
 * @throws {AugkitError} INTERNAL when a worker thread dies, or when workers are asked for from the TypeScript
 *   sources (worker threads load the compiled dist/dataset/worker.js: run `npm run build`).
 */
export async function runPool(tasks: readonly Task[], workers: number, onResult: (result: TaskResult) => void): Promise<void> {
  if (workers <= 1 || tasks.length <= 1) {
    for (const task of tasks) onResult(await runTask(task));
    return;
  }
  if (!existsSync(fileURLToPath(WORKER_URL))) {
    throw new AugkitError('INTERNAL', `worker script ${fileURLToPath(WORKER_URL)} not found: worker threads need the compiled package (npm run build)`);
  }
  const threads = Array.from({ length: Math.min(workers, tasks.length) }, () => new Worker(WORKER_URL));
  let next = 0;
  try {
    await Promise.all(
      threads.map(
        (thread) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= tasks.length) return resolve();
              thread.postMessage(tasks[next++]);
            };
            thread.on('message', (result: TaskResult) => {
              try {
                onResult(result);
              } catch (e) {
                return reject(e);
              }
              feed();
            });
            thread.on('error', (cause) => reject(new AugkitError('INTERNAL', `a worker thread failed: ${cause.message}`, { cause })));
            thread.on('exit', (code) => {
              if (next < tasks.length || code !== 0) reject(new AugkitError('INTERNAL', `a worker thread exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
