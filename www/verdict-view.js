// The verdict as staff read it: status (icon and word, never colour alone),
// the window in 和暦 and ISO, the notices, remarks, candidates, how old the
// data is and where to check, and the calendar reminder.
import { h } from './dom.js';
import { placeName } from './combobox.js';
import { timeline } from './timeline.js';
import { wareki } from './pkg/saigai_mode.js';

const ICON = { active: '✓', ended: '■', not_active: '－', unknown: '？', ambiguous: '…', not_found: '？' };
const REMARK = { partial: '一部地域のみ', facility: '施設ごとの申請', note: '備考' };

export function safeWareki(iso) {
  // A time of issue (format 2: 2024-07-10T16:00) is shown by its day
  try { return wareki(String(iso).slice(0, 10)); } catch { return iso; }
}

const untilText = (w) => `${w.untilWareki}${w.untilTime ? ` ${w.untilTime}` : ''}まで`;

/** What the live region says: the place and the status, nothing more */
export function shortText(v) {
  const place = v.municipality ? placeName(v.municipality) : `「${v.input.trim()}」`;
  const until = v.window && v.status === 'active' ? `（${untilText(v.window)}）` : '';
  return `${place}: ${v.statusLabel}${until}`;
}

/** The nodes of a verdict; `onChoose(place)` for a candidate */
export function verdictView(v, { onChoose }) {
  const m = v.municipality;
  const w = v.window;
  const parts = [
    h('p', { class: 'badge' }, h('span', { class: 'icon', 'aria-hidden': 'true' }, ICON[v.status]), h('span', { class: 'label' }, v.statusLabel)),
    h('h2', { class: 'place' }, m ? placeName(m) : `「${v.input.trim()}」`),
    h('p', { class: 'lead' }, v.message),
  ];
  if (v.nameNote) parts.push(h('p', { class: 'name-note' }, v.nameNote));
  if (v.newlyAdded) parts.push(h('p', { class: 'new' }, h('span', { 'aria-hidden': 'true' }, '★ '), '今回の通知で追加'));
  if (w) parts.push(windowBlock(v, w));
  if (v.opensAt) parts.push(h('p', { class: 'note' }, `この日は ${v.opensAt} から対象です。`));
  if (v.closesAt) parts.push(h('p', { class: 'note' }, `この日は ${v.closesAt} までです。`));
  if (w) parts.push(timeline(v, w));
  v.disasters.filter((d) => d.window).forEach((d, i) => {
    // Another disaster that also speaks for the place: its own status and remarks
    const other = i > 0 && h('p', { class: 'other' }, `この災害では${d.statusLabel}（${d.window.untilWareki}まで）`);
    parts.push(h('div', { class: 'disaster' },
      h('p', {}, h('span', { class: 'k' }, '災害'), d.name),
      other,
      h('ul', { class: 'notices' }, d.notices.map((n) =>
        h('li', {}, h('span', { class: 'k' }, n.label), `${n.issued.replace('T', ' ')}（${safeWareki(n.issued)}${n.issued.includes('T') ? ` ${n.issued.slice(11)}` : ''}）発出 `, h('span', { class: 'title' }, n.title)))),
      i > 0 && d.remarks.length > 0 && h('ul', { class: 'remarks' }, d.remarks.map((r) => h('li', {}, h('span', { class: 'k' }, REMARK[r.kind] || '備考'), r.text)))));
  });
  if (v.remarks.length) {
    parts.push(h('ul', { class: 'remarks' }, v.remarks.map((r) => h('li', {}, h('span', { class: 'k' }, REMARK[r.kind] || '備考'), r.text))));
  }
  if (v.candidates.length) {
    parts.push(h('div', { class: 'candidates' },
      h('p', {}, v.status === 'ambiguous' ? '次の中から選んでください:' : 'もしかして:'),
      h('ul', {}, v.candidates.map((c) =>
        h('li', {}, h('button', { type: 'button', class: 'candidate', onclick: () => onChoose(c) },
          placeName(c), h('span', { class: 'reading' }, `（${c.reading ? `${c.reading}・` : ''}${c.code}）`)))))));
  }
  if (v.freshness) parts.push(freshnessBlock(v.freshness));
  // The stale box already says what to check; the advice only once
  if (v.advice && !v.freshness?.stale) parts.push(h('p', { class: 'advice' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), v.advice));
  if (w && v.status === 'active') {
    // calendar.js is loaded only when asked for: it is not needed for the first answer
    const download = () => import('./calendar.js').then((c) => c.downloadIcs(v, location.href));
    parts.push(h('button', { type: 'button', class: 'secondary calendar', onclick: download },
      'カレンダーに追加（最終日と延長確認のリマインダー）'));
  }
  return parts;
}

function windowBlock(v, w) {
  const until = `${untilText(w)}（${w.until}）${w.provisional ? '（予定）' : ''}`;
  const from = w.from
    ? `${w.fromWareki}${w.fromTime ? ` ${w.fromTime}` : ''}から（${w.from}）`
    : '開始日はこのデータにありません（前の通知から継続）';
  const rows = [
    h('dt', {}, '期間'), h('dd', { class: 'until' }, until),
    h('dt', {}, '開始'), h('dd', {}, from),
  ];
  if (w.untilThen) rows.push(h('dt', {}, 'この日の時点'), h('dd', {}, `この日に出ていた通知では${w.untilThenWareki}まで（${w.untilThen}）。のちの通知で${w.until < w.untilThen ? '短縮' : '延長'}`));
  if (v.status === 'active' && v.daysLeft != null) {
    rows.push(h('dt', { class: 'days' }, '残り'), h('dd', { class: 'days' }, v.daysLeft === 0 ? '今日が最終日です' : `最終日まであと${v.daysLeft}日`));
  }
  if (w.basis === 'reliefAct') rows.push(h('dt', {}, '根拠'), h('dd', {}, '災害救助法の適用第一報から一週間（令和5年1月26日付事務連絡）'));
  return h('dl', { class: 'window' }, rows);
}

function freshnessBlock(f) {
  const line = h('p', { class: 'asof' }, `判定に使った通知: 最新は${f.newestWareki}発出（${f.newest}、${f.age}）`);
  if (!f.stale) return line;
  return h('div', { class: 'stale' }, line,
    h('p', {}, h('span', { 'aria-hidden': 'true' }, '⚠ '), f.advice),
    h('ul', { class: 'links' }, f.links.map((l) =>
      h('li', {}, h('a', { href: l.url, target: '_blank', rel: 'noopener noreferrer' }, l.label)))));
}
