// The dataset CLI side by side with the OpenCV-python loop of issue 13, in one run: 200 JPEGs of 1024×768
// (photos, generated into out/bench/cli/ from examples/sample) → each original plus 4 variants (flip p = 0.5,
// rotation U[−20°, 20°], 3 % salt-and-pepper) as 400×400 PNG at zlib level 1. augkit runs
// `augkit augment --variants 4 --size 400x400 --png-level 1 --workers N` with bench/recipes/opencv-comparison.json;
// OpenCV runs bench/opencv_augment.py with Debian's /usr/bin/python3 (python3-opencv), N processes for N
// workers. images/s = files written ÷ wall time of the whole command (process start included). Without
// dist/cli/bin.js (run npm run build) the bench is skipped; without python3-opencv its side is skipped.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encodeJpeg, flipHorizontal, resize, rotate } from '../src/index.js';
import { ROOT } from './lib/root.js';

const CLI = new URL('dist/cli/bin.js', ROOT);
const RECIPE = new URL('bench/recipes/opencv-comparison.json', ROOT);
const OPENCV_LOOP = new URL('bench/opencv_augment.py', ROOT);
const PYTHON = '/usr/bin/python3';
const SAMPLE = new URL('examples/sample/', ROOT);
const IMAGES = 200;
const VARIANTS = 4;

export interface CliResult {
  readonly engine: 'augkit' | 'opencv';
  /** augkit's --workers, or the number of OpenCV processes splitting the folder. */
  readonly parallel: number;
  readonly images: number;
  readonly seconds: number;
  readonly imagesPerSecond: number;
  /** augkit only: of the run's own time (its summary's `seconds`), the part spent decode-checking the sources. */
  readonly checkSeconds?: number;
  readonly runSeconds?: number;
}

/**
 * 200 JPEGs of 1024×768 (quality 90, 4:2:0) in two class folders: the sample photos stretched to 1024×768,
 * each also mirrored and tilted by a few degrees so that no two files are alike.
 */
export function generateFolder(dir: string): void {
  const sources = readdirSync(SAMPLE, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(jpe?g|png)$/i.test(file))
    .sort()
    .map((file) => resize(decode(readFileSync(new URL(file, SAMPLE))), 1024, 768, { antialias: true }));
  for (const cls of ['a', 'b']) mkdirSync(join(dir, cls), { recursive: true });
  for (let i = 0; i < IMAGES; i++) {
    const round = Math.floor(i / sources.length);
    const base = sources[i % sources.length]!;
    const img = rotate(round % 2 ? flipHorizontal(base) : base, round - 7);
    writeFileSync(join(dir, i % 2 ? 'a' : 'b', `img_${String(i).padStart(3, '0')}.jpg`), encodeJpeg(img, { quality: 90 }));
  }
}

function augkitRun(input: string, output: string, workers: number): CliResult {
  const args = ['augment', input, '--out', output, '--size', '400x400', '--recipe', fileURLToPath(RECIPE), '--variants',
    String(VARIANTS), '--png-level', '1', '--workers', String(workers), '--seed', '1', '--json'];
  const start = performance.now();
  const run = spawnSync(process.execPath, [fileURLToPath(CLI), ...args], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`the CLI failed with ${workers} worker(s): ${run.stderr || run.stdout}`);
  const summary = JSON.parse(run.stdout) as { written: number; seconds: number; checkSeconds: number };
  return {
    engine: 'augkit', parallel: workers, images: summary.written, seconds, imagesPerSecond: summary.written / seconds,
    checkSeconds: summary.checkSeconds, runSeconds: summary.seconds,
  };
}

/** `processes` OpenCV loops at once, each over its share of the files; wall time until the last one ends. */
async function opencvRun(input: string, output: string, processes: number): Promise<CliResult> {
  const start = performance.now();
  const counts = await Promise.all(
    Array.from({ length: processes }, (_, index) => new Promise<number>((resolve, reject) => {
      const child = spawn(PYTHON, [fileURLToPath(OPENCV_LOOP), input, output, String(index), String(processes)]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve((JSON.parse(stdout) as { images: number }).images);
        else reject(new Error(`the OpenCV loop failed: ${stderr}`));
      });
    })),
  );
  const seconds = (performance.now() - start) / 1000;
  const images = counts.reduce((sum, n) => sum + n, 0);
  return { engine: 'opencv', parallel: processes, images, seconds, imagesPerSecond: images / seconds };
}

function opencvMissing(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  const probe = spawnSync(PYTHON, ['-c', 'import cv2'], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : 'python3-opencv is not installed (apt-get install python3-opencv)';
}

export async function runCliBench(log: (message: string) => void): Promise<CliResult[]> {
  if (!existsSync(CLI)) {
    log('cli: skipped (run npm run build first: dist/cli/bin.js is missing)');
    return [];
  }
  const missing = opencvMissing();
  if (missing) log(`cli: the OpenCV-python side skipped (${missing})`);
  const root = fileURLToPath(new URL('out/bench/cli/', ROOT));
  rmSync(root, { recursive: true, force: true });
  const input = join(root, 'in');
  generateFolder(input);
  const results: CliResult[] = [];
  for (const parallel of [1, 2]) {
    if (!missing) results.push(await opencvRun(input, join(root, `opencv-${parallel}`), parallel));
    results.push(augkitRun(input, join(root, `augkit-${parallel}`), parallel));
  }
  rmSync(root, { recursive: true, force: true });
  return results;
}

export function cliTable(results: readonly CliResult[]): string {
  const opencv = (parallel: number) => results.find((r) => r.engine === 'opencv' && r.parallel === parallel);
  return [
    '| run | images | seconds | images/s | augkit ÷ OpenCV | decode-check of the sources before planning |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => {
      const name = r.engine === 'augkit' ? `augkit augment --workers ${r.parallel}` : `OpenCV-python, ${r.parallel} process${r.parallel > 1 ? 'es' : ''}`;
      const peer = opencv(r.parallel);
      const ratio = r.engine === 'augkit' && peer ? `${(r.imagesPerSecond / peer.imagesPerSecond).toFixed(2)}×` : '';
      const check = r.checkSeconds !== undefined && r.runSeconds
        ? `${r.checkSeconds.toFixed(2)} s (${((100 * r.checkSeconds) / r.runSeconds).toFixed(0)} % of the run)` : '';
      return `| ${name} | ${r.images} | ${r.seconds.toFixed(2)} | ${r.imagesPerSecond.toFixed(1)} | ${ratio} | ${check} |`;
    }),
  ].join('\n');
}
