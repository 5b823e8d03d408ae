// A zero-dependency static server for www/, on 127.0.0.1 only.
//   node scripts/serve.mjs [port]      (default 8080; 0 picks a free port)
// The end-to-end tests import serve() to start their own.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ts': 'text/plain; charset=utf-8',
};

/**
 * Serve `root` on 127.0.0.1. Options: `headers(path)` adds response headers
 * (e.g. a CSP); `mounts` maps URL prefixes to other folders (tests use it to
 * serve their fixtures next to the page).
 */
export function serve(root, port = 0, { headers = () => ({}), mounts = {} } = {}) {
  root = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      const pathname = decodeURIComponent(url.pathname);
      const mount = Object.keys(mounts).find((m) => pathname.startsWith(m));
      const base = mount ? resolve(mounts[mount]) : root;
      let path = normalize(join(base, mount ? pathname.slice(mount.length) : pathname));
      if (!path.startsWith(base)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      let body = await readFile(path);
      const head = { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-cache', ...headers(url.pathname) };
      // Compressed as a real web server would serve it
      if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && extname(path) !== '.png') {
        body = gzipSync(body, { level: 9 });
        head['content-encoding'] = 'gzip';
        head.vary = 'accept-encoding';
      }
      res.writeHead(200, head);
      res.end(body);
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' || e.code === 'EISDIR' ? 404 : 500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const root = join(fileURLToPath(new URL('..', import.meta.url)), 'www');
  const server = await serve(root, port);
  console.log(`災害時モード判定: http://127.0.0.1:${server.address().port}/  (Ctrl+C で停止)`);
}
