// The maintainers' page: paste a notice, fix what the importer flags, preview
// verdicts, download notices.json. All the reading is done by the wasm module
// (the build with the importer, pkg-maintain/); this file keeps the
// maintainer's answers and draws the report. Nothing leaves the browser.
import init, { importNotice, validateNotices, builtinNotices, loadNotices, check, nowJst, atomFeed, noticeRegressions } from './pkg-maintain/saigai_mode.js';
import { h } from './dom.js';

const $ = (id) => document.getElementById(id);
const STATUS = {
  ok: '一致', fixed: '修正済み', not_found: '要確認: 見つかりません', ambiguous: '要確認: 複数あります',
  count_differs: '要確認: 市町村の数が違います', extra_words: '要確認: 名前のあとの語が読めません', prefecture_only: '要確認: 都道府県名だけです', towns_only: '要確認: 「全市町」は村を含みません',
};
const NEWNESS = {
  addedByText: '新規（本文に追加と記載）', addedByMaintainer: '新規', newInFile: '新規（以前の通知になし）',
  continuingFromFile: '継続（以前の通知にあり）', continuingByText: '継続（延長と記載）', continuingByMaintainer: '継続', undecided: '未決定',
};

let base = null; // text of the notices file the new notice goes into
let baseDisasters = [];
let options = { fixes: [], added: [], continuing: [] };
let report = null;
let downloadUrl = null;
let feedUrl = null;

await init({ module_or_path: new URL('pkg-maintain/saigai_mode_bg.wasm', import.meta.url) });
await loadBase();
$('read').addEventListener('click', () => { options = { fixes: [], added: [], continuing: [] }; run(); });
$('upload').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (file) useBase(await file.text(), `選んだファイル（${file.name}）`);
});
for (const id of ['disaster', 'disaster-id', 'disaster-name', 'issued', 'number', 'unnumbered', 'until', 'ignore']) $(id).addEventListener('change', () => { readMeta(); run(); });
$('all-continuing').addEventListener('click', () => { options.rest = 'continue'; run(); });
$('all-new').addEventListener('click', () => { options.rest = 'add'; run(); });
$('try').addEventListener('click', () => tryVerdict($('try-m').value, $('try-d').value, $('try-t').value));
$('try-d').value = nowJst().date;

async function loadBase() {
  try {
    const res = await fetch('notices.json', { cache: 'no-cache' });
    if (res.ok) return useBase(await res.text(), '配信中の notices.json');
  } catch { /* fall through to the built-in data */ }
  useBase(builtinNotices(), '組み込みデータ（notices.json がないため）');
}

function useBase(text, label) {
  const answer = validateNotices(text);
  $('current-problems').replaceChildren();
  if (answer.type === 'failure') {
    $('current').textContent = `${label}に誤りがあります。正しいファイルを選ぶか、組み込みデータから始めます。`;
    $('current-problems').replaceChildren(...answer.problems.map((p) => h('li', {}, `${p.entry}: ${p.message}`)));
    text = builtinNotices();
  } else {
    const i = answer.info;
    $('current').textContent = `${label}: 災害 ${i.disasters} 件、通知 ${i.notices} 件、最新は ${i.newestDisaster ?? ''} ${i.newestNotice?.label ?? ''}（${i.dataAsOf ?? ''}）。`;
  }
  base = text;
  baseDisasters = JSON.parse(text).disasters.map((d) => ({ id: d.id, name: d.name }));
  if (report) run();
}

function readMeta() {
  const d = $('disaster').value;
  options.disaster = d === '' ? ($('disaster-id').value.trim() || null) : d;
  options.disasterName = $('disaster-name').value.trim() || null;
  options.issued = $('issued').value || null;
  options.number = $('number').value ? Number($('number').value) : null;
  // 番号なし: written without a number (format 2), never with an invented one
  options.unnumbered = $('unnumbered').checked;
  $('number').disabled = options.unnumbered;
  if (options.unnumbered) options.number = null;
  options.until = $('until').value || null;
  options.ignore = $('ignore').value.split(/[、,，\s]+/).map((s) => s.trim()).filter(Boolean);
}

