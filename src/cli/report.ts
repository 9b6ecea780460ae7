import type { AugmentSummary } from '../dataset/augment.js';
import type { InspectSummary } from '../dataset/inspect.js';
import type { SkippedFile } from '../dataset/scan.js';
import { NEAR_DUPLICATE_BITS } from '../dataset/fingerprint.js';
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

/**
 * `1 image`, `2 images`: a count with its noun in the right number.
 *
 * @example
 * plural(1, 'class', 'classes'); // '1 class'
 */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

/** Groups of byte-identical files, a few paths each, and the pairs that look alike. */
function duplicateLines(duplicates: readonly (readonly string[])[], near: InspectSummary['nearDuplicates']): string[] {
  const lines: string[] = [];
  if (duplicates.length > 0) {
    lines.push(`${plural(duplicates.length, 'group')} of byte-identical images (augment keeps each group in one split):`);
    for (const group of duplicates.slice(0, 20)) lines.push(`  = ${group.join('  ')}`);
    if (duplicates.length > 20) lines.push(`  … and ${duplicates.length - 20} more (--json lists them all)`);
  }
  if (near.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(`${plural(near.length, 'pair')} of near-duplicates (dHash at most ${NEAR_DUPLICATE_BITS} of 64 bits apart; they may land in different splits):`);
    for (const p of near.slice(0, 20)) lines.push(`  ≈ ${p.a}  ${p.b}  (${p.distance} bits)`);
    if (near.length > 20) lines.push(`  … and ${near.length - 20} more (--json lists them all)`);
  }
  return lines;
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
  const lines = [`${summary.input}: ${plural(summary.images, 'image')} in ${plural(summary.classes.length, 'class', 'classes')}`, ''];
  for (const hint of summary.hints) lines.push(`hint: ${hint}`, '');
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
  const duplicates = duplicateLines(summary.duplicates, summary.nearDuplicates);
  if (duplicates.length > 0) lines.push('', ...duplicates);
  const skipped = skippedLines(summary.skipped);
  if (skipped.length > 0) lines.push('', ...skipped);
  return lines.join('\n');
}

/** What `--balance` did: the target, and which classes it applied to when not all. */
function balanceText(summary: AugmentSummary): string {
  if (summary.balanceTarget === null) return '';
  const balanced = summary.classes.filter((c) => c.augmented).map((c) => c.name);
  const copied = summary.classes.filter((c) => !c.augmented).map((c) => c.name);
  if (copied.length === 0) return `; balanced to ${summary.balanceTarget} train images per class`;
  return `; balanced ${balanced.join(', ')} to ${summary.balanceTarget} train images per class (${copied.join(', ')} copied through, not balanced)`;
}

export function formatAugment(summary: AugmentSummary): string {
  const lines: string[] = [];
  const total = summary.classes.reduce((n, c) => n + c.images, 0);
  const shard = summary.shard ? `, shard ${summary.shard.index}/${summary.shard.count}` : '';
  lines.push(
    `${summary.dryRun ? 'dry run: ' : ''}${summary.input} → ${summary.out}  (seed ${summary.seed}, ` +
      `${summary.recipes.length === 1 ? `recipe ${summary.recipes[0]}` : `${summary.recipes.length} recipes`}${shard})`,
  );
  lines.push(`${plural(total, 'image')} in ${plural(summary.classes.length, 'class', 'classes')}${balanceText(summary)}`, '');
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
    const replaced = summary.earlierRun === 'deleted' ? `would first delete the earlier augkit run in ${summary.out}; ` : '';
    if (summary.planned > 0 && summary.existing === summary.planned) {
      lines.push(`already complete: all ${plural(summary.planned, 'file')} exist from an earlier run of this job; nothing to write`);
    } else {
      lines.push(
        `${replaced}would write ${plural(summary.planned - summary.existing, 'file')} from ${plural(summary.sources, 'source image')}` +
          (summary.existing > 0 ? ` (resuming: ${summary.existing} already complete from an earlier run)` : ''),
      );
    }
  } else {
    lines.push(
      `wrote ${plural(summary.written, 'file')} in ${summary.seconds.toFixed(1)} s (${summary.imagesPerSecond.toFixed(1)} images/s, ` +
        `${summary.workers} worker${summary.workers === 1 ? '' : 's'})` +
        (summary.existing > 0 ? `; ${summary.existing} already complete from an earlier run` : ''),
    );
    for (const m of summary.manifests) lines.push(`manifest: ${m}`);
    for (const m of summary.classLists) lines.push(`classes:  ${m}`);
    if (summary.skipped.length > 0) for (const m of summary.skippedLists) lines.push(`skipped:  ${m}`);
  }
  if (summary.duplicates.length > 0) {
    const copies = summary.duplicates.reduce((n, g) => n + g.length, 0);
    lines.push(`${plural(copies, 'source')} in ${plural(summary.duplicates.length, 'group')} of byte-identical images, each group kept in one split (augkit inspect lists them)`);
  }
  const skipped = skippedLines(summary.skipped);
  if (skipped.length > 0) lines.push('', ...skipped);
  return lines.join('\n');
}
