// `npm run bench:flow`: flowFromDirectory against torchvision's DataLoader, side by side in one run.
// 200 JPEGs of 1024×768 (bench/cli.bench.ts's folder) → 224×224 float batches of 32 with a random
// horizontal flip and a rotation of up to ±20° (bilinear on both sides), 1 and 2 workers each, two epochs
// each: the first includes worker start-up (and augkit's folder scan, where torchvision's ImageFolder scans
// before the clock starts); the next runs on the same, warm workers (augkit: `flow.epoch(1)` after
// `flow.epoch(0)` on the same Flow; torchvision: `persistent_workers=True`), as every epoch after the first of
// a training loop does. The runs repeat ROUNDS times (default 3; `-- 5` for five), interleaved, and the table
// gives each run's median (and its range): a shared machine's speed drifts by tens of percent within a minute,
// so one epoch each says little. CPU ms per image (all threads or processes of a loader) moves less with what
// else runs than images/s does, but it too changes when the host slows. torchvision (Debian: apt-get install
// python3-torchvision) runs bench/torchvision_loader.py with /usr/bin/python3; without it that side is skipped
// with a message.
// The flow is loaded from dist/ (its worker threads run the compiled dist/dataset/flowWorker.cjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFolder } from './cli.bench.js';
import { ROOT } from './lib/root.js';

interface Row {
  readonly loader: string;
  readonly workers: number;
  /** 1: the first epoch (worker start-up included); 2: the next, on the same workers. */
  readonly epoch: number;
  readonly images: number;
  readonly imagesPerSecond: number;
  /** CPU time of every thread or process of the loader (worker start-up included), per image. */
  readonly cpuMsPerImage: number;
}

const PYTHON = '/usr/bin/python3';
const WORKERS = [1, 2];
const EPOCHS = [1, 2];
const ROUNDS = Number(process.argv[2] ?? 3);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error(`rounds: expected a positive integer, got ${process.argv[2]}`);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const root = mkdtempSync(join(tmpdir(), 'augkit-flow-bench-'));
try {
  const input = join(root, 'in');
  generateFolder(input);
  const node = (await import(new URL('dist/dataset/index.js', ROOT).href)) as typeof import('../src/dataset/index.js');
  const augkit = (await import(new URL('dist/index.js', ROOT).href)) as typeof import('../src/index.js');
  const recipe = augkit.parseRecipe({ name: 'flip-rotation', steps: [{ op: 'randomFlip', horizontal: 0.5 }, { op: 'randomRotation', degrees: 20 }] });
  const loadBefore = loadavg()[0]!;
  const rows: Row[] = [];
  let torchSkipped: string | undefined = existsSync(PYTHON) ? undefined : `no ${PYTHON}`;
  // each worker count's two loaders run back to back, so that both see the same load on a shared machine
  for (let round = 0; round < ROUNDS; round++) {
    for (const workers of WORKERS) {
      const flow = node.flowFromDirectory(input, { size: { width: 224, height: 224 }, batchSize: 32, recipe, workers, seed: 1 });
      for (const epoch of EPOCHS) {
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        let images = 0;
        for await (const batch of flow.epoch(epoch - 1)) images += batch.shape[0];
        const seconds = (performance.now() - start) / 1000;
        // process.cpuUsage counts every thread of the process: the worker threads' time too
        const cpu = process.cpuUsage(cpuStart);
        rows.push({ loader: 'augkit flowFromDirectory', workers, epoch, images, imagesPerSecond: images / seconds, cpuMsPerImage: (cpu.user + cpu.system) / 1000 / images });
      }
      await flow.close();
      if (torchSkipped !== undefined) continue;
      const torch = spawnSync(PYTHON, [new URL('bench/torchvision_loader.py', ROOT).pathname, input, String(workers), String(EPOCHS.length)], { encoding: 'utf8' });
      if (torch.status === 0) {
        for (const line of torch.stdout.trim().split('\n')) {
          const run = JSON.parse(line) as Omit<Row, 'loader' | 'cpuMsPerImage'> & { cpuSeconds: number };
          rows.push({ loader: 'torchvision DataLoader', ...run, cpuMsPerImage: (run.cpuSeconds * 1000) / run.images });
        }
      }
      else torchSkipped = torch.stderr.trim().split('\n').pop();
    }
  }
  if (torchSkipped !== undefined) console.error(`torchvision: skipped (${torchSkipped}; apt-get install python3-torchvision)`);
  const runs = (loader: string, workers: number, epoch: number) => rows.filter((r) => r.loader === loader && r.workers === workers && r.epoch === epoch);
  const rate = (loader: string, workers: number, epoch: number) => median(runs(loader, workers, epoch).map((r) => r.imagesPerSecond));
  console.log(`node ${process.version}, ${ROUNDS} rounds, 1-minute load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after (a shared machine)\n`);
  console.log('| loader | epoch | workers | images | images/s, median (range) | × torchvision, same epoch and workers | × its 1 worker | CPU ms per image, median |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const loaders = [...new Set(rows.map((r) => r.loader))].sort();
  const epochName = (epoch: number) => (epoch === 1 ? 'first' : 'next');
  for (const loader of loaders) {
    for (const epoch of EPOCHS) {
      for (const workers of WORKERS) {
        const own = runs(loader, workers, epoch);
        // torchvision may have failed, and been skipped from then on, before this count's first run
        if (own.length === 0) continue;
        const rates = own.map((r) => r.imagesPerSecond);
        const torch = runs('torchvision DataLoader', workers, epoch).length > 0 ? rate('torchvision DataLoader', workers, epoch) : undefined;
        const vsTorch = loader.startsWith('augkit') && torch !== undefined ? (rate(loader, workers, epoch) / torch).toFixed(2) : '';
        const range = `${Math.min(...rates).toFixed(1)}–${Math.max(...rates).toFixed(1)}`;
        const cpu = median(own.map((r) => r.cpuMsPerImage)).toFixed(2);
        console.log(`| ${loader} | ${epochName(epoch)} | ${workers} | ${own[0]!.images} | ${rate(loader, workers, epoch).toFixed(1)} (${range}) | ${vsTorch} | ${(rate(loader, workers, epoch) / rate(loader, 1, epoch)).toFixed(2)} | ${cpu} |`);
      }
    }
  }
  // the same-round ratios: a round's runs follow each other within seconds, so they share the machine's speed
  // (a round's 1-worker run comes first, so every 2-worker run has its partner)
  const perRound = (loader: string, epoch: number) => runs(loader, 2, epoch).map((two, i) => two.imagesPerSecond / runs(loader, 1, epoch)[i]!.imagesPerSecond);
  for (const loader of loaders) {
    for (const epoch of EPOCHS) {
      const ratios = perRound(loader, epoch);
      console.log(`\n${loader}, ${epochName(epoch)} epoch, 2 workers ÷ 1 worker per round: ${ratios.map((x) => x.toFixed(2)).join(', ')} (median ${median(ratios).toFixed(2)})`);
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
