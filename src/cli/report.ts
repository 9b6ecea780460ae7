import type { AugmentSummary } from '../dataset/augment.js';
import type { InspectSummary } from '../dataset/inspect.js';
import type { SkippedFile } from '../dataset/scan.js';
import { SPLIT_NAMES } from '../dataset/split.js';

/** A plain-text table: numeric columns right-aligned, text columns left-aligned. */
function table(rows: readonly (readonly (string | number)[])[]): string {
  const numeric = rows[0]!.map((_, c) => rows.slice(1).every((r) => typeof r[c] === 'number'));
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((r) => r[c]!.length)));
  return cells
    .map((r) => r.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

function skippedLines(skipped: readonly SkippedFile[]): string[] {
  if (skipped.length === 0) return [];
  const bad = skipped.filter((s) => s.bad).length;
  const lines = [`skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'}${bad > 0 ? ` (${bad} unreadable)` : ''}:`];
  for (const s of skipped.slice(0, 50)) lines.push(`  ${s.bad ? '✗' : '·'} ${s.path}: ${s.reason}`);
  if (skipped.length > 50) lines.push(`  … and ${skipped.length - 50} more (--json lists them all)`);
  return lines;
}

export function formatInspect(summary: InspectSummary): string {
  const lines = [`${summary.input}: ${summary.images} images in ${summary.classes.length} classes`, ''];
  lines.push(
    table([
      ['class', 'images', 'png', 'jpeg', 'sizes (w×h ×count)'],
      ...summary.classes.map((c) => [
        c.name,
        c.images,
        c.formats.png,
        c.formats.jpeg,
        c.sizes
          .slice(0, 4)
          .map((s) => `${s.width}×${s.height}${s.count > 1 ? ` ×${s.count}` : ''}`)
          .join(', ') + (c.sizes.length > 4 ? `, … (${c.sizes.length} sizes)` : ''),
      ]),
    ]),
  );
  const skipped = skippedLines(summary.skipped);
  if (skipped.length > 0) lines.push('', ...skipped);
  return lines.join('\n');
}

export function formatAugment(summary: AugmentSummary): string {
  const lines: string[] = [];
  const total = summary.classes.reduce((n, c) => n + c.images, 0);
  const shard = summary.shard ? `, shard ${summary.shard.index}/${summary.shard.count}` : '';
  lines.push(
    `${summary.dryRun ? 'dry run: ' : ''}${summary.input} → ${summary.out}  (seed ${summary.seed}, ` +
      `${summary.recipes.length === 1 ? `recipe ${summary.recipes[0]}` : `${summary.recipes.length} recipes`}${shard})`,
  );
  const balance = summary.balanceTarget === null ? '' : `; balanced to ${summary.balanceTarget} train images per class`;
  lines.push(`${total} images in ${summary.classes.length} classes${balance}`, '');
  lines.push(
    table([
      ['class', 'images', 'train', 'val', 'test', 'augmented'],
      ...summary.classes.map((c) => [c.name, c.images, c.train, c.val, c.test, c.augmented ? `+${c.variants}` : 'no']),
    ]),
  );
  lines.push('');
  const rows: (string | number)[][] = [['output', 'train', '(originals + augmented)', 'val', 'test', 'total']];
  for (const [root, splits] of Object.entries(summary.outputs)) {
    const sum = (split: (typeof SPLIT_NAMES)[number], kind?: 'originals' | 'variants') =>
      Object.values(splits[split]).reduce((n, c) => n + (kind ? c[kind] : c.originals + c.variants), 0);
    const train = sum('train');
    rows.push([
      `${summary.out}${root === '' ? '' : `/${root}`}`,
      train,
      `(${sum('train', 'originals')} + ${sum('train', 'variants')})`,
      sum('val'),
      sum('test'),
      train + sum('val') + sum('test'),
    ]);
  }
  lines.push(table(rows));
  lines.push('');
  if (summary.dryRun) {
    lines.push(`would write ${summary.planned} files from ${summary.sources} source images`);
  } else {
    lines.push(
      `wrote ${summary.written} files in ${summary.seconds.toFixed(1)} s (${summary.imagesPerSecond.toFixed(1)} images/s, ` +
        `${summary.workers} worker${summary.workers === 1 ? '' : 's'})` +
        (summary.existing > 0 ? `; ${summary.existing} already complete from an earlier run` : ''),
    );
    for (const m of summary.manifests) lines.push(`manifest: ${m}`);
    if (summary.skipped.length > 0) for (const m of summary.skippedLists) lines.push(`skipped:  ${m}`);
  }
  const skipped = skippedLines(summary.skipped);
  if (skipped.length > 0) lines.push('', ...skipped);
  return lines.join('\n');
}
