import sharp from 'sharp';
import { inflateSync } from 'node:zlib';
import { encodePng } from '../src/index.js';
import { pngModule } from '../src/wasm/png.js';
import { reserve, bytesAt } from '../src/wasm/memory.js';
import { photo } from './lib/images.js';
const img = photo(1920, 1080);
const png = await sharp(Buffer.from(img.data), { raw: { width: 1920, height: 1080, channels: 4 } }).png({ compressionLevel: 6 }).toBuffer();
const p2 = encodePng(img);
function idat(b: Uint8Array) { const v = new DataView(b.buffer, b.byteOffset); const parts = []; for (let o = 8; o < b.length;) { const l = v.getUint32(o); if (v.getUint32(o + 4) === 0x49444154) parts.push(b.subarray(o + 8, o + 8 + l)); o += 12 + l; } return Buffer.concat(parts); }
for (const b of [png, p2]) {
  const z = idat(b); const out = inflateSync(z);
  const k = pngModule.exports; const [src, dst] = reserve([z.length, out.length + 16], k);
  bytesAt(src, z.length, k).set(z);
  let s = performance.now(); for (let i = 0; i < 10; i++) inflateSync(z); const tz = (performance.now() - s) / 10;
  s = performance.now(); let st = 0; for (let i = 0; i < 10; i++) st = k.inflate(src, z.length, dst, out.length); const tw = (performance.now() - s) / 10;
  console.log('zlib', tz.toFixed(1), 'wasm', tw.toFixed(1), 'status', st, Buffer.compare(Buffer.from(bytesAt(dst, out.length, k)), out));
}
