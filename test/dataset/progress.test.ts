import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean, columns = 100) {
  const writes: string[] = [];
  return { stream: { isTTY, columns, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream, writes };
}

describe('progress bar', () => {
  it('on a TTY shows files done/total, images/s and ETA, and clears itself', () => {
    const { stream, writes } = fakeStream(true);
    const bar = new ProgressBar(stream, 'augment');
    bar.update(3, 12, 30, 2000, true);
    expect(writes.at(-1)).toMatch(/augment \[█+░+\] 3\/12 files · 15\.0 images\/s · ETA 6s/);
    bar.done();
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });

  it('on a narrow terminal keeps the numbers whole (the ETA with its unit) and shrinks or drops the bar', () => {
    for (const columns of [40, 55, 70]) {
      const { stream, writes } = fakeStream(true, columns);
      new ProgressBar(stream, 'augment').update(3, 12, 30, 2000, true);
      const line = writes.at(-1)!.replace('\r', '').replace('\x1b[K', '');
      expect(line).toMatch(/3\/12 files · 15\.0 images\/s · ETA 6s$/);
      expect(line.length).toBeLessThan(columns);
    }
  });

  it('writes nothing when the stream is not a TTY', () => {
    const { stream, writes } = fakeStream(false);
    const bar = new ProgressBar(stream, 'augment');
    bar.update(1, 2, 1, 100, true);
    bar.done();
    expect(writes).toEqual([]);
  });
});
