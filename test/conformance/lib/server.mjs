// A tiny static HTTP server on 127.0.0.1 (a free port) for the browser checks: in-memory files first, then
// directories mounted under URL prefixes. GET only; nothing outside the mounted directories is served.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** The Content-Type for a file name. */
export function contentType(name) {
  return TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Serves `files` (Map of URL path → string | Uint8Array) and `mounts` (array of [URL prefix ending in '/',
 * directory]; a prefix may start with '*' to match anywhere in the path). Resolves to `{ url, close }`.
 */
export async function serve({ files = new Map(), mounts = [] } = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const send = (status, body, type) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (request.method !== 'GET') return send(405, 'GET only', 'text/plain');
    if (path === '/favicon.ico') return send(204, '', 'image/x-icon');
    const file = files.get(path) ?? (path.endsWith('/') ? files.get(`${path}index.html`) : undefined);
    if (file !== undefined) return send(200, file, contentType(path.endsWith('/') ? 'index.html' : path));
    for (const [prefix, dir] of mounts) {
      const at = prefix.startsWith('*') ? path.indexOf(prefix.slice(1)) : path.startsWith(prefix) ? 0 : -1;
      if (at < 0) continue;
      const rest = path.slice(at + prefix.replace(/^\*/, '').length);
      const target = normalize(join(dir, rest));
      if (!target.startsWith(normalize(dir + sep))) return send(403, 'outside the mount', 'text/plain');
      try {
        return send(200, await readFile(target), contentType(target));
      } catch {
        return send(404, `not found: ${path}`, 'text/plain');
      }
    }
    return send(404, `not found: ${path}`, 'text/plain');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
