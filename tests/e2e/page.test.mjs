// The checker page end to end in Debian's Chromium: typing, suggestions,
// verdicts, the guide, deep links, time zones, notices.json, accessibility.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { ROOT, start, stop, open, verdict, ready, checkFor } from './helpers.mjs';

// The seed's その5 is in force from 2026-02-04 through 2026-02-10 (JST)
const FEB5 = '2026-02-05T10:00:00+09:00';

describe('checker page', () => {
  let env;
  before(async () => { env = await start(); });
  after(async () => { await stop(env); });

  it('suggests on typing, picks 弘前市 and answers 有効 until 令和8年2月10日', async () => {
    const { page, problems, context } = await open(env, { clock: FEB5 });
    await page.goto(`${env.base}/`);
    await ready(page);
    const input = page.getByRole('combobox', { name: '市区町村' });
    await input.pressSequentially('ひろさ');
    const option = page.getByRole('option').first();
    await option.waitFor();
    assert.match(await option.textContent(), /弘前市/);
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    assert.match(await page.locator('saigai-mode-check .sr-only').textContent(), /候補が\d+件あります/);
    // keyboard: ArrowDown highlights, Enter picks
    await input.press('ArrowDown');
    assert.equal(await input.getAttribute('aria-activedescendant'), await option.getAttribute('id'));
    await input.press('Enter');
    const v = verdict(page);
    await v.waitFor();
    assert.equal(await v.getAttribute('data-verdict-status'), 'active');
    const text = await v.textContent();
    assert.match(text, /有効/);
    assert.match(text, /令和8年2月10日（火）まで（2026-02-10）/);
    assert.match(text, /最終日まであと5日/);
    assert.match(text, /その5/);
    assert.equal(await page.locator('saigai-mode-check').getAttribute('data-verdict-status'), 'active');
    assert.equal(await input.inputValue(), '青森県弘前市');
    // The URL now answers the same question again (today: no date in it)
    assert.equal(new URL(page.url()).searchParams.get('m'), '青森県弘前市');
    assert.equal(new URL(page.url()).searchParams.get('d'), null);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('shows the other statuses: newly added, not covered, candidates, not found', async () => {
    const { page, problems, context } = await open(env);
    await page.goto(`${env.base}/`);
    const v = verdict(page);

    await checkFor(page, '上越市', '2026-02-05');
    assert.equal(await v.getAttribute('data-verdict-status'), 'active');
    assert.match(await v.textContent(), /今回の通知で追加/);

    await checkFor(page, '八戸市', '2026-02-05');
    await page.waitForFunction(() => document.querySelector('saigai-mode-check').getAttribute('data-verdict-status') === 'not_active');
    assert.match(await v.textContent(), /対象外/);
    assert.doesNotMatch(await v.textContent(), /今回の通知で追加/);

    await checkFor(page, '府中市', '2026-02-05');
    await page.waitForFunction(() => document.querySelector('saigai-mode-check').getAttribute('data-verdict-status') === 'ambiguous');
    const candidates = page.locator('saigai-mode-check button.candidate');
    assert.equal(await candidates.count(), 2);
    await candidates.filter({ hasText: '東京都' }).click();
    await page.waitForFunction(() => document.querySelector('saigai-mode-check').getAttribute('data-verdict-status') === 'not_active');
    assert.match(await v.textContent(), /東京都 府中市/);

    await checkFor(page, '鰭ヶ沢町', '2026-02-05');
    await page.waitForFunction(() => document.querySelector('saigai-mode-check').getAttribute('data-verdict-status') === 'not_found');
    assert.match(await v.textContent(), /鰺ヶ沢町/);
    await page.locator('saigai-mode-check button.candidate').first().click();
    await page.waitForFunction(() => document.querySelector('saigai-mode-check').getAttribute('data-verdict-status') === 'active');

    await checkFor(page, '弘前市', '2026-02-11');
    await page.waitForFunction(() => document.querySelector('saigai-mode-check').getAttribute('data-verdict-status') === 'ended');
    assert.match(await v.textContent(), /延長の通知がないか確認してください/);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('walks the three guide branches with the right wording', async () => {
    const { page, problems, context } = await open(env);
    await page.goto(`${env.base}/`);
    await ready(page);
    const el = page.locator('saigai-mode-check');
    const steps = el.locator('ol.procedure');
    const answer = async (legend, label) => el.getByRole('group', { name: legend }).getByLabel(label).check();

    assert.equal(await steps.getAttribute('data-case'), 'A');
    assert.match(await steps.textContent(), /口頭等で同意を取得する/);
    assert.match(await steps.textContent(), /被保険者番号をキーに/);

    await answer(/番号.*把握していますか/, /いいえ/);
    assert.equal(await steps.getAttribute('data-case'), 'B');
    assert.match(await steps.textContent(), /①氏名、②生年月日、③性別、④保険者名称又は患者の住所の一部/);

    await answer(/本人の同意を得られますか/, /いいえ/);
    assert.equal(await steps.getAttribute('data-case'), 'C');
    assert.match(await steps.textContent(), /第20条第2項第2号に基づき、本人の同意は必要ありません/);
    assert.match(await steps.textContent(), /身分証明証や家族から提供された情報/);

    await answer(/本人の同意を得られますか/, /はい/);
    await answer(/生活保護/, /^はい$/);
    // the step texts (not the quoted headings of their sources)
    const text = (await steps.locator('li.step > p').allTextContents()).join('');
    assert.match(text, /④福祉事務所名称又は患者の住所の一部/);
    assert.match(text, /受給者番号をキーに/);
    assert.doesNotMatch(text, /被保険者番号/);
    assert.match(await el.locator('.pa').textContent(), /「被保険者番号」→「受給者番号」/);
    // standing reminders, terminal screens, fallback
    assert.match(await el.locator('.reminders').textContent(), /ログ（通信記録）/);
    assert.equal(await el.locator('.screens li').count(), 6);
    assert.match(await el.locator('.fallback').textContent(), /診療・薬剤情報/);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('prints the checklist on one A4 page, for every branch of the guide', async () => {
    const { page, context } = await open(env, { clock: FEB5 });
    await page.goto(`${env.base}/?m=${encodeURIComponent('上越市')}`);
    await verdict(page).waitFor();
    const el = page.locator('saigai-mode-check');
    const answer = async (legend, label) => el.getByRole('group', { name: legend }).getByLabel(label).check();
    const pages = async () => ((await page.pdf({ format: 'A4' })).toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(await pages(), 1, 'A');
    await answer(/番号.*把握していますか/, /いいえ/);
    await answer(/生活保護/, /^はい$/);
    assert.equal(await pages(), 1, 'B, public assistance');
    await answer(/本人の同意を得られますか/, /いいえ/);
    assert.equal(await pages(), 1, 'C, public assistance');
    await context.close();
  });

  it('answers a deep link', async () => {
    const { page, context } = await open(env);
    await page.goto(`${env.base}/?m=${encodeURIComponent('ひろさきし')}&d=2026-02-05`);
    await verdict(page).waitFor();
    assert.equal(await verdict(page).getAttribute('data-verdict-status'), 'active');
    assert.equal(await page.locator('saigai-mode-check input[type=date]').inputValue(), '2026-02-05');
    await page.goto(`${env.base}/?m=${encodeURIComponent('上越市')}&d=2026-02-10T23:59`);
    await verdict(page).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('d'), '2026-02-10T23:59', 'another day stays in the URL');
    assert.equal(await verdict(page).getAttribute('data-verdict-status'), 'active');
    assert.equal(await page.locator('saigai-mode-check input[type=time]').inputValue(), '23:59');
    await context.close();
  });

  it('uses JST whatever the browser zone: 08:30 JST on 2026-02-11 in Los Angeles is 終了', async () => {
    // 2026-02-10T23:30Z: still 2026-02-10 in UTC and in Los Angeles
    const { page, problems, context } = await open(env, { timezoneId: 'America/Los_Angeles', clock: '2026-02-10T23:30:00Z' });
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}`);
    await verdict(page).waitFor();
    assert.equal(await page.evaluate(() => new Date().getDate()), 10, 'the browser believes it is the 10th');
    assert.equal(await page.locator('saigai-mode-check input[type=date]').inputValue(), '2026-02-11');
    assert.equal(await page.locator('saigai-mode-check input[type=time]').inputValue(), '08:30');
    assert.equal(await verdict(page).getAttribute('data-verdict-status'), 'ended');
    assert.match(await verdict(page).textContent(), /終了/);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('says so and keeps the built-in data when notices.json is broken', async () => {
    const { page, context } = await open(env);
    await page.route('**/notices.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{ "format": 1, "disasters": [ ' }));
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-05`);
    await verdict(page).waitFor();
    const data = await page.locator('saigai-mode-check footer.data').textContent();
    assert.match(data, /notices\.json）に誤りがあるため使えません/);
    assert.match(data, /組み込みデータで判定しています/);
    assert.match(data, /組み込みの通知データ/);
    assert.equal(await verdict(page).getAttribute('data-verdict-status'), 'active');
    await context.close();
  });

  it('warns when notices.json is older than the built-in data', async () => {
    const { page, context } = await open(env);
    const older = readFileSync(`${ROOT}/tests/fixtures/shapes.json`, 'utf8'); // notices of 2023–2024
    await page.route('**/notices.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: older }));
    await page.goto(`${env.base}/?m=${encodeURIComponent('朝倉市')}&d=2023-07-12`);
    await verdict(page).waitFor();
    assert.equal(await verdict(page).getAttribute('data-verdict-status'), 'active', 'the fetched file is used');
    assert.match(await page.locator('saigai-mode-check footer.data').textContent(), /組み込みデータ（令和8年2月4日（水）時点）より古いものです/);
    await context.close();
  });

  it('says so when notices.json is missing', async () => {
    const { page, context } = await open(env);
    await page.route('**/notices.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-05`);
    await verdict(page).waitFor();
    assert.match(await page.locator('saigai-mode-check footer.data').textContent(), /置かれていないため、組み込みデータを使っています/);
    await context.close();
  });

  it('keeps working offline once loaded', async () => {
    const { page, problems, context } = await open(env, { serviceWorkers: 'allow' });
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-05`);
    await verdict(page).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload(); // now controlled by the service worker
    await verdict(page).waitFor();
    assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true);
    // A postal code asked once online: its table is kept for offline use
    await page.goto(`${env.base}/?m=${encodeURIComponent('〒036-8588')}&d=2026-02-05`);
    await page.waitForFunction(() => document.querySelector('saigai-mode-check').getAttribute('data-verdict-status') === 'active');
    await page.waitForFunction(async () => !!(await caches.match(new URL('postal-codes.txt', location.href).href)));
    await context.setOffline(true);
    await page.goto(`${env.base}/?m=${encodeURIComponent('上越市')}&d=2026-02-05`);
    await verdict(page).waitFor();
    assert.equal(await verdict(page).getAttribute('data-verdict-status'), 'active');
    assert.match(await verdict(page).textContent(), /今回の通知で追加/);
    await page.goto(`${env.base}/?m=0368588&d=2026-02-05`);
    await page.waitForFunction(() => document.querySelector('saigai-mode-check').getAttribute('data-verdict-status') === 'active');
    assert.match(await verdict(page).textContent(), /郵便番号036-8588/);
    assert.deepEqual(problems.external, []);
    await context.setOffline(false);
    await context.close();
  });

  it('reflows at 320 CSS px (200 % zoom of a 640 px window) without sideways scrolling', async () => {
    const { page, context } = await open(env, { viewport: { width: 320, height: 800 } });
    await page.goto(`${env.base}/?m=${encodeURIComponent('新潟県上越市')}&d=2026-02-05`);
    await verdict(page).waitFor();
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(widths[0] <= widths[1], `scrollWidth ${widths[0]} > ${widths[1]}`);
    await context.close();
  });

  it('has no axe-core violations, on desktop and on a phone', async () => {
    for (const viewport of [{ width: 1100, height: 900 }, { width: 390, height: 844 }]) {
      const { page, context } = await open(env, { viewport });
      await page.goto(`${env.base}/?m=${encodeURIComponent('府中市')}&d=2026-02-05`);
      await verdict(page).waitFor();
      let results = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
      await checkFor(page, '弘前市', '2026-02-05');
      await page.getByRole('combobox').fill('');
      await page.getByRole('combobox').pressSequentially('ひろ');
      await page.getByRole('option').first().waitFor();
      results = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
      await context.close();
    }
  });
});
