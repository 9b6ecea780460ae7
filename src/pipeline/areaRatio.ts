// The rectangle draw torchvision's RandomResizedCrop and RandomErasing share: an area drawn uniformly as a
// fraction of the image's, an aspect ratio drawn log-uniformly, and the two sides rounded.
import { kernels } from '../wasm/kernels.js';
import type { SeedStream } from './seed.js';

/** Rounds half away from zero (the rule DESIGN-ops.md gives for drawn sides). */
export const roundHalfAway = (v: number) => (v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5));

/** `[ln min, ln max]` of a ratio range (ln in WebAssembly, so every engine agrees): compute it once per draw. */
export function logRange(ratio: readonly [number, number]): readonly [number, number] {
  return [kernels.lnF64(ratio[0]), kernels.lnF64(ratio[1])];
}

/**
 * One attempt: `A = area · U(scale)`, `r = exp(U(logRatio))` (exp in WebAssembly), then
 * `[round(√(A·r)), round(√(A/r))]` — width and height for RandomResizedCrop (r = w/h), height and width for
 * RandomErasing (r = h/w). Draws two uniforms, area first.
 */
export function drawSides(
  random: SeedStream, area: number, scale: readonly [number, number], logRatio: readonly [number, number],
): readonly [number, number] {
  const target = area * random.between(scale[0], scale[1]);
  const r = kernels.expF64(random.between(logRatio[0], logRatio[1]));
  return [roundHalfAway(Math.sqrt(target * r)), roundHalfAway(Math.sqrt(target / r))];
}
