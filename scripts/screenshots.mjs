// Screenshots for docs/: the checker page (desktop and a 390 px phone, with
// the clock fixed inside the seed's window so that they are stable) and the
// maintainers' page with a misprint flagged.
//   node scripts/screenshots.mjs      (after scripts/build)
import { start, stop, open } from '../tests/e2e/helpers.mjs';

const env = await start();
const shots = [
  { file: 'docs/screenshot-desktop.png', viewport: { width: 1100, height: 1750 } },
  { file: 'docs/screenshot-phone.png', viewport: { width: 390, height: 2300 } },
];
for (const { file, viewport } of shots) {
  const { page, context } = await open(env, { viewport, clock: '2026-02-05T10:00:00+09:00' });
  await page.goto(`${env.base}/?m=${encodeURIComponent('上越市')}`);
  await page.locator('saigai-mode-check section.verdict[data-verdict-status]').waitFor();
  await page.locator('saigai-mode-check .reminders').waitFor(); // the guide, which follows
  await page.screenshot({ path: file });
  await context.close();
  console.log(`wrote ${file}`);
}
{
  // The maintainers' page with the seed's cover letter pasted: the misprint flagged
  const { readFileSync } = await import('node:fs');
  const { page, context } = await open(env, { viewport: { width: 1100, height: 1300 } });
  await page.goto(`${env.base}/maintain.html`);
  await page.locator('#current').filter({ hasText: '件' }).waitFor();
  await page.locator('#text').fill(readFileSync(new URL('../tests/fixtures/import-sono6.txt', import.meta.url), 'utf8'));
  await page.getByRole('button', { name: '読み取る' }).click();
  await page.locator('#h-result').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: 'docs/screenshot-maintain.png' });
  await context.close();
  console.log('wrote docs/screenshot-maintain.png');
}
await stop(env);
