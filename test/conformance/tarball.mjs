// The packed-tarball check: `npm pack`, install the tarball into a throw-away consumer project in the
// system's temp directory (outside the repository, so nothing resolves to the checkout), then run the
// conformance script there as a user would — Node ESM `import`, Node CommonJS `require`, Deno (npm
// compatibility with the consumer's node_modules) and Bun — and type-check a TypeScript consumer with
// `tsc --noEmit` under `moduleResolution: bundler` and `node16` (ESM .ts and CommonJS .cts), and runs the
// packaging checks of packaging.mjs (publint, attw, the pinned file list). This catches a file missing from
// `files` or `exports`.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES } from './ops.mjs';
import { parseReport, run, runOk } from './lib/processes.mjs';
import { runPackagingChecks } from './packaging.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Files the published package must contain. */
const REQUIRED_FILES = ['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/index.cjs', 'dist/index.d.cts'];

const CONSUMER_TS = `// A TypeScript consumer of the published package, type-checked only.
import { AugkitError, decode, encodePng, flipHorizontal, resize, rotate, saltAndPepper, type RgbaImage } from 'augkit';

export function augment(bytes: Uint8Array): Uint8Array {
  const img: RgbaImage = decode(bytes);
  const noisy = saltAndPepper(rotate(flipHorizontal(resize(img, 64, 64)), 17, { expand: true }), { amount: 0.02, seed: 1 });
  const seed: number = noisy.seed;
  const data: Uint8ClampedArray = noisy.data;
  return seed >= 0 && data.length > 0 ? encodePng(noisy) : new Uint8Array();
}

export function isTooLarge(error: unknown): boolean {
  return error instanceof AugkitError && error.code === 'TOO_LARGE';
}
`;

const CONSUMER_CTS = `// A CommonJS TypeScript consumer (.cts: compiled to require), type-checked only.
import { AugkitError, rotate, type RgbaImage } from 'augkit';

const img: RgbaImage = { width: 2, height: 2, data: new Uint8Array(16) };
const out = rotate(img, 90, { expand: true });
export const size: [number, number] = [out.width, out.height];
export const isAugkitError = (e: unknown): boolean => e instanceof AugkitError;
`;

function tsconfig(module, moduleResolution, files) {
  return JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module,
      moduleResolution,
      lib: ['ES2022', 'DOM'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    },
    files,
  }, null, 2);
}

/**
 * Packs, installs and checks; resolves to `{ checks, typecheck, packMs, tarball }` where `checks` is a list
 * of `{ id, label, report, ms }` like the other runners and `typecheck` a list of `{ id, ok, output }`.
 * `versions` gives the deno and bun commands' labels. Throws if packing or installing fails.
 */
export async function runTarballChecks() {
  const work = mkdtempSync(join(tmpdir(), 'augkit-consumer-'));
  try {
    const started = performance.now();
    const packed = await runOk('npm', ['pack', '--json', '--pack-destination', work], { cwd: root });
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
    const files = new Set(info.files.map((f) => f.path));
    const missing = REQUIRED_FILES.filter((f) => !files.has(f));
    if (missing.length) throw new Error(`the packed tarball lacks ${missing.join(', ')}`);

    const consumer = join(work, 'consumer');
    mkdirSync(join(consumer, 'conformance'), { recursive: true });
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'augkit-consumer', private: true, type: 'module', dependencies: { augkit: `file:../${info.filename}` } }, null, 2),
    );
    await runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], {
      cwd: consumer,
      timeoutMs: 180_000,
    });
    const packMs = performance.now() - started;

    for (const file of ['run.mjs', 'run.cjs', 'ops.mjs']) cpSync(join(here, file), join(consumer, 'conformance', file));
    for (const fixture of FIXTURES) {
      const target = join(consumer, 'fixtures', fixture);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(join(here, '..', 'fixtures', fixture), target);
    }

    const script = ['conformance/run.mjs'];
    const runners = [
      { id: 'tarball-node-esm', label: 'tarball: Node import', command: process.execPath, args: script },
      { id: 'tarball-node-cjs', label: 'tarball: Node require', command: process.execPath, args: ['conformance/run.cjs'] },
      {
        id: 'tarball-deno',
        label: 'tarball: Deno',
        command: bin('deno'),
        args: ['run', '--node-modules-dir=manual', '--allow-read=.', '--no-prompt', ...script],
      },
      { id: 'tarball-bun', label: 'tarball: Bun', command: bin('bun'), args: script },
    ];
    const checks = [];
    for (const r of runners) {
      const result = await run(r.command, r.args, { cwd: consumer });
      checks.push({ id: r.id, label: r.label, report: parseReport(result), ms: result.ms, stderr: result.stderr });
    }

    writeFileSync(join(consumer, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(join(consumer, 'consumer-require.cts'), CONSUMER_CTS);
    writeFileSync(join(consumer, 'tsconfig.bundler.json'), tsconfig('ESNext', 'Bundler', ['consumer.ts']));
    writeFileSync(join(consumer, 'tsconfig.node16.json'), tsconfig('Node16', 'Node16', ['consumer.ts', 'consumer-require.cts']));
    const typecheck = [];
    for (const [id, config] of [['tsc bundler', 'tsconfig.bundler.json'], ['tsc node16 (.ts + .cts)', 'tsconfig.node16.json']]) {
      const result = await run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config], { cwd: consumer });
      typecheck.push({ id, ok: result.code === 0, output: (result.stdout + result.stderr).trim(), ms: result.ms });
    }
    typecheck.push(...(await runPackagingChecks(join(work, info.filename), files)));
    const tarballBytes = readFileSync(join(work, info.filename)).length;
    return { checks, typecheck, packMs, tarball: { name: info.filename, bytes: tarballBytes, files: info.files.length } };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
