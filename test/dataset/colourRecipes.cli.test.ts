// The colour, filter, noise, erasing and JPEG transforms come to every recipe user from the catalogue: a
// recipe file with them runs in `augkit augment` (manifests record the concrete ops, which replay to the
// written bytes), in `augkit preview` (the contact sheet) and in flowFromDirectory.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowFromDirectory, type Batch } from '../../src/dataset/flow.js';
import { decode, parseRecipe, replay, resize, type AppliedOp } from '../../src/index.js';
import { CLI_TIMEOUT, readManifest, runCli, SAMPLE, tempDir } from '../helpers/cli.js';
import { bytesEqual } from '../helpers/images.js';

const RECIPE = {
  name: 'colour',
  steps: [
    { op: 'colorJitter', brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1 },
    { op: 'randomGrayscale', p: 0.2 },
    { op: 'randomGaussianBlur', sigma: [0.1, 1.5], p: 0.5 },
    { op: 'randomGaussianNoise', std: [0, 10], p: 0.5 },
    { op: 'randomErasing', value: 'noise', p: 0.5 },
    { op: 'randomPosterize', bits: 4, p: 0.3 },
  ],
};

function recipeFile(): string {
  const path = join(tempDir(), 'colour.json');
  writeFileSync(path, JSON.stringify(RECIPE));
  return path;
}

describe('colour transforms in the CLI', { timeout: CLI_TIMEOUT }, () => {
  it('augment: the manifest records the concrete colour ops, and replaying them on the resized original gives the written image', () => {
    const out = join(tempDir(), 'out');
    const r = runCli(['augment', SAMPLE, '--out', out, '--recipe', recipeFile(), '--size', '48x32', '--seed', '3', '--format', 'png', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const manifest = readdirSync(out, { recursive: true }).map(String).find((f) => f.endsWith('manifest.jsonl'))!;
    const records = readManifest(join(out, manifest)).filter((rec) => rec.variant !== null);
    expect(records.length).toBeGreaterThan(0);
    const ops = new Set(records.flatMap((rec) => (rec.applied as AppliedOp[]).map((op) => op.op)));
    expect(ops).toContain('adjustHue');
    const rec = records[0]!;
    const original = resize(decode(readFileSync(join(SAMPLE, rec.source as string))), 48, 32, { antialias: true });
    const written = decode(readFileSync(join(out, manifest, '..', rec.file as string)));
    expect(bytesEqual(replay(original, rec.applied as AppliedOp[]).data, written.data)).toBe(true);
  });

  it('preview: a contact sheet of variants, each listing the ops it applied', () => {
    const sheet = join(tempDir(), 'sheet.png');
    const r = runCli(['preview', join(SAMPLE, 'cat/cat_01.jpg'), '--recipe', recipeFile(), '-n', '4', '--seed', '5', '--tile', '64', '--out', sheet, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const { variants } = JSON.parse(r.stdout) as { variants: { applied: AppliedOp[] }[] };
    expect(variants).toHaveLength(4);
    expect(variants.every((v) => v.applied.some((op) => op.op.startsWith('adjust')))).toBe(true);
    expect(decode(readFileSync(sheet)).width).toBeGreaterThan(64);
  });
});

describe('colour transforms in flowFromDirectory', { timeout: 60_000 }, () => {
  it('augments the batch with the recipe, deterministically for a seed', async () => {
    const collect = async (recipe?: ReturnType<typeof parseRecipe>) => {
      const batches: Batch[] = [];
      for await (const b of flowFromDirectory(SAMPLE, { size: { width: 24, height: 16 }, workers: 0, batchSize: 15, seed: 4, ...(recipe && { recipe }) })) batches.push(b);
      return batches[0]!;
    };
    const recipe = parseRecipe(RECIPE);
    const [a, b, plain] = [await collect(recipe), await collect(recipe), await collect()];
    expect(Buffer.from(a.images.buffer).equals(Buffer.from(b.images.buffer))).toBe(true);
    expect(a.paths).toEqual(plain.paths);
    expect(Buffer.from(a.images.buffer).equals(Buffer.from(plain.images.buffer))).toBe(false);
  });
});
