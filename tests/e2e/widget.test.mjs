// The checker as a receptionist and a portal's web staff meet it (issue 10):
// freshness, date without time, the timeline at every window length and in a
// 280 px column, the compact view, two instances, the live region, focus on
// candidates, the calendar file, offline for a page outside the checker's
// folder.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { start, stop, open, verdict, ready, checkFor, verdictStatus as status } from './helpers.mjs';

const FEB5 = '2026-02-05T10:00:00+09:00';
const axe = async (page) => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`);

/** Boxes of the timeline's labels and of its figure */
const timelineBoxes = (page, sel = 'saigai-mode-check') => page.evaluate((s) => {
  const fig = document.querySelector(s).shadowRoot.querySelector('figure.tl');
  const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: e.textContent, size: parseFloat(getComputedStyle(e).fontSize) }; };
  return { figure: box(fig), labels: [...fig.querySelectorAll('.tl-label')].map(box), broken: !!fig.querySelector('.tl-break'), caption: fig.querySelector('figcaption').textContent, bar: box(fig.querySelector('.tl-bar')) };
}, sel);

function assertReadable(t) {
  for (const l of t.labels) {
    assert.ok(l.left >= t.figure.left - 0.5 && l.right <= t.figure.right + 0.5, `label «${l.text}» outside the figure`);
    assert.ok(l.size >= 12, `label «${l.text}» is ${l.size}px`);
  }
  for (const a of t.labels) for (const b of t.labels) {
    if (a !== b && a.top === b.top) assert.ok(a.right <= b.left || b.right <= a.left, `«${a.text}» overlaps «${b.text}»`);
  }
  assert.ok(t.bar.right - t.bar.left >= 20, `the bar is ${t.bar.right - t.bar.left}px wide`);
}

describe('widget', () => {
  let env;
  before(async () => { env = await start(); });
  after(async () => { await stop(env); });

  it('says how old the data is and where to check, on a stale answer', async () => {
    const { page, problems, context } = await open(env, { clock: '2026-11-29T12:00:00+09:00' });
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}`);
    await status(page, 'ended');
    const stale = verdict(page).locator('.stale');
    assert.match(await stale.textContent(), /最新は令和8年2月4日（水）発出（2026-02-04、298日前）/);
    assert.match(await stale.textContent(), /新しい災害による新しい事務連絡/);
    const links = await stale.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]));
    assert.deepEqual(links.map((l) => l[1]), ['https://www.mhlw.go.jp/', 'https://iryohokenjyoho.service-now.com/csm']);
    assert.ok(links.every((l) => l[2] === 'noopener noreferrer'));
    assert.doesNotMatch(await verdict(page).textContent(), /読み込まれた通知より前から継続/);
    assert.match(await verdict(page).textContent(), /開始日はこのデータにありません（前の通知から継続）/);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('asks about the whole day when only the date changes, and links carry only that', async () => {
    const { page, context } = await open(env, { clock: FEB5 });
    await page.goto(`${env.base}/`);
    await ready(page);
    const el = page.locator('saigai-mode-check');
    assert.equal(await el.locator('input[type=time]').inputValue(), '', 'no time until the user sets one');
    await el.getByRole('combobox').fill('上越市');
    await el.locator('input[type=date]').fill('2026-02-11');
    await el.getByRole('button', { name: '判定する' }).click();
    await status(page, 'ended');
    assert.equal(new URL(page.url()).searchParams.get('d'), '2026-02-11');
    const v = await page.evaluate(() => new Promise((ok) => {
      document.addEventListener('saigai-mode-verdict', (e) => ok(e.detail), { once: true });
      document.querySelector('saigai-mode-check').shadowRoot.querySelector('button.primary').click();
    }));
    assert.equal(v.queryKind, 'day');
    assert.equal(v.query, '2026-02-11');
    await context.close();
  });

  it('draws readable timelines: a window long past, long ahead, one day', async () => {
    const { page, context } = await open(env, { clock: FEB5 });
    await page.goto(`${env.base}/`);
    // A year after the end
    await checkFor(page, '弘前市', '2027-02-10');
    await status(page, 'ended');
    let t = await timelineBoxes(page);
    assert.ok(t.broken, 'the axis is broken');
    assert.match(t.caption, /終了の365日後/);
    assertReadable(t);
    // Inside, and on a phone-sized element
    await page.setViewportSize({ width: 320, height: 800 });
    await checkFor(page, '上越市', '2026-02-10');
    await status(page, 'active');
    t = await timelineBoxes(page);
    assert.ok(!t.broken);
    assertReadable(t);
    await context.close();
    // A one-day window and a window far ahead, from a file of shapes
    const { page: p2, context: c2 } = await open(env, { clock: FEB5 });
    const oneDay = {
      format: 1,
      disasters: [{ id: 'one', name: '一日だけの地域がある災害', began: '2026-01-01', notices: [
        { id: 'one-1', number: 1, title: 'テスト', issued: '2026-01-01', rules: [{ kind: 'add', areas: ['青森県弘前市'], from: '2026-03-01', until: '2026-03-01' }] },
      ] }],
    };
    await p2.route('**/notices.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(oneDay) }));
    await p2.goto(`${env.base}/`);
    await checkFor(p2, '弘前市', '2026-03-01');
    await status(p2, 'active');
    assertReadable(await timelineBoxes(p2));
    // Far ahead, in the same disaster
    await checkFor(p2, '弘前市', '2026-01-02');
    await status(p2, 'not_active');
    t = await timelineBoxes(p2);
    assert.ok(t.broken);
    assertReadable(t);
    await c2.close();
  });

  it('fits a 280 px sidebar in the compact view, beside a second instance', async () => {
    const { page, problems, context } = await open(env, { clock: FEB5, viewport: { width: 1000, height: 900 } });
    await page.goto(`${env.base}/fixtures/portal-sidebar.html`);
    await status(page, 'active', '#side');
    await status(page, 'active', '#main');
    const side = page.locator('#side');
    // Each instance answers its own question
    assert.match(await side.locator('h2.place').textContent(), /上越市/);
    assert.match(await page.locator('#main h2.place').textContent(), /能代市/);
    // Compact: the guide is behind an expander, and the element stays short
    const guide = side.locator('details.guide-toggle');
    assert.equal(await guide.getAttribute('open'), null);
    assert.equal(await side.locator('.questions').isVisible(), false);
    const height = await side.evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(height < 1500, `compact element is ${height}px tall`);
    assert.equal(await page.locator('#main details.guide-toggle').count(), 0, 'the full view shows the guide');
    // Nothing sticks out of the column; the timeline is readable in it
    const overflow = await side.evaluate((el) => [...el.shadowRoot.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > el.getBoundingClientRect().right + 1).map((e) => e.className));
    assert.deepEqual(overflow, []);
    assertReadable(await timelineBoxes(page, '#side'));
    await guide.locator('summary').first().click();
    assert.equal(await side.locator('.questions').isVisible(), true);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('announces only the short verdict, and moves to the candidates', async () => {
    const { page, context } = await open(env, { clock: FEB5 });
    await page.goto(`${env.base}/`);
    await checkFor(page, '弘前市', '2026-02-05');
    await status(page, 'active');
    const live = page.locator('saigai-mode-check [aria-live]:not(.combo *):not(.wareki)');
    assert.equal(await live.count(), 1, 'one live region for the verdict');
    assert.equal(await live.textContent(), '青森県 弘前市: 有効（令和8年2月10日（火）まで）');
    assert.equal(await page.locator('saigai-mode-check section.verdict').getAttribute('aria-live'), null);
    const el = page.locator('saigai-mode-check');
    await el.getByRole('combobox').fill('府中市');
    await el.getByRole('combobox').press('Enter');
    await status(page, 'ambiguous');
    const focused = await page.evaluate(() => document.querySelector('saigai-mode-check').shadowRoot.activeElement?.className);
    assert.equal(focused, 'candidate');
    assert.equal(await live.textContent(), '「府中市」: 候補から選択');
    await context.close();
  });

  it('downloads a calendar reminder made in the page', async () => {
    const { page, problems, context } = await open(env, { clock: FEB5 });
    await page.goto(`${env.base}/?m=${encodeURIComponent('上越市')}`);
    await status(page, 'active');
    // (the page's own files that follow the first answer: the guide and its steps)
    await page.locator('saigai-mode-check .reminders').waitFor();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('saigai-mode-check').getByRole('button', { name: /カレンダーに追加/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'saigai-mode-152226-2026-02-10.ics');
    const ics = readFileSync(await download.path(), 'utf8');
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.match(ics, /\r\nDTSTART;VALUE=DATE:20260210\r\nDTEND;VALUE=DATE:20260211\r\n/);
    assert.match(ics, /\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\n/);
    const unfolded = ics.replace(/\r\n /g, '');
    assert.match(unfolded, /SUMMARY:災害時モード最終日（新潟県上越市）/);
    assert.match(unfolded, /延長の通知が出ていないか確認してください/);
    assert.match(unfolded, /その5（2026-02-04発出）/);
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line of ${Buffer.byteLength(line)} octets`);
    // (the module that writes the file is fetched on first use; nothing else goes out)
    assert.deepEqual(requests.filter((u) => !u.startsWith('blob:') && !/\/(favicon.svg|calendar.js)$/.test(u)), [], 'nothing sent');
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('says what a portal must do for offline outside the checker folder, and works when it does', async () => {
    const { page, context } = await open(env, { serviceWorkers: 'allow' });
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(`${env.base}/fixtures/portal-offline.html`);
    await status(page, 'active');
    // (the worker is registered after the verdict is painted)
    const warned = () => warnings.some((w) => /スコープ（\/saigai\/）の外/.test(w) && /offline-scope/.test(w));
    for (let i = 0; i < 50 && !warned(); i++) await page.waitForTimeout(100);
    assert.ok(warned(), warnings.join('\n'));
    assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
    await context.close();

    const { page: p, context: c } = await open(env, { serviceWorkers: 'allow' });
    await p.goto(`${env.base}/fixtures/portal-offline-scope.html`);
    await status(p, 'active');
    await p.evaluate(() => navigator.serviceWorker.ready);
    await p.reload();
    await status(p, 'active');
    assert.equal(await p.evaluate(() => !!navigator.serviceWorker.controller), true);
    await c.setOffline(true);
    await p.reload();
    await status(p, 'active');
    await c.setOffline(false);
    await c.close();
  });
});
