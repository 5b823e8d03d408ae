// Time from navigation to the first verdict on the checker page, in Debian's
// Chromium, on a fast connection and on an emulated slow phone (slow 3G:
// 400 ms latency, 400 kbit/s; CPU 4x slower). Prints numbers; asserts nothing.
//   node scripts/bench-page.mjs      (after scripts/build)
import { start, stop, open } from '../tests/e2e/helpers.mjs';

const env = await start();
const profiles = [
  { name: 'fast (loopback)', network: null, cpu: 1 },
  { name: 'slow 3G, CPU x4', network: { latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 }, cpu: 4 },
];
for (const p of profiles) {
  const times = [];
  for (let run = 0; run < 3; run++) {
    const { page, context } = await open(env, { clock: '2026-02-05T10:00:00+09:00' });
    const cdp = await context.newCDPSession(page);
    if (p.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...p.network });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpu });
    const t0 = Date.now();
    await page.goto(`${env.base}/?m=${encodeURIComponent('弘前市')}`, { waitUntil: 'commit' });
    await page.locator('saigai-mode-check section.verdict[data-verdict-status]').waitFor({ timeout: 120_000 });
    times.push(Date.now() - t0);
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`${p.name.padEnd(18)} first verdict after ${times[1]} ms (median of 3; ${times.join(', ')})`);
}
await stop(env);
