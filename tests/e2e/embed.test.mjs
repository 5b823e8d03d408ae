// <saigai-mode-check> inside other pages: a host page with hostile CSS under
// a strict CSP, and the example host page of www/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, open, verdict, CSP } from './helpers.mjs';

describe('embedding', () => {
  let env;
  before(async () => { env = await start(); });
  after(async () => { await stop(env); });

  it('works inside a hostile page under the strict CSP', async () => {
    const { page, problems, context } = await open(env);
    const violations = [];
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    const res = await page.goto(`${env.base}/fixtures/csp-hostile.html`);
    assert.equal(res.headers()['content-security-policy'], CSP);
    await verdict(page).waitFor({ state: 'attached' });
    const v = verdict(page);
    assert.equal(await v.getAttribute('data-verdict-status'), 'active');
    // The host's rules do not reach into the shadow root
    const style = await v.evaluate((el) => {
      const cs = getComputedStyle(el);
      const badge = getComputedStyle(el.querySelector('.badge'));
      const button = getComputedStyle(el.getRootNode().querySelector('button.primary'));
      return { display: cs.display, visibility: cs.visibility, color: badge.color, fontSize: badge.fontSize, letterSpacing: badge.letterSpacing, button: button.display, buttonColor: button.backgroundColor };
    });
    assert.deepEqual(style, { display: 'block', visibility: 'visible', color: 'rgb(20, 108, 46)', fontSize: '35.2px', letterSpacing: 'normal', button: 'block', buttonColor: 'rgb(11, 87, 208)' });
    // and it still works: type, pick, answer
    const input = page.getByRole('combobox');
    await input.fill('');
    await input.pressSequentially('八戸');
    await page.getByRole('option').first().click();
    await page.waitForFunction(() => document.querySelector('saigai-mode-check').getAttribute('data-verdict-status') === 'not_active');
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });

  it('the example host page embeds with one module and one element', async () => {
    const { page, problems, context } = await open(env, { clock: '2026-02-05T10:00:00+09:00' });
    const verdicts = [];
    await page.exposeFunction('onVerdict', (s) => verdicts.push(s));
    await page.addInitScript(() => document.addEventListener('saigai-mode-verdict', (e) => window.onVerdict(e.detail.status)));
    await page.goto(`${env.base}/embed-example.html`);
    const input = page.getByRole('combobox', { name: '市区町村' });
    await input.waitFor();
    await input.fill('022021');
    await input.press('Enter');
    await page.waitForFunction(() => document.querySelector('saigai-mode-check').getAttribute('data-verdict-status') === 'active');
    assert.deepEqual(verdicts, ['active']);
    assert.deepEqual(problems, { console: [], external: [] });
    await context.close();
  });
});
