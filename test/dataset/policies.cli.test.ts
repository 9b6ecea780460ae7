// The policies reach every recipe user through the catalogue, with no code of their own in the CLI or the
// dataset: `augkit augment` writes manifests whose records replay to the written bytes, `augkit preview` lists
// the drawn ops, and flowFromDirectory augments batches deterministically.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowFromDirectory, type Batch } from '../../src/dataset/flow.js';
import { decode, parseRecipe, replay, resize, type AppliedOp } from '../../src/index.js';
import { CLI_TIMEOUT, readManifest, RECIPES, runCli, SAMPLE, tempDir } from '../helpers/cli.js';
import { bytesEqual } from '../helpers/images.js';

const RECIPE = join(RECIPES, 'randaugment.json');

describe('policies in the CLI', { timeout: CLI_TIMEOUT }, () => {
  it('augment with randAugment: every record replays on the resized original to the written image', () => {
    const out = join(tempDir(), 'out');
    const r = runCli(['augment', SAMPLE, '--out', out, '--recipe', RECIPE, '--size', '40x30', '--seed', '8', '--format', 'png', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const manifest = readdirSync(out, { recursive: true }).map(String).find((f) => f.endsWith('manifest.jsonl'))!;
    const records = readManifest(join(out, manifest)).filter((rec) => rec.variant !== null);
    expect(records.length).toBeGreaterThan(0);
    for (const rec of records.slice(0, 5)) {
      const original = resize(decode(readFileSync(join(SAMPLE, rec.source as string))), 40, 30, { antialias: true });
      const written = decode(readFileSync(join(out, manifest, '..', rec.file as string)));
      expect(bytesEqual(replay(original, rec.applied as AppliedOp[]).data, written.data), rec.file as string).toBe(true);
    }
  });

  it('preview with autoAugment: each variant lists the ops its sub-policy applied', () => {
    const recipe = join(tempDir(), 'auto.json');
    writeFileSync(recipe, JSON.stringify({ name: 'auto', steps: [{ op: 'autoAugment', policy: 'svhn' }] }));
    const sheet = join(tempDir(), 'sheet.png');
    const r = runCli(['preview', join(SAMPLE, 'cat/cat_01.jpg'), '--recipe', recipe, '-n', '6', '--seed', '2', '--tile', '64', '--out', sheet, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const { variants } = JSON.parse(r.stdout) as { variants: { applied: AppliedOp[] }[] };
    expect(variants).toHaveLength(6);
    expect(variants.every((v) => v.applied.length <= 2)).toBe(true);
  });
});

describe('policies in flowFromDirectory', { timeout: 60_000 }, () => {
  it('trivialAugmentWide augments the batch, the same for the same seed', async () => {
    const first = async (recipe?: ReturnType<typeof parseRecipe>) => {
      for await (const b of flowFromDirectory(SAMPLE, { size: { width: 24, height: 16 }, workers: 0, batchSize: 15, seed: 6, ...(recipe && { recipe }) })) return b;
      throw new Error('no batch');
    };
    const recipe = parseRecipe({ name: 'wide', steps: [{ op: 'trivialAugmentWide' }] });
    const [a, b, plain]: Batch[] = [await first(recipe), await first(recipe), await first()];
    expect(Buffer.from(a.images.buffer).equals(Buffer.from(b.images.buffer))).toBe(true);
    expect(a.paths).toEqual(plain.paths);
    expect(Buffer.from(a.images.buffer).equals(Buffer.from(plain.images.buffer))).toBe(false);
  });
});
