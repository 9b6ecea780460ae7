// `npm run soak -- [--scale F]` (scripts/run-ts.mjs runs this file): the full memory soak — 10 000 calls of
// each op on a 512×512 image and 1 000 decodes per format — printing WebAssembly memory and RSS after
// warm-up, half-way and at the end, and failing if they kept growing (see soakProblems).
import { parseArgs } from 'node:util';
import { formatSoak, soak, soakCases, soakImage, soakProblems } from './soak.js';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
const scale = Number(values.scale);
const FULL: Record<string, number> = {
  flipHorizontal: 10_000,
  flipVertical: 10_000,
  resize: 10_000,
  rotate: 10_000,
  saltAndPepper: 10_000,
  'decode PNG': 1000,
  'decode JPEG': 1000,
};

let failed = 0;
const start = performance.now();
for (const { name, call } of soakCases(soakImage())) {
  const result = soak(name, call, Math.round(FULL[name] * scale));
  const problems = soakProblems(result);
  console.log(formatSoak(result));
  for (const problem of problems) console.log(`  FAIL ${problem}`);
  failed += problems.length;
}
console.log(`${((performance.now() - start) / 1000).toFixed(0)} s; ${failed === 0 ? 'memory stayed flat' : `${failed} problems`}`);
process.exitCode = failed === 0 ? 0 : 1;
