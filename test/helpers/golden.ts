import { readFileSync } from 'node:fs';
import type { RgbaImage } from '../../src/index.js';
import { readPngFixture } from './images.js';

export interface GoldenCase {
  id: string;
  op: 'resize' | 'resizeAntialias' | 'flipHorizontal' | 'flipVertical' | 'rotate';
  params: { width?: number; height?: number; degrees?: number; expand?: boolean; fill?: [number, number, number, number] };
  input: string;
  expected: string;
  expectedSize: [number, number];
  tolerance: { maxAbs: number };
}

const manifest = JSON.parse(
  readFileSync(new URL('../fixtures/golden/manifest.json', import.meta.url), 'utf8'),
) as { cases: GoldenCase[] };

/** Every golden case of one op, as listed in test/fixtures/golden/manifest.json. */
export function goldenCases(op: GoldenCase['op']): GoldenCase[] {
  const cases = manifest.cases.filter((c) => c.op === op);
  if (cases.length === 0) throw new Error(`no golden cases for ${op}`);
  return cases;
}

export function goldenInput(c: GoldenCase): RgbaImage {
  return readPngFixture(`golden/${c.input}`);
}

export function goldenExpected(c: GoldenCase): RgbaImage {
  return readPngFixture(`golden/${c.expected}`);
}
