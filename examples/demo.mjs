// The README walkthrough on the bundled sample set (cat 8, coffee 4, rocket 3 photos), run with the
// built CLI: inspect the folder, preview a recipe as a contact sheet, then build two training sets side
// by side — one per recipe, balanced, with the same validation and test split — into out/.
// Run with `npm run demo` (it builds first). The same seed gives the same files every time.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist/cli/bin.js');

/** Prints `augkit <args>` as a user would type it, runs it, and stops the demo if it fails. */
function augkit(...args) {
  console.log(`\n$ augkit ${args.map((a) => (/[\s+]/.test(a) ? `'${a}'` : a)).join(' ')}`);
  const { status } = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    console.error(`augkit ${args[0]} exited with ${status}`);
    process.exit(status ?? 1);
  }
}

// start from scratch, so that a changed recipe is not refused as "a different job" in the same folder
rmSync(join(root, 'out/augmented'), { recursive: true, force: true });

augkit('inspect', 'examples/sample');
augkit(
  'preview', 'examples/sample/cat/cat_07.jpg', '--recipe', 'examples/recipes/flips-rotation-noise.json',
  '-n', '8', '--tile', '150', '--seed', '2026', '--out', 'out/preview.png',
);
augkit(
  'augment', 'examples/sample', '--out', 'out/augmented',
  '--recipe', 'examples/recipes/flips.json', '--recipe', 'examples/recipes/flips-rotation-noise.json',
  '--balance', '--split', 'train=0.7,val=0.15,test=0.15', '--size', '400x400', '--seed', '2026',
);
