import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AugkitError } from '../errors.js';
import { runTask, taskTransfers, type Task, type TaskResult } from './task.js';

const WORKER_URL = new URL('./worker.cjs', import.meta.url);

/**
 * Tasks given to a thread (or run at once in this thread) before the first comes back: while one waits for the
 * disk (reading a source, writing its outputs) the other computes, and a thread never waits for its next task.
 */
const IN_FLIGHT = 2;

type ResultHandler = (result: TaskResult) => void;

/** The run a pool is busy with: what each result goes to, and how a dead thread ends it. */
interface ActiveRun {
  readonly onMessage: (thread: Worker, result: TaskResult) => void;
  readonly fail: (error: AugkitError) => void;
}

/**
 * Worker threads kept for several runs of tasks — the decode check, then the writes — so each thread loads the
 * package and compiles its WebAssembly once, and can be started early ({@link TaskPool.start}) while this
 * thread scans the input. With one worker there are no threads: the tasks run in this thread.
 *
 * @example
 * const pool = new TaskPool(4);
 * pool.start(4);
 * try {
 *   await pool.run(checkTasks, onChecked);
 *   await pool.run(writeTasks, onWritten);
 * } finally {
 *   await pool.close();
 * }
 */
export class TaskPool {
  readonly #threads: Worker[] = [];
  #active: ActiveRun | undefined;
  /** Why the pool cannot run more tasks (a thread died, a run ended with tasks still out): the next run throws it. */
  #broken: { readonly error: unknown } | undefined;
  #closing = false;

  /** @param workers - the most threads the pool starts; 1 runs every task in this thread */
  constructor(readonly workers: number) {}

  /**
   * Starts `count` threads now (at most `workers`; none with one worker, or when the compiled worker script is
   * missing: then {@link run} reports it), so that their start overlaps other work.
   */
  start(count: number): void {
    if (this.workers <= 1 || !existsSync(fileURLToPath(WORKER_URL))) return;
    while (this.#threads.length < Math.min(count, this.workers)) this.#spawn();
  }

  #spawn(): void {
    const thread = new Worker(WORKER_URL);
    thread.on('message', (result: TaskResult) => this.#active?.onMessage(thread, result));
    thread.on('error', (cause) => this.#fail(new AugkitError('INTERNAL', `a worker thread failed: ${cause.message}`, { cause })));
    thread.on('exit', (code) => {
      if (!this.#closing) this.#fail(new AugkitError('INTERNAL', `a worker thread exited with code ${code}`));
    });
    this.#threads.push(thread);
  }

  #fail(error: AugkitError): void {
    if (this.#active) this.#active.fail(error);
    else this.#broken ??= { error };
  }

  /**
   * Runs `tasks` and reports each result as it completes, on up to `threads` threads: those already started,
   * or that many started now. One thread (and no thread started) runs the tasks in this thread. Results arrive
   * in completion order; callers must not depend on it. An exception thrown by `onResult` ends the run with it.
   *
   * @throws {AugkitError} INTERNAL when a worker thread dies, or when workers are asked for from the TypeScript
   *   sources (worker threads load the compiled dist/dataset/worker.cjs: run `npm run build`).
   */
  async run(tasks: readonly Task[], onResult: ResultHandler, threads = this.workers): Promise<void> {
    if (this.#broken) throw this.#broken.error;
    if (this.#threads.length === 0 && (Math.min(threads, this.workers) <= 1 || tasks.length <= 1)) return runHere(tasks, onResult);
    if (!existsSync(fileURLToPath(WORKER_URL))) {
      throw new AugkitError('INTERNAL', `worker script ${fileURLToPath(WORKER_URL)} not found: worker threads need the compiled package (npm run build)`);
    }
    this.start(Math.min(threads, tasks.length));
    let next = 0;
    let pending = 0;
    const feed = (thread: Worker) => {
      const task = tasks[next++]!;
      pending++;
      thread.postMessage(task, taskTransfers(task));
    };
    try {
      await new Promise<void>((resolve, reject) => {
        this.#active = {
          onMessage: (thread, result) => {
            pending--;
            try {
              onResult(result);
            } catch (e) {
              return reject(e);
            }
            if (next < tasks.length) feed(thread);
            else if (pending === 0) resolve();
          },
          fail: reject,
        };
        for (let round = 0; round < IN_FLIGHT; round++) for (const thread of this.#threads) if (next < tasks.length) feed(thread);
        if (tasks.length === 0) resolve();
      });
    } catch (error) {
      // results still out would reach the next run
      if (pending > 0) this.#broken ??= { error };
      throw error;
    } finally {
      this.#active = undefined;
    }
  }

  /** Stops the threads (waiting for them to exit). A pool is not used after this. */
  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#threads.map((t) => t.terminate()));
    this.#threads.length = 0;
  }
}

/**
 * Runs `tasks` in this thread, {@link IN_FLIGHT} at a time (so that one's disk waits overlap another's work),
 * until all are done or `onResult` throws; then throws what it threw.
 */
async function runHere(tasks: readonly Task[], onResult: ResultHandler): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (failure === undefined && next < tasks.length) {
      const result = await runTask(tasks[next++]!);
      try {
        onResult(result);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, tasks.length) }, lane));
  if (failure) throw failure.error;
}

/**
 * Runs `use` with a {@link TaskPool} of `workers` threads and closes the pool after, whether `use` resolves or
 * throws.
 *
 * @example
 * const checked = await withTaskPool(4, (pool) => checkSources(scan, pool, { dHash: false }));
 */
export async function withTaskPool<R>(workers: number, use: (pool: TaskPool) => Promise<R>): Promise<R> {
  const pool = new TaskPool(workers);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}