function run() {
  const text = $('text').value;
  if (!text.trim()) {
    $('questions').replaceChildren(h('p', {}, '事務連絡の本文を貼り付けてください。'));
    $('result').hidden = false;
    return;
  }
  report = importNotice(text, options, base);
  render();
}

function render() {
  const r = report;
  $('result').hidden = false;
  $('questions').replaceChildren(...r.questions.map((q) => h('p', {}, `？ ${q.message}`)), ...r.notes.map((n) => h('p', { class: 'note' }, `ℹ ${n}`)));
  $('problems').replaceChildren(...r.problems.map((p) => h('li', {}, `${p.entry}: ${p.message}`)));
  // the notice's fields, prefilled from the text or the answers
  const sel = $('disaster');
  sel.replaceChildren(h('option', { value: '' }, '新しい災害'), ...baseDisasters.map((d) => h('option', { value: d.id }, d.name)));
  sel.value = r.disasterExists ? r.disasterId : '';
  $('new-disaster').hidden = r.disasterExists;
  if (!r.disasterExists && r.disasterId) $('disaster-id').value = r.disasterId;
  $('disaster-name').value = r.disasterName ?? '';
  $('issued').value = r.issued ?? '';
  $('number').value = r.number ?? '';
  $('unnumbered').checked = r.unnumbered;
  const p = r.period;
  // Areas with ends of their own (a notice read in groups): said in the table
  const byArea = r.areas.some((a) => a.until);
  $('period').textContent = `期間: ${p.from ? `${p.from} から ` : ''}${byArea ? '地域ごと（表の「終了」）' : ending(p.until)}${p.provisional ? '（予定）' : ''}${p.extended ? `（延長${p.extendedFrom ? `: ${p.extendedFrom} から` : ''}）` : ''}${p.written ? ` — 本文: ${p.written}` : ''}`;
  // remarks the notice gets (per-facility applications), with where and when they show
  const KIND = { facility: '施設ごとの申請', partial: '一部の地域', note: '備考' };
  $('remarks').replaceChildren(...r.remarks.map((k) => h('li', {},
    `備考（${KIND[k.kind] ?? k.kind}）: ${k.text}`,
    k.areas?.length ? ` — 表示する地域: ${k.areas.length}市町村（${k.areas.slice(0, 3).join('、')}${k.areas.length > 3 ? ' …' : ''}）` : ' — 表示する地域: この通知の地域',
    k.from || k.until ? ` — 表示する期間: ${k.from ?? ''}〜${k.until ?? ''}` : '')));
  // one row per area
  $('areas').tBodies[0].replaceChildren(...r.areas.map(row));
  // preview and download when complete
  const done = r.file && r.problems.length === 0 && r.questions.length === 0;
  $('preview').hidden = !done;
  $('download').hidden = !done;
  if (done) {
    const json = `${JSON.stringify(r.file, null, 2)}\n`;
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    $('download-link').href = downloadUrl;
    // The feed, for the address this page is published at
    if (feedUrl) URL.revokeObjectURL(feedUrl);
    feedUrl = URL.createObjectURL(new Blob([atomFeed(json, new URL('.', location.href).href)], { type: 'application/atom+xml' }));
    $('feed-link').href = feedUrl;
    loadNotices(json);
    loadNotices(base, 'current');
    renderChanges(r);
    // Before upload: what the new file drops of the one it replaces
    const back = noticeRegressions(json, base);
    $('regressions').replaceChildren(...back.map((w) => h('li', {}, `⚠ ${w}`)));
    $('regressions').hidden = back.length === 0;
    const first = r.areas.find((a) => a.place);
    if (first && !$('try-m').value) $('try-m').value = first.place.fullName;
  }
}

