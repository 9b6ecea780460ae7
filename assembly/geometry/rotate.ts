import { cosine, setAngle, sine } from './affineMatrix';
import { warpAffine, warpAffineScratch } from './warp';
import { roundHalfUp } from '../rounding';

// Rotation counter-clockwise on screen by `degrees` about the image centre ((w-1)/2, (h-1)/2), by
// inverse mapping (warp.ts). Angles reduce modulo 360 and the four quarter turns use exact cosines and
// sines. Source coordinates are computed in float64 exactly as the formula says, per pixel:
//
//     sx = (cx + dx·c) − dy·s,   sy = (cy + dx·s) + dy·c,   dx = x − ox, dy = y − oy
//
// (warp.ts's affine form with m = [[c, −s], [s, c]], no translation and c0 = c1 = 0).

/** Output width: `w` unless `expand`, then round(|(w-1)cos| + |(h-1)sin|) + 1. */
export function rotatedWidth(w: i32, h: i32, degrees: f64, expand: bool): i32 {
  if (!expand) return w;
  setAngle(degrees);
  return <i32>roundHalfUp(Math.abs(<f64>(w - 1) * cosine) + Math.abs(<f64>(h - 1) * sine)) + 1;
}

/** Output height: `h` unless `expand`, then round(|(w-1)sin| + |(h-1)cos|) + 1. */
export function rotatedHeight(w: i32, h: i32, degrees: f64, expand: bool): i32 {
  if (!expand) return h;
  setAngle(degrees);
  return <i32>roundHalfUp(Math.abs(<f64>(w - 1) * sine) + Math.abs(<f64>(h - 1) * cosine)) + 1;
}

/** Bytes of scratch `rotate` needs for an output width of `dw` (the affine warp's column tables). */
export function rotateScratch(dw: i32): usize {
  return warpAffineScratch(dw);
}

/**
 * Rotates `src` (w×h) into `dst` (dw×dh, see rotatedWidth/rotatedHeight); `fill` is packed RGBA;
 * `scratch` holds rotateScratch(dw) bytes; `border` a border code (border.ts), `nearest` the sampling.
 */
export function rotate(
  src: usize, w: i32, h: i32, dst: usize, dw: i32, dh: i32, degrees: f64, fill: u32, scratch: usize,
  border: i32, nearest: bool,
): void {
  setAngle(degrees);
  const c = cosine;
  const s = sine;
  const cx = <f64>(w - 1) * 0.5;
  const cy = <f64>(h - 1) * 0.5;
  const ox = <f64>(dw - 1) * 0.5;
  const oy = <f64>(dh - 1) * 0.5;
  warpAffine(src, w, h, dst, dw, dh, ox, oy, 0.0, 0.0, cx, cy, c, -s, s, c, 0.0, 0.0, border, nearest, fill, scratch);
}
