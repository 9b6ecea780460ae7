/** Types for pako 1's deflate module (`pako/lib/deflate.js`, CommonJS); only what augkit uses. */
declare module 'pako/lib/deflate.js' {
  export function deflate(data: Uint8Array, options?: { level?: number; strategy?: number }): Uint8Array;
}
