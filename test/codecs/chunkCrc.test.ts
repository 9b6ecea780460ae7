// The chunk CRC runs native zlib's crc32 where the runtime has one and the WebAssembly slicing-by-8
// elsewhere: both must give the CRC-32 of the plain bit-by-bit definition.
import { describe, expect, it } from 'vitest';
import { chunkCrc } from '../../src/codecs/chunkCrc.js';
import { crc32 } from '../../src/codecs/crc32.js';
import { bytesAt, reserve } from '../../src/wasm/memory.js';
import { pngModule } from '../../src/wasm/png.js';

describe('chunkCrc', () => {
  it.each([0, 1, 7, 8, 9, 1000, 65_537])('%i bytes: the native and the WebAssembly CRC equal the definition', (length) => {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + (i >> 7)) & 0xff);
    pngModule.call('crc test', (k) => {
      const [at] = reserve([length], k) as [number];
      bytesAt(at, length, k).set(bytes);
      expect(chunkCrc(k, at, length)).toBe(crc32(bytes));
      expect(k.crc32(at, length) >>> 0).toBe(crc32(bytes));
    });
  });
});
