// The municipality field: a combobox with suggestions from the engine
// (WAI-ARIA combobox pattern: arrow keys, Enter, Escape; the number of
// suggestions announced).
import { h } from './dom.js';

/** `北海道 古宇郡泊村`, `北海道 国後郡泊村（北方領土）`: a place as lists show it */
export const placeName = (p) => `${p.prefecture} ${p.gun ?? ''}${p.name}${p.note ? `（${p.note}）` : ''}`;

export class Combobox {
  /** `suggest(text)` → places; `onPick(place)` when one is chosen */
  constructor(id, { suggest, onPick }) {
    this.id = id;
    this.suggest = suggest;
    this.onPick = onPick;
    this.options = [];
    this.active = -1;
    this.selected = null; // code picked from suggestions or candidates
    this.input = h('input', {
      id: `${id}-m`, type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${id}-list`,
      'aria-describedby': `${id}-mhelp`, placeholder: '例: 弘前市、ひろさき、〒036-8588',
      oninput: () => { this.selected = null; this.refresh(); },
      onkeydown: (e) => this.onKey(e),
      // (late enough for a click on a suggestion; cancelled by typing again)
      onblur: () => { this.closing = setTimeout(() => this.close(), 150); },
    });
    this.list = h('ul', { id: `${id}-list`, role: 'listbox', class: 'suggestions', 'aria-label': '市区町村の候補', hidden: true });
    this.count = h('span', { class: 'sr-only', 'aria-live': 'polite' });
    this.element = h('div', { class: 'combo' }, this.input, this.list, this.count);
  }

  /** What to ask the engine about: the picked place's code, or the text */
  get value() { return this.selected || this.input.value; }

  set(place) {
    this.input.value = place.fullName;
    this.selected = place.code;
    this.close();
  }

  refresh() {
    clearTimeout(this.closing);
    const q = this.input.value;
    this.options = q.trim() ? this.suggest(q) : [];
    this.active = -1;
    this.list.replaceChildren(...this.options.map((p, i) =>
      h('li', { id: `${this.id}-o${i}`, role: 'option', 'aria-selected': 'false',
        onmousedown: (e) => { e.preventDefault(); this.pick(i); } },
        h('span', { class: 'name' }, placeName(p)), ' ',
        h('span', { class: 'reading' }, p.reading), ' ',
        h('span', { class: 'code' }, p.code))));
    const open = this.options.length > 0;
    this.count.textContent = q.trim() ? (open ? `候補が${this.options.length}件あります。上下の矢印キーで選び、Enterで決定します。` : '候補はありません。') : '';
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.input.removeAttribute('aria-activedescendant');
  }

  onKey(e) {
    const n = this.options.length;
    if (e.key === 'ArrowDown' && n) { e.preventDefault(); this.list.hidden = false; this.input.setAttribute('aria-expanded', 'true'); this.highlight((this.active + 1) % n); }
    else if (e.key === 'ArrowUp' && n) { e.preventDefault(); this.highlight((this.active - 1 + n) % n); }
    else if (e.key === 'Enter' && !this.list.hidden && this.active >= 0) { e.preventDefault(); this.pick(this.active); }
    else if (e.key === 'Escape') { this.close(); }
  }

  highlight(i) {
    this.active = i;
    [...this.list.children].forEach((li, j) => li.setAttribute('aria-selected', String(i === j)));
    this.input.setAttribute('aria-activedescendant', `${this.id}-o${i}`);
    this.list.children[i]?.scrollIntoView?.({ block: 'nearest' });
  }

  pick(i) {
    const p = this.options[i];
    if (p) this.onPick(p);
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
