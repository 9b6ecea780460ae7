// Packaging checks on the packed tarball (part of the tarball step of the conformance matrix):
//   - publint (package.json fields, exports, files) with warnings as errors;
//   - Are the Types Wrong? (@arethetypeswrong/cli): `augkit` must resolve to correct types from ESM and
//     CommonJS under node16 and bundler resolution; `augkit/node` is ESM only by design (worker threads, Node
//     only; `require(esm)` loads it on Node ≥ 20.19), so it is checked with the esm-only profile;
//   - the tarball's file list equals the pinned list in package-files.txt, and ships no tests, fixtures or sources.
// `node test/conformance/packaging.mjs --update` rewrites package-files.txt from `npm pack --dry-run` (after
// `npm run build`), for a change that adds or removes a shipped file on purpose.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, runOk } from './lib/processes.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pinnedPath = fileURLToPath(new URL('./package-files.txt', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const versionOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

/** Paths that must never be in the tarball: tests, fixtures, TypeScript sources, build scratch. */
const FORBIDDEN = [/^test\//, /fixtures\//, /^src\//, /^assembly\//, /^build\//, /^bench\//, /^out\//, /(?<!\.d)\.c?ts$/];

function pinnedFiles() {
  return readFileSync(pinnedPath, 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
}

/** Compares the tarball's paths with the pinned list; returns a check `{ id, ok, output }`. */
export function fileListCheck(paths) {
  const shipped = [...paths].sort();
  const pinned = new Set(pinnedFiles());
  const added = shipped.filter((p) => !pinned.has(p));
  const removed = [...pinned].filter((p) => !paths.has(p));
  const forbidden = shipped.filter((p) => FORBIDDEN.some((re) => re.test(p)));
  const lines = [
    ...forbidden.map((p) => `must not be shipped: ${p}`),
    ...added.map((p) => `shipped but not pinned: ${p}`),
    ...removed.map((p) => `pinned but not shipped: ${p}`),
  ];
  if (added.length || removed.length) {
    lines.push('if the change is intended: npm run build && node test/conformance/packaging.mjs --update');
  }
  const output = lines.join('\n') || `${shipped.length} files as pinned`;
  return { id: 'tarball file list', version: 'package-files.txt', ok: lines.length === 0, output, ms: 0 };
}

async function toolCheck(id, tool, args) {
  const [name, command] = tool === 'publint' ? ['publint', bin('publint')] : ['@arethetypeswrong/cli', bin('attw')];
  const result = await run(command, args, { cwd: root });
  const output = (result.stdout + result.stderr).trim();
  return { id, version: `${name} ${versionOf(name)}`, ok: result.code === 0, output, ms: result.ms };
}

/** publint and attw on the tarball at `tarball`, and the file list check on `paths` (a Set of its paths). */
export async function runPackagingChecks(tarball, paths) {
  return [
    fileListCheck(paths),
    await toolCheck('publint --strict', 'publint', ['run', tarball, '--strict']),
    await toolCheck('attw augkit (ESM + CJS)', 'attw', [tarball, '--entrypoints', '.', '--profile', 'node16', '--no-emoji', '--no-color']),
    await toolCheck('attw augkit/node (ESM only)', 'attw', [
      tarball, '--entrypoints', './node', '--profile', 'esm-only', '--no-emoji', '--no-color',
    ]),
  ];
}

if (process.argv.includes('--update')) {
  const packed = await runOk('npm', ['pack', '--dry-run', '--json'], { cwd: root });
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
  const paths = info.files.map((f) => f.path).sort();
  writeFileSync(
    pinnedPath,
    `# The files the npm tarball ships (checked by test/conformance/packaging.mjs; regenerate with --update).\n${paths.join('\n')}\n`,
  );
  console.log(`pinned ${paths.length} files (${(info.size / 1024).toFixed(0)} kB packed, ${(info.unpackedSize / 1024).toFixed(0)} kB unpacked)`);
}
