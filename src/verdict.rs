//! The verdict (PRODUCT §5.1): is disaster mode active for this place at this
//! time, until when, under which notices.
//!
//! A date query covers the whole JST day: active when any window covers any
//! part of it, with the time a window opens or closes during that day. A ward
//! of a designated city is covered when its city is listed.

use crate::prelude::*;

use crate::master::master;
use crate::notices::{NoticeRef, NoticeSet, Remark, Window};
use crate::sort;
mod disaster;
mod freshness;
mod text;
mod view;

use disaster::disaster_verdict;
pub use freshness::{Freshness, Link, STALE_AFTER_DAYS};
use text::{advice, before_data, message, BEFORE_DATA_ADVICE};
pub use view::{Place, WindowView};

use crate::postal::PostalTable;
use crate::resolve::{resolve_with, suggest, NotFoundReason, Resolution, ACCEPTED_FORMS};
use crate::time::{hm, iso_date, iso_instant, Query};
use chrono::Duration;
use serde::Serialize;

/// The answer's status
///
/// INVARIANT: the declaration order is the order of precedence when several
/// disasters speak for a place (active over unknown over ended over not
/// active); `evaluate` sorts by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Active,
    Unknown,
    Ended,
    NotActive,
    Ambiguous,
    NotFound,
}

impl Status {
    /// The one Japanese word every view (page, maintainers' page, CLI) shows
    pub fn label(self) -> &'static str {
        match self {
            Status::Active => "有効",
            Status::Ended => "終了",
            Status::NotActive => "対象外",
            Status::Unknown => "不明",
            Status::Ambiguous => "候補から選択",
            Status::NotFound => "見つかりません",
        }
    }
}

/// What one disaster says for the place and time
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DisasterVerdict {
    pub id: String,
    pub name: String,
    pub status: Status,
    /// [`Status::label`]
    pub status_label: &'static str,
    pub window: Option<WindowView>,
    /// The notices that set the window, in order
    pub notices: Vec<NoticeRef>,
    /// The place was newly added by the latest loaded notice of the disaster
    pub newly_added: bool,
    pub remarks: Vec<Remark>,
    /// First day of the disaster
    pub began: String,
    /// Date of this disaster's newest loaded notice
    pub data_as_of: Option<String>,
    /// What to check for this disaster because newer notices may exist
    pub advice: Option<String>,
    /// When the status is unknown, what the loaded notices do not say (「その3〜その4（…）が読み込まれていません」)
    pub unknown: Option<String>,
}

/// The verdict
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    pub status: Status,
    /// [`Status::label`]
    pub status_label: &'static str,
    pub input: String,
    /// The query, `YYYY-MM-DD` for a day or an ISO instant with `+09:00`
    pub query: String,
    /// `day` or `instant`
    pub query_kind: &'static str,
    pub municipality: Option<Place>,
    /// How the input was read, when it was a former name, a postal code,
    /// romaji or had the wrong 郡 (one Japanese sentence)
    pub name_note: Option<String>,
    /// When ambiguous or not found, best first
    pub candidates: Vec<Place>,
    /// The window of the governing disaster
    pub window: Option<WindowView>,
    /// Days from the query date to the last day (0 on the last day)
    pub days_left: Option<i64>,
    /// For a day query: the window opens during that day, at this time
    pub opens_at: Option<String>,
    /// For a day query: the window closes during that day, at this time
    pub closes_at: Option<String>,
    pub newly_added: bool,
    /// Every disaster that speaks for the place, governing one first
    pub disasters: Vec<DisasterVerdict>,
    pub remarks: Vec<Remark>,
    /// Date of the newest loaded notice
    pub data_as_of: Option<String>,
    /// What to check because newer notices may exist
    pub advice: Option<String>,
    /// How old the data is today, and where to look for newer notices
    /// (set by [`check`], which knows today)
    pub freshness: Option<Freshness>,
    /// One Japanese sentence saying it all
    pub message: String,
}

