//! Notice data: the file format maintainers edit, and its validated,
//! compiled form that verdicts are computed from.
//!
//! The format is documented for portal maintainers in
//! `docs/notices-format.md` and described by `data/notices.schema.json`.
//! In short: a file holds disasters; a disaster holds its numbered notices
//! (その1, その2 …); a notice holds rules, each of which either *adds* areas
//! (newly activated from a date or time) or *continues* areas that were
//! already active, and sets their end. Areas not named by a later notice
//! keep the end they had. PRODUCT §3.1 lists the shapes this must express.
//!
//! Loading validates everything and reports every problem at once, each
//! naming its entry, in Japanese (PRODUCT §5.2).

mod compile;
mod read;

use crate::error::{Error, ErrorKind};
use crate::master::Kind;
use crate::time::{iso_date, start_of_next};
use chrono::{NaiveDate, NaiveDateTime};
use compile::compile_disaster;
use serde::Serialize;

/// The format version files are written in when they need nothing newer
/// (every portal's file so far is format 1)
pub const FORMAT_VERSION: u32 = 1;
/// The newest format version this library reads: format 2 adds notices
/// without a number (portal articles), ordered by their time of issue, and
/// areas continuing from notices that are not loaded
pub const LATEST_FORMAT: u32 = 2;

/// The built-in notices (the seed's その5), compiled in
pub const BUILTIN_NOTICES: &str = include_str!("../data/notices.json");

// ---------------------------------------------------------------------------
// The file format (what maintainers edit)

/// A notices file
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NoticeFile {
    /// Format version, always 1 for now
    pub format: u32,
    /// Free text for maintainers (who edited it, from which notices)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub disasters: Vec<DisasterDoc>,
}

/// One disaster and its notices
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DisasterDoc {
    /// Unique id, e.g. `2026-01-21-heavy-snow`
    pub id: String,
    /// The name the notices use, e.g. `令和8年1月21日からの大雪`
    pub name: String,
    /// The day the disaster began (YYYY-MM-DD)
    pub began: String,
    /// The 災害救助法 first reports, for the one-week base rule: one per
    /// date (7/8 for one city, 7/10 for others); written as an object when
    /// there is one, as format-1 files have it
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "one_or_many")]
    pub relief_act: Vec<ReliefActDoc>,
    pub notices: Vec<NoticeDoc>,
}

fn one_or_many<S: serde::Serializer>(list: &[ReliefActDoc], s: S) -> Result<S::Ok, S::Error> {
    match list {
        [one] => one.serialize(s),
        many => many.serialize(s),
    }
}

/// 災害救助法 application: one week of activation from the first report
/// (参考1, 事務連絡 令和5年1月26日) for areas no loaded notice speaks for
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReliefActDoc {
    /// Date of the first report of application (YYYY-MM-DD)
    pub first_report: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<AreaDoc>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub prefectures: Vec<String>,
}

