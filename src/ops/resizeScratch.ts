/**
 * Bytes of scratch each resize kernel needs, computed here in float64 rather than by the kernels'
 * `resize*Scratch` exports: those return a wasm32 `usize`, which wraps past 4 GiB (and reads as negative
 * past 2 GiB in JavaScript), so a legal request such as 1×40000 → 40000×1 with antialias would get a
 * scratch region far too small and the kernel would write outside it. A true size over what linear memory
 * can hold becomes TOO_LARGE in `reserve`. Same formulas as assembly/geometry/resize*.ts (a test checks
 * that they agree wherever the kernels' arithmetic does not wrap).
 */
export function resizeScratchBytes(sw: number, sh: number, dw: number, dh: number, antialias: boolean): number {
  // bilinear: per output column an 8-byte entry, plus two row buffers of 8 bytes a pixel in whole vectors
  if (!antialias) return dw * 8 + 2 * Math.ceil((dw * 8) / 16) * 16;
  // per output index: the vertical table's entry of 2 + taps i32, the horizontal table's of 2 i32 and two i32
  // per pair of taps (its pair form; the plain form of the scalar build fits in it)
  const support = (inSize: number, outSize: number) => Math.ceil(Math.max(inSize / outSize, 1));
  const horizontal = sw === dw ? 0 : (8 + (support(sw, dw) + 1) * 8) * dw;
  const vertical = sh === dh ? 0 : (2 + support(sh, dh) * 2 + 1) * 4 * dh;
  const intermediate = sw !== dw && sh !== dh ? dw * sh * 4 : 0;
  return horizontal + vertical + intermediate;
}

