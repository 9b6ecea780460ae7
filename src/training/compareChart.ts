import { Canvas, type Color } from '../dataset/canvas.js';
import { ADVANCE, DESCENT, GLYPH_HEIGHT, textWidth } from '../dataset/font.js';
import type { AugkitImage } from '../image.js';
import type { CompareReport } from './compare.js';

const BACKGROUND: Color = [255, 255, 255];
const INK: Color = [40, 40, 40];
const GRID: Color = [225, 225, 225];
/** One colour per recipe, in order (repeating after eight). */
const PALETTE: readonly Color[] = [
  [120, 120, 120],
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
  [227, 119, 194],
];
const MARGIN = 16;
const PLOT_HEIGHT = 200;
const BAR = 10;
const AXIS = textWidth('100%') + 6;
const LINE = GLYPH_HEIGHT + DESCENT + 4;

/**
 * Draws the compare report as a grouped bar chart: the overall val accuracy ("all", with a min–max whisker
 * over the repeats) and each class's, one bar per recipe in the legend's colours, on a 0–100 % axis.
 *
 * @example
 * await writeFile('compare.png', encodePng(compareChart(report)));
 */
export function compareChart(report: CompareReport): AugkitImage {
  const groups = ['all', ...report.classes];
  const values = report.recipes.map((r) => [r.accuracy.mean, ...report.classes.map((c) => r.perClass[c] ?? 0)]);
  const groupWidth = Math.max(report.recipes.length * BAR + 12, Math.min(10, Math.max(...groups.map((g) => g.length))) * ADVANCE + 6);
  const title = `val accuracy · ${report.repeats} repeat${report.repeats === 1 ? '' : 's'} · ${report.epochs} epoch${report.epochs === 1 ? '' : 's'} · seed ${report.seed}`;
  const legendWidth = report.recipes.reduce((w, r) => w + BAR + 4 + textWidth(r.name) + 14, 0);
  const width = Math.max(MARGIN * 2 + AXIS + groups.length * groupWidth, MARGIN * 2 + Math.max(textWidth(title), legendWidth));
  const top = MARGIN + 2 * LINE + 8;
  const height = top + PLOT_HEIGHT + 8 + LINE + MARGIN;
  const canvas = new Canvas(width, height, BACKGROUND);
  canvas.text(title, MARGIN, MARGIN, INK);
  let x = MARGIN;
  report.recipes.forEach((r, i) => {
    canvas.fill(x, MARGIN + LINE, BAR, GLYPH_HEIGHT, PALETTE[i % PALETTE.length]!);
    canvas.text(r.name, x + BAR + 4, MARGIN + LINE, INK);
    x += BAR + 4 + textWidth(r.name) + 14;
  });
  const left = MARGIN + AXIS;
  const y = (fraction: number) => top + Math.round((1 - fraction) * PLOT_HEIGHT);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    canvas.fill(left, y(tick), groups.length * groupWidth, 1, GRID);
    const label = `${tick * 100}%`;
    canvas.text(label, left - 4 - textWidth(label), y(tick) - (GLYPH_HEIGHT >> 1), INK);
  }
  groups.forEach((group, g) => {
    const x0 = left + g * groupWidth + ((groupWidth - report.recipes.length * BAR) >> 1);
    report.recipes.forEach((r, i) => {
      const bx = x0 + i * BAR;
      canvas.fill(bx, y(values[i]![g]!), BAR - 2, y(0) - y(values[i]![g]!), PALETTE[i % PALETTE.length]!);
      if (g === 0 && r.accuracy.max > r.accuracy.min) {
        canvas.fill(bx + (BAR >> 1) - 1, y(r.accuracy.max), 1, y(r.accuracy.min) - y(r.accuracy.max) + 1, INK);
      }
    });
    const label = group.length > 10 ? `${group.slice(0, 9)}…` : group;
    canvas.text(label, left + g * groupWidth + ((groupWidth - textWidth(label)) >> 1), y(0) + 8, INK);
  });
  canvas.fill(left, top, 1, PLOT_HEIGHT + 1, INK);
  return { width, height, data: canvas.data };
}
