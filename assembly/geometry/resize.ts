import { blend } from './bilinear';

/** Bytes of scratch `resizeBilinear` needs for a target width of `dw`. */
export function resizeBilinearScratch(dw: i32): usize {
  return <usize>dw << 4;
}

/**
 * Source coordinate of output index `i` with half-pixel centres, clamped to [0, sn - 1]:
 * `(i + 0.5) * (sn / dn) - 0.5` (the ratio first, as OpenCV and the golden data).
 */
// @ts-ignore: decorator
@inline
function sourceCoordinate(i: i32, sn: i32, dn: i32): f64 {
  const s = (<f64>i + 0.5) * (<f64>sn / <f64>dn) - 0.5;
  return s < 0.0 ? 0.0 : s > <f64>(sn - 1) ? <f64>(sn - 1) : s;
}

/**
 * Bilinear resize with half-pixel centres (OpenCV INTER_LINEAR convention) in float64.
 * `scratch` holds a per-column table: x0 and x1 byte offsets and the weight fx.
 */
export function resizeBilinear(src: usize, sw: i32, sh: i32, dst: usize, dw: i32, dh: i32, scratch: usize): void {
  for (let x = 0; x < dw; x++) {
    const sx = sourceCoordinate(x, sw, dw);
    const x0 = <i32>Math.floor(sx);
    const x1 = x0 + 1 < sw ? x0 + 1 : sw - 1;
    const entry = scratch + (<usize>x << 4);
    store<i32>(entry, x0 << 2);
    store<i32>(entry, x1 << 2, 4);
    store<f64>(entry, sx - <f64>x0, 8);
  }
  const rowBytes = <usize>sw << 2;
  let d = dst;
  for (let y = 0; y < dh; y++) {
    const sy = sourceCoordinate(y, sh, dh);
    const y0 = <i32>Math.floor(sy);
    const y1 = y0 + 1 < sh ? y0 + 1 : sh - 1;
    const fy = sy - <f64>y0;
    const row0 = src + <usize>y0 * rowBytes;
    const row1 = src + <usize>y1 * rowBytes;
    for (let x = 0; x < dw; x++) {
      const entry = scratch + (<usize>x << 4);
      const o0 = <usize>load<i32>(entry);
      const o1 = <usize>load<i32>(entry, 4);
      const fx = load<f64>(entry, 8);
      store<u32>(d, blend(load<u32>(row0 + o0), load<u32>(row0 + o1), load<u32>(row1 + o0), load<u32>(row1 + o1), fx, fy));
      d += 4;
    }
  }
}
