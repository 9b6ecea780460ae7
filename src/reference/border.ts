// Plain-TypeScript statement of the border rule of assembly/geometry/border.ts, as DESIGN-ops.md's
// table gives it: mirror images walked back into the line after reducing by the period.
import type { Border } from '../ops/border.js';

/** i reduced into [0, period). */
function reduce(i: number, period: number): number {
  return i - period * Math.floor(i / period);
}

/** The index neighbour `i` of a line of `n` pixels reads under `border`, or −1 for the fill colour. */
export function borderIndexReference(i: number, n: number, border: Border): number {
  if (i >= 0 && i < n) return i;
  if (border === 'constant') return -1;
  if (border === 'edge') return Math.min(Math.max(i, 0), n - 1);
  if (border === 'wrap' || n === 1) return reduce(i, n);
  // mirror about the last pixel (reflect: … n−2 │ n−1 │ n−2 …) or past it (symmetric: … n−1 │ n−1 …)
  let j = border === 'reflect' ? reduce(i, 2 * n - 2) : reduce(i, 2 * n);
  while (j >= n) j = border === 'reflect' ? 2 * (n - 1) - j : 2 * n - 1 - j;
  return j;
}
