// A zero-dependency static server for www/ (or a release folder), on
// 127.0.0.1 only, with the headers docs/deploy/ asks of a portal's server:
// validators (ETag, Last-Modified) and `no-cache` for the HTML, notices.json
// and sw.js; `immutable` for the release's hashed names; brotli or gzip as
// the browser asks (a precompressed .br/.gz next to the file when there is one).
//   node scripts/serve.mjs [port] [folder]   (default 8080, www/; 0 picks a free port)
// The end-to-end tests import serve() to start their own.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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
 * serve their fixtures next to the page); `failing(path)`, when it returns a
 * status, answers with that error instead (tests play an overloaded server).
 */
export function serve(root, port = 0, { headers = () => ({}), mounts = {}, failing = () => null } = {}) {
  root = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      const fail = failing(url.pathname);
      if (fail) {
        res.writeHead(fail, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(`<!doctype html><title>${fail}</title><h1>Service Unavailable</h1>`);
        return;
      }
      const pathname = decodeURIComponent(url.pathname);
      const mount = Object.keys(mounts).find((m) => pathname.startsWith(m));
      const base = mount ? resolve(mounts[mount]) : root;
      let path = normalize(join(base, mount ? pathname.slice(mount.length) : pathname));
      if (!path.startsWith(base)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      let body = await readFile(path);
      const info = await stat(path);
      const hashedName = /\.[0-9a-f]{10}\.[a-z]+$/.test(path);
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      const head = {
        'content-type': TYPES[extname(path)] || 'application/octet-stream',
        'cache-control': hashedName ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag,
        'last-modified': info.mtime.toUTCString(),
        ...headers(url.pathname),
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, head);
        res.end();
        return;
      }
      // Compressed as a real web server would serve it
      const accepts = req.headers['accept-encoding'] || '';
      if (extname(path) !== '.png' && /\b(br|gzip)\b/.test(accepts)) {
        const encoding = /\bbr\b/.test(accepts) ? 'br' : 'gzip';
        const pre = await readFile(`${path}.${encoding === 'br' ? 'br' : 'gz'}`).catch(() => null);
        body = pre ?? (encoding === 'br'
          ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
          : gzipSync(body, { level: 9 }));
        head['content-encoding'] = encoding;
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
  const root = process.argv[3] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'www');
  const server = await serve(root, port);
  console.log(`災害時モード判定: http://127.0.0.1:${server.address().port}/  (Ctrl+C で停止)`);
}
