// Bytes of everything the checker page downloads for its first verdict, as a
// portal deploys it (the release in dist/checker: minified, hashed names):
// raw, and as sent gzip (the release's Zopfli .gz) and brotli (its -q 11
// .br), and the total.
//   node scripts/size-report.mjs           print the table
//   node scripts/size-report.mjs --check   also fail when a total exceeds its budget
// Run scripts/build first (the wasm module and dist/ are part of the count).
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

// Issue 9 asks for 90,000 B gzip and 75,000 B brotli. The budgets asserted
// are what the release reaches today, lowered as it shrinks; a change that
// adds bytes for correctness raises them here and says why.
// 2026-12-02: −5.5 KB gzip from the lean build and smaller cuts, +2.1 KB for
// the resolver's new answers. It no longer answers for the first of two
// places typed together (yet reads 金沢市大野町 as an address), for
// 福島県石川町 when 「石川」 is typed or for Tokyo's 北区 when きたく is; it
// reads かなざわ市, 石川県ななおし and 府中市（広島県）. Splitting resolve.rs
// by form moved brotli by +50 B. Later that day +1.2 KB (after −120 B from
// stripping the target_features section): a day before the data's first
// disaster is answered 不明, not 対象外 (it was a confident wrong answer for
// any date before the data), and the resolver reads bare names in a list
// (輪島、珠洲, wajima, suzu), a prefecture after a name (輪島、石川) and a
// ward after its city's name without 市 (札幌中央区), which found nothing;
// +0.2 KB brotli for saying that a postal code Japan Post's address table
// lacks may be a business's own, and what to check before the data's first
// disaster; +0.8 KB for Tokyo's 中央区/北区/港区 before an address: they
// were taken for Tokyo's (中央区（札幌市）, 北区北24条西 answered for Tokyo);
// +0.2 KB for 東村山 (was 沖縄県東村), 蒲郡/大和郡山 (found nothing) and しろいし
// (was 白井市 alone); +0.4 KB for 町/村 read the other way in kana and romaji
// (しかちょう, shika-cho for 志賀町 found nothing); +0.1 KB of layout drift
// after an importer-only change (src/import/list.rs).
// 2026-12-02 (third session): gzip counted as shipped, the release's .gz
// written by Zopfli (−6.4 KB gzip: the module 96.5 → 90.2 KB); +0.3 KB
// brotli for a former ward by its own name (浜北区 found nothing), a place
// that only a remark of a disaster names (金沢市 under 「（２）…申請があった
// もの」: 対象外, told of it) and the master's prefecture index; +0.3 KB for a
// former town before an address (筑紫郡那珂川町西隈 was answered for 栃木県
// 那須郡那珂川町; 野々市町本町 and 三宅島三宅村阿古 found nothing).
const BUDGET = { gzip: 105_600, brotli: 96_200 };
const root = fileURLToPath(new URL('../', import.meta.url));
const dist = `${root}dist/checker/`;
// The stable names of the first verdict's files; a release has each under
// `name.<hash>.ext` (scripts/dist.mjs)
// (the element's hashed file holds the modules it imports: one bundle)
const FILES = [
  'index.html', 'page.css', 'favicon.svg', 'saigai-mode-check.js#hashed', 'saigai-mode.css', 'pkg/saigai_mode_bg.wasm',
];

/** The file of a release for a source name: itself, or its hashed copy */
function released(name) {
  const [file, hashed] = name.split('#');
  const [, dir, stem, ext] = /^(.*\/)?([^/]+?)(\.[^.]+)$/.exec(file);
  const keeps = ['index.html', 'saigai-mode-check.js'].includes(file) && !hashed;
  if (keeps) return file;
  const pattern = new RegExp(`^${stem.replace(/[.]/g, '\\.')}\\.[0-9a-f]{10}${ext.replace('.', '\\.')}$`);
  const found = readdirSync(dist + (dir ?? '')).find((f) => pattern.test(f));
  if (!found) throw new Error(`${file}: no hashed copy in dist/checker (run scripts/build)`);
  return (dir ?? '') + found;
}

// A release's file as a server sends it: its precompressed .gz (Zopfli) and
// .br (scripts/dist.mjs); other bytes compressed here, as a server would
const measure = (label, raw, shipped) => ({
  file: label,
  raw: raw.length,
  gzip: shipped ? readFileSync(`${shipped}.gz`).length : gzipSync(raw, { level: 9 }).length,
  brotli: shipped
    ? readFileSync(`${shipped}.br`).length
    : brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).length,
});
const release = (f) => measure(released(f), readFileSync(dist + released(f)), dist + released(f));
const rows = FILES.map(release);
// The site's own data (a release ships none): the built-in file stands in
rows.push(measure('notices.json (site data)', readFileSync(`${root}data/notices.json`)));
const total = rows.reduce((t, r) => ({ file: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const fmt = (n) => n.toLocaleString('en-US').padStart(9);
const width = Math.max(...rows.map((r) => r.file.length)) + 2;
console.log(`${'file (dist/checker)'.padEnd(width)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}`);
for (const r of [...rows, total]) console.log(`${r.file.padEnd(width)}${fmt(r.raw)}${fmt(r.gzip)}${fmt(r.brotli)}`);
const over = Object.entries(BUDGET).filter(([k, budget]) => total[k] > budget);
for (const [k, budget] of Object.entries(BUDGET)) {
  console.log(`${k} budget ${budget.toLocaleString('en-US')} bytes: ${total[k] <= budget ? 'within' : 'EXCEEDED'} (issue 9's goal: ${k === 'gzip' ? '90,000' : '75,000'})`);
}
// Not waited for by the first verdict: the readings come after it (at once
// for kana and romaji), the guide (its module and its steps) once the wasm
// module is in, the postal table only when an input is a postal code
console.log('\nnot waited for by the first verdict');
for (const f of ['readings.txt', 'guide-view.js', 'procedure.json', 'postal-codes.txt']) {
  const r = release(f);
  console.log(`${r.file.padEnd(width)}${fmt(r.raw)}${fmt(r.gzip)}${fmt(r.brotli)}`);
}
// The module carries no path of the machine that built it (scripts/build remaps them)
const wasm = readFileSync(dist + released('pkg/saigai_mode_bg.wasm')).toString('latin1');
const machine = [root.replace(/\/$/, ''), process.env.CARGO_HOME || `${process.env.HOME}/.cargo`]
  .filter((p) => wasm.includes(p));
console.log(`build paths in the module: ${machine.length ? machine.join(', ') : 'none'}`);
if (process.argv.includes('--check') && (over.length || machine.length)) process.exit(1);