/// One notice (事務連絡, or a portal's article)
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NoticeDoc {
    /// Unique id across the file, e.g. `2026-01-21-heavy-snow-5`
    pub id: String,
    /// その number (1 for the first notice of the disaster); required in
    /// format 1, absent for an unnumbered article in format 2
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    pub title: String,
    /// Date of issue (YYYY-MM-DD), or in format 2 its time too
    /// (YYYY-MM-DDTHH:MM)
    pub issued: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Where the text came from (the forwarding letter, a portal page)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Remarks shown with every verdict this notice speaks for (or only the
    /// listed areas)
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<RemarkDoc>,
    pub rules: Vec<RuleDoc>,
}

/// Whether a rule's areas are newly activated or already active
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RuleKind {
    /// Newly activated by this notice, from `from` (default: the day of issue)
    Add,
    /// Already active before this notice; this notice sets the end
    Continue,
}

/// One rule of a notice
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleDoc {
    pub kind: RuleKind,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<AreaDoc>,
    /// Whole prefectures (「鹿児島県の全43市町村」)
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub prefectures: Vec<String>,
    /// Start, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (add rules only)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// End: `YYYY-MM-DD` (through that day), `YYYY-MM-DDTHH:MM` (until that
    /// time; `T24:00` is the end of the day) or `current` (the disaster's
    /// current end)
    pub until: String,
    /// The end is provisional (開放期間(予定))
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

/// An area: a municipality as the notice writes it, or one with the part of
/// it that is covered
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum AreaDoc {
    Name(String),
    Part(PartDoc),
}

/// An activation covering only part of a municipality
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartDoc {
    pub name: String,
    /// The part covered, as the notice names it
    pub part: String,
}

impl AreaDoc {
    pub fn name(&self) -> &str {
        match self {
            AreaDoc::Name(n) => n,
            AreaDoc::Part(p) => &p.name,
        }
    }
}

/// What a remark is about
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RemarkKind {
    /// Individual facilities may still apply after the end
    Facility,
    /// Only part of the municipality is covered
    Partial,
    /// Anything else the notice says
    Note,
}

/// A remark of a notice
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RemarkDoc {
    pub kind: RemarkKind,
    pub text: String,
    /// Empty: every area of the notice
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<AreaDoc>,
    /// Shown only from then on (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `…T24:00`):
    /// the per-facility route after a closure
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

// ---------------------------------------------------------------------------
// Problems found while loading

/// One problem of a notices file, naming the entry it concerns
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// Where, for a person: `令和8年1月21日からの大雪 その5 規則1 地域4`
    pub entry: String,
    /// Where, for a program: `disasters[0].notices[0].rules[0].areas[3]`
    pub path: String,
    /// What is wrong, in Japanese
    pub message: String,
    /// Names that were probably meant (鰭ヶ沢町 → 青森県鰺ヶ沢町)
    pub suggestions: Vec<String>,
}

impl Problem {
    fn new(entry: &str, path: &str, message: impl Into<String>) -> Problem {
        Problem { entry: entry.to_string(), path: path.to_string(), message: message.into(), suggestions: Vec::new() }
    }
}

/// Problems as one error value (for the CLI and `?`)
pub fn problems_error(problems: &[Problem]) -> Error {
    let lines: Vec<String> = problems.iter().map(|p| format!("{}: {}", p.entry, p.message)).collect();
    Error::new(ErrorKind::InvalidNotice, lines.join(" / "))
}

// ---------------------------------------------------------------------------
// The compiled form

/// A notice as verdicts cite it
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NoticeRef {
    pub id: String,
    pub number: Option<u32>,
    /// How a person names it: 「その5」, or an unnumbered article by its day
    /// of issue (「7月10日の通知」)
    pub label: String,
    pub title: String,
    pub issued: String,
    /// `issued` read (JST; the start of the day without a time)
    #[serde(skip)]
    pub issued_at: NaiveDateTime,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// 「その5」, or for a notice without a number 「7月10日の通知」
pub fn notice_label(number: Option<u32>, issued: NaiveDateTime) -> String {
    match number {
        Some(k) => format!("その{k}"),
        None => format!("{}の通知", crate::time::month_day(issued.date())),
    }
}

/// What set a window
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Basis {
    /// A loaded notice
    Notice,
    /// The one-week base rule from a 災害救助法 first report
    ReliefAct,
}

/// One activation window of one area
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// Start (JST); `None` when the area was active before the loaded
    /// notices say (it continues from notices that are not loaded)
    pub from: Option<NaiveDateTime>,
    /// Since when the loaded notices know the area active: `from`, or for a
    /// window without one the issue of the first notice naming it
    pub known_from: NaiveDateTime,
    /// End (JST), exclusive: `2026-02-10` まで is `2026-02-11T00:00`
    pub until: NaiveDateTime,
    pub provisional: bool,
    pub basis: Basis,
    /// Indices into the disaster's notices, in order
    pub notices: Vec<usize>,
    /// Index of the notice that added the area, if loaded
    pub added_by: Option<usize>,
    /// Each end set, in order: (the notice's index, or `None` for the base
    /// rule's week; end); the last is `until`. A date asked about before a
    /// later notice was issued is answered with the end in force that day too.
    pub ends: Vec<(Option<usize>, NaiveDateTime)>,
}

/// A remark attached to an area
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Remark {
    pub kind: RemarkKind,
    pub text: String,
    /// Id of the notice that made it
    pub notice: String,
    /// Shown only from then on (JST)
    #[serde(skip)]
    pub from: Option<NaiveDateTime>,
}

/// Everything a disaster says about one area
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AreaHistory {
    pub windows: Vec<Window>,
    pub remarks: Vec<Remark>,
}

/// The areas of a disaster, by master index: a sorted list (a few hundred
/// places at most; a `BTreeMap` cost the module 9 KB of code)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Areas(Vec<(usize, AreaHistory)>);

impl Areas {
    pub fn get(&self, place: &usize) -> Option<&AreaHistory> {
        let i = self.0.binary_search_by_key(place, |e| e.0).ok()?;
        self.0.get(i).map(|e| &e.1)
    }

    /// The place's history, empty when it was not there yet
    #[allow(clippy::indexing_slicing)] // `i` is in range: found, or just inserted there
    pub fn entry(&mut self, place: usize) -> &mut AreaHistory {
        let i = match self.0.binary_search_by_key(&place, |e| e.0) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (place, AreaHistory::default()));
                i
            }
        };
        &mut self.0[i].1
    }

    pub fn values(&self) -> impl Iterator<Item = &AreaHistory> {
        self.0.iter().map(|e| &e.1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&usize, &AreaHistory)> {
        self.0.iter().map(|e| (&e.0, &e.1))
    }
}