/// Answer for an input and a time, against a set of notices
pub fn evaluate(input: &str, query: Query, set: &NoticeSet) -> Verdict {
    evaluate_with(input, query, set, None)
}

/// [`evaluate`], with the postal table when it is loaded
pub fn evaluate_with(input: &str, query: Query, set: &NoticeSet, postal: Option<&PostalTable>) -> Verdict {
    let mut v = answer(input, query, set, postal);
    v.status_label = v.status.label();
    v
}

fn answer(input: &str, query: Query, set: &NoticeSet, postal: Option<&PostalTable>) -> Verdict {
    let mut v = Verdict {
        status: Status::NotFound,
        status_label: "",
        input: input.to_string(),
        query: match query {
            Query::At(t) => iso_instant(t),
            Query::Day(d) => iso_date(d),
        },
        query_kind: match query {
            Query::At(_) => "instant",
            Query::Day(_) => "day",
        },
        municipality: None,
        name_note: None,
        candidates: Vec::new(),
        window: None,
        days_left: None,
        opens_at: None,
        closes_at: None,
        newly_added: false,
        disasters: Vec::new(),
        remarks: Vec::new(),
        data_as_of: set.data_as_of.map(iso_date),
        advice: None,
        freshness: None,
        message: String::new(),
    };
    let (index, note) = match resolve_with(input, postal) {
        Resolution::Found { index, note } => (index, note),
        Resolution::Ambiguous(c) => {
            v.status = Status::Ambiguous;
            v.candidates = c.into_iter().filter_map(Place::at).collect();
            let one_prefecture =
                v.candidates.windows(2).all(|w| w.first().map(|p| &p.prefecture) == w.get(1).map(|p| &p.prefecture));
            v.message = format!(
                "「{}」に当たる市区町村が{}件あります。{}候補から選んでください。",
                input.trim(),
                v.candidates.len(),
                if one_prefecture { "" } else { "都道府県を確かめて、" }
            );
            return v;
        }
        Resolution::NotFound { reason, suggestions } => {
            let mut c = suggestions;
            if c.is_empty() {
                c = suggest(input, 5);
            }
            v.candidates = c.into_iter().filter_map(Place::at).collect();
            v.message = reason.message().to_string();
            match v.candidates.first() {
                Some(first) if reason == NotFoundReason::GunOnly => {
                    v.message
                        .push_str(&format!("「{}」の町村は候補から選べます。", first.gun.as_deref().unwrap_or("")));
                }
                Some(first) => v.message.push_str(&format!("「{}」ではありませんか？", first.label())),
                None if matches!(reason, NotFoundReason::UnknownName | NotFoundReason::UnknownRomaji) => {
                    v.message.push_str(ACCEPTED_FORMS);
                }
                None => {}
            }
            return v;
        }
    };
    let m = master();
    let Some(entry) = m.get(index) else { return v };
    let place = Place::of(entry);
    v.name_note = note.map(|n| n.message(&place.label()));
    v.municipality = Some(place);

    // A ward is covered by its own entries and by its city's
    let keys: Vec<usize> = core::iter::once(index).chain(entry.city).collect();
    let mut found: Vec<(DisasterVerdict, Option<Window>)> =
        set.disasters.iter().filter_map(|d| disaster_verdict(d, &keys, query)).collect();
    // A designated city typed without its ward, where only some wards are
    // active: the answer depends on the ward
    if found.iter().all(|(d, _)| d.status != Status::Active) {
        let wards: Vec<usize> = m
            .places()
            .filter(|(_, e)| e.city == Some(index))
            .filter(|(wi, _)| {
                set.disasters
                    .iter()
                    .any(|d| disaster_verdict(d, &[*wi], query).is_some_and(|dv| dv.0.status == Status::Active))
            })
            .map(|(wi, _)| wi)
            .collect();
        if !wards.is_empty() {
            v.status = Status::Ambiguous;
            v.candidates = wards.into_iter().filter_map(Place::at).collect();
            v.message = format!("{}は一部の区だけが対象です。区まで選んでください。", entry.display_name);
            return v;
        }
    }
    // The governing disaster first: by status in the order of `Status`, then
    // the latest end
    sort::sort_by(&mut found, |a, b| {
        a.0.status.cmp(&b.0.status).then_with(|| b.1.as_ref().map(|w| w.until).cmp(&a.1.as_ref().map(|w| w.until)))
    });
    v.status = found.first().map_or(Status::NotActive, |f| f.0.status);
    if let Some((dv, Some(w))) = found.first() {
        v.window = dv.window.clone();
        v.newly_added = dv.newly_added;
        let (qs, qe) = query.interval();
        if v.status == Status::Active {
            let last_day = w.until.checked_sub_signed(Duration::seconds(1)).unwrap_or(w.until).date();
            v.days_left = Some((last_day - query.date()).num_days());
            if let Query::Day(_) = query {
                v.opens_at = w.from.filter(|f| *f > qs && *f < qe).map(|f| hm(f.time()));
                v.closes_at = (w.until > qs && w.until < qe).then(|| hm(w.until.time()));
            }
        }
    }
    // Remarks, the data's date and the advice are the governing disaster's;
    // each other disaster carries its own
    if let Some((dv, _)) = found.first() {
        v.remarks = dv.remarks.clone();
        v.data_as_of = dv.data_as_of.clone();
        v.advice = dv.advice.clone();
    } else {
        v.advice = advice(Status::NotActive, None, query, set.data_as_of);
    }
    // Before the first disaster the data holds, it holds nothing: what was
    // in force then is not known, not 対象外 (PRODUCT §5.1)
    let first = set.disasters.iter().map(|d| d.began).min();
    let before = first.filter(|b| found.is_empty() && query.date() < *b);
    if before.is_some() {
        v.status = Status::Unknown;
        v.advice = Some(BEFORE_DATA_ADVICE.to_string());
    }
    v.disasters = found.into_iter().map(|(d, _)| d).collect();
    v.message = message(&v, entry);
    if let Some(began) = before {
        v.message.push_str(&before_data(began));
    }
    v
}

