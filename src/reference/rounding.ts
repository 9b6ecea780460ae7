/** Round to nearest, ties away from zero, for v >= 0 (as assembly/rounding.ts). */
export function roundHalfUp(v: number): number {
  const r = Math.floor(v);
  return v - r >= 0.5 ? r + 1 : r;
}
