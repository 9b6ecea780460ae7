// Runs decode cases in a worker thread with a time box. The worker is bundled from the TypeScript sources
// with esbuild (a devDependency) so it tests the current src/ without a build step.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { DecodeOptions } from '../../src/index.js';
import type { DecodeReport } from './verdict.js';

/** A case that ran out of time or killed its worker: the pool's own verdict. */
function failed(problem: string, ms: number): DecodeReport {
  return { outcome: { kind: 'foreign', name: 'Worker', message: problem }, ms, problems: [problem] };
}

/** One worker thread that decodes one input at a time. */
export class DecodePool {
  private worker: Worker | undefined;
  private nextId = 0;

  private constructor(
    private readonly script: string,
    private readonly cleanup: () => void,
  ) {}

  /** Bundles the worker and starts it. */
  static async start(): Promise<DecodePool> {
    const dir = mkdtempSync(join(tmpdir(), 'augkit-fuzz-'));
    const script = join(dir, 'worker.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: script,
      logLevel: 'warning',
      // CommonJS dependencies (pngjs, jpeg-js) call require() for Node built-ins inside an ES module bundle.
      banner: { js: "import { createRequire as __augkitCreateRequire } from 'node:module'; const require = __augkitCreateRequire(import.meta.url);" },
    });
    return new DecodePool(script, () => rmSync(dir, { recursive: true, force: true }));
  }

  private ensureWorker(): Worker {
    this.worker ??= new Worker(this.script);
    return this.worker;
  }

  /**
   * Decodes `bytes` in the worker and reports what `checkDecode` found. A case still running after
   * `timeoutMs` is a hang: the worker is terminated (and replaced for the next case) and the case fails.
   * A worker that dies (out of memory, a native crash) fails the case the same way.
   */
  run(bytes: Uint8Array, options: DecodeOptions, timeoutMs: number): Promise<DecodeReport> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const start = performance.now();
    return new Promise((resolve) => {
      const finish = (report: DecodeReport, restart: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (restart) {
          this.worker = undefined;
          void worker.terminate();
        }
        resolve(report);
      };
      const onMessage = (message: { id: number; report: DecodeReport }) => {
        if (message.id === id) finish(message.report, false);
      };
      const onError = (error: Error) => finish(failed(`the worker crashed: ${error.message}`, performance.now() - start), true);
      const onExit = (code: number) => finish(failed(`the worker exited with code ${code}`, performance.now() - start), true);
      const timer = setTimeout(() => finish(failed(`no result after ${timeoutMs} ms (a hang)`, timeoutMs), true), timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, bytes, options });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
    this.cleanup();
  }
}
