// Package size: what `npm install augkit` brings (the JS in dist/, which embeds both kernel builds
// as base64) and the WebAssembly builds themselves, raw and gzipped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizeRow {
  readonly what: string;
  readonly bytes: number;
  readonly gzipped: number;
}

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

/** Raw bytes, and the sum of each file gzipped on its own (as a server or registry would send them). */
function measure(what: string, paths: string[]): SizeRow {
  const contents = paths.map((p) => readFileSync(p));
  return {
    what,
    bytes: contents.reduce((sum, c) => sum + c.length, 0),
    gzipped: contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0),
  };
}

export function sizes(root: URL): SizeRow[] {
  const path = (p: string) => new URL(p, root).pathname;
  return [
    measure('kernels, SIMD build (build/kernels.simd.wasm)', [path('build/kernels.simd.wasm')]),
    measure('kernels, scalar build (build/kernels.scalar.wasm)', [path('build/kernels.scalar.wasm')]),
    measure('package JS (dist/**/*.js, both builds embedded as base64)', files(path('dist'), '.js')),
  ];
}

export function sizeTable(rows: readonly SizeRow[]): string {
  return [
    '| what | bytes | gzipped |',
    '| --- | ---: | ---: |',
    ...rows.map((r) => `| ${r.what} | ${r.bytes.toLocaleString('en-US')} | ${r.gzipped.toLocaleString('en-US')} |`),
  ].join('\n');
}
