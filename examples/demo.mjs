// Augments the bundled sample photos into out/: each image is decoded (EXIF orientation applied),
// resized to 400×400, flipped, rotated by a seeded random angle and salt-and-peppered, then
// written as PNG. Run with `npm run demo`; the same seed gives the same files every time.
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encodePng, flipHorizontal, resize, rotate, saltAndPepper } from 'augkit';

const root = dirname(fileURLToPath(import.meta.url));
const input = join(root, 'sample');
const output = join(root, '..', 'out');
const SEED = 2026;

/** mulberry32: a tiny seeded generator, enough to pick demo parameters reproducibly. */
function random(seed) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), t | 1);
    r ^= r + Math.imul(r ^ (r >>> 7), r | 61);
    return ((r ^ (r >>> 14)) >>> 0) / 2 ** 32;
  };
}

async function* images(dir) {
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* images(path);
    else if (/\.(png|jpe?g)$/i.test(entry.name)) yield path;
  }
}

/** Writes next to the target, then renames: a reader never sees a half-written file. */
async function writeAtomically(path, bytes) {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, path);
}

let index = 0;
const started = performance.now();
for await (const path of images(input)) {
  const t0 = performance.now();
  const next = random(SEED + index++);
  const source = decode(await readFile(path));
  const degrees = Math.round((next() * 60 - 30) * 10) / 10;
  const amount = Math.round(next() * 50) / 1000;
  const seed = Math.floor(next() * 2 ** 32);
  const flipped = flipHorizontal(resize(source, 400, 400, { antialias: true }));
  const noisy = saltAndPepper(rotate(flipped, degrees), { amount, seed });
  const name = relative(input, path);
  const target = join(output, dirname(name), `${basename(name, extname(name))}.png`);
  await writeAtomically(target, encodePng(noisy));
  const ms = (performance.now() - t0).toFixed(0).padStart(3);
  console.log(
    `${name.padEnd(22)} ${`${source.width}×${source.height}`.padStart(9)} → ${relative(process.cwd(), target).padEnd(26)}` +
      ` 400×400  flipH  rotate ${degrees.toFixed(1).padStart(5)}°  s&p ${(amount * 100).toFixed(1)}% seed ${seed}  ${ms} ms`,
  );
}
console.log(`${index} images in ${((performance.now() - started) / 1000).toFixed(2)} s → ${relative(process.cwd(), output)}/`);
