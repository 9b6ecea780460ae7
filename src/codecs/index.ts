export { decode, type DecodeOptions } from './decode.js';
export type { JpegMode } from './jpegWasm.js';
export { encodeJpeg, type EncodeJpegOptions } from './encodeJpeg.js';
export { encodePng, type EncodePngOptions } from './encodePng.js';
export { readHeader, type ImageHeader } from './header.js';
export type { ImageFormat } from './sniff.js';
