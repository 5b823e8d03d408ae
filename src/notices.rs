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

use crate::prelude::*;

mod areas;
mod compile;
mod compiled;
mod format;
mod order;
mod read;

pub(crate) use areas::words_after;
pub use compiled::*;
pub use format::*;

use crate::error::{Error, ErrorKind};
use crate::time::{iso_date, start_of_next};
use chrono::NaiveDate;
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
/// Their newest date of issue (`YYYY-MM-DD`), found by `build.rs`: known
/// without compiling them
pub const BUILTIN_DATA_AS_OF: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin-as-of.txt"));

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

/// `path.name`: where a field of the object at `path` is, for a program
/// (one function: each `format!` is code of its own in the module)
fn field(path: &str, name: &str) -> String {
    [path, ".", name].concat()
}

/// `path.name[k]`: an element of an array field
fn item(path: &str, name: &str, k: usize) -> String {
    format!("{path}.{name}[{k}]")
}

/// Problems as one error value (for the CLI and `?`)
pub fn problems_error(problems: &[Problem]) -> Error {
    let lines: Vec<String> = problems.iter().map(|p| format!("{}: {}", p.entry, p.message)).collect();
    Error::new(ErrorKind::InvalidNotice, lines.join(" / "))
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
                        &item(&path, "notices", ni),
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
