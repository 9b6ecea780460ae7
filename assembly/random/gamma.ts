// Gamma and Beta variates from the xoshiro128** stream, for MixUp / CutMix's λ (see docs/training.md):
// Marsaglia–Tsang (2000) with the Box–Muller normals of ../noise/gaussianNoise and ln from ../math/log.
import { log } from '../math/log';
import { gaussianNoiseBegin, nextNormal } from '../noise/gaussianNoise';
import { nextOpenClosedUnit } from './xoshiro128';

/** Starts the stream of `seed` that mixBeta and mixUniform continue. */
export function mixBegin(seed: f64): void {
  gaussianNoiseBegin(seed);
}

/** A uniform double in (0, 1] (the next nextOpenClosedUnit()). */
export function mixUniform(): f64 {
  return nextOpenClosedUnit();
}

/**
 * Gamma(shape, 1) by Marsaglia–Tsang: d = shape − 1/3, c = 1/sqrt(9d); repeat z = normal, v = (1 + c·z)³
 * until v > 0 and ln u < z²/2 + d − d·v + d·ln v (u uniform in (0, 1]); return d·v. For shape < 1:
 * Gamma(shape + 1) · u^(1/shape), with u drawn after the Gamma(shape + 1) variate.
 */
export function nextGamma(shape: f64): f64 {
  if (shape < 1.0) {
    const g = nextGamma(shape + 1.0);
    return g * Math.exp(log(nextOpenClosedUnit()) / shape);
  }
  const d = shape - 1.0 / 3.0;
  const c = 1.0 / Math.sqrt(9.0 * d);
  let v: f64 = 0;
  let accepted = false;
  while (!accepted) {
    const z = nextNormal();
    const t = 1.0 + c * z;
    if (t <= 0.0) continue;
    v = t * t * t;
    accepted = log(nextOpenClosedUnit()) < 0.5 * z * z + d - d * v + d * log(v);
  }
  return d * v;
}

/** Beta(alpha, alpha) = X / (X + Y) with X, Y ~ Gamma(alpha) drawn in that order. */
export function mixBeta(alpha: f64): f64 {
  const x = nextGamma(alpha);
  const y = nextGamma(alpha);
  return x / (x + y);
}
