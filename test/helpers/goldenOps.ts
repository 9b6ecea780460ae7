import { readFileSync } from 'node:fs';
import type { RgbaImage } from '../../src/index.js';
import { readPngFixture } from './images.js';

/** One case of test/fixtures/golden-ops/manifest.json (a copy of the team's golden-ops data; see its README). */
export interface GoldenOpsCase {
  id: string;
  /** The function name in augkit's public API. */
  op: string;
  /** The op's arguments as JSON; an absent key means the op's default. The README's table gives the call. */
  params: Record<string, unknown>;
  input: string;
  expected: string;
  inputSize: [number, number];
  expectedSize: [number, number];
  tolerance: { maxAbs: number };
  notes?: unknown;
}

const manifest = JSON.parse(
  readFileSync(new URL('../fixtures/golden-ops/manifest.json', import.meta.url), 'utf8'),
) as { cases: GoldenOpsCase[] };

/** Every golden-ops case of one op; throws when there is none (a typo must not make a test pass vacuously). */
export function goldenOpsCases(op: string): GoldenOpsCase[] {
  const cases = manifest.cases.filter((c) => c.op === op);
  if (cases.length === 0) throw new Error(`no golden-ops cases for ${op}`);
  return cases;
}

export function goldenOpsInput(c: GoldenOpsCase): RgbaImage {
  return readPngFixture(`golden-ops/${c.input}`);
}

export function goldenOpsExpected(c: GoldenOpsCase): RgbaImage {
  return readPngFixture(`golden-ops/${c.expected}`);
}
