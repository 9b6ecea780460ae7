import { invalidArgument } from '../errors.js';

/** What augkit uses of pngjs's Node build (`pngjs`, an optional peer dependency). */
interface Pngjs {
  PNG: {
    sync: {
      read(buffer: Uint8Array, options?: { checkCRC?: boolean; skipRescale?: boolean }): { width: number; height: number; data: Uint8Array };
    };
  };
}

interface NodeBuiltins {
  getBuiltinModule?: (id: string) => unknown;
}

let loaded: { pngjs: Pngjs; toBuffer: (bytes: Uint8Array) => Uint8Array } | undefined;

/**
 * pngjs, the oracle augkit's PNG decoder is tested against, for `decoder: 'reference'` — loaded on first
 * use, never at import: augkit does not need it to read or write PNGs, so it is an optional peer dependency,
 * and no bundle carries it. It is required synchronously (decoding is synchronous) where the runtime can
 * (Node, Deno and Bun: `process.getBuiltinModule('node:module')`); `toBuffer` wraps bytes in the runtime's
 * Buffer, which pngjs reads with `readUInt32BE` and friends.
 *
 * @throws {AugkitError} INVALID_ARGUMENT (naming options.decoder) in a runtime that cannot require a
 *   package (browsers), or when pngjs is not installed.
 * @example
 * const { pngjs, toBuffer } = loadPngjs();
 * const png = pngjs.PNG.sync.read(toBuffer(bytes));
 */
export function loadPngjs(): { pngjs: Pngjs; toBuffer: (bytes: Uint8Array) => Uint8Array } {
  if (loaded) return loaded;
  const process = (globalThis as { process?: NodeBuiltins }).process;
  const nodeModule = process?.getBuiltinModule?.('node:module') as { createRequire(from: string): (id: string) => unknown } | undefined;
  const buffer = process?.getBuiltinModule?.('node:buffer') as
    | { Buffer: { from(buffer: ArrayBufferLike, byteOffset: number, length: number): Uint8Array } }
    | undefined;
  if (!nodeModule || !buffer) {
    throw invalidArgument('options.decoder', '"wasm" for a PNG in a runtime that cannot require packages ("reference" runs pngjs)', 'reference');
  }
  let pngjs: Pngjs;
  try {
    pngjs = nodeModule.createRequire(import.meta.url)('pngjs') as Pngjs;
  } catch (cause) {
    throw Object.assign(invalidArgument('options.decoder', '"wasm" for a PNG unless pngjs is installed ("reference" runs it)', 'reference'), { cause });
  }
  const toBuffer = (bytes: Uint8Array) => {
    // a SharedArrayBuffer (pixels shared between workers) is copied into a plain one first
    const owned = bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
    return buffer.Buffer.from(owned.buffer, owned.byteOffset, owned.byteLength);
  };
  loaded = { pngjs, toBuffer };
  return loaded;
}
