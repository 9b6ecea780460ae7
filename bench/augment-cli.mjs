// Throughput of `augkit augment` on the bundled sample set: 400×400 PNG output, flips+rotation+noise,
// --variants 3 (15 originals + 45 augmented = 60 files per run), each configuration run several times;
// prints the median images/s (files written / wall time of the whole command, process start included).
// Usage: npm run build && node bench/augment-cli.mjs [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist/cli/bin.js');
const runs = Number(process.argv[2] ?? 5);
const configs = [
  { workers: 1, level: 1 },
  { workers: 2, level: 1 },
  { workers: 1, level: 0 },
  { workers: 2, level: 0 },
];

function once({ workers, level }) {
  const out = join(mkdtempSync(join(tmpdir(), 'augkit-bench-')), 'out');
  const started = performance.now();
  const r = spawnSync(process.execPath, [bin, 'augment', join(root, 'examples/sample'), '--out', out,
    '--recipe', join(root, 'examples/recipes/flips-rotation-noise.json'), '--variants', '3', '--size', '400x400',
    '--workers', String(workers), '--png-level', String(level), '--json'], { encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(r.stderr);
  const summary = JSON.parse(r.stdout);
  rmSync(out, { recursive: true, force: true });
  return { wall: summary.written / wall, inside: summary.imagesPerSecond };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${runs} runs each`);
for (const config of configs) {
  const results = Array.from({ length: runs }, () => once(config));
  console.log(
    `workers ${config.workers}  png level ${config.level}:  ${median(results.map((r) => r.wall)).toFixed(1)} images/s ` +
      `(command wall time), ${median(results.map((r) => r.inside)).toFixed(1)} images/s (augment() call)`,
  );
}
