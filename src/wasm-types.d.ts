/** The status of a verdict. */
export type Status = "active" | "ended" | "not_active" | "unknown" | "ambiguous" | "not_found";

/** A verdict request: `date` (a JST day) or `at` (an instant); neither means now. */
export interface CheckCall {
  municipality: string;
  date?: string | null;
  at?: string | null;
  /** Which notices answer: the source given to `loadNotices` (an element's `notices` URL); default `""` */
  notices?: string;
}

/** A municipality or designated-city ward of the master. */
export interface Place {
  code: string;
  prefecture: string;
  name: string;
  reading: string;
  kind: "municipality" | "ward";
  /** The 郡 of a town or village (`古宇郡`) */
  gun: string | null;
  /** `北方領土` for the six Northern Territories villages */
  note: string | null;
  /** Prefecture, 郡 and name (`北海道古宇郡泊村`): resolves to this place when typed */
  fullName: string;
  city?: Place;
}

/** What `loadPostalCodes` and `loadReadings` say (`rows`: postal codes, or places with a reading) */
export type TableLoadAnswer =
  | { type: "success"; rows: number }
  | { type: "failure"; message: string };

/** An activation window, JST; `until` is the last day (inclusive). */
export interface WindowView {
  from: string | null;
  fromTime: string | null;
  until: string;
  untilTime: string | null;
  fromWareki: string | null;
  untilWareki: string;
  provisional: boolean;
  basis: "notice" | "reliefAct";
  /** The last day the notices issued by the asked day gave, when later notices changed it */
  untilThen: string | null;
  untilThenWareki: string | null;
}

export interface NoticeRef {
  id: string;
  /** その number; null for an unnumbered article (format 2) */
  number: number | null;
  /** 「その5」, or 「7月10日の通知」 for an unnumbered one */
  label: string;
  title: string;
  issued: string;
  issuer?: string;
  url?: string;
}

export interface Remark {
  kind: "facility" | "partial" | "note";
  text: string;
  notice: string;
}

export interface DisasterVerdict {
  id: string;
  name: string;
  status: Status;
  statusLabel: string;
  window: WindowView | null;
  notices: NoticeRef[];
  newlyAdded: boolean;
  remarks: Remark[];
  /** First day of the disaster */
  began: string;
  /** Date of this disaster's newest loaded notice */
  dataAsOf: string | null;
  /** What to check for this disaster */
  advice: string | null;
  /** When the status is unknown, what the loaded notices do not say */
  unknown: string | null;
}

/** A page to check for newer notices (http(s) only). */
export interface Link {
  label: string;
  url: string;
}

/** How current the answer's data is. */
export interface Freshness {
  newest: string;
  newestWareki: string;
  /** Days from the newest notice to today (JST) */
  ageDays: number;
  /** The same in words: 「3日前」, 「今日」, 「この端末の今日より後」 */
  age: string;
  /** Ended, or the newest notice is older than 14 days */
  stale: boolean;
  advice: string | null;
  links: Link[];
}

export interface Verdict {
  status: Status;
  /** 有効, 終了, 対象外, 不明, 候補から選択, 見つかりません: the word every view shows */
  statusLabel: string;
  input: string;
  query: string;
  queryKind: "day" | "instant";
  municipality: Place | null;
  /** How the input was read (a former name, a postal code, romaji, a wrong 郡) */
  nameNote: string | null;
  candidates: Place[];
  window: WindowView | null;
  daysLeft: number | null;
  opensAt: string | null;
  closesAt: string | null;
  newlyAdded: boolean;
  disasters: DisasterVerdict[];
  remarks: Remark[];
  dataAsOf: string | null;
  advice: string | null;
  /** How old the data is today and where to check (null unless a place was found) */
  freshness: Freshness | null;
  message: string;
}

/** The three questions of the guide (the keys of procedure.json's entries). */
export interface Answers {
  numberKnown: boolean;
  canConsent: boolean;
  publicAssistance?: boolean;
}

export interface Citation {
  document: string;
  article: string;
  quote: string;
}

export interface Step {
  title: string;
  text: string;
  /** How to do it, when the notice says so in a sentence of its own */
  details: string[];
  basis: Citation[];
}

/** A fact staff act on, not a task (why no consent is needed). */
export interface Statement {
  title: string;
  text: string;
  basis: Citation[];
}

