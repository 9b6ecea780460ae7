// issue 10, item 4: augment's and inspect's options objects name typos and wrong types
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { augment, inspect, loadRecipe, type AugmentOptions } from '../../src/dataset/index.js';
import { AugkitError } from '../../src/index.js';
import { CLI_TIMEOUT, RECIPES, SAMPLE, tempDir } from '../helpers/cli.js';

/** The AugkitError an async call rejects with (or a failure naming what it did instead). */
async function rejection(promise: Promise<unknown>): Promise<AugkitError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AugkitError) return e;
    throw new Error(`expected an AugkitError, got ${String(e)}`);
  }
  throw new Error('expected a rejection');
}

const base = () => ({ input: SAMPLE, out: join(tempDir(), 'out'), dryRun: true });
const loose = (options: Record<string, unknown>) => augment(options as unknown as AugmentOptions);

describe('augment options', { timeout: CLI_TIMEOUT }, () => {
  it('an unknown key is refused, naming the closest option', async () => {
    const e = await rejection(loose({ ...base(), sizes: { width: 64, height: 64 } }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/^Unknown option `sizes` for augment options: did you mean `size`\?/);
    expect((await rejection(loose({ ...base(), sead: 1 }))).message).toMatch(/did you mean `seed`/);
    expect((await rejection(loose({ ...base(), size: { width: 8, heigth: 8 } }))).message).toMatch(/Unknown option `heigth` for size: did you mean `height`/);
  });

  it('a recipe file name instead of a recipe says to load it first', async () => {
    const e = await rejection(loose({ ...base(), recipes: ['flips.json'] }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/for recipes\[0\] but received "flips\.json" of type string: .*loadRecipe\("flips\.json"\)/);
    const json = await rejection(loose({ ...base(), recipes: [{ name: 'x', steps: [] }] }));
    expect(json.message).toMatch(/parseRecipe/);
  });

  it('wrong types are AugkitErrors naming the option', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ size: [64, 64] }, /for size but received an array/],
      [{ classes: 'cat' }, /for classes but received "cat"/],
      [{ shard: '0/2' }, /for shard but received "0\/2"/],
      [{ format: 'gif' }, /for format but received "gif"/],
      [{ onProgress: true }, /a function for onProgress/],
      [{ workers: '2' }, /for workers but received "2"/],
      [{ jpeg: 'pillow' }, /"jpeg-js" or "libjpeg" for jpeg but received "pillow"/],
    ];
    for (const [options, message] of cases) {
      const e = await rejection(loose({ ...base(), ...options }));
      expect([e.code, e.message]).toEqual(['INVALID_ARGUMENT', expect.stringMatching(message)]);
    }
  });

  it("format 'jpeg' is taken as 'jpg'; options without effect are warned about", async () => {
    const summary = await augment({ ...base(), recipes: [await loadRecipe(join(RECIPES, 'flips.json'))], format: 'jpeg', pngLevel: 3, workers: 1 });
    expect(summary.warnings).toEqual(['pngLevel 3 has no effect: it applies to PNG output, and the format is jpg']);
    const png = await augment({ ...base(), quality: 80, workers: 1 });
    expect(png.warnings).toEqual(['quality 80 has no effect: it applies to JPEG output, and the format is png']);
  });
});

describe('inspect options', () => {
  it('an unknown key is refused, naming the closest option', async () => {
    const e = await rejection(inspect(SAMPLE, { worker: 2 } as never));
    expect(e.message).toMatch(/^Unknown option `worker` for inspect options: did you mean `workers`\?/);
  });
});
