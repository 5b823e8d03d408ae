// Screenshots of the checker page for docs/ (desktop and a 390 px phone),
// with the clock fixed inside the seed's window so that they are stable.
//   node scripts/screenshots.mjs      (after scripts/build)
import { start, stop, open } from '../tests/e2e/helpers.mjs';

const env = await start();
const shots = [
  { file: 'docs/screenshot-desktop.png', viewport: { width: 1100, height: 1400 } },
  { file: 'docs/screenshot-phone.png', viewport: { width: 390, height: 1600 } },
];
for (const { file, viewport } of shots) {
  const { page, context } = await open(env, { viewport, clock: '2026-02-05T10:00:00+09:00' });
  await page.goto(`${env.base}/?m=${encodeURIComponent('上越市')}`);
  await page.locator('saigai-mode-check section.verdict[data-verdict-status]').waitFor();
  await page.screenshot({ path: file });
  await context.close();
  console.log(`wrote ${file}`);
}
await stop(env);
