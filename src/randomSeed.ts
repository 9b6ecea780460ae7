/**
 * A seed for calls that give none: 53 random bits from Math.random (it need not be secure, only recorded).
 *
 * @example
 * const seed = drawSeed(); // then pass it on and record it, so the result can be replayed
 */
export function drawSeed(): number {
  return Math.floor(Math.random() * 2 ** 21) * 2 ** 32 + Math.floor(Math.random() * 2 ** 32);
}
