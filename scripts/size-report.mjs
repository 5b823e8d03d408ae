// Bytes of everything the checker page downloads for its first verdict:
// raw, gzip -9 and brotli -q 11, and the total.
//   node scripts/size-report.mjs           print the table
//   node scripts/size-report.mjs --check   also fail when the gzip total exceeds the budget
// Run scripts/build first (the wasm module is part of the count).
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET_GZIP = 150_000; // issue 3: the page's first verdict, gzip total
const www = fileURLToPath(new URL('../www/', import.meta.url));
const FILES = [
  'index.html', 'page.css', 'favicon.svg',
  'saigai-mode-check.js', 'saigai-mode.css',
  'dom.js', 'data-load.js', 'combobox.js', 'verdict-view.js', 'guide-view.js', 'timeline.js',
  'pkg/saigai_mode.js', 'pkg/saigai_mode_bg.wasm',
  'notices.json',
];

const rows = FILES.map((f) => {
  const raw = readFileSync(www + f);
  return {
    file: f,
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).length,
  };
});
const total = rows.reduce((t, r) => ({ file: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const fmt = (n) => n.toLocaleString('en-US').padStart(9);
console.log(`${'file'.padEnd(26)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}`);
for (const r of [...rows, total]) console.log(`${r.file.padEnd(26)}${fmt(r.raw)}${fmt(r.gzip)}${fmt(r.brotli)}`);
console.log(`gzip budget ${BUDGET_GZIP.toLocaleString('en-US')} bytes: ${total.gzip <= BUDGET_GZIP ? 'within' : 'EXCEEDED'}`);
// Not part of the first verdict: fetched only when an input is a postal code
const postal = readFileSync(www + 'postal-codes.txt');
console.log(`\nfetched on demand (postal codes only)`);
console.log(`${'postal-codes.txt'.padEnd(26)}${fmt(postal.length)}${fmt(gzipSync(postal, { level: 9 }).length)}${fmt(brotliCompressSync(postal, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: postal.length } }).length)}`);
if (process.argv.includes('--check') && total.gzip > BUDGET_GZIP) process.exit(1);
// The module carries no path of the machine that built it (scripts/build remaps them)
const wasm = readFileSync(`${www}pkg/saigai_mode_bg.wasm`).toString('latin1');
const machine = [fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, ''), process.env.CARGO_HOME || `${process.env.HOME}/.cargo`]
  .filter((p) => wasm.includes(p));
console.log(`build paths in the module: ${machine.length ? machine.join(', ') : 'none'}`);
if (process.argv.includes('--check') && machine.length) process.exit(1);