/// A verdict request as the JS API and the CLI make it
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckCall {
    /// What the person typed
    pub municipality: String,
    /// A JST day, `YYYY-MM-DD`
    pub date: Option<String>,
    /// An instant, `YYYY-MM-DDTHH:MM[:SS]` (JST) or with an offset
    pub at: Option<String>,
}

impl CheckCall {
    /// The property names of the JS object
    pub const FIELDS: &'static [&'static str] = &["municipality", "date", "at"];
}

/// The verdict for a request; without `date` or `at`, for `now` (JST); the
/// postal table when it is loaded
///
/// # Errors
/// `invalid_date` when `date` or `at` is malformed, `invalid_argument` when
/// both are given.
pub fn check(
    call: &CheckCall,
    now: chrono::NaiveDateTime,
    set: &NoticeSet,
    postal: Option<&PostalTable>,
) -> Result<Verdict, crate::Error> {
    let query = match (call.date.as_deref(), call.at.as_deref()) {
        (Some(_), Some(_)) => {
            return Err(crate::Error::new(
                crate::ErrorKind::InvalidArgument,
                "日付（date）と日時（at）は同時に指定できません。",
            ))
        }
        (Some(d), None) => Query::Day(crate::time::parse_date(d)?),
        (None, Some(t)) => Query::At(crate::time::parse_instant(t)?),
        (None, None) => Query::At(now),
    };
    let mut v = evaluate_with(&call.municipality, query, set, postal);
    if v.municipality.is_some() {
        v.freshness = freshness::freshness(&v, set, now.date());
    }
    Ok(v)
}
