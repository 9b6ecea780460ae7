// Where the scans put the k-th coefficient of the zigzag sequence in a block of 64: the orders the inverse
// DCTs read (natural for islow.ts, transposed for idct.ts), and zigzag order itself, which progressive
// frames keep until their blocks are transformed.

/** Natural-order index of the k-th zigzag coefficient. */
export const ZIGZAG: usize = memory.data<u8>([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
  28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
  54, 47, 55, 62, 63,
]);

/**
 * {@link ZIGZAG} for the transposed blocks of jpeg-js's inverse DCT (idct.ts): index 8 × column + row.
 */
export const ZIGZAG_TRANSPOSED: usize = memory.data<u8>([
  0, 8, 1, 2, 9, 16, 24, 17, 10, 3, 4, 11, 18, 25, 32, 40, 33, 26, 19, 12, 5, 6, 13, 20, 27, 34, 41, 48, 56, 49, 42,
  35, 28, 21, 14, 7, 15, 22, 29, 36, 43, 50, 57, 58, 51, 44, 37, 30, 23, 31, 38, 45, 52, 59, 60, 53, 46, 39, 47, 54,
  61, 62, 55, 63,
]);

/** The identity: coefficient k at index k (progressive frames' coefficients). */
export const ZIGZAG_ORDER: usize = memory.data<u8>([
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60,
  61, 62, 63,
]);

/** The order of a frame's blocks as its inverse DCT reads them (F_ISLOW set: natural, else transposed). */
@inline
export function transformOrder(islow: bool): usize {
  return islow ? ZIGZAG : ZIGZAG_TRANSPOSED;
}
