import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTask } from '../../src/dataset/task.js';
import { encodePng } from '../../src/index.js';
import { tempDir } from '../helpers/cli.js';
import { randomImage } from '../helpers/images.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('a source that fails part-way leaves no file', () => {
  it('outputs written before the failure, and complete ones from an earlier run, are removed with it', async () => {
    const dir = tempDir();
    made.push(dir);
    const source = join(dir, 'x.png');
    writeFileSync(source, encodePng(randomImage(8, 6)));
    const earlier = join(dir, 'out/x.png');
    mkdirSync(dirname(earlier));
    writeFileSync(earlier, 'complete from an earlier run');
    const result = await runTask({
      kind: 'augment',
      index: 0,
      fsPath: source,
      baseOps: [],
      outputs: [
        { path: earlier, ops: [] },
        { path: join(dir, 'out/x_v1.png'), ops: [{ op: 'flipHorizontal' }] },
        // over the pixel limit: TOO_LARGE after x_v1.png is written
        { path: join(dir, 'out/x_v2.png'), ops: [{ op: 'resize', width: 60000, height: 60000, antialias: false }] },
      ],
      encode: { format: 'png', quality: 90, pngLevel: 1 },
      resume: true,
    });
    expect(result).toMatchObject({ written: 0, existing: 0, failure: { code: 'TOO_LARGE' } });
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });
});
