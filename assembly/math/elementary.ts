// ln and exp for the binding's pipeline draws (randomResizedCrop's log-uniform aspect ratio): JavaScript's
// Math.log and Math.exp are not specified to the last bit, these are the same in every engine.

/** ln(x). */
export function lnF64(x: f64): f64 {
  return Math.log(x);
}

/** e^x. */
export function expF64(x: f64): f64 {
  return Math.exp(x);
}
