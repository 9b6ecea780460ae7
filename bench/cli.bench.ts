// The dataset CLI in images per second, with 1 and 2 workers, on a generated folder of 200 JPEGs
// (1024×768) resized to 400×400. The CLI lands on another branch: until dist/cli/index.js exists
// this is skipped with a message.
//
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { flipHorizontal, rotate } from '../src/index.js';
import { photo } from './lib/images.js';
import { ROOT } from './lib/root.js';

const CLI = new URL('dist/cli/bin.js', ROOT);
const RECIPE = new URL('examples/recipes/flips-rotation-noise.json', ROOT);
const IMAGES = 200;

/**
 * One run: every source resized to 400×400 and written as PNG at zlib level 1 (the level of the team's
 * OpenCV-python reference), plus 3 augmented variants (flips + rotation + noise) per source.
 */
function cliArguments(input: string, output: string, workers: number): string[] {
  return ['augment', input, '--out', output, '--size', '400x400', '--recipe', RECIPE.pathname, '--variants', '3',
    '--png-level', '1', '--workers', String(workers), '--seed', '1', '--json'];
}

export interface CliResult {
  readonly workers: number;
  readonly images: number;
  readonly seconds: number;
  readonly imagesPerSecond: number;
  /** Of the run's own time (its summary's `seconds`), the part spent decoding every source before planning. */
  readonly checkSeconds: number;
  readonly runSeconds: number;
}

/** 200 JPEGs of 1024×768 in two class folders: variations of the sample photo, quality 90. */
export function generateFolder(dir: string): void {
  const base = photo(1024, 768);
  for (const cls of ['a', 'b']) mkdirSync(join(dir, cls), { recursive: true });
  for (let i = 0; i < IMAGES; i++) {
    const img = i % 2 ? flipHorizontal(rotate(base, i % 7)) : rotate(base, -(i % 5));
    const { data } = jpeg.encode({ width: img.width, height: img.height, data: img.data }, 90);
    writeFileSync(join(dir, i % 2 ? 'a' : 'b', `img_${String(i).padStart(3, '0')}.jpg`), data);
  }
}

export function runCliBench(log: (message: string) => void): CliResult[] {
  if (!existsSync(CLI)) {
    log('cli: skipped (run npm run build first: dist/cli/bin.js is missing)');
    return [];
  }
  const root = mkdtempSync(join(tmpdir(), 'augkit-bench-'));
  try {
    const input = join(root, 'in');
    generateFolder(input);
    return [1, 2].map((workers) => {
      const output = join(root, `out-${workers}`);
      const start = performance.now();
      const run = spawnSync(process.execPath, [CLI.pathname, ...cliArguments(input, output, workers)], { encoding: 'utf8' });
      const seconds = (performance.now() - start) / 1000;
      if (run.status !== 0) throw new Error(`the CLI failed with ${workers} worker(s): ${run.stderr || run.stdout}`);
      const summary = JSON.parse(run.stdout) as { written: number; seconds: number; checkSeconds: number };
      const { written } = summary;
      return { workers, images: written, seconds, imagesPerSecond: written / seconds, checkSeconds: summary.checkSeconds, runSeconds: summary.seconds };
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function cliTable(results: readonly CliResult[]): string {
  return [
    '| workers | images | seconds | images/s | decode-check of the 200 sources before planning |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.workers} | ${r.images} | ${r.seconds.toFixed(2)} | ${r.imagesPerSecond.toFixed(1)} | ` +
        `${r.checkSeconds.toFixed(2)} s (${((100 * r.checkSeconds) / r.runSeconds).toFixed(0)} % of the run) |`,
    ),
  ].join('\n');
}
