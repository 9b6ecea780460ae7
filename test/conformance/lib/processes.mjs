// Runs a command and returns its output; used for the runtimes that run the conformance script directly.
import { spawn } from 'node:child_process';

/**
 * Runs `command args` in `cwd` and resolves to `{ code, stdout, stderr, ms }` (never rejects; a spawn error
 * or the timeout shows as a non-zero code and a note in stderr).
 */
export function run(command, args, { cwd, env = process.env, timeoutMs = 120_000 } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n[timed out after ${timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, timeoutMs);
    const finish = (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    };
    child.on('error', (error) => {
      stderr += `\n${error.message}`;
      finish(-1);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : -1)));
  });
}

/** Runs a command that must succeed; rejects with its output otherwise. */
export async function runOk(command, args, options) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.code}\n${result.stdout}${result.stderr}`.trim());
  }
  return result;
}

/** The conformance report: the last line of stdout that parses as a JSON object with `results` or `error`. */
export function parseReport({ code, stdout, stderr }) {
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    try {
      const report = JSON.parse(line);
      if (report.results || report.error) return report;
    } catch {
      // not the report
    }
  }
  return { error: `exit code ${code}, no report on stdout\n${(stdout + stderr).trim().slice(-2000)}` };
}

/** The first line a `--version` prints. */
export async function versionOf(command, args = ['--version'], options) {
  const { stdout, stderr } = await run(command, args, options);
  return (stdout || stderr).trim().split('\n')[0];
}
