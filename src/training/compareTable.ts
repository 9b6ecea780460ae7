import type { CompareReport } from './compare.js';

const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

/**
 * The compare report as a text table: per recipe the val accuracy (mean ± half the min–max spread over
 * the repeats), each class's accuracy, and the mean training seconds; then the split sizes.
 *
 * @example
 * console.log(formatCompare(await compare(options)));
 */
export function formatCompare(report: CompareReport): string {
  const header = ['recipe', `accuracy (${report.repeats} repeat${report.repeats === 1 ? '' : 's'})`, ...report.classes, 'seconds'];
  const rows = report.recipes.map((r) => [
    r.name,
    `${percent(r.accuracy.mean)} ± ${((r.accuracy.max - r.accuracy.min) * 50).toFixed(1)}`,
    ...report.classes.map((c) => percent(r.perClass[c] ?? null)),
    r.seconds.toFixed(1),
  ]);
  const counts = (name: string, values: readonly number[]) => [name, '', ...values.map(String), ''];
  const table = [header, ...rows, counts('train images', report.counts.train), counts('val images', report.counts.val)];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line), '', line(table[rows.length + 1]!), line(table[rows.length + 2]!)].join('\n');
}
