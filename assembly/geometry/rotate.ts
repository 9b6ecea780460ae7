import { blend } from './bilinear';
import { roundHalfUp } from '../rounding';

// Rotation counter-clockwise on screen by `degrees` about the image centre ((w-1)/2, (h-1)/2),
// by inverse mapping with bilinear sampling; neighbours outside the source take the fill colour.
// Angles reduce modulo 360 and the four quarter turns use exact cosines and sines.

let cosine: f64 = 1.0;
let sine: f64 = 0.0;

function setAngle(degrees: f64): void {
  let d = degrees % 360.0;
  if (d < 0.0) d += 360.0;
  if (d >= 360.0) d -= 360.0;
  if (d == 0.0) { cosine = 1.0; sine = 0.0; }
  else if (d == 90.0) { cosine = 0.0; sine = 1.0; }
  else if (d == 180.0) { cosine = -1.0; sine = 0.0; }
  else if (d == 270.0) { cosine = 0.0; sine = -1.0; }
  else {
    const t = d * Math.PI / 180.0;
    cosine = Math.cos(t);
    sine = Math.sin(t);
  }
}

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

// @ts-ignore: decorator
@inline
function pixelOrFill(src: usize, w: i32, h: i32, x: i32, y: i32, fill: u32): u32 {
  return x >= 0 && x < w && y >= 0 && y < h ? load<u32>(src + ((<usize>y * <usize>w + <usize>x) << 2)) : fill;
}

/** Rotates `src` (w×h) into `dst` (dw×dh, see rotatedWidth/rotatedHeight); `fill` is packed RGBA. */
export function rotate(src: usize, w: i32, h: i32, dst: usize, dw: i32, dh: i32, degrees: f64, fill: u32): void {
  setAngle(degrees);
  const c = cosine;
  const s = sine;
  const cx = <f64>(w - 1) * 0.5;
  const cy = <f64>(h - 1) * 0.5;
  const ox = <f64>(dw - 1) * 0.5;
  const oy = <f64>(dh - 1) * 0.5;
  const rowBytes = <usize>w << 2;
  let d = dst;
  for (let y = 0; y < dh; y++) {
    const dy = <f64>y - oy;
    const dyS = dy * s;
    const dyC = dy * c;
    for (let x = 0; x < dw; x++) {
      const dx = <f64>x - ox;
      const sx = cx + dx * c - dyS;
      const sy = cy + dx * s + dyC;
      const fx0 = Math.floor(sx);
      const fy0 = Math.floor(sy);
      let out = fill;
      if (fx0 >= -1.0 && fx0 < <f64>w && fy0 >= -1.0 && fy0 < <f64>h) {
        const x0 = <i32>fx0;
        const y0 = <i32>fy0;
        const fx = sx - fx0;
        const fy = sy - fy0;
        if (x0 >= 0 && x0 < w - 1 && y0 >= 0 && y0 < h - 1) {
          const p = src + <usize>y0 * rowBytes + (<usize>x0 << 2);
          out = blend(load<u32>(p), load<u32>(p, 4), load<u32>(p + rowBytes), load<u32>(p + rowBytes, 4), fx, fy);
        } else {
          out = blend(
            pixelOrFill(src, w, h, x0, y0, fill),
            pixelOrFill(src, w, h, x0 + 1, y0, fill),
            pixelOrFill(src, w, h, x0, y0 + 1, fill),
            pixelOrFill(src, w, h, x0 + 1, y0 + 1, fill),
            fx,
            fy,
          );
        }
      }
      store<u32>(d, out);
      d += 4;
    }
  }
}
