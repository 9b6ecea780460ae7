// Expands unfiltered PNG samples of any colour type and bit depth to 8-bit RGBA, exactly as pngjs does:
// grey → R = G = B; low bit depths scaled to 0..255 (× 255, 85 or 17); 16-bit samples reduced as
// round(v × 255 / 65535) = (v × 255 + 32895) >> 16; palette entries (RGBA, alpha from tRNS) looked up; a
// pixel equal to the tRNS colour of a grey or RGB image (compared at the stored depth) becomes 0, 0, 0, 0.
// Adam7 passes land on their pixel grid: pixel (i, j) of a pass goes to (x0 + i·dx, y0 + j·dy).

const GREY: u32 = 0;
const RGB: u32 = 2;
const PALETTE: u32 = 3;
const GREY_ALPHA: u32 = 4;
const OPAQUE: u32 = 0xff000000;

/** Sample `k` of a row of `depth`-bit samples (any depth 1..16). */
// @ts-ignore: decorator
@inline
function sample(row: usize, k: usize, depth: u32): u32 {
  if (depth == 8) return load<u8>(row + k);
  if (depth == 16) return bswap<u16>(load<u16>(row + (k << 1)));
  const bit = k * depth;
  const shift = 8 - depth - <u32>(bit & 7);
  return (<u32>load<u8>(row + (bit >> 3)) >> shift) & ((1 << depth) - 1);
}

/** A sample scaled to 8 bits. */
// @ts-ignore: decorator
@inline
function to8(v: u32, depth: u32): u32 {
  if (depth == 8) return v;
  if (depth == 16) return (v * 255 + 32895) >> 16;
  return v * (255 / ((1 << depth) - 1));
}

// @ts-ignore: decorator
@inline
function rgba(r: u32, g: u32, b: u32, a: u32): u32 {
  return r | (g << 8) | (b << 16) | (a << 24);
}

/** Non-interlaced 8-bit rows without tRNS, 4 pixels per vector. Returns the number of pixels done. */
function expandRowSimd(row: usize, rowBytes: usize, width: usize, colorType: u32, out: usize): usize {
  if (!ASC_FEATURE_SIMD) return 0;
  const alpha = i32x4.splat(<i32>OPAQUE);
  let i: usize = 0;
  if (colorType == RGB) {
    for (; i * 3 + 16 <= rowBytes; i += 4) {
      const v = i8x16.swizzle(v128.load(row + i * 3), i8x16(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1));
      v128.store(out + (i << 2), v128.or(v, alpha));
    }
  } else if (colorType == GREY) {
    for (; i + 16 <= rowBytes; i += 4) {
      const v = i8x16.swizzle(v128.load32_zero(row + i), i8x16(0, 0, 0, -1, 1, 1, 1, -1, 2, 2, 2, -1, 3, 3, 3, -1));
      v128.store(out + (i << 2), v128.or(v, alpha));
    }
  } else if (colorType == GREY_ALPHA) {
    for (; i * 2 + 16 <= rowBytes; i += 4) {
      v128.store(out + (i << 2), i8x16.swizzle(v128.load64_zero(row + i * 2), i8x16(0, 0, 0, 1, 2, 2, 2, 3, 4, 4, 4, 5, 6, 6, 6, 7)));
    }
  }
  return min(i, width);
}

/**
 * Expands one image or Adam7 pass of `width`×`height` pixels whose unfiltered rows (each after its filter
 * byte) start every `stride` bytes at `data`, into the RGBA image `out` that is `imageWidth` pixels wide.
 * `palette` holds `paletteSize` RGBA entries (colour type 3); `transparent` is whether tRNS gave the grey
 * (`tr`) or RGB (`tr`, `tg`, `tb`) colour to make transparent. Returns false for a palette index with
 * no entry (pngjs refuses those too).
 */
export function expand(
  data: usize, stride: usize, width: usize, height: usize, colorType: u32, depth: u32, out: usize,
  imageWidth: usize, x0: usize, y0: usize, dx: usize, dy: usize,
  palette: usize, paletteSize: u32, transparent: bool, tr: u32, tg: u32, tb: u32,
): bool {
  const rowBytes = stride - 1;
  const fast = dx == 1 && depth == 8 && !transparent && colorType != PALETTE;
  for (let j: usize = 0; j < height; j++) {
    const row = data + j * stride + 1;
    const target = out + (((y0 + j * dy) * imageWidth + x0) << 2);
    const step = dx << 2;
    if (fast && colorType == 6) {
      memory.copy(target, row, width << 2);
      continue;
    }
    const done = fast ? expandRowSimd(row, rowBytes, width, colorType, target) : 0;
    for (let i = done; i < width; i++) {
      let pixel: u32;
      if (colorType == PALETTE) {
        const index = sample(row, i, depth);
        if (index >= paletteSize) return false;
        pixel = load<u32>(palette + (<usize>index << 2));
      } else if (colorType == GREY) {
        const v = sample(row, i, depth);
        const g = to8(v, depth);
        pixel = transparent && v == tr ? 0 : rgba(g, g, g, 255);
      } else if (colorType == RGB) {
        const r = sample(row, i * 3, depth);
        const g = sample(row, i * 3 + 1, depth);
        const b = sample(row, i * 3 + 2, depth);
        pixel = transparent && r == tr && g == tg && b == tb ? 0 : rgba(to8(r, depth), to8(g, depth), to8(b, depth), 255);
      } else if (colorType == GREY_ALPHA) {
        const g = to8(sample(row, i * 2, depth), depth);
        pixel = rgba(g, g, g, to8(sample(row, i * 2 + 1, depth), depth));
      } else {
        const k = i << 2;
        pixel = rgba(
          to8(sample(row, k, depth), depth), to8(sample(row, k + 1, depth), depth),
          to8(sample(row, k + 2, depth), depth), to8(sample(row, k + 3, depth), depth),
        );
      }
      store<u32>(target + i * step, pixel);
    }
  }
  return true;
}
