// Inputs that once failed, kept as fixtures: test/fixtures/fuzz-regressions/manifest.json lists each file
// with how it was made, what went wrong at the time, and (once fixed) the outcome it must now have.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { DecodeOptions } from '../../src/index.js';
import type { Failure } from './engine.js';

export interface Regression {
  /** File name inside test/fixtures/fuzz-regressions/. */
  readonly file: string;
  /** The corpus file it was made from, and how (mutation steps), or how it was crafted. */
  readonly source: string;
  readonly steps: readonly string[];
  /** The fuzzer seed, when it came from one (-1 for boundary truncations and crafted files). */
  readonly seed: number;
  readonly options: DecodeOptions;
  /** What was wrong when it was found. */
  readonly found: string;
  /** The outcome it must have now: `image` or an error code. Absent until the bug is fixed. */
  readonly expect?: string;
}

const DIR = new URL('../fixtures/fuzz-regressions/', import.meta.url);
const MANIFEST = new URL('manifest.json', DIR);

export function loadRegressions(): Regression[] {
  if (!existsSync(MANIFEST)) return [];
  return (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { cases: Regression[] }).cases;
}

export function regressionBytes(regression: Regression): Uint8Array {
  return new Uint8Array(readFileSync(new URL(regression.file, DIR)));
}

function extension(bytes: Uint8Array): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpg';
  return 'bin';
}

/**
 * Writes a failing input and its manifest entry (without `expect`, to be added once the bug is fixed) and
 * returns the file name: `<source>-seed<N>` or `<source>-cut<length>` unless `name` is given.
 */
export function saveRegression({ fuzzCase, options, problems }: Failure, name?: string): string {
  const base = fuzzCase.source.replace(/^.*\//, '').replace(/\.[a-z]+$/, '');
  const tag = fuzzCase.seed >= 0 ? `seed${fuzzCase.seed}` : `cut${fuzzCase.bytes.length}`;
  const file = `${name ?? `${base}-${tag}`}.${extension(fuzzCase.bytes)}`;
  writeFileSync(new URL(file, DIR), fuzzCase.bytes);
  const cases = loadRegressions().filter((r) => r.file !== file);
  cases.push({ file, source: fuzzCase.source, steps: fuzzCase.steps, seed: fuzzCase.seed, options, found: problems.join('; ') });
  writeFileSync(MANIFEST, `${JSON.stringify({ cases }, null, 2)}\n`);
  return file;
}
