// Training batches: RGBA pixels packed into a tensor's values, per pixel its first `channels` channels
// (3: alpha dropped, or 4), either interleaved (NHWC: pixel p's channel c at p·channels + c) or as planes
// (NCHW: at c·pixels + p).

/** Bytes of the value tables `packFloat32` reads: 256 float32 values for each of 4 channels. */
export const PACK_TABLE_BYTES: usize = 4 * 256 * 4;

/**
 * Float32 values: channel c of a pixel whose byte is v becomes `tables[c·256 + v]` (float32 tables
 * at `tables`, filled by the caller), written to `dst` as NHWC (`planar` false) or NCHW.
 */
export function packFloat32(src: usize, pixels: i32, dst: usize, tables: usize, channels: i32, planar: bool): void {
  const n = <usize>pixels;
  if (planar) {
    for (let c: usize = 0; c < <usize>channels; c++) {
      const table = tables + (c << 10);
      const plane = dst + ((c * n) << 2);
      for (let p: usize = 0; p < n; p++) store<f32>(plane + (p << 2), load<f32>(table + (<usize>load<u8>(src + (p << 2) + c) << 2)));
    }
    return;
  }
  let d = dst;
  if (channels == 3) {
    for (let p: usize = 0; p < n; p++) {
      const px = load<u32>(src + (p << 2));
      store<f32>(d, load<f32>(tables + ((px & 0xff) << 2)));
      store<f32>(d, load<f32>(tables + 1024 + ((px >> 6) & 0x3fc)), 4);
      store<f32>(d, load<f32>(tables + 2048 + ((px >> 14) & 0x3fc)), 8);
      d += 12;
    }
    return;
  }
  for (let p: usize = 0; p < n; p++) {
    const px = load<u32>(src + (p << 2));
    store<f32>(d, load<f32>(tables + ((px & 0xff) << 2)));
    store<f32>(d, load<f32>(tables + 1024 + ((px >> 6) & 0x3fc)), 4);
    store<f32>(d, load<f32>(tables + 2048 + ((px >> 14) & 0x3fc)), 8);
    store<f32>(d, load<f32>(tables + 3072 + ((px >> 22) & 0x3fc)), 12);
    d += 16;
  }
}

/** The raw bytes: channel c of each pixel, as NHWC (`planar` false) or NCHW, to `dst`. */
export function packBytes(src: usize, pixels: i32, dst: usize, channels: i32, planar: bool): void {
  const n = <usize>pixels;
  const k = <usize>channels;
  for (let p: usize = 0; p < n; p++) {
    for (let c: usize = 0; c < k; c++) {
      const at = planar ? c * n + p : p * k + c;
      store<u8>(dst + at, load<u8>(src + (p << 2) + c));
    }
  }
}
