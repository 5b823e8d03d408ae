// Type-checks the generated declarations (www/pkg/saigai_mode.d.ts) the way
// a portal's TypeScript would use them: `tsc -p tests/ts` in scripts/test.
import init, {
  check, suggest, loadNotices, resetNotices, dataInfo, nowJst, wareki,
  type Verdict, type Place, type Procedure, type ProcedureTable, type LoadAnswer, type DataInfo, type NowJst, type Status,
} from '../../www/pkg/saigai_mode.js';

export async function demo(): Promise<string[]> {
  await init();
  const out: string[] = [];
  const v: Verdict = check({ municipality: '弘前市', date: '2026-02-05' });
  const s: Status = v.status;
  out.push(s, v.message, v.window?.until ?? '', v.window?.fromWareki ?? '', String(v.daysLeft ?? ''));
  for (const d of v.disasters) for (const n of d.notices) out.push(`${d.name} その${n.number} ${n.issued}`);
  const now: Verdict = check({ municipality: '022021' });
  out.push(now.queryKind);
  const places: Place[] = suggest('ひろさ', 5);
  out.push(...places.map((p) => `${p.prefecture}${p.name}${p.city ? p.city.name : ''}`));
  const table: ProcedureTable = await (await fetch('procedure.json')).json();
  const p: Procedure | undefined = table.procedures.find((x) => !x.answers.numberKnown && x.answers.canConsent && x.answers.publicAssistance);
  if (p) out.push(p.case, p.numberTerm, ...p.steps.map((x) => x.basis.map((b) => b.article).join()));
  const a: LoadAnswer = loadNotices('{}');
  if (a.type === 'failure') out.push(...a.problems.map((x) => `${x.entry} ${x.path} ${x.message} ${x.suggestions.join()}`));
  else out.push(a.info.source);
  const info: DataInfo = dataInfo();
  out.push(info.dataAsOf ?? '', String(info.notices), resetNotices().source);
  const t: NowJst = nowJst();
  out.push(t.date, t.time, wareki(t.date));
  // @ts-expect-error: the municipality is required
  check({ date: '2026-02-05' });
  // @ts-expect-error: a procedure's case is A, B or C
  const c: Procedure['case'] = 'D';
  out.push(c);
  return out;
}
