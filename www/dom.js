// The one DOM helper of the checker and the maintainers' page: elements are
// built with h('p', { class: 'x' }, 'text', child…), never with innerHTML, so
// nothing from a notices file or an input is ever parsed as markup.
// Imports nothing (the maintainers' page uses it without the checker).

/** Build an element. `on…` attributes become listeners; false/null are skipped. */
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
