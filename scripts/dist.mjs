// A release a portal can deploy (run by scripts/build after the module is built):
//   node scripts/dist.mjs [--from www] [--out dist] [--with-notices]
//
// dist/checker/   the checker only: its element and the modules it imports
//                 bundled into one file (esbuild: one request instead of
//                 nine, and smaller), every file the page loads under a name
//                 with its content hash (immutable: a deploy never mixes two
//                 versions, and caches may keep them forever), precompressed
//                 .gz and .br beside each; index.html, sw.js, version.js and
//                 embed-example.html keep their names (revalidated on every
//                 visit), and saigai-mode-check.js, the name portals embed,
//                 becomes a one-line module loading the hashed element; no notices.json unless --with-notices, so copying a
//                 release over a site never replaces the site's data
// dist/maintain/  the maintainers' page and its module, in a folder of its own
//                 (publish it where only the portal's staff reach it)
// docs/deploy/ has the cache headers to send for each kind of file.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const FROM = arg('--from', join(ROOT, 'www'));
const OUT = arg('--out', join(ROOT, 'dist'));

// What the page loads, by the name the sources use (relative to www/)
const HASHED = [
  'calendar.js', 'guide-view.js', 'saigai-mode-check.js', 'saigai-mode.css', 'page.css', 'favicon.svg', 'postal-codes.txt',
  'readings.txt', 'procedure.json', 'pkg/saigai_mode_bg.wasm',
];
// Imported by saigai-mode-check.js and bundled into it (calendar.js,
// guide-view.js and version.js stay their own: loaded later, and one per
// version; guide-view.js gets its own copy of dom.js)
const BUNDLED = [
  'dom.js', 'data-load.js', 'combobox.js', 'timeline.js', 'verdict-view.js', 'pkg/saigai_mode.js',
];
const LATER = ['./version.js', './calendar.js', './guide-view.js'];
const KEPT = ['index.html', 'sw.js', 'version.js', 'embed-example.html', 'embed-example.css'];
const TEXT = /\.(js|css|html|svg|txt|json|wasm)$/;

