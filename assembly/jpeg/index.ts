// The JPEG decoder: entropy decoding, inverse DCT and colour conversion of jpeg-js, ported, and libjpeg's
// islow IDCT, fancy upsampling and colour conversion (islow.ts, fancyUpsample.ts, libjpegColor.ts) as an option. The binding
// (src/codecs/jpeg/) walks the markers as jpeg-js does, lays out the frame (layout.ts) after heapBase() and
// calls decodeScan for each scan, then transformComponent (progressive frames) and convert.
export { decodeScan } from './scan';
export { transformComponent } from './idct';
export { convert } from './color';
export { convertLibjpeg } from './libjpegColor';

/** First byte of linear memory free for the binding's use. */
export function heapBase(): usize {
  return __heap_base;
}
