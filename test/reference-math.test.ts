// The references' elementary functions must give the kernels' bits, not JavaScript's: the inputs
// below were chosen where Math.log, Math.log1p, Math.sin, Math.cos give a different last bit than
// the kernels (AssemblyScript's NativeMath at shrinkLevel 1), and the expected bits are the kernels'.
import { describe, expect, it } from 'vitest';
import { cos, log, log1p, sin } from '../src/reference/math.js';

const view = new DataView(new ArrayBuffer(8));
const fromBits = (bits: string) => (view.setBigUint64(0, BigInt(bits)), view.getFloat64(0));

const cases: Record<string, { fn: (x: number) => number; js: (x: number) => number; pairs: [string, string][] }> = {
  log: {
    fn: log, js: Math.log,
    pairs: [
      ['0x3fec5f649842e409', '0xbfbeccb3a3faee96'], ['0x3fe5d2354f7fae3f', '0xbfd880bbff06f473'],
      ['0x3fe72603b7d3ea22', '0xbfd4b93d81c56a31'], ['0x3fe788bda463c4a3', '0xbfd3aa88e25eb0a6'],
    ],
  },
  log1p: {
    fn: log1p, js: Math.log1p,
    pairs: [
      ['0xbfcbfe094637a0f0', '0xbfcf9698f5dbacd8'], ['0xbfea38dae9361c5e', '0xbffb63192d29b673'],
      ['0xbfd33ec78b0ca7e4', '0xbfd6e4500f2c1b9c'], ['0xbfca4a3654b47950', '0xbfcd6d7aeecfe6b6'],
    ],
  },
  sin: {
    fn: sin, js: Math.sin,
    pairs: [
      ['0x400239983f995c37', '0x3fe852c1a5eb694d'], ['0x40156131fc80d891', '0xbfe9cf235af378f5'],
      ['0x3ff389e9ca641be7', '0x3fee1064198bc5d1'], ['0x4011854675a9e4b8', '0xbfee40052c73e641'],
    ],
  },
  cos: {
    fn: cos, js: Math.cos,
    pairs: [
      ['0x3fd339828a0ffede', '0x3fee912eff6063e1'], ['0x4005e0ec91788cc7', '0xbfed6392c9b61375'],
      ['0x4017bd6d33bc40db', '0x3fee1463b253ac17'], ['0x3fe8161d1800b92e', '0x3fe75ae65e26e79b'],
    ],
  },
};

describe('src/reference/math.ts gives the kernels\' bits', () => {
  for (const [name, { fn, js, pairs }] of Object.entries(cases)) {
    it(`${name} where JavaScript's Math.${name} differs in the last bit`, () => {
      for (const [input, expected] of pairs) {
        expect(fn(fromBits(input))).toBe(fromBits(expected));
        // why the twin exists (this engine's Math differs here; another engine's may not)
        expect(Math.abs(js(fromBits(input)) - fromBits(expected))).toBeLessThan(1e-15);
      }
    });
  }

  it('special values as the kernels: log(1) = 0, log(0) = -Infinity, log1p(-1) = -Infinity, small angles', () => {
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(5e-324)).toBeCloseTo(-744.44, 2);
    expect(log1p(-1)).toBe(-Infinity);
    expect(log1p(-1e-20)).toBe(-1e-20);
    expect(sin(1e-9)).toBe(1e-9);
    expect(cos(1e-9)).toBe(1);
  });
});