export interface Term {
  usual: string;
  readAs: string;
}

export interface Fallback {
  title: string;
  /** Whether it can help this patient (not when they cannot consent) */
  applies: boolean;
  notApplicable: string | null;
  intro: string;
  /** What the patient needs */
  needs: string[];
  steps: string[];
  notes: string[];
}

export interface Procedure {
  case: "A" | "B" | "C";
  answers: Answers;
  /** The three answers in words */
  heading: string;
  /** When consent cannot be obtained: that none is needed, and why */
  consentStatement: Statement | null;
  numberTerm: string;
  terms: Term[];
  publicAssistanceNote: string | null;
  steps: Step[];
  reminders: Step[];
  screens: string[];
  fallback: Fallback;
}

/** procedure.json, next to the module: the guide's steps for each of the
 * eight sets of answers, generated from the Rust core (scripts/gen-procedure). */
export interface ProcedureTable {
  /** How the file is made */
  generated: string;
  /** The documents it quotes */
  sources: string[];
  procedures: Procedure[];
}

/** One problem of a notices file. */
export interface Problem {
  entry: string;
  path: string;
  message: string;
  suggestions: string[];
}

export interface DataInfo {
  source: "builtin" | "loaded";
  dataAsOf: string | null;
  disasters: number;
  notices: number;
  newestNotice: NoticeRef | null;
  newestDisaster: string | null;
  /** What is known to be missing (numbers of a series), in words */
  warnings: string[];
}

export type LoadAnswer =
  | { type: "success"; info: DataInfo }
  | { type: "failure"; problems: Problem[] };

export interface NowJst {
  date: string;
  time: string;
  iso: string;
  wareki: string;
}

/** A correction of a misprinted area. */
export interface Fix {
  written: string;
  meant: string;
}

/** The maintainer's answers where the notice text is silent. */
export interface ImportOptions {
  disaster?: string | null;
  disasterName?: string | null;
  issued?: string | null;
  number?: number | null;
  /** The text has no number (a portal's article): written without one (format 2) */
  unnumbered?: boolean;
  fixes?: Fix[];
  added?: string[];
  continuing?: string[];
  rest?: "add" | "continue" | null;
  /** Place names or dates of the text that are not part of the notice's areas, as written */
  ignore?: string[];
  /** The period's end when the text has none or only a relative one */
  until?: string | null;
}

export type Newness =
  | "addedByText" | "addedByMaintainer" | "continuingFromFile" | "continuingByText"
  | "continuingByMaintainer" | "newInFile" | "undecided";

export interface ImportedArea {
  written: string;
  prefecture: string | null;
  position: { line: number; column: number };
  status: "ok" | "not_found" | "ambiguous" | "fixed" | "count_differs" | "extra_words" | "prefecture_only" | "towns_only";
  place: Place | null;
  suggestions: Place[];
  wholePrefecture: boolean;
  /** The part of the municipality covered, when the text names one. */
  part: string | null;
  newness: Newness;
  /** When it became active, when the text gives its own time (`2023-07-10T19:30`) */
  from: string | null;
  /** Its own end, when the notice gives its areas different ends (read in groups); else `period.until` */
  until: string | null;
}

export interface Question {
  field: "disaster" | "disasterName" | "issued" | "number" | "newness" | "period";
  message: string;
}

export interface NoticesFile {
  format: number;
  description?: string;
  disasters: unknown[];
}

export interface ImportReport {
  disasterId: string | null;
  disasterName: string | null;
  disasterExists: boolean;
  began: string | null;
  number: number | null;
  unnumbered: boolean;
  title: string | null;
  issued: string | null;
  period: { from: string | null; until: string | null; provisional: boolean; extended: boolean; extendedAt: string | null; extendedFrom: string | null; closure: boolean; computedUntil: string | null; fromComputed: boolean; written: string | null };
  areas: ImportedArea[];
  problems: Problem[];
  questions: Question[];
  /** How the text was read where it could be read more than one way */
  notes: string[];
  /** Remarks of the notice on facilities that apply one by one (a closure's paragraph, a 範囲's clause 「…申請があったもの」), as written into notices.json */
  remarks: { kind: 'facility' | 'partial' | 'note'; text: string; areas?: string[]; from?: string; until?: string }[];
  entry: unknown | null;
  /** The whole notices file with the entry merged in (to download as notices.json). */
  file: NoticesFile | null;
}
