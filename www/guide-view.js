// The guide: three questions about the patient, then the steps for exactly
// those answers. Nothing is pre-selected: the steps appear once all three
// are answered (every step depends on them), the standing reminders and the
// terminal screens at once, the マイナポータル fallback once it is known
// whether the patient can take part. Quotes are the seed's, with their basis.
// Loaded by the element when it mounts the guide (not part of the first
// verdict's download), with the steps of procedure.json; imports nothing
// but dom.js (the release bundles the two).
import { h } from './dom.js';

// The steps for each of the eight sets of answers (procedure.json, about
// 4 KB gzip, generated from the Rust core by scripts/gen-procedure); fetched
// once, again after a failure. Resolves to an error message or null.
let procedures = null;
let pending = null;
function loadProcedures() {
  pending ??= fetch(new URL('procedure.json', import.meta.url))
    .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`HTTP ${res.status}`))))
    .then((table) => {
      if (!Array.isArray(table?.procedures) || table.procedures.length !== 8) {
        pending = null;
        return '手順の表（procedure.json）が壊れています。ページを再読み込みしてください。';
      }
      procedures = table.procedures;
      return null;
    })
    .catch(() => {
      pending = null;
      return '手順の表を取得できませんでした。通信状態を確かめて、もう一度回答を選ぶか、ページを再読み込みしてください。';
    });
  return pending;
}

/** The procedure for `{ numberKnown, canConsent, publicAssistance }`, or null until the table is in */
function procedureFor(a) {
  const same = (p) => ['numberKnown', 'canConsent', 'publicAssistance'].every((k) => p.answers[k] === a[k]);
  return procedures?.find(same) ?? null;
}

const QUESTIONS = [
  ['number', '被保険者番号（生活保護の場合は受給者番号）を把握していますか？', 'はい、把握している', 'いいえ、分からない'],
  ['consent', '本人の同意を得られますか？', 'はい（口頭で可）', 'いいえ（意識がない等で困難）'],
  ['pa', '生活保護の医療扶助の受給者ですか？', 'はい', 'いいえ'],
];

const cite = (b) => h('li', {}, h('span', { class: 'k' }, `${b.document}${b.article ? ` ${b.article}` : ''}`), h('q', {}, b.quote));
const basis = (list) => h('details', {}, h('summary', {}, '根拠'), h('ul', { class: 'basis' }, list.map(cite)));

export class Guide {
  /** `nth`: told apart from a second guide on the page (`（2）`) */
  constructor(id, nth = '') {
    this.id = id;
    this.steps = h('div', { class: 'steps' });
    this.element = h('section', { class: 'guide', 'aria-labelledby': `${id}-gh` },
      h('h2', { id: `${id}-gh` }, `同意と本人確認の手順${nth}`),
      h('p', { class: 'help' }, '患者ごとに3つの質問に答えると、行う手順が表示されます。入力した内容は保存も送信もされません。'),
      h('div', { class: 'questions' }, QUESTIONS.map(([name, legend, yes, no]) => h('fieldset', { class: 'q' },
        h('legend', {}, legend),
        ...[['yes', yes], ['no', no]].map(([value, text]) => h('label', {},
          h('input', { type: 'radio', name: `${id}-${name}`, value, onchange: () => this.load() }), text))))),
      this.steps,
      h('button', { type: 'button', class: 'secondary print', onclick: () => window.print() }, 'チェックリストを印刷'));
    this.onChange = () => {};
    this.problem = null;
    this.render();
  }

  /** Fetch the procedures (once; again after a failure) and show them */
  async load() {
    this.render();
    if (procedureFor({ numberKnown: true, canConsent: true, publicAssistance: false })) return;
    this.problem = await loadProcedures();
    this.render();
  }

  /** true, false, or null while unanswered */
  answer(name) {
    const v = this.element.querySelector(`input[name="${this.id}-${name}"]:checked`)?.value;
    return v == null ? null : v === 'yes';
  }

  /** The procedure for the answers, or null until all three are answered */
  procedure() {
    const [n, c, pa] = ['number', 'consent', 'pa'].map((q) => this.answer(q));
    return n == null || c == null || pa == null ? null : procedureFor({ numberKnown: n, canConsent: c, publicAssistance: pa });
  }

  render() {
    const consent = this.answer('consent');
    // What does not depend on the answers (reminders, screens, fallback)
    const general = procedureFor({ numberKnown: true, canConsent: consent !== false, publicAssistance: false });
    if (!general) {
      this.steps.replaceChildren(this.problem
        ? h('p', { class: 'error', role: 'alert' }, this.problem)
        : h('p', { class: 'pending' }, '手順を読み込んでいます…'));
      this.onChange();
      return;
    }
    const p = this.procedure();
    const kids = [];
    if (p) {
      kids.push(h('h3', { class: 'heading' }, `手順（${p.heading}）`));
      if (p.consentStatement) {
        const st = p.consentStatement;
        kids.push(h('div', { class: 'statement' }, h('p', {}, h('strong', {}, st.title)), h('p', { class: 'quote' }, st.text), basis(st.basis)));
      }
      kids.push(h('ol', { class: 'procedure', 'data-case': p.case }, p.steps.map(step)));
      if (p.publicAssistanceNote) {
        kids.push(h('div', { class: 'pa' },
          h('p', {}, h('strong', {}, '生活保護（医療扶助）の読み替え: '), p.terms.map((t) => `「${t.usual}」→「${t.readAs}」`).join('、')),
          h('p', { class: 'quote' }, p.publicAssistanceNote)));
      }
    } else {
      const left = ['number', 'consent', 'pa'].filter((q) => this.answer(q) == null).length;
      kids.push(h('p', { class: 'pending' }, `あと${left}問に答えると、この患者の手順が表示されます。`));
    }
    kids.push(h('h3', {}, 'いつも守ること'), h('ul', { class: 'reminders' }, general.reminders.map(step)));
    kids.push(h('h3', {}, '資格確認端末の画面の順番'), h('ul', { class: 'screens' }, general.screens.map((x) => h('li', {}, x))));
    if (consent != null) kids.push(...fallback(general.fallback));
    this.steps.replaceChildren(...kids);
    this.onChange();
  }

  /** The answers in words, for the print-out */
  summary() {
    const answered = ['number', 'consent', 'pa'].every((q) => this.answer(q) != null);
    return this.procedure()?.heading ?? (answered ? '（手順を読み込めていません）' : '（質問に未回答）');
  }
}

function step(st) {
  return h('li', { class: 'step' },
    h('label', { class: 'check' }, h('input', { type: 'checkbox' }), h('strong', {}, st.title)),
    h('p', {}, st.text),
    st.details.length > 0 && h('ul', { class: 'details' }, st.details.map((d) => h('li', {}, d))),
    basis(st.basis));
}

function fallback(f) {
  const title = h('h3', {}, 'マイナポータルで確認する（災害時モードが使えない場合）');
  if (!f.applies) return [title, h('p', { class: 'fallback-na' }, f.notApplicable)];
  return [title,
    h('p', {}, f.intro),
    h('p', { class: 'needs' }, h('strong', {}, '必要なもの: '), f.needs.join('、')),
    h('ol', { class: 'fallback' }, f.steps.map((x) => h('li', {}, x))),
    h('ul', { class: 'notes' }, f.notes.map((x) => h('li', {}, x)))];
}
