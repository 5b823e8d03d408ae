// README «Deploying and upgrading», followed from scratch: deploy a release,
// let the site have its own notices.json, deploy the next release over it as
// the README says, and check that the site's data survives and that a
// returning visitor (with the service worker of the first release) gets the
// new version, online and offline.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launchChromium, verdictStatus as status } from './helpers.mjs';
import { serve } from '../../scripts/serve.mjs';

const versionOf = (dir) => /SAIGAI_MODE_VERSION = '([^']+)'/.exec(readFileSync(join(dir, 'version.js'), 'utf8'))[1];

/** A release from a copy of www/ (`change` edits the copy first), as scripts/build makes it */
function release(work, name, change) {
  const from = join(work, `${name}-www`);
  cpSync(join(ROOT, 'www'), from, { recursive: true });
  change?.(from);
  writeFileSync(join(from, 'version.js'), `self.SAIGAI_MODE_VERSION = '0.1.0+${name}';\n`);
  execFileSync(process.execPath, [join(ROOT, 'scripts/dist.mjs'), '--from', from, '--out', join(work, name)]);
  return join(work, name, 'checker');
}

/** The README's upgrade: copy the new release over the site, never its notices.json */
function deploy(releaseDir, site) {
  cpSync(releaseDir, site, { recursive: true, filter: (src) => !src.endsWith('notices.json') });
}

describe('deploying and upgrading', () => {
  let work;
  let browser;
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'saigai-upgrade-'));
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('keeps the site notices.json and gives returning visitors the new version', async () => {
    const v1 = release(work, 'v1');
    const v2 = release(work, 'v2', (www) => {
      const f = join(www, 'saigai-mode-check.js');
      writeFileSync(f, `${readFileSync(f, 'utf8')}\n// the next release\n`);
    });
    assert.ok(!readdirSync(v1).includes('notices.json'), 'a release carries no notices.json');

    // The site: release 1, with its own data (a made-up その6 until 2026-02-20)
    const site = join(work, 'site');
    deploy(v1, site);
    const file = JSON.parse(readFileSync(join(ROOT, 'data/notices.json'), 'utf8'));
    file.disasters[0].notices.push({ id: 'site-6', number: 6, title: '（試験用）その6', issued: '2026-02-09',
      rules: [{ kind: 'continue', areas: ['青森県弘前市'], until: '2026-02-20' }] });
    writeFileSync(join(site, 'notices.json'), JSON.stringify(file));
    const server = await serve(site, 0);
    const base = `http://127.0.0.1:${server.address().port}`;
    try {
      const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
      const page = await context.newPage();
      const url = `${base}/?m=${encodeURIComponent('弘前市')}&d=2026-02-15`;
      await page.goto(url);
      await status(page, 'active');
      assert.equal(await page.locator('saigai-mode-check').getAttribute('data-version'), '0.1.0+v1');
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload(); // a returning visitor, controlled by release 1's worker
      await status(page, 'active');
      assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true);
      // Hashed names are sent as immutable, the page itself revalidated
      const res = await page.request.get(`${base}/`);
      assert.equal(res.headers()['cache-control'], 'no-cache');
      assert.ok(res.headers().etag);
      const hashed = readdirSync(v1).find((n) => /^saigai-mode-check\.[0-9a-f]{10}\.js$/.test(n));
      assert.match((await page.request.get(`${base}/${hashed}`)).headers()['cache-control'], /immutable/);

      // Upgrade as the README says; the site's data stays
      deploy(v2, site);
      assert.equal(JSON.parse(readFileSync(join(site, 'notices.json'), 'utf8')).disasters[0].notices.length, 2);
      await page.reload();
      await status(page, 'active'); // still the site's その6: until 2026-02-20
      assert.equal(await page.locator('saigai-mode-check').getAttribute('data-version'), '0.1.0+v2');
      // Offline: one whole version, never a mix (the new page's files, or the old cache's)
      await page.waitForTimeout(500);
      await context.setOffline(true);
      await page.reload();
      await status(page, 'active');
      assert.match(await page.locator('saigai-mode-check').getAttribute('data-version'), /^0\.1\.0\+v[12]$/);
      await context.setOffline(false);
      // A portal page embeds the stable name, which loads this build's element
      await page.goto(`${base}/embed-example.html`);
      await page.getByRole('combobox', { name: '市区町村' }).waitFor();
      // (the version is set once the element's data is in)
      await page.waitForFunction(() => document.querySelector('saigai-mode-check').dataset.version === '0.1.0+v2');
      await context.close();
      assert.equal(versionOf(site), '0.1.0+v2');
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });
});
