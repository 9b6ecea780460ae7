// issue 10, item 3: byte-identical images stay in one split; inspect reports them and near-duplicates
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { differenceHash, hashDistance, NEAR_DUPLICATE_BITS } from '../../src/dataset/fingerprint.js';
import { decode, encodePng, resize, rotate } from '../../src/index.js';
import { CLI_TIMEOUT, copySample, readManifest, runCli, SAMPLE, tempDir } from '../helpers/cli.js';
import { randomImage } from '../helpers/images.js';

describe('differenceHash', () => {
  const photo = decode(readFileSync(join(SAMPLE, 'coffee/coffee_02.jpg')));

  it('moves by at most a few bits when an image is resized or re-encoded', () => {
    const smaller = resize(photo, Math.round(photo.width * 0.7), Math.round(photo.height * 0.7), { antialias: true });
    expect(hashDistance(differenceHash(photo), differenceHash(smaller))).toBeLessThanOrEqual(NEAR_DUPLICATE_BITS);
    expect(hashDistance(differenceHash(photo), differenceHash(decode(encodePng(photo))))).toBe(0);
  });

  it('differs in many bits between unrelated images and under a half turn', () => {
    expect(hashDistance(differenceHash(photo), differenceHash(randomImage(64, 48, 5)))).toBeGreaterThan(NEAR_DUPLICATE_BITS);
    expect(hashDistance(differenceHash(photo), differenceHash(rotate(photo, 180)))).toBeGreaterThan(NEAR_DUPLICATE_BITS);
  });

  it('is 16 hex digits and hashDistance counts differing bits', () => {
    expect(differenceHash(photo)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(hashDistance('8000000000000001', '0000000000000000')).toBe(2);
  });
});

describe('exact duplicates stay in one split (issue 10, item 3)', { timeout: CLI_TIMEOUT }, () => {
  // every cat image twice, the copy in a sub-folder: a split of 16 that ignored the copies would part some pairs
  const data = copySample();
  mkdirSync(join(data, 'cat', 'copies'));
  for (const name of readdirSync(join(SAMPLE, 'cat'))) copyFileSync(join(SAMPLE, 'cat', name), join(data, 'cat', 'copies', name));
  // and one across classes
  copyFileSync(join(SAMPLE, 'rocket/rocket_01.jpg'), join(data, 'coffee', 'rocket_01.jpg'));
  const photo = decode(readFileSync(join(SAMPLE, 'coffee/coffee_02.jpg')));
  writeFileSync(join(data, 'coffee', 'coffee_02_small.png'), encodePng(resize(photo, 300, 200, { antialias: true })));

  it('augment puts each group of byte-identical files in one split, and says so', () => {
    for (const seed of ['1', '2', '3']) {
      const out = join(tempDir(), `out-${seed}`);
      const r = runCli(['augment', data, '--out', out, '--split', 'train=0.5,val=0.25,test=0.25', '--size', '16x16', '--variants', '0', '--seed', seed, '--json']);
      expect(r.status, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout);
      expect(summary.duplicates).toHaveLength(9);
      const splitOf = new Map(readManifest(join(out, 'manifest.jsonl')).map((m) => [m.source as string, m.split as string]));
      for (const group of summary.duplicates as string[][]) expect(new Set(group.map((p) => splitOf.get(p))).size).toBe(1);
    }
    expect(runCli(['augment', data, '--out', join(tempDir(), 'text'), '--size', '16x16', '--dry-run']).stdout).toMatch(
      /18 sources in 9 groups of byte-identical images, each group kept in one split/,
    );
  });

  it('inspect lists the groups and the near-duplicate pair', () => {
    const r = runCli(['inspect', data, '--json']);
    const summary = JSON.parse(r.stdout);
    expect(summary.duplicates).toEqual([
      ...readdirSync(join(SAMPLE, 'cat')).sort().map((n) => [`cat/${n}`, `cat/copies/${n}`]),
      ['coffee/rocket_01.jpg', 'rocket/rocket_01.jpg'],
    ]);
    expect(summary.nearDuplicates).toHaveLength(1);
    expect(summary.nearDuplicates[0]).toMatchObject({ a: 'coffee/coffee_02.jpg', b: 'coffee/coffee_02_small.png' });
    const text = runCli(['inspect', data]).stdout;
    expect(text).toMatch(/9 groups of byte-identical images/);
    expect(text).toMatch(/1 pair of near-duplicates \(dHash at most 8 of 64 bits apart/);
  });

  it('the sample set has neither', () => {
    const summary = JSON.parse(runCli(['inspect', SAMPLE, '--json']).stdout);
    expect([summary.duplicates, summary.nearDuplicates]).toEqual([[], []]);
  });
});
