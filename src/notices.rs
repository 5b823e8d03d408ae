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

use crate::error::{Error, ErrorKind};
use crate::json::Value;
use crate::master::{master, Kind};
use crate::resolve::{resolve, Resolution};
use crate::time::{iso_date, parse_date, parse_instant, start_of, start_of_next};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;
use std::collections::BTreeMap;

/// The format version this library reads and writes
pub const FORMAT_VERSION: u32 = 1;

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

/// One numbered notice (事務連絡)
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NoticeDoc {
    /// Unique id across the file, e.g. `2026-01-21-heavy-snow-5`
    pub id: String,
    /// その number (1 for the first notice of the disaster)
    pub number: u32,
    pub title: String,
    /// Date of issue (YYYY-MM-DD)
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
    pub number: u32,
    pub title: String,
    pub issued: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
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
    /// Start (JST); `None` when the area was active before the earliest
    /// loaded notice (whose predecessors are not loaded)
    pub from: Option<NaiveDateTime>,
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
    pub areas: BTreeMap<usize, AreaHistory>,
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
        if doc.format != FORMAT_VERSION {
            problems.push(Problem::new(
                "ファイル",
                "format",
                format!("形式の版 {} は読めません。この版は format: {FORMAT_VERSION} を読みます。", doc.format),
            ));
            return Err(problems);
        }
        let mut disasters = Vec::new();
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
            if let Some(dis) = compile_disaster(d, &path, &mut problems) {
                disasters.push(dis);
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let data_as_of =
            disasters.iter().flat_map(|d| d.notices.iter()).filter_map(|n| parse_date(&n.issued).ok()).max();
        let warnings = disasters
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
            .collect();
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

/// A rule's end, parsed
enum Until {
    At(NaiveDateTime),
    Current,
}

fn parse_until(s: &str) -> Result<Until, Error> {
    if s == "current" {
        Ok(Until::Current)
    } else if s.contains('T') {
        parse_instant(s).map(Until::At)
    } else {
        parse_date(s).map(|d| Until::At(start_of_next(d)))
    }
}

fn parse_from(s: &str) -> Result<NaiveDateTime, Error> {
    if s.contains('T') {
        parse_instant(s)
    } else {
        parse_date(s).map(start_of)
    }
}

/// Resolve an area name of a notice to exactly one master index
fn resolve_area(name: &str, entry: &str, path: &str, problems: &mut Vec<Problem>) -> Option<usize> {
    let m = master();
    let label = |i: usize| {
        m.get(i)
            .map(|e| format!("{}{}", m.prefecture_of(e).map_or("", |p| p.name), e.name_with_gun()))
            .unwrap_or_default()
    };
    match resolve(name) {
        Resolution::Found { index, note: None } => Some(index),
        Resolution::Found { index, note: Some(note) } => {
            // A former name, a wrong 郡: a notice must name the place exactly
            let mut p = Problem::new(entry, path, format!("「{name}」: {}", note.message(&label(index))));
            p.suggestions = vec![label(index)];
            problems.push(p);
            None
        }
        Resolution::Ambiguous(c) => {
            let mut p = Problem::new(
                entry,
                path,
                format!("「{name}」に当たる市区町村が複数あります。都道府県名を付けてください。"),
            );
            p.suggestions = c.into_iter().map(label).collect();
            problems.push(p);
            None
        }
        Resolution::NotFound { reason, suggestions } => {
            let names: Vec<String> = suggestions.into_iter().map(label).collect();
            let hint = names.first().map(|s| format!("「{s}」ではありませんか？")).unwrap_or_default();
            let mut p = Problem::new(
                entry,
                path,
                format!("「{name}」は市区町村の一覧にありません（{}）{hint}", reason.message().trim_end_matches('。')),
            );
            p.suggestions = names;
            problems.push(p);
            None
        }
    }
}

/// All areas of a rule (named areas and whole prefectures), with their parts
fn resolve_areas(
    areas: &[AreaDoc],
    prefectures: &[String],
    entry: &str,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(usize, Option<String>)> {
    let m = master();
    let mut out = Vec::new();
    for (ai, a) in areas.iter().enumerate() {
        let entry = format!("{entry} 地域{}「{}」", ai + 1, a.name());
        if let Some(i) = resolve_area(a.name(), &entry, &format!("{path}.areas[{ai}]"), problems) {
            let part = match a {
                AreaDoc::Part(p) => Some(p.part.clone()),
                AreaDoc::Name(_) => None,
            };
            out.push((i, part));
        }
    }
    for (pi, name) in prefectures.iter().enumerate() {
        let key = crate::text::name_key(name);
        let key = key.strip_suffix("の全市町村").or_else(|| key.strip_suffix("全域")).unwrap_or(&key);
        match m.prefectures().find(|(_, p)| p.key == key) {
            Some((pidx, _)) => out.extend(
                m.places()
                    .filter(|(_, e)| e.prefecture == pidx && e.kind == Kind::Municipality)
                    .map(|(i, _)| (i, None)),
            ),
            None => problems.push(Problem::new(
                &format!("{entry} 都道府県{}", pi + 1),
                &format!("{path}.prefectures[{pi}]"),
                format!("「{name}」は都道府県名ではありません（例: 鹿児島県）。"),
            )),
        }
    }
    out
}

fn compile_disaster(d: &DisasterDoc, path: &str, problems: &mut Vec<Problem>) -> Option<Disaster> {
    let before = problems.len();
    let dname = if d.name.trim().is_empty() { d.id.clone() } else { d.name.clone() };
    if d.id.trim().is_empty() {
        problems.push(Problem::new(&dname, &format!("{path}.id"), "災害のidが空です。"));
    }
    if d.name.trim().is_empty() {
        problems.push(Problem::new(&dname, &format!("{path}.name"), "災害の名前が空です。"));
    }
    let began = match parse_date(&d.began) {
        Ok(b) => Some(b),
        Err(e) => {
            problems.push(Problem::new(&dname, &format!("{path}.began"), format!("災害の始まり（began）: {e}")));
            None
        }
    };
    if d.notices.is_empty() && d.relief_act.is_empty() {
        problems.push(Problem::new(&dname, &format!("{path}.notices"), "通知が一つもありません。"));
    }

    let mut gaps = Vec::new();
    let (order, issued) = order_notices(d, &dname, path, began, problems, &mut gaps);
    // A notice's own page is shown to staff as a link: the web only
    for (k, n) in d.notices.iter().enumerate() {
        if n.url.as_deref().is_some_and(|u| {
            !(u.starts_with("https://") || u.starts_with("http://")) || u.contains(char::is_whitespace)
        }) {
            problems.push(Problem::new(
                &dname,
                &format!("{path}.notices[{k}].url"),
                "通知のurlは http:// または https:// で始まるウェブのアドレスにしてください。",
            ));
        }
    }

    let notices: Vec<NoticeRef> = order
        .iter()
        .filter_map(|&i| d.notices.get(i))
        .map(|n| NoticeRef {
            id: n.id.clone(),
            number: n.number,
            title: n.title.clone(),
            issued: n.issued.clone(),
            issuer: n.issuer.clone(),
            url: n.url.clone(),
        })
        .collect();
    let first = order.first().and_then(|&i| d.notices.get(i));
    let earlier_missing = first.is_some_and(|n| n.number > 1);
    let known_from =
        order.first().and_then(|&i| issued.get(i).copied().flatten()).or(began).map_or(NaiveDateTime::MIN, start_of);

    let mut areas: BTreeMap<usize, AreaHistory> = BTreeMap::new();
    // The base rule first: notices then confirm, extend, shorten or add
    for (k, ra) in d.relief_act.iter().enumerate() {
        let rpath =
            if d.relief_act.len() == 1 { format!("{path}.reliefAct") } else { format!("{path}.reliefAct[{k}]") };
        relief_act_windows(ra, &format!("{dname} 災害救助法"), &rpath, &mut areas, problems);
    }

    for (pos, &ni) in order.iter().enumerate() {
        let (Some(n), Some(Some(issued))) = (d.notices.get(ni), issued.get(ni)) else { continue };
        let entry = format!("{dname} その{}", n.number);
        let npath = format!("{path}.notices[{ni}]");
        if n.rules.is_empty() {
            problems.push(Problem::new(&entry, &format!("{npath}.rules"), "規則（rules）が一つもありません。"));
        }
        let mut touched: Vec<usize> = Vec::new();
        let at = NoticeAt {
            issued: *issued,
            index: pos,
            id: &n.id,
            earlier_missing,
            // 「current」: the end as the earlier notices left it, not as
            // this notice's own rules change it
            current_end: areas.values().flat_map(|h| h.windows.iter()).map(|w| w.until).max(),
        };
        for (ri, r) in n.rules.iter().enumerate() {
            let rentry = format!("{entry} 規則{}", ri + 1);
            let rpath = format!("{npath}.rules[{ri}]");
            apply_rule(r, &rentry, &rpath, &at, &mut areas, &mut touched, problems);
        }
        for (ki, remark) in n.remarks.iter().enumerate() {
            let kentry = format!("{entry} 備考{}", ki + 1);
            // 「…T24:00」 and a date alone as the ends of the period read them
            let from = match remark.from.as_deref().map(|f| {
                if f.contains('T') {
                    parse_until(f)
                } else {
                    parse_date(f).map(|d| Until::At(start_of(d)))
                }
            }) {
                None => None,
                Some(Ok(Until::At(t))) => Some(t),
                Some(_) => {
                    problems.push(Problem::new(
                        &kentry,
                        &format!("{npath}.remarks[{ki}].from"),
                        "備考の表示開始（from）は YYYY-MM-DD または YYYY-MM-DDTHH:MM です。",
                    ));
                    None
                }
            };
            let targets: Vec<usize> = if remark.areas.is_empty() {
                touched.clone()
            } else {
                resolve_areas(&remark.areas, &[], &kentry, &format!("{npath}.remarks[{ki}]"), problems)
                    .into_iter()
                    .map(|(i, _)| i)
                    .collect()
            };
            for i in targets {
                let h = areas.entry(i).or_default();
                h.remarks.push(Remark { kind: remark.kind, text: remark.text.clone(), notice: n.id.clone(), from });
            }
        }
    }

    if problems.len() > before {
        return None;
    }
    Some(Disaster {
        id: d.id.clone(),
        name: d.name.clone(),
        began: began?,
        notices,
        earlier_missing,
        known_from,
        areas,
        gaps,
    })
}

/// The disaster's notices in the order of their numbers, and their dates of
/// issue; reports repeated or missing numbers and dates that go back
fn order_notices(
    d: &DisasterDoc,
    dname: &str,
    path: &str,
    began: Option<NaiveDate>,
    problems: &mut Vec<Problem>,
    gaps: &mut Vec<Gap>,
) -> (Vec<usize>, Vec<Option<NaiveDate>>) {
    let mut order: Vec<usize> = (0..d.notices.len()).collect();
    order.sort_by_key(|&i| d.notices.get(i).map_or(0, |n| n.number));
    let mut issued: Vec<Option<NaiveDate>> = vec![None; d.notices.len()];
    let mut prev: Option<(u32, NaiveDate)> = None;
    for &ni in &order {
        let Some(n) = d.notices.get(ni) else { continue };
        let entry = format!("{dname} その{}", n.number);
        let npath = format!("{path}.notices[{ni}]");
        if n.number == 0 {
            problems.push(Problem::new(&entry, &format!("{npath}.number"), "通知の番号（その何）は1以上です。"));
        }
        if n.title.trim().is_empty() {
            problems.push(Problem::new(&entry, &format!("{npath}.title"), "通知の標題が空です。"));
        }
        match parse_date(&n.issued) {
            Ok(date) => {
                if let Some(b) = began.filter(|b| date < *b) {
                    problems.push(Problem::new(
                        &entry,
                        &format!("{npath}.issued"),
                        format!("発出日 {} が災害の始まり {} より前です。", iso_date(date), iso_date(b)),
                    ));
                }
                if let Some((pn, pd)) = prev {
                    if pn == n.number {
                        problems.push(Problem::new(
                            &entry,
                            &format!("{npath}.number"),
                            format!("その{} が二つあります。", n.number),
                        ));
                    } else if n.number > pn + 1 {
                        // Some notices of a series are never found: known,
                        // not refused; verdicts in the gap say so
                        gaps.push(Gap { first: pn + 1, last: n.number - 1, after: pd, before: date });
                    }
                    if date < pd {
                        problems.push(Problem::new(
                            &entry,
                            &format!("{npath}.issued"),
                            format!("発出日 {} が その{} の発出日 {} より前です。", iso_date(date), pn, iso_date(pd)),
                        ));
                    }
                }
                prev = Some((n.number, date));
                if let Some(slot) = issued.get_mut(ni) {
                    *slot = Some(date);
                }
            }
            Err(e) => problems.push(Problem::new(&entry, &format!("{npath}.issued"), format!("発出日（issued）: {e}"))),
        }
    }

    (order, issued)
}

/// The one-week windows of the base rule (参考1): from the first report,
/// first day included
fn relief_act_windows(
    ra: &ReliefActDoc,
    entry: &str,
    path: &str,
    areas: &mut BTreeMap<usize, AreaHistory>,
    problems: &mut Vec<Problem>,
) {
    match parse_date(&ra.first_report) {
        Ok(fr) => {
            // INVARIANT: dates are parsed with 4-digit years, far from chrono's limits
            let window_end = start_of(fr) + Duration::days(7);
            for (i, _) in resolve_areas(&ra.areas, &ra.prefectures, entry, path, problems) {
                areas.entry(i).or_default().windows = vec![Window {
                    from: Some(start_of(fr)),
                    until: window_end,
                    provisional: false,
                    basis: Basis::ReliefAct,
                    notices: Vec::new(),
                    added_by: None,
                    ends: vec![(None, window_end)],
                }];
            }
        }
        Err(e) => problems.push(Problem::new(
            entry,
            &format!("{path}.firstReport"),
            format!("適用第一報の日付（firstReport）: {e}"),
        )),
    }
}

/// The notice a rule belongs to
struct NoticeAt<'a> {
    issued: NaiveDate,
    /// Index of the notice in the disaster's (ordered) notices
    index: usize,
    id: &'a str,
    earlier_missing: bool,
    /// The disaster's end before this notice
    current_end: Option<NaiveDateTime>,
}

fn apply_rule(
    r: &RuleDoc,
    entry: &str,
    path: &str,
    at: &NoticeAt,
    areas: &mut BTreeMap<usize, AreaHistory>,
    touched: &mut Vec<usize>,
    problems: &mut Vec<Problem>,
) {
    if r.areas.is_empty() && r.prefectures.is_empty() {
        problems.push(Problem::new(
            entry,
            &format!("{path}.areas"),
            "地域（areas または prefectures）が一つもありません。",
        ));
    }
    let from = match (&r.from, r.kind) {
        (Some(_), RuleKind::Continue) => {
            problems.push(Problem::new(entry, &format!("{path}.from"), "継続（continue）の規則には開始（from）を書きません。新たに追加する地域なら kind を add にしてください。"));
            return;
        }
        (Some(f), RuleKind::Add) => match parse_from(f) {
            Ok(t) => t,
            Err(e) => {
                problems.push(Problem::new(entry, &format!("{path}.from"), format!("開始（from）: {e}")));
                return;
            }
        },
        (None, _) => start_of(at.issued),
    };
    let until = match parse_until(&r.until) {
        Ok(Until::At(t)) => Some(t),
        Ok(Until::Current) => None,
        Err(e) => {
            problems.push(Problem::new(
                entry,
                &format!("{path}.until"),
                format!("終了（until）: {e} 「current」（現在の終了日のまま）も使えます。"),
            ));
            return;
        }
    };
    let until = match until {
        Some(t) => t,
        None => match at.current_end {
            Some(t) => t,
            None => {
                problems.push(Problem::new(
                    entry,
                    &format!("{path}.until"),
                    "「current」は、それまでの通知で終了日が決まっているときだけ使えます。日付を書いてください。",
                ));
                return;
            }
        },
    };
    if until <= from {
        problems.push(Problem::new(
            entry,
            &format!("{path}.until"),
            format!("終了（{}）が開始（{}）より前です。", r.until, iso_date(from.date())),
        ));
        return;
    }
    if until < start_of(at.issued) {
        problems.push(Problem::new(
            entry,
            &format!("{path}.until"),
            format!("終了（{}）が通知の発出日 {} より前です。年や月を確かめてください。", r.until, iso_date(at.issued)),
        ));
        return;
    }
    if until > start_of(at.issued) + Duration::days(366) {
        problems.push(Problem::new(
            entry,
            &format!("{path}.until"),
            format!("終了（{}）が発出日から1年以上先です。年を確かめてください。", r.until),
        ));
        return;
    }
    for (i, part) in resolve_areas(&r.areas, &r.prefectures, entry, path, problems) {
        let label = master().get(i).map_or("", |e| e.display_name.as_str()).to_string();
        if touched.contains(&i) {
            problems.push(Problem::new(
                entry,
                path,
                format!("「{label}」がこの通知で二回指定されています（期間が矛盾するおそれがあります）。一つにまとめてください。"),
            ));
            continue;
        }
        let h = areas.entry(i).or_default();
        touched.push(i);
        if let Some(p) = part {
            h.remarks.push(Remark { kind: RemarkKind::Partial, text: p, notice: at.id.to_string(), from: None });
        }
        if let Some(text) = &r.remark {
            h.remarks.push(Remark {
                kind: RemarkKind::Note,
                text: text.clone(),
                notice: at.id.to_string(),
                from: None,
            });
        }
        let last = h.windows.last_mut();
        match (r.kind, last) {
            // Named again while active (or, for continue, extended after its
            // end): this notice sets the end
            (RuleKind::Continue, Some(w)) => extend(w, until, r.provisional, at.index),
            // The base rule's week, confirmed or extended by a first notice
            (RuleKind::Add, Some(w)) if w.until >= from && w.basis == Basis::ReliefAct => extend(w, until, r.provisional, at.index),
            (RuleKind::Add, Some(w)) if w.until >= from => problems.push(Problem::new(
                entry,
                path,
                format!("「{label}」はそれまでの通知で既に有効です。新規（add）ではなく継続（continue）にしてください。"),
            )),
            (RuleKind::Add, _) => h.windows.push(Window {
                from: Some(from),
                until,
                provisional: r.provisional,
                basis: Basis::Notice,
                notices: vec![at.index],
                added_by: Some(at.index),
                ends: vec![(Some(at.index), until)],
            }),
            (RuleKind::Continue, None) if at.earlier_missing => h.windows.push(Window {
                from: None,
                until,
                provisional: r.provisional,
                basis: Basis::Notice,
                notices: vec![at.index],
                added_by: None,
                ends: vec![(Some(at.index), until)],
            }),
            (RuleKind::Continue, None) => problems.push(Problem::new(
                entry,
                path,
                format!("「{label}」は、それまでの通知で有効になっていないので継続（continue）にできません。新たに追加する地域なら kind を add にしてください。"),
            )),
        }
    }
}

fn extend(w: &mut Window, until: NaiveDateTime, provisional: bool, notice: usize) {
    w.until = until;
    w.ends.push((Some(notice), until));
    w.basis = Basis::Notice;
    w.provisional = provisional;
    if !w.notices.contains(&notice) {
        w.notices.push(notice);
    }
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
                        out.push(format!("災害「{}」の通知 その{}（{}）がありません。", d.name, n.number, n.id));
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
    Success { info: DataInfo },
    Failure { problems: Vec<Problem> },
}

// ---------------------------------------------------------------------------
// Reading the file's shape, field by field

type Fields = [(String, Value, usize)];

/// Reads the fields of one object, reporting unknown and missing fields and
/// wrong types as problems that name the path and line
struct Obj<'v, 'p> {
    fields: &'v Fields,
    path: String,
    line: usize,
    problems: &'p mut Vec<Problem>,
}

impl<'v, 'p> Obj<'v, 'p> {
    /// `v` as an object with the given field names, or a problem
    fn new(v: &'v Value, path: String, line: usize, known: &[&str], problems: &'p mut Vec<Problem>) -> Option<Self> {
        let Value::Object(fields) = v else {
            problems.push(shape_problem(&path, line, format!("オブジェクト {{ … }} のはずが{}です。", v.kind())));
            return None;
        };
        for (key, _, l) in fields {
            if !known.contains(&key.as_str()) {
                let near = known
                    .iter()
                    .filter(|k| {
                        crate::text::edit_distance(&key.chars().collect::<Vec<_>>(), &k.chars().collect::<Vec<_>>(), 2)
                            <= 2
                    })
                    .map(|k| format!("「{k}」ではありませんか？"))
                    .next()
                    .unwrap_or_else(|| format!("使える項目: {}", known.join(", ")));
                problems.push(shape_problem(&join(&path, key), *l, format!("不明な項目「{key}」があります。{near}")));
            }
        }
        Some(Obj { fields, path, line, problems })
    }

    fn get(&self, name: &str) -> Option<(&'v Value, usize)> {
        self.fields.iter().find(|(k, _, _)| k == name).map(|(_, v, l)| (v, *l))
    }

    fn wrong(&mut self, name: &str, line: usize, want: &str, got: &Value) {
        let path = join(&self.path, name);
        self.problems.push(shape_problem(
            &path,
            line,
            format!("「{name}」は{want}で書きます（{}になっています）。", got.kind()),
        ));
    }

    fn missing(&mut self, name: &str) {
        let path = join(&self.path, name);
        self.problems.push(shape_problem(&path, self.line, format!("必須の項目「{name}」がありません。")));
    }

    fn opt_string(&mut self, name: &str) -> Option<String> {
        match self.get(name) {
            Some((Value::String(s), _)) => Some(s.clone()),
            Some((Value::Null, _)) | None => None,
            Some((v, l)) => {
                self.wrong(name, l, "文字列 \"…\"", v);
                None
            }
        }
    }

    fn string(&mut self, name: &str) -> String {
        if self.get(name).is_none() {
            self.missing(name);
        }
        self.opt_string(name).unwrap_or_default()
    }

    fn number(&mut self, name: &str) -> u32 {
        match self.get(name) {
            Some((Value::Number(n), _)) if u32::try_from(*n).is_ok() => u32::try_from(*n).unwrap_or(0),
            Some((v, l)) => {
                self.wrong(name, l, "0以上の整数", v);
                0
            }
            None => {
                self.missing(name);
                0
            }
        }
    }

    fn flag(&mut self, name: &str) -> bool {
        match self.get(name) {
            Some((Value::Bool(b), _)) => *b,
            Some((Value::Null, _)) | None => false,
            Some((v, l)) => {
                self.wrong(name, l, "true または false", v);
                false
            }
        }
    }

    /// The items of an array field with their paths
    fn array(&mut self, name: &str, required: bool) -> Vec<(&'v Value, String, usize)> {
        match self.get(name) {
            Some((Value::Array(items), l)) => {
                items.iter().enumerate().map(|(i, v)| (v, format!("{}[{i}]", join(&self.path, name)), l)).collect()
            }
            Some((Value::Null, _)) | None => {
                if required {
                    self.missing(name);
                }
                Vec::new()
            }
            Some((v, l)) => {
                self.wrong(name, l, "配列 [ … ]", v);
                Vec::new()
            }
        }
    }

    fn strings(&mut self, name: &str) -> Vec<String> {
        let items = self.array(name, false);
        let mut out = Vec::new();
        for (v, path, line) in items {
            match v {
                Value::String(s) => out.push(s.clone()),
                other => self.problems.push(shape_problem(
                    &path,
                    line,
                    format!("文字列 \"…\" のはずが{}です。", other.kind()),
                )),
            }
        }
        out
    }

    fn areas(&mut self, name: &str) -> Vec<AreaDoc> {
        let items = self.array(name, false);
        let mut out = Vec::new();
        for (v, path, line) in items {
            match v {
                Value::String(s) => out.push(AreaDoc::Name(s.clone())),
                Value::Object(_) => {
                    if let Some(mut o) = Obj::new(v, path, line, &["name", "part"], self.problems) {
                        let (name, part) = (o.string("name"), o.string("part"));
                        out.push(AreaDoc::Part(PartDoc { name, part }));
                    }
                }
                other => self.problems.push(shape_problem(
                    &path,
                    line,
                    format!(
                        "地域は文字列か {{ \"name\": …, \"part\": … }} で書きます（{}になっています）。",
                        other.kind()
                    ),
                )),
            }
        }
        out
    }

    /// A field with one of a fixed set of string values
    fn choice<T: Copy>(&mut self, name: &str, choices: &[(&str, T)], default: T) -> T {
        let text = self.string(name);
        if text.is_empty() {
            return default;
        }
        match choices.iter().find(|(k, _)| *k == text) {
            Some((_, v)) => *v,
            None => {
                let line = self.get(name).map_or(self.line, |(_, l)| l);
                let names: Vec<&str> = choices.iter().map(|(k, _)| *k).collect();
                let path = join(&self.path, name);
                self.problems.push(shape_problem(
                    &path,
                    line,
                    format!("「{name}」は {} のどれかです（「{text}」になっています）。", names.join(" / ")),
                ));
                default
            }
        }
    }
}

/// `disasters[0]` + `notices` → `disasters[0].notices`
fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

fn shape_problem(path: &str, line: usize, message: String) -> Problem {
    Problem::new(&format!("{line}行目"), path, message)
}

impl NoticeFile {
    /// Read a parsed JSON value as a notices file
    ///
    /// # Errors
    /// Every field that is unknown, missing or of the wrong type, each with
    /// its path and line.
    pub fn from_value(v: &Value) -> Result<NoticeFile, Vec<Problem>> {
        let mut problems = Vec::new();
        let doc = read_file(v, &mut problems);
        match doc {
            Some(doc) if problems.is_empty() => Ok(doc),
            _ => Err(problems),
        }
    }
}

fn read_file(v: &Value, problems: &mut Vec<Problem>) -> Option<NoticeFile> {
    let mut o = Obj::new(v, String::new(), 1, &["format", "description", "disasters"], problems)?;
    let format = o.number("format");
    let description = o.opt_string("description");
    let items = o.array("disasters", true);
    let disasters = items.into_iter().filter_map(|(v, path, line)| read_disaster(v, path, line, o.problems)).collect();
    Some(NoticeFile { format, description, disasters })
}

fn read_disaster(v: &Value, path: String, line: usize, problems: &mut Vec<Problem>) -> Option<DisasterDoc> {
    let mut o = Obj::new(v, path, line, &["id", "name", "began", "reliefAct", "notices"], problems)?;
    let (id, name, began) = (o.string("id"), o.string("name"), o.string("began"));
    // One report (an object, as in format 1) or several (an array)
    let reports: Vec<(&Value, String, usize)> = match o.get("reliefAct") {
        Some((Value::Null, _)) | None => Vec::new(),
        Some((Value::Array(_), _)) => o.array("reliefAct", false),
        Some((ra, l)) => vec![(ra, join(&o.path, "reliefAct"), l)],
    };
    let mut relief_act = Vec::new();
    for (ra, rpath, l) in reports {
        let mut r = Obj::new(ra, rpath, l, &["firstReport", "areas", "prefectures"], o.problems)?;
        relief_act.push(ReliefActDoc {
            first_report: r.string("firstReport"),
            areas: r.areas("areas"),
            prefectures: r.strings("prefectures"),
        });
    }
    let items = o.array("notices", true);
    let notices = items.into_iter().filter_map(|(v, path, line)| read_notice(v, path, line, o.problems)).collect();
    Some(DisasterDoc { id, name, began, relief_act, notices })
}

fn read_notice(v: &Value, path: String, line: usize, problems: &mut Vec<Problem>) -> Option<NoticeDoc> {
    let mut o = Obj::new(
        v,
        path,
        line,
        &["id", "number", "title", "issued", "issuer", "source", "url", "remarks", "rules"],
        problems,
    )?;
    let (id, number, title, issued) = (o.string("id"), o.number("number"), o.string("title"), o.string("issued"));
    let (issuer, source, url) = (o.opt_string("issuer"), o.opt_string("source"), o.opt_string("url"));
    let mut remarks = Vec::new();
    for (v, path, line) in o.array("remarks", false) {
        if let Some(mut r) = Obj::new(v, path, line, &["kind", "text", "areas", "from"], o.problems) {
            let kind = r.choice(
                "kind",
                &[("facility", RemarkKind::Facility), ("partial", RemarkKind::Partial), ("note", RemarkKind::Note)],
                RemarkKind::Note,
            );
            remarks.push(RemarkDoc {
                kind,
                text: r.string("text"),
                areas: r.areas("areas"),
                from: r.opt_string("from"),
            });
        }
    }
    let mut rules = Vec::new();
    for (v, path, line) in o.array("rules", true) {
        if let Some(mut r) = Obj::new(
            v,
            path,
            line,
            &["kind", "areas", "prefectures", "from", "until", "provisional", "remark"],
            o.problems,
        ) {
            rules.push(RuleDoc {
                kind: r.choice("kind", &[("add", RuleKind::Add), ("continue", RuleKind::Continue)], RuleKind::Add),
                areas: r.areas("areas"),
                prefectures: r.strings("prefectures"),
                from: r.opt_string("from"),
                until: r.string("until"),
                provisional: r.flag("provisional"),
                remark: r.opt_string("remark"),
            });
        }
    }
    Some(NoticeDoc { id, number, title, issued, issuer, source, url, remarks, rules })
}
