// Serves the playground on http://127.0.0.1:5173 (`npm run playground`, after `npm run build`): main.js and
// worker.js are bundled with esbuild when the server starts (augkit and its CommonJS codecs resolved from
// this checkout), the rest is served as is, plus the sample photos under /sample/.
//   node examples/playground/serve.mjs [--port 5173] [--host 127.0.0.1]
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const samples = fileURLToPath(new URL('../sample/', import.meta.url));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.jpg': 'image/jpeg' };

/** main.js and worker.js bundled for browsers, as a Map of URL path → bytes. */
async function bundle() {
  const { outputFiles } = await build({
    entryPoints: [join(here, 'main.js'), join(here, 'worker.js')],
    outdir: '/',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  return new Map(outputFiles.map((file) => [file.path.replace(/\\/g, '/').replace(/^.*\//, '/'), file.contents]));
}

/** Starts the server; resolves to `{ url, close }`. Port 0 picks a free port. */
export async function startPlayground({ port = 5173, host = '127.0.0.1' } = {}) {
  const bundled = await bundle();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const send = (status, body, type = 'text/plain') => {
      response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (bundled.has(path)) return send(200, bundled.get(path), 'text/javascript');
    const [dir, rest] = path.startsWith('/sample/') ? [samples, path.slice(8)] : [here, path === '/' ? 'index.html' : path.slice(1)];
    const file = normalize(join(dir, rest));
    if (!file.startsWith(dir.endsWith(sep) ? dir : dir + sep) || !['.html', '.css', '.png', '.jpg'].includes(extname(file).toLowerCase())) {
      return send(404, 'not found');
    }
    try {
      send(200, await readFile(file), TYPES[extname(file).toLowerCase()]);
    } catch {
      send(404, 'not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address();
  return { url: `http://${host}:${actual}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const { url } = await startPlayground({ port: Number(option('port', 5173)), host: option('host', '127.0.0.1') });
  console.log(`augkit playground: ${url}  (Ctrl+C to stop)`);
}
