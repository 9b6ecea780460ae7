// Every ```js / ```ts block of README.md and docs/ runs against the built package (npm run build first):
// each one as its own ES module, in a scratch folder that holds the repository's examples/ (the sample photos
// and recipes; `data` is the sample set, flips.json and flips-rotation-noise.json the example recipes), with @tensorflow/tfjs' pure-JS backend. Blocks marked `no-run` are counted, not run.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { allCodeBlocks, runnableModule } from './codeBlocks.js';

const ROOT = join(import.meta.dirname, '../..');
const blocks = allCodeBlocks(ROOT);
const exported = Object.keys(await import(join(ROOT, 'dist/index.js')));
const runnable = blocks.filter((b) => b.runs);
// the modules live inside the repository so that bare imports (@tensorflow/tfjs, pngjs) resolve from node_modules
const modules = join(ROOT, 'out/docs-blocks');
const scratch = mkdtempSync(join(tmpdir(), 'augkit-docs-'));
// what the snippets name: examples/, `data` (a class-per-folder set: the sample photos) and the example recipes
symlinkSync(join(ROOT, 'examples'), join(scratch, 'examples'));
symlinkSync(join(ROOT, 'examples/sample'), join(scratch, 'data'));
for (const recipe of ['flips.json', 'flips-rotation-noise.json']) symlinkSync(join(ROOT, 'examples/recipes', recipe), join(scratch, recipe));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('code blocks of README.md and docs/', () => {
  it('are found, and the ones that cannot run are marked no-run', () => {
    expect(existsSync(join(ROOT, 'dist/index.js')), 'run npm run build first').toBe(true);
    console.log(`${blocks.length} js/ts blocks: ${runnable.length} run, ${blocks.length - runnable.length} marked no-run`);
    expect(runnable.length).toBeGreaterThan(0);
  });

  it.each(runnable.map((b) => [b.where, b] as const))('%s runs', async (where, block) => {
    mkdirSync(modules, { recursive: true });
    const file = join(modules, `${where.replace(/[^\w.-]/g, '_')}.mjs`);
    writeFileSync(file, runnableModule(block, ROOT, exported));
    await promisify(execFile)(process.execPath, [file], { cwd: scratch, timeout: 60_000 }).catch((e: Error & { stderr?: string }) => {
      throw new Error(`${where} failed:\n${e.stderr ?? e.message}`);
    });
  }, 90_000);
});
