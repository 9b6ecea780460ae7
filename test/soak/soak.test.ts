import { describe, expect, it } from 'vitest';
import { formatSoak, soak, soakCases, soakImage, soakProblems } from './soak.js';

/**
 * CI's share of the soak, per call: the full one (`npm run soak`: 10 000 calls per op, 1 000 decodes per
 * format) takes about ten minutes on two cores. SOAK_SCALE=10 here runs it in full.
 */
const SCALE = Number(process.env.SOAK_SCALE ?? 1);
const CALLS: Record<string, number> = {
  flipHorizontal: 2000,
  flipVertical: 2000,
  resize: 300,
  rotate: 200,
  saltAndPepper: 2000,
  'decode PNG': 60,
  'decode JPEG': 60,
};

describe('memory soak on a 512×512 image: WebAssembly memory and RSS stop growing after warm-up', () => {
  for (const { name, call } of soakCases(soakImage())) {
    it(`${name}: ${CALLS[name] * SCALE} calls`, () => {
      const result = soak(name, call, CALLS[name] * SCALE);
      console.log(formatSoak(result));
      expect(soakProblems(result)).toEqual([]);
    }, 600_000);
  }
});
