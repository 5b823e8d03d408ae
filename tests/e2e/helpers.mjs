// Shared set-up of the end-to-end tests: the static server on 127.0.0.1,
// Debian's Chromium through playwright-core, and watchers for console errors
// and for requests that leave 127.0.0.1.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

/** Start the server (www/ plus the fixtures under /fixtures/) and the browser. */
export async function start() {
  // env.failing = 503 makes the server answer every request with that error
  const env = { failing: null };
  const server = await serve(`${ROOT}/www`, 0, {
    failing: () => env.failing,
    // /saigai/: the checker in a folder of a portal site, as portals deploy it
    mounts: { '/fixtures/': `${ROOT}/tests/e2e/fixtures`, '/data/': `${ROOT}/data`, '/saigai/': `${ROOT}/www` },
    headers: (path) => ({
      ...(path.startsWith('/fixtures/csp-') ? { 'content-security-policy': CSP } : {}),
      // what README «Embedding» asks of a portal that wants offline-scope="/"
      ...(path === '/saigai/sw.js' ? { 'service-worker-allowed': '/' } : {}),
    }),
  });
  const browser = await launchChromium();
  const base = `http://127.0.0.1:${server.address().port}`;
  return Object.assign(env, { server, browser, base });
}

/** Debian's Chromium, headless, with nothing reaching out to the network on its own */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export async function stop({ server, browser }) {
  await browser.close();
  await new Promise((ok) => server.close(ok));
}

/**
 * A fresh context and page that record console errors, page errors, CSP
 * violations and every request to a host other than 127.0.0.1.
 * `clock`: an ISO instant to freeze the page's clock at. Service workers are
 * blocked unless `serviceWorkers: 'allow'` (page.route cannot see requests a
 * service worker answers).
 */
export async function open(env, { timezoneId = 'Asia/Tokyo', viewport = { width: 1100, height: 900 }, clock, serviceWorkers = 'block' } = {}) {
  const context = await env.browser.newContext({ timezoneId, viewport, locale: 'ja-JP', serviceWorkers });
  const page = await context.newPage();
  const problems = { console: [], external: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.console.push(`pageerror: ${e.message}`));
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.hostname !== '127.0.0.1') problems.external.push(r.url());
  });
  if (clock) await page.clock.install({ time: new Date(clock) });
  return { context, page, problems };
}

/** The checker's verdict element (inside the shadow root). */
export const verdict = (page) => page.locator('saigai-mode-check section.verdict[data-verdict-status]');

/** Wait for the checker to be ready (the form appears once wasm is loaded). */
export async function ready(page) {
  await page.locator('saigai-mode-check form').waitFor({ state: 'visible' });
}

/** Fill the municipality, set a date (whole day) and answer. */
export async function checkFor(page, municipality, date) {
  await ready(page);
  const el = page.locator('saigai-mode-check');
  await el.locator('input[type=date]').fill(date);
  await el.locator('input[type=time]').fill('');
  await el.getByRole('combobox').fill(municipality);
  await el.getByRole('button', { name: '判定する' }).click();
}

/** Wait until the element (first `saigai-mode-check`, or `sel`) carries this verdict status. */
export function verdictStatus(page, want, sel = 'saigai-mode-check') {
  return page.waitForFunction(([s, w]) => document.querySelector(s)?.getAttribute('data-verdict-status') === w, [sel, want]);
}
