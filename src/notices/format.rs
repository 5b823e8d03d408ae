//! The notices file as maintainers edit it (format 1, and format 2 with
//! unnumbered notices and times of issue): what `read` fills from the JSON
//! and `compile` validates.

use crate::prelude::*;

use serde::Serialize;

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
    #[serde(skip_serializing_if = "core::ops::Not::not")]
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
    /// Shown only until then (`YYYY-MM-DD` through that day, `…THH:MM`):
    /// a remark for a window
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}
