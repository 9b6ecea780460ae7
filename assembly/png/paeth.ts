// Paeth's predictor (PNG spec, 9.4), shared by the encoder's filter and the decoder's unfilter: of the left (a),
// above (b) and above-left (c) bytes, the one nearest to a + b − c, ties broken in that order.

// @ts-ignore: decorator
@inline
export function paethPredictor(a: i32, b: i32, c: i32): i32 {
  const pa = abs(b - c);
  const pb = abs(a - c);
  const pc = abs(a + b - c - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
