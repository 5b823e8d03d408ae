// Loading what the checker needs: the wasm module, the notices file (with
// the last good copy and the built-in data to fall back on) and, only when an
// input is a postal code, the postal table.
import init, { loadNotices, dataInfo, loadPostalCodes } from './pkg/saigai_mode.js';

export const here = (path) => new URL(path, import.meta.url).href;
const LAST_GOOD_KEY = 'saigai-mode:last-good-notices';

// One wasm instance and one notices load per page, shared by all elements.
let booting = null;
export function boot(noticesUrl) {
  booting ??= (async () => {
    await init({ module_or_path: here('pkg/saigai_mode_bg.wasm') });
    return fetchNotices(noticesUrl);
  })();
  return booting;
}

/** Load notices.json; on failure keep the last good copy or the built-in data. */
async function fetchNotices(url) {
  let text;
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    if (res.status === 404) return { state: 'missing' };
    if (!res.ok) return lastGood({ state: 'unreachable', detail: `HTTP ${res.status}` });
    text = await res.text();
  } catch (e) {
    return lastGood({ state: 'unreachable', detail: String(e && e.message || e) });
  }
  const builtin = dataInfo().dataAsOf;
  const answer = loadNotices(text);
  if (answer.type === 'success') {
    try { localStorage.setItem(LAST_GOOD_KEY, text); } catch { /* storage may be off */ }
    // A site whose notices.json was not updated when the module was
    const stale = builtin && answer.info.dataAsOf && answer.info.dataAsOf < builtin ? builtin : null;
    return { state: 'loaded', staleAgainst: stale };
  }
  return lastGood({ state: 'invalid', problems: answer.problems });
}

function lastGood(status) {
  let text = null;
  try { text = localStorage.getItem(LAST_GOOD_KEY); } catch { /* storage may be off */ }
  if (text && loadNotices(text).type === 'success') status.usingLastGood = true;
  return status;
}

// The postal table (about 60 KB gzip) is not part of the first download: it
// is fetched the first time an input needs it (the service worker then keeps
// it for offline use). Resolves to an error message, or null when loaded.
let postal = null;
export function loadPostal() {
  postal ??= fetch(here('postal-codes.txt'))
    .then((res) => (res.ok ? res.text() : Promise.reject(new Error(`HTTP ${res.status}`))))
    .then((text) => {
      const answer = loadPostalCodes(text);
      return answer.type === 'success' ? null : answer.message;
    })
    .catch(() => {
      postal = null; // try again next time
      return '郵便番号の表を取得できませんでした。通信状態を確かめるか、市区町村名で入力してください。';
    });
  return postal;
}
