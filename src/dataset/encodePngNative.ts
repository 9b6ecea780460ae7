import { constants, crc32, deflateSync } from 'node:zlib';
import type { RgbaImage } from '../image.js';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** PNG filter type 2: each byte minus the byte above it. */
const FILTER_UP = 2;

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

/** Scanlines with the Up filter: fast (one subtraction a byte) and, on photos, as small as Paeth after deflate. */
function upFiltered({ width, height, data }: RgbaImage): Uint8Array {
  const stride = width * 4;
  const out = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1);
    const row = y * stride;
    out[o] = FILTER_UP;
    if (y === 0) {
      out.set(data.subarray(0, stride), o + 1);
      continue;
    }
    for (let i = 0; i < stride; i++) out[o + 1 + i] = data[row + i]! - data[row - stride + i]!;
  }
  return out;
}

/**
 * Encodes an already validated image as an 8-bit RGBA PNG with Node's native zlib, for the dataset writer,
 * where encoding dominates the time per image: 4–5× faster than the isomorphic `encodePng` (pngjs's
 * JavaScript deflate) at level 1. The pixels are the same; the compressed bytes differ from `encodePng`'s,
 * and are reproducible for a given Node (zlib) version.
 *
 * @param level - zlib level 0..9 (checked by the caller)
 * @example
 * await writeFileAtomic(path, encodePngNative(img, 1));
 */
export function encodePngNative(img: RgbaImage, level: number): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, img.width);
  view.setUint32(4, img.height);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  const idat = deflateSync(upFiltered(img), { level, strategy: constants.Z_DEFAULT_STRATEGY });
  const parts = [SIGNATURE, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
