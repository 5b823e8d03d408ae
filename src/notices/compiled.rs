//! The compiled form verdicts are computed from: each disaster's notices in
//! order, and per area its windows and remarks.

use crate::prelude::*;

use super::RemarkKind;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

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
    /// Shown only before then (JST, exclusive)
    #[serde(skip)]
    pub until: Option<NaiveDateTime>,
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
