/**
 * pngjs's browser bundle carries feross's `buffer` v5 polyfill, which makes every Uint8Array it allocates a
 * Buffer with `buf.__proto__ = Buffer.prototype` (and links `Buffer` to Uint8Array the same way when it
 * loads). Deno 2 replaces the `Object.prototype.__proto__` accessor with a stub that only defines an own
 * property named `__proto__` (its `--unstable-unsafe-proto` flag restores it). There, loading the bundle
 * prints "This browser lacks typed array (Uint8Array) support", its buffers stay plain Uint8Arrays without
 * `readUInt32BE` and friends, and every PNG fails to decode.
 *
 * So, where that accessor does not work, augkit puts the standard one (Annex B: get/setPrototypeOf) on
 * `Object.prototype` for exactly as long as pngjs runs — while the bundle is evaluated (from this module's
 * evaluation, which `pngjs.ts` orders just before the bundle's, until `pngjs.ts` calls
 * `endBundleEvaluation`) and during each synchronous pngjs call (`withStandardProto`) — and puts the
 * runtime's own descriptor back afterwards, even when the call throws. Where the accessor works (Node,
 * Bun, browsers), nothing is changed.
 */

const original = Object.getOwnPropertyDescriptor(Object.prototype, '__proto__');

const standard: PropertyDescriptor = {
  configurable: true,
  enumerable: false,
  get(this: unknown) {
    return Object.getPrototypeOf(Object(this));
  },
  set(this: unknown, proto: unknown) {
    const settable = (typeof this === 'object' && this !== null) || typeof this === 'function';
    if (settable && (typeof proto === 'object' || typeof proto === 'function')) Object.setPrototypeOf(this, proto);
  },
};

/**
 * True when the runtime's `__proto__` setter is missing or is not the engine's own (Deno's stub is JavaScript),
 * and can be replaced. Told from the setter's source text rather than by calling it: once its stub has been
 * called, Deno blames `__proto__` (with an `--unsafe-proto` hint) for any later uncaught error in the program.
 */
const needsStandard =
  original?.configurable !== false &&
  !(original?.set && /\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(original.set)));

function restore(): void {
  if (original) Object.defineProperty(Object.prototype, '__proto__', original);
  else delete (Object.prototype as { __proto__?: unknown }).__proto__;
}

if (needsStandard) Object.defineProperty(Object.prototype, '__proto__', standard);

/** Restores the runtime's own `__proto__` once the pngjs bundle has been evaluated (see above). */
export function endBundleEvaluation(): void {
  if (needsStandard) restore();
}

/**
 * Runs `run` (a synchronous pngjs call) with a working `__proto__` accessor (see above).
 *
 * @example
 * const png = withStandardProto(() => pngjs.PNG.sync.read(buffer));
 */
export function withStandardProto<T>(run: () => T): T {
  if (!needsStandard) return run();
  Object.defineProperty(Object.prototype, '__proto__', standard);
  try {
    return run();
  } finally {
    restore();
  }
}