function row(a) {
  const bad = !['ok', 'fixed'].includes(a.status) || a.newness === 'undecided';
  const id = `a${a.position.line}-${a.position.column}`;
  let place;
  if (a.place) place = `${a.place.fullName}（${a.place.code}）`;
  else if (a.wholePrefecture) place = `${a.prefecture} の全市町村`;
  else {
    place = h('select', { id: `${id}-fix`, 'aria-label': `「${a.written}」の正しい市区町村`, onchange: (e) => fix(a, e.target.value) },
      h('option', { value: '' }, '候補から選ぶ…'),
      ...a.suggestions.map((s) => h('option', { value: s.code }, `${s.fullName}${s.note ? `（${s.note}）` : ''}（${s.reading}）`)));
  }
  const newness = h('select', { id: `${id}-new`, 'aria-label': `「${a.written}」は新規か継続か`, onchange: (e) => decide(a, e.target.value) },
    h('option', { value: '' }, NEWNESS[a.newness]),
    h('option', { value: 'add' }, '新規にする'),
    h('option', { value: 'continue' }, '継続にする'));
  return h('tr', { class: bad ? 'bad' : null },
    h('td', {}, `${a.position.line}行${a.position.column}列`),
    h('td', {}, `${a.prefecture ? `【${a.prefecture}】` : ''}${a.written}${a.part ? `（${a.part}）` : ''}`),
    h('td', {}, STATUS[a.status] + (a.newness === 'undecided' && (a.place || a.wholePrefecture) ? '・要確認: 新規か継続か' : '')),
    h('td', {}, place),
    h('td', {}, a.from ? a.from.replace('T', ' ') : (report?.period.from ?? '発出日から')),
    h('td', {}, ending(a.until ?? report?.period.until)),
    h('td', {}, newness));
}

/** An end as the table and the period line say it */
function ending(until) {
  if (until === 'current') return '（現在の終了日のまま）';
  return until ? until.replace('T', ' ') : '読み取れません';
}

function fix(a, code) {
  options.fixes = options.fixes.filter((f) => f.written !== a.written);
  if (code) options.fixes.push({ written: a.written, meant: code });
  run();
}

function decide(a, kind) {
  const key = a.place?.code ?? a.written;
  options.added = options.added.filter((x) => x !== key);
  options.continuing = options.continuing.filter((x) => x !== key);
  if (kind === 'add') options.added.push(key);
  if (kind === 'continue') options.continuing.push(key);
  run();
}

/** What changes today for the areas of the new notice: the file now online against the new one */
function renderChanges(r) {
  const today = nowJst().date;
  const said = (v) => `${v.statusLabel}${v.window ? `（${v.window.untilWareki}${v.window.untilTime ? ` ${v.window.untilTime}` : ''}まで）` : ''}`;
  const items = [];
  for (const a of r.areas.filter((a) => a.place)) {
    const before = check({ municipality: a.place.code, date: today, notices: 'current' });
    const after = check({ municipality: a.place.code, date: today });
    if (said(before) !== said(after)) items.push(h('li', {}, `${a.place.fullName}: ${said(before)} → ${said(after)}`));
  }
  $('changes').replaceChildren(...(items.length ? items : [h('li', {}, '今日の判定が変わる市区町村はありません（開始日が先の地域、または同じ期間の継続です）。')]));
}

function tryVerdict(municipality, date, time) {
  if (!municipality.trim()) return;
  let text;
  try {
    const v = check(time ? { municipality, at: `${date}T${time}` } : { municipality, date });
    const w = v.window ? ` ${v.window.from ?? '（以前から）'} 〜 ${v.window.until}` : '';
    text = `${municipality} ${date}${time ? ` ${time}` : ''}: ${v.statusLabel}${w}${v.newlyAdded ? '（今回の通知で追加）' : ''} — ${v.message}`;
  } catch (e) {
    text = `${municipality} ${date}: ${e.message}`;
  }
  $('tries').prepend(h('li', {}, text));
}
