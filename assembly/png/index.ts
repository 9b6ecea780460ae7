// The PNG codec's WebAssembly: chunk CRCs, zlib inflate with an output cap, unfiltering and expansion to
// RGBA for decoding; row filtering, colour-type packing and zlib's Z_RLE deflate for encoding. The binding (src/codecs/png/)
// owns the memory: it places inputs, outputs and tables after heapBase() and passes pointers.
// Compiled with SIMD and without; both builds compute the same bytes.

export { crc32 } from './crc32';
export { inflate, inflatedLength } from './inflate';
export { unfilter } from './unfilter';
export { expand } from './expand';

/** First byte of linear memory free for the binding's use. */
export function heapBase(): usize {
  return __heap_base;
}
export { filterPaeth, colorTypeOf } from './filter';
export { deflateRle, deflatedLength } from './deflate';
