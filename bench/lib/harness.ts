// A thin layer over tinybench: groups of tasks timed on the same input in the same run, the median
// time of each (best of a few rounds, since the machine may be shared), and markdown tables.
import { Bench } from 'tinybench';

export interface BenchTask {
  /** Stable key within the group (goals refer to it), e.g. `augkit`, `opencv`, `sharp`. */
  readonly id: string;
  /** What the row is called in the table. */
  readonly label: string;
  /** What one timed call covers, in a few words. */
  readonly includes: string;
  readonly fn: () => unknown;
  /** Runs before the task's warm-up and timing (not timed). */
  readonly before?: () => void | Promise<void>;
  /** Runs after the task (not timed). */
  readonly after?: () => void | Promise<void>;
}

export interface BenchGroup {
  /** Stable key, e.g. `flipHorizontal 1920×1080`. */
  readonly id: string;
  /** Heading of the group's table. */
  readonly title: string;
  /** Bytes of the input image (for bandwidth figures). */
  readonly bytes: number;
  /** The task the speed-up column compares every row with (augkit's public call). */
  readonly baseline: string;
  readonly tasks: readonly BenchTask[];
  /** A note printed under the table. */
  readonly note?: string;
  /** Heading of the ratio column (default: augkit speed-up, the baseline being augkit's public call). */
  readonly ratioLabel?: string;
}

export interface TaskResult {
  readonly id: string;
  readonly label: string;
  readonly includes: string;
  /** Median time of one call in milliseconds (the best median of the rounds). */
  readonly medianMs: number;
  readonly meanMs: number;
  /** Relative margin of error of the mean, in percent. */
  readonly rme: number;
  readonly samples: number;
  readonly error?: string;
}

export interface GroupResult {
  readonly id: string;
  readonly title: string;
  readonly bytes: number;
  readonly baseline: string;
  readonly note?: string;
  readonly ratioLabel?: string;
  readonly tasks: readonly TaskResult[];
}

export interface RunOptions {
  /** Time budget per task and round, in milliseconds. */
  readonly time: number;
  /** Rounds per group; each task keeps its best median. */
  readonly rounds: number;
}

/** Runs every task of the group `rounds` times (tasks in turn, not interleaved) and keeps each task's best median. */
export async function runGroup(group: BenchGroup, { time, rounds }: RunOptions): Promise<GroupResult> {
  const best = new Map<string, TaskResult>();
  for (let round = 0; round < rounds; round++) {
    // alternate the order so no task always runs first (warmest or coldest)
    const tasks = round % 2 === 0 ? group.tasks : [...group.tasks].reverse();
    for (const task of tasks) {
      const bench = new Bench({ time, warmupTime: Math.min(100, time / 4), iterations: 3, warmupIterations: 2 });
      bench.add(task.label, task.fn);
      let result: TaskResult;
      try {
        // start every task from a collected heap, so one task's garbage is not another's pause
        (globalThis as { gc?: () => void }).gc?.();
        await task.before?.();
        await bench.run();
        const r = bench.tasks[0]!.result;
        if (r.state !== 'completed') throw (r as { error?: unknown }).error ?? new Error(`task ${r.state}`);
        result = {
          id: task.id, label: task.label, includes: task.includes,
          medianMs: r.latency.p50, meanMs: r.latency.mean, rme: r.latency.rme, samples: r.latency.samplesCount,
        };
      } catch (error) {
        result = {
          id: task.id, label: task.label, includes: task.includes, medianMs: NaN, meanMs: NaN, rme: NaN, samples: 0,
          error: error instanceof Error ? error.message : String(error),
        };
      } finally {
        await task.after?.();
      }
      const previous = best.get(task.id);
      if (!previous || !(previous.medianMs <= result.medianMs)) best.set(task.id, result);
    }
  }
  const { id, title, bytes, baseline, note, ratioLabel } = group;
  return { id, title, bytes, baseline, note, ratioLabel, tasks: group.tasks.map((t) => best.get(t.id)!) };
}

/** The median of task `id` in a group result (NaN when missing or failed). */
export function median(group: GroupResult | undefined, id: string): number {
  return group?.tasks.find((t) => t.id === id)?.medianMs ?? NaN;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}

export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  return ratio >= 10 ? `${ratio.toFixed(0)}×` : `${ratio.toFixed(2)}×`;
}

/**
 * A markdown table of one group: time, calls per second, and each row's time divided by the baseline's
 * (for the op groups: how many times faster augkit's public call is than that row).
 */
export function groupTable(group: GroupResult): string {
  const base = median(group, group.baseline);
  const lines = [
    `#### ${group.title}`,
    '',
    `| task | one timed call includes | median ms | calls/s | ${group.ratioLabel ?? 'augkit speed-up'} |`,
    '| --- | --- | ---: | ---: | ---: |',
  ];
  for (const t of group.tasks) {
    const time = t.error ? `error: ${t.error.slice(0, 60)}` : formatMs(t.medianMs);
    const perSecond = Number.isFinite(t.medianMs) ? (1000 / t.medianMs).toFixed(t.medianMs > 10 ? 1 : 0) : '—';
    lines.push(`| ${t.label} | ${t.includes} | ${time} | ${perSecond} | ${formatRatio(t.medianMs / base)} |`);
  }
  if (group.note) lines.push('', group.note);
  return lines.join('\n');
}
