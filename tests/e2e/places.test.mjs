// Places as people know them today, on the page: postal codes (the table is
// fetched only when needed, then cached by the service worker), romaji, 郡 in
// candidates, former names.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { start, stop, open, verdict, checkFor, verdictStatus as status } from './helpers.mjs';


describe('places', () => {
  let env;
  before(async () => { env = await start(); });
  after(async () => { await stop(env); });

  it('answers a postal code, fetching the postal table only then and once', async () => {
    const { page, problems, context } = await open(env);
    const fetched = [];
    page.on('request', (r) => { if (r.url().endsWith('/postal-codes.txt')) fetched.push(r.url()); });
    await page.goto(`${env.base}/`);
    const v = verdict(page);
    await checkFor(page, '弘前市', '2026-02-05');
    await status(page, 'active');
    assert.equal(fetched.length, 0, 'a name needs no postal table');

    await checkFor(page, '〒０３６－８５８８', '2026-02-05');
    await status(page, 'active');
    assert.match(await v.textContent(), /郵便番号036-8588の市区町村（青森県弘前市）です/);
    assert.equal(fetched.length, 1);

    await checkFor(page, '618-0000', '2026-02-05');
    await status(page, 'ambiguous');
    const names = await page.locator('saigai-mode-check button.candidate').allTextContents();
    assert.equal(names.length, 2);
    assert.match(names[0], /京都府 乙訓郡大山崎町/);
    assert.match(names[1], /大阪府 三島郡島本町/);

    await checkFor(page, '999-9999', '2026-02-05');
    await status(page, 'not_found');
    assert.match(await v.textContent(), /日本郵便の住所の郵便番号にありません（事業所ごとの個別番号かもしれません）/);
    assert.equal(fetched.length, 1, 'the table is fetched once');
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('loads the readings after the first answer; kana waits for them, and says when they cannot come', async () => {
    const { page, problems, context } = await open(env);
    // The first answer needs no readings: they are asked for only after it
    let release;
    const held = new Promise((ok) => { release = ok; });
    let shownBefore = null;
    await page.route('**/readings.txt', async (route) => {
      shownBefore = await page.evaluate(() => document.querySelector('saigai-mode-check')?.getAttribute('data-verdict-status'));
      await held;
      await route.continue();
    });
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-05`);
    await status(page, 'active');
    // Kana while they are on their way: the answer waits, then comes
    await checkFor(page, 'ひろさきし', '2026-02-05');
    await page.locator('saigai-mode-check section.verdict .loading').filter({ hasText: '読み仮名の表を読み込み中' }).waitFor();
    release();
    await status(page, 'active');
    assert.match(await verdict(page).textContent(), /弘前市/);
    assert.equal(shownBefore, 'active', 'the readings were asked for after the first answer was on the page');
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();

    // Readings that never come: kana is answered with what to do instead
    const second = await open(env);
    await second.page.route('**/readings.txt', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await second.page.goto(`${env.base}/`);
    await checkFor(second.page, 'ひろさき', '2026-02-05');
    await status(second.page, 'not_found');
    assert.match(await verdict(second.page).textContent(), /読み仮名の表を取得できませんでした|読み仮名の表を読み込めなかった/);
    await second.context.close();
  });

  it('reads romaji, shows 郡 in candidates, and a former name with what it became', async () => {
    const { page, problems, context } = await open(env);
    await page.goto(`${env.base}/`);
    const v = verdict(page);
    const input = page.locator('saigai-mode-check').getByRole('combobox');

    await checkFor(page, 'hirosaki-shi', '2026-02-05');
    await status(page, 'active');
    assert.match(await v.textContent(), /ローマ字「hirosaki-shi」を青森県弘前市と読みました/);

    await checkFor(page, '泊村', '2026-02-05');
    await status(page, 'ambiguous');
    const buttons = page.locator('saigai-mode-check button.candidate');
    assert.deepEqual((await buttons.allTextContents()).map((t) => t.replace(/（.*$/, '')),
      ['北海道 古宇郡泊村', '北海道 国後郡泊村']);
    assert.match(await buttons.nth(1).textContent(), /北方領土/);
    await buttons.nth(1).click();
    await status(page, 'not_active');
    assert.equal(await input.inputValue(), '北海道国後郡泊村');

    await checkFor(page, '浜松市中区', '2026-02-05');
    await status(page, 'not_active');
    assert.match(await v.textContent(), /「浜松市中区」は2024年1月1日の区の再編で廃止されました（現在の中央区）/);

    await input.fill('');
    await input.pressSequentially('東津軽郡');
    const options = page.getByRole('option');
    await options.first().waitFor();
    assert.deepEqual((await options.allTextContents()).map((t) => t.split(' ')[1]),
      ['東津軽郡平内町', '東津軽郡今別町', '東津軽郡蓬田村', '東津軽郡外ヶ浜町']);

    await checkFor(page, 'xyzzy', '2026-02-05');
    await status(page, 'not_found');
    assert.match(await v.textContent(), /入力できるのは、市区町村名/);
    const axe = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(axe.violations.map((x) => x.id), []);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('offers the places of a list of bare names, reads 札幌中央区, and answers 不明 before the data', async () => {
    const { page, problems, context } = await open(env);
    await page.goto(`${env.base}/`);
    const v = verdict(page);
    await checkFor(page, '輪島、珠洲', '2026-02-05');
    await status(page, 'ambiguous');
    const names = await page.locator('saigai-mode-check button.candidate').allTextContents();
    assert.deepEqual(names.map((t) => t.replace(/（.*$/, '')), ['石川県 輪島市', '石川県 珠洲市']);

    await checkFor(page, '札幌中央区', '2026-02-05');
    await status(page, 'not_active');
    assert.match(await v.textContent(), /札幌市中央区は災害時モードの対象ではありません/);

    // A day before the built-in data's only disaster: not 対象外
    await checkFor(page, '弘前市', '2025-12-20');
    await status(page, 'unknown');
    assert.match(await v.textContent(), /令和8年1月21日（水）より前に始まった災害の通知は読み込まれていません/);
    assert.match(await v.textContent(), /当時の厚生労働省の事務連絡で確かめてください/);
    const axe = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(axe.violations.map((x) => x.id), []);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });
});
