import { scalarBase64, simdBase64 } from './jpegEncoder.generated.js';
import { WasmModule, type WasmExports } from './module.js';

/** The functions assembly/jpegEncoder/index.ts exports; pointers are byte offsets into `memory`. */
export interface JpegEncoderExports extends WasmExports {
  begin(out: number, width: number, height: number, quality: number, subsample: boolean): number;
  maxRowBytes(width: number, subsample: boolean): number;
  encodeRows(src: number, width: number, height: number, first: number, end: number, out: number): number;
  finish(out: number): number;
}

/**
 * The JPEG encoder module (assembly/jpegEncoder/), compiled and instantiated the first time a JPEG is encoded.
 *
 * @example
 * const end = jpegEncoderModule.call('encodeJpeg', (k) => k.begin(out, 640, 480, 90, true));
 */
export const jpegEncoderModule = new WasmModule<JpegEncoderExports>('jpegEncoder', { simdBase64, scalarBase64 });