impl<'a> IntoIterator for &'a Areas {
    type Item = (&'a usize, &'a AreaHistory);
    type IntoIter = Box<dyn Iterator<Item = Self::Item> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// A validated disaster
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disaster {
    pub id: String,
    pub name: String,
    pub began: NaiveDate,
    /// Numbers missing between loaded notices (その4〜その8 never found)
    pub gaps: Vec<Gap>,
    /// Loaded notices, by number
    pub notices: Vec<NoticeRef>,
    /// The first loaded notice is not その1: before it, nothing is known
    pub earlier_missing: bool,
    /// Start of the day of the first loaded notice
    pub known_from: NaiveDateTime,
    /// By master index
    pub areas: Areas,
}

/// Notices of a series that are not loaded: その`first`〜その`last`, issued
/// on or after `after` and on or before `before`
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    pub first: u32,
    pub last: u32,
    pub after: NaiveDate,
    pub before: NaiveDate,
}

impl Gap {
    /// `その4〜その8` or `その2`
    pub fn label(&self) -> String {
        if self.first == self.last {
            format!("その{}", self.first)
        } else {
            format!("その{}〜その{}", self.first, self.last)
        }
    }
}

/// A validated notices file, ready for verdicts
#[derive(Debug, Clone, PartialEq)]
pub struct NoticeSet {
    pub doc: NoticeFile,
    pub disasters: Vec<Disaster>,
    /// What is known to be missing (numbers of a series), said, not refused
    pub warnings: Vec<Problem>,
    /// Date of issue of the newest loaded notice
    pub data_as_of: Option<NaiveDate>,
}

impl NoticeSet {
    /// The built-in notices
    ///
    /// # Errors
    /// Only if the compiled-in file is broken, which a test rules out.
    pub fn builtin() -> Result<NoticeSet, Vec<Problem>> {
        NoticeSet::from_json(BUILTIN_NOTICES)
    }

    /// Parse and validate a notices file
    ///
    /// # Errors
    /// Every problem found, each naming its entry: JSON syntax or shape,
    /// unknown format version, areas that do not resolve to exactly one
    /// municipality, dates that do not exist, windows that end before they
    /// start, duplicate or missing notice numbers.
    pub fn from_json(text: &str) -> Result<NoticeSet, Vec<Problem>> {
        let value = crate::json::parse(text).map_err(|e| {
            let mut p = file_problem(&format!("{}行目{}列: {}", e.line, e.column, e.message), true);
            p.path = format!("line {} column {}", e.line, e.column);
            vec![p]
        })?;
        NoticeSet::from_doc(NoticeFile::from_value(&value)?)
    }

