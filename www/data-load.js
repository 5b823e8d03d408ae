// Loading what the checker needs: the wasm module, the notices file (with
// the last good copy and the built-in data to fall back on) and, on demand,
// the master's readings and the postal table.
import init, { loadNotices, builtinDataAsOf, loadPostalCodes, loadReadings as loadReadingsText } from './pkg/saigai_mode.js';

export const here = (path) => new URL(path, import.meta.url).href;
const LAST_GOOD_KEY = 'saigai-mode:last-good-notices';
// Each notices URL has its own data in the module and its own last good copy
// (the default file keeps the key earlier versions used)
const storageKey = (url) => (url === here('notices.json') ? LAST_GOOD_KEY : `${LAST_GOOD_KEY}:${url}`);

// One wasm instance and one notices load per page, shared by all elements.
// notices.json is requested at once, in parallel with the module; the
// answer waits for it at most NOTICES_TIMEOUT, then goes on with the last
// good (or built-in) data and takes the file when it arrives.
const NOTICES_TIMEOUT = 3000;
let module = null;
const notices = new Map();

/** Resolves when the module is there: the form and the guide can work */
export function ready() {
  module ??= init({ module_or_path: here('pkg/saigai_mode_bg.wasm') });
  return module;
}

/**
 * `{ status, later }` for a notices URL (loaded once per page): what the data
 * is now, and (when the file is slow) its status once it arrives. The
 * module keeps the data under the URL; `check({ …, notices: url })` uses it.
 */
export function boot(url) {
  if (!notices.has(url)) {
    notices.set(url, (async () => {
      const file = fetchText(url);
      await ready();
      // (known without compiling the built-in notices: start-up work saved)
      const builtin = builtinDataAsOf();
      const first = await Promise.race([file, new Promise((ok) => setTimeout(() => ok(null), NOTICES_TIMEOUT))]);
      if (first) return { status: apply(url, first, builtin), later: null };
      return { status: lastGood(url, { state: 'slow' }), later: file.then((f) => apply(url, f, builtin)) };
    })());
  }
  return notices.get(url);
}

async function fetchText(url) {
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    if (res.status === 404) return { ok: false, state: 'missing' };
    if (!res.ok) return { ok: false, state: 'unreachable', detail: `HTTP ${res.status}` };
    return { ok: true, text: await res.text() };
  } catch (e) {
    return { ok: false, state: 'unreachable', detail: String(e && e.message || e) };
  }
}

/**
 * Use a fetched file: 404, errors and broken files keep the last good copy
 * (never older built-in data when a newer copy exists); an empty file, or
 * one older or with fewer notices than the last good one, is used only with
 * a warning, and does not replace the last good copy.
 */
function apply(url, file, builtin) {
  if (!file.ok) return lastGood(url, { state: file.state, detail: file.detail });
  const last = storedText(url);
  const before = last ? loadNotices(last, url) : null;
  const lastInfo = before?.type === 'success' ? before.info : null;
  const answer = loadNotices(file.text, url);
  if (answer.type !== 'success') return { state: 'invalid', problems: answer.problems, usingLastGood: !!lastInfo };
  const info = answer.info;
  const status = { state: 'loaded' };
  if (info.disasters === 0) status.empty = true;
  else if (lastInfo && ((info.dataAsOf ?? '') < (lastInfo.dataAsOf ?? '') || info.notices < lastInfo.notices || info.disasters < lastInfo.disasters)) {
    status.rolledBack = lastInfo;
  }
  if (!status.empty && !status.rolledBack) {
    try { localStorage.setItem(storageKey(url), file.text); } catch { /* storage may be off */ }
  }
  // A site whose notices.json was not updated when the module was
  if (builtin && info.dataAsOf && info.dataAsOf < builtin) status.staleAgainst = builtin;
  return status;
}

function storedText(url) {
  try { return localStorage.getItem(storageKey(url)); } catch { return null; /* storage may be off */ }
}

function lastGood(url, status) {
  const text = storedText(url);
  if (text && loadNotices(text, url).type === 'success') status.usingLastGood = true;
  return status;
}

// Tables that are not part of the first download, fetched once when first
// needed (the service worker then keeps them for offline use). Each load
// resolves to an error message, or null when the table is in.
function onDemand(file, load, unreachable) {
  let pending = null;
  return () => {
    pending ??= fetch(here(file))
      .then((res) => (res.ok ? res.text() : Promise.reject(new Error(`HTTP ${res.status}`))))
      .then((text) => {
        const answer = load(text);
        return answer.type === 'success' ? null : answer.message;
      })
      .catch(() => {
        pending = null; // try again next time
        return unreachable;
      });
    return pending;
  };
}

// The postal table (about 60 KB gzip): when an input is a postal code
export const loadPostal = onDemand('postal-codes.txt', loadPostalCodes,
  '郵便番号の表を取得できませんでした。通信状態を確かめるか、市区町村名で入力してください。');
// The readings (about 9 KB): after the first answer, or at once for an input
// in kana or romaji
export const loadReadings = onDemand('readings.txt', loadReadingsText,
  '読み仮名の表を取得できませんでした。通信状態を確かめるか、漢字の市区町村名で入力してください。');
