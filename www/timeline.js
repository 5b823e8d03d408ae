// A small picture of the window with the asked day marked, in HTML (not SVG),
// so that its text keeps the element's font size in a narrow column. When
// the asked day is far from the window (long ago, long ahead), the axis is
// broken and the distance said in words, so the bar never shrinks to a dot.
import { h } from './dom.js';

const DAY = 86400000;
const dayNum = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const label = (n, withYear) => {
  const d = new Date(n * DAY);
  return `${withYear ? `${d.getUTCFullYear()}/` : ''}${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
};
const place = (el, at) => {
  el.style.left = `${at.toFixed(2)}%`;
  el.classList.add(at < 12 ? 'from-start' : at > 88 ? 'from-end' : 'centred');
  return el;
};

/** Positions (percent of the track) of the window and the asked day */
function layout(q, from, last) {
  const length = last - from + 1;
  const far = Math.max(length, 7) * 2;
  if (q > last + far) return { bar: [4, 62], mark: 90, broken: 76 };
  if (q < from - far) return { bar: [38, 96], mark: 10, broken: 24 };
  const lo = Math.min(from, q) - 1;
  const hi = Math.max(last + 1, q + 1) + 1;
  const x = (n) => 4 + ((n - lo) / (hi - lo)) * 92;
  return { bar: [x(from), x(last + 1)], mark: x(q + 0.5), broken: null };
}

export function timeline(v, w) {
  const q = dayNum(v.query.slice(0, 10));
  const last = dayNum(w.until);
  const from = w.from ? dayNum(w.from) : Math.min(last - 6, q - 2);
  const { bar, mark, broken } = layout(q, from, last);
  const years = new Set([from, last, q].map((n) => new Date(n * DAY).getUTCFullYear())).size > 1;

  const barEl = h('div', { class: `tl-bar${w.from ? '' : ' open-start'}` });
  barEl.style.left = `${bar[0].toFixed(2)}%`;
  barEl.style.width = `${Math.max(bar[1] - bar[0], 1.5).toFixed(2)}%`;
  const track = h('div', { class: 'tl-track' }, h('div', { class: 'tl-axis' }), barEl,
    broken != null && place(h('span', { class: 'tl-break' }, '≈'), broken),
    place(h('div', { class: 'tl-mark' }), mark));
  const ends = bar[1] - bar[0] < 34 || !w.from
    ? [place(h('span', { class: 'tl-label' }, `${w.from ? label(from, years) : '…'}〜${label(last, years)}`), (bar[0] + bar[1]) / 2)]
    : [place(h('span', { class: 'tl-label' }, label(from, years)), bar[0]), place(h('span', { class: 'tl-label' }, label(last, years)), bar[1])];

  const distance = q > last ? `終了の${q - last}日後` : q < from ? `開始の${from - q}日前` : '期間中';
  const length = w.from ? `（${last - from + 1}日間）` : '';
  const desc = `期間 ${w.from ?? '（開始日はこのデータにありません）'} 〜 ${w.until}${length}、判定日 ${v.query.slice(0, 10)}（${distance}）`;
  return h('figure', { class: 'tl' },
    h('div', { class: 'tl-picture', 'aria-hidden': 'true' },
      h('div', { class: 'tl-row' }, place(h('span', { class: 'tl-label today' }, `判定日 ${label(q, years)}`), mark)),
      track,
      h('div', { class: 'tl-row' }, ...ends)),
    h('figcaption', {}, desc));
}
