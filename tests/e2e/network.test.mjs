// A disaster network and a hurried deploy (issue 9, part): notices.json slow,
// missing, empty or rolled back; deep links with offsets.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { start, stop, open, verdict, ROOT, verdictStatus as status } from './helpers.mjs';

const data = (page) => page.locator('saigai-mode-check footer.data').textContent();

// The built-in その5 extended by a made-up その6 (issued 2026-02-09, until 2026-02-20)
const builtin = JSON.parse(readFileSync(`${ROOT}/data/notices.json`, 'utf8'));
const sono6 = structuredClone(builtin);
sono6.disasters[0].notices.push({
  id: 'test-6', number: 6, title: '（試験用）その6', issued: '2026-02-09',
  rules: [{ kind: 'continue', areas: ['青森県弘前市'], until: '2026-02-20' }],
});
const json = (body) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });

describe('network', () => {
  let env;
  before(async () => { env = await start(); });
  after(async () => { await stop(env); });

  it('answers within seconds when notices.json hangs, then again when it arrives', async () => {
    const { page, context } = await open(env);
    await page.route('**/notices.json', async (route) => {
      await new Promise((ok) => setTimeout(ok, 6000));
      await route.fulfill(json(sono6));
    });
    const t0 = Date.now();
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-15`);
    await status(page, 'ended');
    assert.ok(Date.now() - t0 < 5000, `first verdict after ${Date.now() - t0} ms`);
    assert.match(await data(page), /時間がかかっています。届きしだい判定し直します/);
    assert.equal(await page.locator('saigai-mode-check .questions').isVisible(), true, 'the guide works meanwhile');
    await status(page, 'active');
    assert.doesNotMatch(await data(page), /時間がかかっています/);
    await context.close();
  });

  it('keeps the last good data on 404 and on a server error, never the older built-in data', async () => {
    const { page, context } = await open(env);
    await page.route('**/notices.json', (route) => route.fulfill(json(sono6)));
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-15`);
    await status(page, 'active');
    for (const code of [404, 503]) {
      await page.unroute('**/notices.json');
      await page.route('**/notices.json', (route) => route.fulfill({ status: code, body: 'x' }));
      await page.reload();
      await status(page, 'active');
      assert.match(await data(page), /前回正しく読み込めたデータで判定しています/, `HTTP ${code}`);
    }
    await context.close();
  });

  it('warns about an empty or rolled-back file, and keeps the better copy', async () => {
    const { page, context } = await open(env);
    await page.route('**/notices.json', (route) => route.fulfill(json(sono6)));
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-15`);
    await status(page, 'active');
    await page.unroute('**/notices.json');
    await page.route('**/notices.json', (route) => route.fulfill(json(builtin)));
    await page.reload();
    await status(page, 'ended');
    assert.match(await data(page), /前回読み込んだデータ（令和8年2月9日（月）時点、通知2件）より古いか、通知が減っています/);
    await page.unroute('**/notices.json');
    await page.route('**/notices.json', (route) => route.fulfill(json({ format: 1, disasters: [] })));
    await page.reload();
    await status(page, 'not_active');
    assert.match(await data(page), /災害が一つもありません/);
    // The rolled-back and the empty file did not replace the last good copy
    await page.unroute('**/notices.json');
    await page.route('**/notices.json', (route) => route.fulfill({ status: 404, body: '' }));
    await page.reload();
    await status(page, 'active');
    await context.close();
  });

  it('answers from the service worker cache when the server answers 503', async () => {
    const { page, problems, context } = await open(env, { serviceWorkers: 'allow' });
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-05`);
    await status(page, 'active');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload(); // a returning visitor
    await status(page, 'active');
    env.failing = 503;
    try {
      await page.goto(`${env.base}/?m=${encodeURIComponent('上越市')}&d=2026-02-05`);
      await status(page, 'active');
      assert.match(await page.locator('saigai-mode-check section.verdict').textContent(), /今回の通知で追加/);
    } finally {
      env.failing = null;
    }
    assert.deepEqual(problems.external, []);
    await context.close();
  });

  it('asks for notices.json while the module is still on its way', async () => {
    const { page, context } = await open(env);
    // The module is held back until notices.json is asked for (or 5 s)
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route('**/saigai_mode_bg.wasm', async (route) => { await held; await route.continue(); });
    page.on('request', (r) => { if (r.url().endsWith('/notices.json')) release('notices.json'); });
    setTimeout(() => release('timeout'), 5000);
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-05`);
    await status(page, 'active');
    assert.equal(await held, 'notices.json', 'asked for before the module arrived');
    await context.close();
  });

  it('runs one whole version when the server holds a half-uploaded next one (unhashed www/)', async () => {
    const site = mkdtempSync(join(tmpdir(), 'saigai-mixed-'));
    cpSync(`${ROOT}/www`, site, { recursive: true });
    const server = await serve(site, 0);
    const base = `http://127.0.0.1:${server.address().port}`;
    const { page, context } = await open(env, { serviceWorkers: 'allow' });
    try {
      const url = `${base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-05`;
      await page.goto(url);
      await status(page, 'active');
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload(); // a returning visitor
      await status(page, 'active');
      // The next version half uploaded: new glue, the old module's place
      // taken by a broken file, a new version.js
      writeFileSync(join(site, 'pkg/saigai_mode.js'), 'export default function init() { throw new Error("next version"); }\n');
      writeFileSync(join(site, 'pkg/saigai_mode_bg.wasm'), 'not a module');
      writeFileSync(join(site, 'version.js'), "self.SAIGAI_MODE_VERSION = '9.9.9+half';\n");
      await page.reload();
      await status(page, 'active');
      assert.notEqual(await page.locator('saigai-mode-check').getAttribute('data-version'), '9.9.9+half');
      await context.setOffline(true);
      await page.reload();
      await status(page, 'active');
      await context.setOffline(false);
    } finally {
      await context.close();
      await new Promise((ok) => server.close(ok));
      rmSync(site, { recursive: true, force: true });
    }
  });

  it('gives each checker on a page its own notices file', async () => {
    const { page, problems, context } = await open(env);
    await page.goto(`${env.base}/fixtures/two-sources.html`);
    await status(page, 'not_active', '#a');
    await status(page, 'active', '#b');
    assert.match(await page.locator('#b footer.data').textContent(), /（試験用）令和8年3月1日の災害/);
    assert.match(await page.locator('#a footer.data').textContent(), /令和8年1月21日からの大雪/);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('converts deep links with an offset to JST, and says so when a date is unreadable', async () => {
    const { page, problems, context } = await open(env, { clock: '2026-02-05T10:00:00+09:00' });
    // 15:00Z on the 10th is 00:00 JST on the 11th: ended
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-10T15:00Z`);
    await status(page, 'ended');
    assert.equal(new URL(page.url()).searchParams.get('d'), '2026-02-11T00:00');
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-10T09:59-05:00`);
    await status(page, 'active');
    assert.equal(new URL(page.url()).searchParams.get('d'), '2026-02-10T23:59');
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-10T23:00%2B09:00`);
    await status(page, 'active');
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2月10日`);
    await status(page, 'active');
    assert.match(await page.locator('saigai-mode-check .error').textContent(), /リンクの日付「2月10日」を読み取れませんでした。今日（令和8年2月5日（木））で判定しています/);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });
});
