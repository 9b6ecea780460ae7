// The dataset task pool in this thread (worker threads need the built package: the CLI tests run those):
// every task runs once, two at a time, and an exception from the result handler ends the run with it.
import { describe, expect, it } from 'vitest';
import { TaskPool } from '../../src/dataset/pool.js';
import { scanDataset } from '../../src/dataset/scan.js';
import type { CheckTask, TaskResult } from '../../src/dataset/task.js';
import { SAMPLE } from '../helpers/cli.js';

const checkTasks = async (): Promise<CheckTask[]> =>
  (await scanDataset(SAMPLE)).images.map((image, index) => ({ kind: 'check', index, fsPath: image.fsPath, dHash: false }));

describe('TaskPool with one worker (this thread)', () => {
  it('runs every task once and reports each result', async () => {
    const tasks = await checkTasks();
    const results: TaskResult[] = [];
    const pool = new TaskPool(1);
    await pool.run(tasks, (r) => results.push(r));
    await pool.run(tasks.slice(0, 3), (r) => results.push(r)); // a pool serves several runs
    await pool.close();
    expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual([...tasks.map((t) => t.index), 0, 1, 2].sort((a, b) => a - b));
    expect(results.every((r) => r.fingerprint?.sha256.length === 64 && r.fingerprint.dHash === undefined)).toBe(true);
  });

  it('an exception from the handler ends the run with it, once the task still in progress is done', async () => {
    const tasks = await checkTasks();
    let handled = 0;
    const failure = new Error('handler failed');
    await expect(
      new TaskPool(1).run(tasks, () => {
        handled++;
        if (handled === 3) throw failure;
      }),
    ).rejects.toBe(failure);
    // the other lane finishes the task it holds; nothing new starts
    expect(handled).toBeLessThanOrEqual(4);
  });
});
