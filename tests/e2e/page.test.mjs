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
    assert.match(await page.locator('saigai-mode-check .combo .sr-only').textContent(), /候補が\d+件あります/);
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
    assert.match(await v.textContent(), /その後の通知（延長・追加）/);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('walks the three guide branches with the right wording, asking before answering', async () => {
    const { page, problems, context } = await open(env);
    await page.goto(`${env.base}/`);
    await ready(page);
    const el = page.locator('saigai-mode-check');
    const steps = el.locator('ol.procedure');
    const answer = async (legend, label) => el.getByRole('group', { name: legend }).getByLabel(label).check();
    // (the guide's steps follow the module: procedure.json)
    await el.locator('.reminders').waitFor();

    // Nothing answered for the user: no radio checked, no steps yet
    assert.equal(await el.locator('.questions input:checked').count(), 0);
    assert.equal(await steps.count(), 0);
    assert.match(await el.locator('.pending').textContent(), /あと3問に答えると/);
    assert.equal(await el.locator('.fallback').count(), 0, 'the fallback waits for the consent answer');
    assert.match(await el.locator('.reminders').textContent(), /ログ（通信記録）/, 'the standing reminders need no answer');
    await answer(/番号.*把握していますか/, /はい/);
    await answer(/本人の同意を得られますか/, /はい/);
    assert.match(await el.locator('.pending').textContent(), /あと1問/);
    await answer(/医療扶助の受給者ですか/, /いいえ/);

    assert.equal(await steps.getAttribute('data-case'), 'A');
    assert.equal(await el.locator('h3.heading').textContent(), '手順（被保険者番号が分かる・同意を得られる・生活保護ではない）');
    assert.match(await steps.textContent(), /口頭等で同意を取得する/);
    assert.match(await steps.textContent(), /被保険者番号をキーに/);

    await answer(/番号.*把握していますか/, /いいえ/);
    assert.equal(await steps.getAttribute('data-case'), 'B');
    assert.match(await steps.textContent(), /①氏名、②生年月日、③性別、④保険者名称又は患者の住所の一部/);

    // Unconscious: no consent is a statement with its basis; one step to identify and query
    await answer(/本人の同意を得られますか/, /いいえ/);
    assert.equal(await steps.getAttribute('data-case'), 'C');
    assert.equal(await el.locator('h3.heading').textContent(), '手順（被保険者番号が分からない・同意を得ることが困難・生活保護ではない）');
    const statement = await el.locator('.statement').textContent();
    assert.match(statement, /^同意は必要ありません人の生命、身体又は財産の保護/);
    assert.match(statement, /第20条第2項第2号に基づき、本人の同意は必要ありません/);
    assert.equal(await el.locator('.statement input[type=checkbox]').count(), 0, 'a statement, not a task');
    assert.equal(await steps.locator('li.step').count(), 1);
    assert.match(await steps.textContent(), /身分証明証や家族から提供された情報/);
    assert.match(await steps.locator('.details').textContent(), /①氏名、②生年月日/);
    assert.equal(await el.locator('.fallback').count(), 0);
    assert.match(await el.locator('.fallback-na').textContent(), /本人がログインできない/);
    assert.deepEqual((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id), [], 'the unconscious branch');

    await answer(/本人の同意を得られますか/, /はい/);
    await answer(/医療扶助の受給者ですか/, /^はい$/);
    // the step texts (not the quoted headings of their sources)
    const text = (await steps.locator('li.step > p').allTextContents()).join('');
    assert.match(text, /④福祉事務所名称又は患者の住所の一部/);
    assert.match(text, /受給者番号をキーに/);
    assert.doesNotMatch(text, /被保険者番号/);
    assert.match(await el.locator('.pa').textContent(), /「被保険者番号」→「受給者番号」/);
    // standing reminders, terminal screens, fallback with what it needs
    assert.equal(await el.locator('.screens li').count(), 6);
    assert.match(await el.locator('.fallback').textContent(), /診療・薬剤情報/);
    assert.match(await el.locator('.needs').textContent(), /マイナンバーカード.*4桁の暗証番号.*スマートフォン/);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('answers while the guide\'s files are on their way, then shows the guide', async () => {
    const { page, problems, context } = await open(env);
    // The guide's module and steps held until the first verdict is on the page
    let release;
    const held = new Promise((ok) => { release = ok; });
    const asked = [];
    await page.route(/\/(guide-view|procedure)[^/]*\.js(on)?$/, async (route) => {
      asked.push(route.request().url());
      await held;
      await route.continue();
    });
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-05`);
    await verdict(page).waitFor();
    assert.equal(await verdict(page).getAttribute('data-verdict-status'), 'active');
    const el = page.locator('saigai-mode-check');
    assert.match(await el.locator('.guide-slot').textContent(), /手順を読み込んでいます/);
    assert.ok(asked.length >= 1, 'the guide was asked for at once, beside the answer');
    release();
    await el.locator('.reminders').filter({ hasText: 'ログ（通信記録）' }).waitFor();
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('says when the guide\'s steps cannot come, and tries again on the next answer', async () => {
    const { page, problems, context } = await open(env);
    let fail = true;
    await page.route('**/procedure*.json', (route) => (fail ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-05`);
    const el = page.locator('saigai-mode-check');
    await el.locator('.guide [role="alert"]').filter({ hasText: '手順の表を取得できませんでした' }).waitFor();
    assert.equal(await verdict(page).getAttribute('data-verdict-status'), 'active', 'the verdict does not depend on it');
    fail = false;
    await el.getByRole('group', { name: /本人の同意を得られますか/ }).getByLabel(/はい/).check();
    await el.locator('.reminders').filter({ hasText: 'ログ（通信記録）' }).waitFor();
    assert.equal(await el.locator('.guide [role="alert"]').count(), 0);
    assert.deepEqual(problems.external, []);
    await context.close();
  });

  it('says when the guide\'s module cannot come, and the checker goes on working', async () => {
    const { page, problems, context } = await open(env);
    await page.route('**/guide-view*.js', (route) => route.fulfill({ status: 503, body: 'busy' }));
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-05`);
    const el = page.locator('saigai-mode-check');
    await el.locator('.guide-slot [role="alert"]').filter({ hasText: '手順を読み込めませんでした' }).waitFor();
    await checkFor(page, '那覇市', '2026-02-05');
    await page.waitForFunction(() => document.querySelector('saigai-mode-check')?.getAttribute('data-verdict-status') === 'not_active');
    assert.deepEqual(problems.external, []);
    await context.close();
  });

  it('prints a checklist that stands alone on one A4 page, for every branch of the guide', async () => {
    const { page, context } = await open(env, { clock: FEB5 });
    await page.goto(`${env.base}/?m=${encodeURIComponent('上越市')}`);
    await verdict(page).waitFor();
    const el = page.locator('saigai-mode-check');
    await el.locator('.reminders').waitFor(); // the guide's steps, which follow the verdict
    const answer = async (legend, label) => el.getByRole('group', { name: legend }).getByLabel(label).check();
    const pages = async () => ((await page.pdf({ format: 'A4' })).toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(await pages(), 1, 'no answers yet');
    await answer(/番号.*把握していますか/, /はい/);
    await answer(/本人の同意を得られますか/, /はい/);
    await answer(/医療扶助の受給者ですか/, /いいえ/);
    assert.equal(await pages(), 1, 'A');
    await page.emulateMedia({ media: 'print' });
    const summary = await el.locator('.print-summary').textContent();
    assert.match(summary, /確認した日時令和8年2月5日（木） 10:00（日本時間、2026-02-05T10:00）/);
    assert.match(summary, /市区町村新潟県上越市（152226）/);
    assert.match(summary, /判定有効/);
    assert.match(summary, /令和8年2月10日（火）（2026-02-10）まで/);
    assert.match(summary, /最新の通知 令和8年2月4日（水）（2026-02-04）/);
    assert.match(summary, /患者の状況被保険者番号が分かる・同意を得られる・生活保護ではない/);
    assert.match(summary, /ページhttp:\/\/127\.0\.0\.1:\d+\/\?m=新潟県上越市/);
    // Absolute dates only: what is printed has no 「あと…日」
    const printed = await page.evaluate(() => {
      const root = document.querySelector('saigai-mode-check').shadowRoot;
      return [...root.querySelectorAll('*')].filter((e) => e.checkVisibility() && e.children.length === 0).map((e) => e.textContent).join('');
    });
    assert.doesNotMatch(printed, /あと\d+日/);
    assert.match(printed, /オンライン資格確認等システム利用規約 第21条第2項/, 'the steps print with their basis');
    await page.emulateMedia({ media: null });
    await answer(/番号.*把握していますか/, /いいえ/);
    await answer(/医療扶助の受給者ですか/, /^はい$/);
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
    assert.equal(await page.locator('saigai-mode-check input[type=time]').inputValue(), '', 'the time is the user\'s to set');
    assert.equal(await verdict(page).getAttribute('data-verdict-status'), 'ended');
    assert.match(await verdict(page).textContent(), /終了/);
    await page.locator('saigai-mode-check').getByRole('button', { name: '現在時刻にする' }).click();
    assert.equal(await page.locator('saigai-mode-check input[type=time]').inputValue(), '08:30');
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
    assert.match(await page.locator('saigai-mode-check footer.data').textContent(), /置かれていません。組み込みデータで判定しています/);
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
    // One cache per build version, named by it; the page shows the version
    const version = readFileSync(`${ROOT}/www/version.js`, 'utf8').match(/SAIGAI_MODE_VERSION = '([^']+)'/)[1];
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`saigai-mode-${version}`]);
    assert.equal(await page.locator('saigai-mode-check').getAttribute('data-version'), version);
    assert.match(await page.locator('saigai-mode-check footer.data').textContent(), new RegExp(`版: ${version.replace('+', '\\+')}`));
    // A postal code asked once online: its table is kept for offline use
    await page.goto(`${env.base}/?m=${encodeURIComponent('〒036-8588')}&d=2026-02-05`);
    await page.waitForFunction(() => document.querySelector('saigai-mode-check').getAttribute('data-verdict-status') === 'active');
    await page.waitForFunction(async () => !!(await caches.match(new URL('postal-codes.txt', location.href).href)));
    await context.setOffline(true);
    await page.goto(`${env.base}/?m=${encodeURIComponent('上越市')}&d=2026-02-05`);
    await verdict(page).waitFor();
    assert.equal(await verdict(page).getAttribute('data-verdict-status'), 'active');
    assert.match(await verdict(page).textContent(), /今回の通知で追加/);
    // The guide's steps too (the service worker installed them with the version)
    await page.locator('saigai-mode-check .reminders').filter({ hasText: 'ログ（通信記録）' }).waitFor();
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
      await page.locator('saigai-mode-check .reminders').waitFor(); // the guide too
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