    /// Validate an already parsed file
    ///
    /// # Errors
    /// As [`NoticeSet::from_json`], without the JSON part.
    pub fn from_doc(doc: NoticeFile) -> Result<NoticeSet, Vec<Problem>> {
        let mut problems = Vec::new();
        if !(1..=LATEST_FORMAT).contains(&doc.format) {
            problems.push(Problem::new(
                "ファイル",
                "format",
                format!(
                    "形式の版 {} は読めません。この版は format: 1 と format: {LATEST_FORMAT} を読みます。",
                    doc.format
                ),
            ));
            return Err(problems);
        }
        let mut disasters = Vec::new();
        let mut warnings = Vec::new();
        let mut ids: Vec<&str> = Vec::new();
        for (di, d) in doc.disasters.iter().enumerate() {
            let path = format!("disasters[{di}]");
            if ids.contains(&d.id.as_str()) {
                problems.push(Problem::new(&d.name, &path, format!("災害のid「{}」が重複しています。", d.id)));
            }
            ids.push(&d.id);
            for (ni, n) in d.notices.iter().enumerate() {
                if ids.contains(&n.id.as_str()) {
                    problems.push(Problem::new(
                        &d.name,
                        &format!("{path}.notices[{ni}]"),
                        format!("通知のid「{}」が重複しています。", n.id),
                    ));
                }
                ids.push(&n.id);
            }
            if let Some(dis) = compile_disaster(d, doc.format, &path, &mut problems, &mut warnings) {
                disasters.push(dis);
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let data_as_of = disasters.iter().flat_map(|d| d.notices.iter()).map(|n| n.issued_at.date()).max();
        let gaps = disasters
            .iter()
            .enumerate()
            .flat_map(|(k, d)| {
                d.gaps.iter().map(move |g| {
                    Problem::new(
                        &d.name,
                        &format!("disasters[{k}].notices"),
                        format!(
                            "{} が読み込まれていません（{}〜{}の間に出たはずの通知）。その間の日付の判定は「不明」になることがあります。見つかれば追加してください。",
                            g.label(),
                            iso_date(g.after),
                            iso_date(g.before)
                        ),
                    )
                })
            })
            .collect::<Vec<_>>();
        warnings.splice(0..0, gaps);
        Ok(NoticeSet { doc, disasters, data_as_of, warnings })
    }

    /// The newest loaded notice (by date of issue, then number)
    pub fn newest_notice(&self) -> Option<(&Disaster, &NoticeRef)> {
        self.disasters
            .iter()
            .flat_map(|d| d.notices.iter().map(move |n| (d, n)))
            .max_by(|a, b| (&a.1.issued, a.1.number).cmp(&(&b.1.issued, b.1.number)))
    }
}

/// The problem of a file that is not JSON (`syntax`) or not of the format,
/// with the parser's own words in `detail`
pub fn file_problem(detail: &str, syntax: bool) -> Problem {
    let what = if syntax { "JSONとして読めません" } else { "項目の形が仕様と合いません" };
    Problem::new("ファイル", "", format!("{what}（{detail}）。docs/notices-format.md の形式を確かめてください。"))
}

// ---------------------------------------------------------------------------
// What callers are told about the loaded data

/// Where the loaded notices came from
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DataSource {
    /// Compiled into the module (`data/notices.json`)
    Builtin,
    /// A file loaded at run time (`notices.json` next to the page, `--notices`)
    Loaded,
}

/// A summary of the loaded notices
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataInfo {
    pub source: DataSource,
    /// Date of issue of the newest notice, `YYYY-MM-DD`
    pub data_as_of: Option<String>,
    pub disasters: usize,
    pub notices: usize,
    /// The newest notice and its disaster
    pub newest_notice: Option<NoticeRef>,
    pub newest_disaster: Option<String>,
    /// What is known to be missing (numbers of a series), in words
    pub warnings: Vec<String>,
}

impl NoticeSet {
    /// How this file goes backwards against an earlier one (Japanese
    /// warnings; none when it only adds): no disaster at all, an older newest
    /// notice, and (`contents`: when `earlier` is the file this one
    /// replaces) disasters or notices the earlier file had and this one lacks
    pub fn regressions(&self, earlier: &NoticeSet, contents: bool) -> Vec<String> {
        let mut out = Vec::new();
        if self.disasters.is_empty() {
            out.push("災害が一つもありません。このファイルでは、どの市区町村も対象外と表示されます。".to_string());
            return out;
        }
        if let (Some(now), Some(before)) = (self.data_as_of, earlier.data_as_of) {
            if now < before {
                out.push(format!(
                    "最新の通知の日付（{}）が、比べたデータ（{}）より古くなっています。",
                    iso_date(now),
                    iso_date(before)
                ));
            }
        }
        for d in earlier.disasters.iter().filter(|_| contents) {
            match self.disasters.iter().find(|x| x.id == d.id) {
                None => out.push(format!("災害「{}」（{}）がありません。", d.name, d.id)),
                Some(x) => {
                    for n in d.notices.iter().filter(|n| !x.notices.iter().any(|m| m.id == n.id)) {
                        out.push(format!("災害「{}」の通知 {}（{}）がありません。", d.name, n.label, n.id));
                    }
                }
            }
        }
        out
    }

    /// A summary for the page's "which data" line
    pub fn info(&self, source: DataSource) -> DataInfo {
        let newest = self.newest_notice();
        DataInfo {
            source,
            data_as_of: self.data_as_of.map(iso_date),
            disasters: self.disasters.len(),
            notices: self.disasters.iter().map(|d| d.notices.len()).sum(),
            newest_notice: newest.map(|(_, n)| n.clone()),
            newest_disaster: newest.map(|(d, _)| d.name.clone()),
            warnings: self.warnings.iter().map(|w| format!("{}: {}", w.entry, w.message)).collect(),
        }
    }
}

/// The answer to loading a file: the new summary, or every problem (and the
/// old data stays)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum LoadAnswer {
    Success { info: Box<DataInfo> },
    Failure { problems: Vec<Problem> },
}
