// `jpeg: 'libjpeg'` through augment (API, plan and `--jpeg` flag): the original written is the
// source decoded in that mode, not in the default one; the job record names the mode only when it is not
// the default; a bad flag value is a usage error.
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { augment, augmentFromPlan, makePlan } from '../../src/dataset/index.js';
import { decode } from '../../src/index.js';
import { CLI_TIMEOUT, runCli, SAMPLE, tempDir } from '../helpers/cli.js';

/** A one-class, one-image input folder (the sample's first cat, a 4:2:0 JPEG). */
function oneCat(): { input: string; source: Uint8Array } {
  const input = join(tempDir(), 'data');
  mkdirSync(join(input, 'cat'), { recursive: true });
  cpSync(join(SAMPLE, 'cat/cat_01.jpg'), join(input, 'cat/cat_01.jpg'));
  return { input, source: new Uint8Array(readFileSync(join(input, 'cat/cat_01.jpg'))) };
}

const original = (out: string) => decode(new Uint8Array(readFileSync(join(out, 'train/cat/cat_01.png'))));

describe("augment with jpeg: 'libjpeg'", { timeout: CLI_TIMEOUT }, () => {
  it('writes the source decoded as libjpeg does, and records the mode in the job', async () => {
    const { input, source } = oneCat();
    const out = join(tempDir(), 'out');
    await augment({ input, out, variants: 0, workers: 1, jpeg: 'libjpeg' });
    const libjpeg = decode(source, { jpeg: 'libjpeg' });
    expect(original(out).data).toEqual(libjpeg.data);
    expect(libjpeg.data).not.toEqual(decode(source).data);
    expect(JSON.parse(readFileSync(join(out, '.augkit-job.json'), 'utf8'))).toMatchObject({ jpeg: 'libjpeg' });
    const defaultOut = join(tempDir(), 'out');
    await augment({ input, out: defaultOut, variants: 0, workers: 1 });
    expect(original(defaultOut).data).toEqual(decode(source).data);
    expect(JSON.parse(readFileSync(join(defaultOut, '.augkit-job.json'), 'utf8'))).not.toHaveProperty('jpeg');
  });

  it('is kept in a plan, whose shards then decode in that mode', async () => {
    const { input, source } = oneCat();
    const plan = await makePlan({ input, variants: 0, workers: 1, jpeg: 'libjpeg' });
    expect(plan.body.options.jpeg).toBe('libjpeg');
    expect((await makePlan({ input, variants: 0, workers: 1 })).body.options).not.toHaveProperty('jpeg');
    const out = join(tempDir(), 'out');
    await augmentFromPlan({ plan, out, workers: 1 });
    expect(original(out).data).toEqual(decode(source, { jpeg: 'libjpeg' }).data);
  });

  it('takes --jpeg on the command line, and refuses another value', () => {
    const { input, source } = oneCat();
    const out = join(tempDir(), 'out');
    const ok = runCli(['augment', input, '--out', out, '--variants', '0', '--workers', '1', '--jpeg', 'libjpeg']);
    expect(ok.stderr).toBe('');
    expect(original(out).data).toEqual(decode(source, { jpeg: 'libjpeg' }).data);
    const bad = runCli(['augment', input, '--out', join(tempDir(), 'out'), '--jpeg', 'pillow']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--jpeg expects jpeg-js or libjpeg, not "pillow"');
  });
});
