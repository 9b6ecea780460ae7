import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AugkitError } from '../errors.js';
import { loadFlowImage, type FlowJob, type FlowJobResult } from './flowLoad.js';

const WORKER_URL = new URL('./flowWorker.cjs', import.meta.url);

/** Loads flow images, on the calling thread (`workers` 0) or on that many worker threads. */
export interface FlowLoader {
  /** Starts a job; the promise settles with its result (in completion order: callers keep their own order). */
  load(job: FlowJob): Promise<FlowJobResult>;
  /** Ends the worker threads; jobs still pending never settle. */
  close(): Promise<void>;
}

type WorkerReply = FlowJobResult | { readonly id: number; readonly fatal: string };

/**
 * Jobs handed to a worker thread at once: while it posts one result and the main thread is busy (yielding a
 * batch), it already works on the next, so it never waits for the main thread to hand it work.
 */
const JOBS_PER_THREAD = 2;

/**
 * How long a loader's threads stay, holding no job, before they end (the next job starts them again): long
 * enough to span the pause between two epochs of a training loop, short enough that a loader nobody closes
 * gives its threads' memory back soon.
 */
export const IDLE_THREAD_MS = 10_000;

interface Thread {
  readonly worker: Worker;
  /** Jobs posted to it and not answered yet. */
  held: number;
  /** Terminated by the loader (idle, or closed): its exit is no failure. */
  ending: boolean;
}

/**
 * A {@link FlowLoader} with `workers` threads (0: the calling thread). Each thread holds up to
 * {@link JOBS_PER_THREAD} jobs and is given the oldest waiting job when it holds fewer; the least busy
 * thread first. The threads start loading their modules at once, before the first job. A thread keeps the
 * process alive only while it holds a job, and after {@link IDLE_THREAD_MS} with no job held anywhere the
 * threads end, to start again with the next job.
 *
 * @throws {AugkitError} INTERNAL when workers are asked for from the TypeScript sources (threads load the
 *   compiled dist/dataset/flowWorker.cjs) or, from `load`, when a worker thread dies.
 * @example
 * const loader = createFlowLoader(2);
 * const result = await loader.load({ id: 0, fsPath: 'data/cat/1.jpg', ops: [], pack, into: { buffer: new SharedArrayBuffer(64 * 64 * 3 * 4), offset: 0 } });
 * await loader.close();
 */
export function createFlowLoader(workers: number): FlowLoader {
  if (workers === 0) return { load: loadFlowImage, close: async () => {} };
  if (!existsSync(fileURLToPath(WORKER_URL))) {
    throw new AugkitError('INTERNAL', `worker script ${fileURLToPath(WORKER_URL)} not found: worker threads need the compiled package (npm run build), or pass workers: 0`);
  }
  const waiting: FlowJob[] = [];
  const pending = new Map<number, { resolve: (r: FlowJobResult) => void; reject: (e: Error) => void }>();
  let threads: Thread[] = [];
  let idle: ReturnType<typeof setTimeout> | undefined;
  let failure: AugkitError | undefined;

  const fail = (error: AugkitError) => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
  };
  const end = async (ending: readonly Thread[]) => {
    for (const t of ending) t.ending = true;
    await Promise.all(ending.map((t) => t.worker.terminate()));
  };
  const dispatch = () => {
    while (waiting.length > 0) {
      if (threads.length === 0) threads = Array.from({ length: workers }, spawn);
      const free = threads.reduce((best, t) => (t.held < best.held ? t : best));
      if (free.held >= JOBS_PER_THREAD) break;
      if (free.held++ === 0) free.worker.ref();
      free.worker.postMessage(waiting.shift());
    }
    endWhenIdle();
  };
  /** (Re)starts the idle clock when no thread holds a job. */
  const endWhenIdle = () => {
    clearTimeout(idle);
    if (threads.some((t) => t.held > 0)) return;
    idle = setTimeout(() => {
      void end(threads);
      threads = [];
    }, IDLE_THREAD_MS).unref();
  };
  const spawn = (): Thread => {
    const entry: Thread = { worker: new Worker(WORKER_URL), held: 0, ending: false };
    const { worker } = entry;
    // idle until it holds a job: a loader nobody closes never keeps the process from exiting
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      if (--entry.held === 0) worker.unref();
      dispatch();
      if ('fatal' in reply) {
        const error = new AugkitError('INTERNAL', `a flow worker failed: ${reply.fatal}`);
        job?.reject(error);
        fail(error);
      } else {
        job?.resolve(reply);
      }
    });
    worker.on('error', (cause) => fail(new AugkitError('INTERNAL', `a flow worker thread failed: ${cause.message}`, { cause })));
    // a thread that ends by itself, even between runs, would leave the jobs later given to it unanswered
    worker.on('exit', (code) => {
      if (!entry.ending) fail(new AugkitError('INTERNAL', `a flow worker thread exited with code ${code}`));
    });
    return entry;
  };
  threads = Array.from({ length: workers }, spawn);
  // threads that never get a job (a run with nothing to load) end too
  endWhenIdle();
  return {
    load(job) {
      if (failure) return Promise.reject(failure);
      return new Promise<FlowJobResult>((resolve, reject) => {
        pending.set(job.id, { resolve, reject });
        waiting.push(job);
        dispatch();
      });
    },
    async close() {
      // jobs still running were prefetched for batches nobody will ask for: drop them unanswered
      waiting.length = 0;
      pending.clear();
      failure ??= new AugkitError('INTERNAL', 'the flow loader was closed');
      clearTimeout(idle);
      await end(threads);
      threads = [];
    },
  };
}
