import { corruptImage } from './codecErrors.js';
import type { PngHeader } from './pngHeader.js';

/** Samples per pixel for each colour type. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Adam7 passes: first column, first row, column step, row step. */
const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/**
 * Deflate's largest expansion: a 258-byte match coded in 2 bits (a 1-bit length code and a 1-bit
 * distance code) makes 1032 output bytes per input byte; nothing inflates further.
 */
const MAX_INFLATE_RATIO = 1032;

/** One sub-image of the filtered scanlines: the whole image, or an Adam7 pass. */
export interface PngPass {
  /** Offset of its first filter byte in the inflated data. */
  readonly offset: number;
  readonly width: number;
  readonly height: number;
  /** Bytes per row after the filter byte. */
  readonly rowBytes: number;
  /** Where pixel (i, j) of the pass lands in the image: (x0 + i·dx, y0 + j·dy). */
  readonly x0: number;
  readonly y0: number;
  readonly dx: number;
  readonly dy: number;
}

/** Bytes per complete pixel for the filters (1 for bit depths below 8, PNG spec 9.2). */
export function filterBytesPerPixel({ bitDepth, colorType }: PngHeader): number {
  return Math.max(1, (CHANNELS[colorType]! * bitDepth) >> 3);
}

/**
 * The sub-images a PNG's inflated data holds, in order: one for a non-interlaced image, the non-empty Adam7
 * passes otherwise (an empty pass has no rows, not even filter bytes).
 *
 * @example
 * pngPasses({ width: 2, height: 2, bitDepth: 8, colorType: 6, interlaced: false }); // [{ offset: 0, rowBytes: 8, … }]
 */
export function pngPasses(header: PngHeader): PngPass[] {
  const bitsPerPixel = CHANNELS[header.colorType]! * header.bitDepth;
  const grid = header.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  const passes: PngPass[] = [];
  let offset = 0;
  for (const [x0, y0, dx, dy] of grid) {
    const width = Math.ceil((header.width - x0) / dx);
    const height = Math.ceil((header.height - y0) / dy);
    if (width <= 0 || height <= 0) continue;
    const rowBytes = Math.ceil((width * bitsPerPixel) / 8);
    passes.push({ offset, width, height, rowBytes, x0, y0, dx, dy });
    offset += height * (rowBytes + 1);
  }
  return passes;
}

/**
 * The exact size of the filtered scanlines a PNG's zlib stream must inflate to: one filter byte plus the
 * packed samples per row, per Adam7 pass when interlaced.
 *
 * @example
 * imageDataBytes({ width: 2, height: 2, bitDepth: 8, colorType: 6, interlaced: false }); // 2 × (1 + 8) = 18
 */
export function imageDataBytes(header: PngHeader): number {
  return pngPasses(header).reduce((sum, pass) => sum + pass.height * (pass.rowBytes + 1), 0);
}

/**
 * Refuses, before anything is allocated for the pixels, image data too short to inflate to what the header
 * implies at all (deflate expands at most 1032×): a few bytes claiming 16000×16000 pixels are refused
 * instead of being given a gigabyte buffer.
 *
 * @throws {AugkitError} CORRUPT_IMAGE when `compressedBytes` cannot inflate to the image's size.
 * @example
 * checkImageDataLength(walkPngChunks(bytes).imageDataBytes, header);
 */
export function checkImageDataLength(compressedBytes: number, header: PngHeader): void {
  const expected = imageDataBytes(header);
  if (compressedBytes * MAX_INFLATE_RATIO < expected) {
    throw corruptImage(
      'png',
      `${compressedBytes} bytes of image data (IDAT), too few to inflate to the ${expected} bytes a ${header.width}×${header.height} image needs`,
    );
  }
}
