import { scalarBase64, simdBase64 } from './jpeg.generated.js';
import { WasmModule, type WasmExports } from './module.js';

/** The functions assembly/jpeg/index.ts exports; pointers are byte offsets into `memory`. */
export interface JpegExports extends WasmExports {
  decodeScan(
    frame: number, bytes: number, length: number, offset: number, count: number, components: number,
    resetInterval: number, ss: number, se: number, ah: number, al: number,
  ): number;
  transformComponent(frame: number, index: number): void;
  convert(frame: number, count: number, transform: boolean, out: number, width: number, height: number, scratch: number): void;
  convertLibjpeg(frame: number, count: number, space: number, out: number, width: number, height: number, scratch: number): number;
}

/**
 * The JPEG decoder module (assembly/jpeg/), compiled and instantiated the first time a JPEG is decoded.
 *
 * @example
 * const offset = jpegModule.call('decode', (k) => k.decodeScan(...));
 */
export const jpegModule = new WasmModule<JpegExports>('jpeg', { simdBase64, scalarBase64 });
