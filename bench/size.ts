// Package size: what `npm install augkit` brings (the JS in dist/, which embeds both builds of every
// WebAssembly module as base64) and the WebAssembly builds themselves (build/*.wasm), raw and gzipped.
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
  // build/<module>.<simd|scalar>.wasm: the kernels first, then the other modules by name; SIMD before scalar
  const order = (module: string) => (module === 'kernels' ? '' : module);
  const wasm = files(path('build'), '.wasm')
    .map((file) => file.slice(file.lastIndexOf('/') + 1).split('.') as [string, string, string])
    .sort(([ma, ba], [mb, bb]) => order(ma).localeCompare(order(mb)) || bb.localeCompare(ba));
  return [
    ...wasm.map(([module, build]) =>
      measure(`${module}, ${build === 'simd' ? 'SIMD' : build} build (build/${module}.${build}.wasm)`, [
        path(`build/${module}.${build}.wasm`),
      ]),
    ),
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
