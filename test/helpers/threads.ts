import { Worker } from 'node:worker_threads';

/**
 * The id the next worker thread of this process gets, plus one (this probe takes it): thread ids count every
 * thread a process starts, so two probes tell how many threads started between them.
 *
 * @example
 * const before = await nextThreadId();
 * await collect(flow.epoch(1));
 * expect(await nextThreadId()).toBe(before + 1); // no thread started
 */
export async function nextThreadId(): Promise<number> {
  const probe = new Worker('', { eval: true });
  const id = probe.threadId;
  await probe.terminate();
  return id;
}