/** References to `name` in a file at `from`: './dom.js', 'pkg/x.js', "x.wasm" … */
function referencePattern(name, from) {
  const rel = dirname(from) === dirname(name) ? basename(name) : name;
  const escaped = rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(['"\`(]|\\./)(${escaped})(?=['"\`)?#])`, 'g');
}

/** What is shipped of a source file: JavaScript and CSS minified (esbuild), JSON without its indentation */
async function minify(name, text) {
  if (name.endsWith('.json')) return JSON.stringify(JSON.parse(text));
  const loader = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
  if (!loader) return text;
  const out = await transform(text, { loader, minify: true, charset: 'utf8', legalComments: 'none', format: loader === 'js' ? 'esm' : undefined });
  return out.code;
}

/** A module with everything it imports but what is loaded later, as one
 * file (measured on the element: 13.5 → 11.9 KB gzip) */
async function bundle(name) {
  const out = await build({
    entryPoints: [join(FROM, name)],
    bundle: true,
    format: 'esm',
    minify: true,
    // Japanese as UTF-8 (3 bytes a character), not \uXXXX escapes (6)
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    external: LATER,
    logLevel: 'error',
  });
  return Buffer.from(out.outputFiles[0].contents);
}

const hashed = new Map(); // source name → hashed name
const contents = new Map(HASHED.map((n) => [n, readFileSync(join(FROM, n))]));
for (const n of ['saigai-mode-check.js', 'guide-view.js']) contents.set(n, await bundle(n));
const refersTo = (text, from, name) => referencePattern(name, from).test(text);
const rewrite = (text, from) => {
  for (const [name, to] of hashed) {
    const rel = dirname(from) === dirname(name) ? basename(to) : to;
    text = text.replace(referencePattern(name, from), (_, lead) => `${lead}${rel}`);
  }
  return text;
};

rmSync(OUT, { recursive: true, force: true });
const checker = join(OUT, 'checker');
mkdirSync(join(checker, 'pkg'), { recursive: true });

// Leaves first: a file's hash covers the hashed names of what it loads
while (hashed.size < HASHED.length) {
  const ready = HASHED.filter((n) => !hashed.has(n)).filter((n) => {
    if (/\.(wasm|svg|txt|json)$/.test(n)) return true;
    const text = contents.get(n).toString('utf8');
    return HASHED.every((dep) => dep === n || hashed.has(dep) || !refersTo(text, n, dep));
  });
  if (ready.length === 0) throw new Error(`cyclic references among ${HASHED.filter((n) => !hashed.has(n))}`);
  for (const n of ready) {
    const body = TEXT.test(n) && !n.endsWith('.wasm')
      ? Buffer.from(await minify(n, rewrite(contents.get(n).toString('utf8'), n)))
      : contents.get(n);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const name = n.replace(/(\.[^.]+)$/, `.${hash}$1`);
    writeFileSync(join(checker, name), body);
    hashed.set(n, name);
  }
}
/** A page or the worker without the names of the bundled modules (preloads, the cached shell) */
function unbundled(text) {
  for (const name of BUNDLED) {
    const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = text.replace(new RegExp(`\\s*<link rel="modulepreload" href="${quoted}">`, 'g'), '')
      .replace(new RegExp(`\\s*'${quoted}',`, 'g'), '');
  }
  return text;
}
for (const n of KEPT) {
  if (!existsSync(join(FROM, n))) continue;
  // The example host page shows what a portal writes: the stable name
  const text = readFileSync(join(FROM, n), 'utf8');
  writeFileSync(join(checker, n), n.startsWith('embed-example') ? text : rewrite(unbundled(text), n));
}
// The stable name portals embed (<script type="module" src="…/saigai-mode-check.js">):
// a one-line module, revalidated on every visit, that loads this build's element
writeFileSync(join(checker, 'saigai-mode-check.js'),
  `// this release's element (the name portals embed; see README «Embedding»)\nimport './${hashed.get('saigai-mode-check.js')}';\n`);
if (process.argv.includes('--with-notices')) cpSync(join(FROM, 'notices.json'), join(checker, 'notices.json'));

// Precompressed copies, for servers that send them as they are. The .gz by
// Zopfli (npm @gfx/zopfli, built to wasm: valid gzip, smaller than zlib's -9;
// measured on the module 2026-12-02: 90.2 KB against 96.5 KB), the .br at
// brotli's highest quality. Zopfli takes seconds (the postal table: 6 s), so
// each result is kept by its content's hash in target/ for the next build.
const GZ_CACHE = join(ROOT, 'target', 'zopfli-cache');
mkdirSync(GZ_CACHE, { recursive: true });
async function smallestGzip(n, body) {
  const cached = join(GZ_CACHE, `${createHash('sha256').update(body).digest('hex')}.gz`);
  if (existsSync(cached)) return readFileSync(cached);
  const gz = Buffer.from(await gzipAsync(body, { numiterations: 15 }));
  // (never larger than zlib's, nor different once unpacked)
  const zlib = gzipSync(body, { level: 9 });
  if (!gunzipSync(gz).equals(body)) throw new Error(`${n}: zopfli's gzip does not unpack to the file`);
  const best = gz.length < zlib.length ? gz : zlib;
  writeFileSync(cached, best);
  return best;
}
for (const n of [...hashed.values(), 'saigai-mode-check.js', ...KEPT.filter((k) => existsSync(join(checker, k)))]) {
  const body = readFileSync(join(checker, n));
  writeFileSync(join(checker, `${n}.gz`), await smallestGzip(n, body));
  writeFileSync(join(checker, `${n}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

// The maintainers' page, on its own
const maintain = join(OUT, 'maintain');
mkdirSync(maintain, { recursive: true });
for (const n of ['maintain.html', 'maintain.css', 'maintain.js', 'dom.js', 'favicon.svg', 'pkg-maintain']) {
  cpSync(join(FROM, n), join(maintain, n), { recursive: true });
}
const version = /SAIGAI_MODE_VERSION = '([^']+)'/.exec(readFileSync(join(FROM, 'version.js'), 'utf8'))?.[1];
console.log(`dist: ${version} → ${OUT}/checker (${hashed.size} hashed files), ${OUT}/maintain`);
