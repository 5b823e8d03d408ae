//! The verdict (PRODUCT §5.1): is disaster mode active for this place at this
//! time, until when, under which notices.
//!
//! A date query covers the whole JST day: active when any window covers any
//! part of it, with the time a window opens or closes during that day. A ward
//! of a designated city is covered when its city is listed.

use crate::master::{master, Entry, Kind};
use crate::notices::{Basis, Disaster, NoticeRef, NoticeSet, Remark, Window};
use crate::sort;
mod freshness;
mod text;

pub use freshness::{Freshness, Link, STALE_AFTER_DAYS};
use text::{advice, message};

use crate::postal::PostalTable;
use crate::resolve::{resolve_with, suggest, NotFoundReason, Resolution, ACCEPTED_FORMS};
use crate::time::{hm, iso_date, iso_instant, start_of, wareki, Query};
use chrono::{Duration, NaiveDate};
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

/// A place of the master, as answers show it
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    pub code: String,
    pub prefecture: String,
    /// `弘前市`, or `新潟市中央区` for a ward
    pub name: String,
    pub reading: String,
    /// `municipality` or `ward`
    pub kind: &'static str,
    /// The 郡 of a town or village (`古宇郡`)
    pub gun: Option<String>,
    /// `北方領土` for the six Northern Territories villages
    pub note: Option<String>,
    /// Prefecture, 郡 and name (`北海道古宇郡泊村`): names the place uniquely
    /// when typed back
    pub full_name: String,
    /// The city of a ward
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<Box<Place>>,
}

impl Place {
    /// The place at a master index
    pub fn at(index: usize) -> Option<Place> {
        let m = master();
        let e = m.get(index)?;
        Some(Place::of(e))
    }

    fn of(e: &Entry) -> Place {
        let m = master();
        let prefecture = m.prefecture_of(e).map_or("", |p| p.name);
        Place {
            full_name: format!("{prefecture}{}", e.name_with_gun()),
            code: e.code.to_string(),
            prefecture: prefecture.to_string(),
            name: e.display_name.clone(),
            reading: e.reading_key().to_string(),
            kind: if e.kind == Kind::Ward { "ward" } else { "municipality" },
            gun: e.gun.map(str::to_string),
            note: e.note.map(str::to_string),
            city: e.city.and_then(Place::at).map(Box::new),
        }
    }

    /// `北海道古宇郡泊村`, `北海道国後郡泊村（北方領土）`: how lists of
    /// candidates name a place
    pub fn label(&self) -> String {
        let note = self.note.as_deref().map(|n| format!("（{n}）")).unwrap_or_default();
        format!("{}{note}", self.full_name)
    }
}

/// An activation window as answers show it (JST)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowView {
    /// First day, `YYYY-MM-DD`; null when it began before the loaded notices
    pub from: Option<String>,
    /// Time of day it opened, when not at 00:00
    pub from_time: Option<String>,
    /// Last day, `YYYY-MM-DD` (inclusive)
    pub until: String,
    /// Time of day it ends on the last day, when not at 24:00
    pub until_time: Option<String>,
    /// `令和8年2月10日（火）`
    pub from_wareki: Option<String>,
    pub until_wareki: String,
    pub provisional: bool,
    /// `notice` or `reliefAct` (the one-week base rule)
    pub basis: Basis,
    /// The last day the notices issued by the asked day gave, when later
    /// notices changed it (`2024-01-14` where it is now `2024-03-07`)
    pub until_then: Option<String>,
    pub until_then_wareki: Option<String>,
}

/// The last day an exclusive end stands for, and its time when not 24:00
fn last_day(until: chrono::NaiveDateTime) -> (NaiveDate, Option<String>) {
    let until_time = (until.time() != chrono::NaiveTime::MIN).then(|| hm(until.time()));
    let last = until.checked_sub_signed(Duration::seconds(1)).unwrap_or(until);
    (if until_time.is_some() { until.date() } else { last.date() }, until_time)
}

/// The end in force on the asked day, when notices issued after it changed it
fn end_then(w: &Window, d: &Disaster, query: Query) -> Option<chrono::NaiveDateTime> {
    let issued = |i: usize| d.notices.get(i).map(|n| n.issued_at.date());
    let known = |n: &Option<usize>| n.is_none_or(|i| issued(i).is_some_and(|day| day <= query.date()));
    let then = w.ends.iter().rev().find(|(n, _)| known(n)).map(|(_, end)| *end)?;
    (then != w.until).then_some(then)
}

impl WindowView {
    fn of(w: &Window, d: &Disaster, query: Query) -> WindowView {
        let (until_date, until_time) = last_day(w.until);
        let then = end_then(w, d, query).map(|t| last_day(t).0);
        WindowView {
            until_then: then.map(iso_date),
            until_then_wareki: then.map(wareki),
            from: w.from.map(|f| iso_date(f.date())),
            from_time: w.from.filter(|f| f.time() != chrono::NaiveTime::MIN).map(|f| hm(f.time())),
            until: iso_date(until_date),
            until_time,
            from_wareki: w.from.map(|f| wareki(f.date())),
            until_wareki: wareki(until_date),
            provisional: w.provisional,
            basis: w.basis,
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
    let keys: Vec<usize> = std::iter::once(index).chain(entry.city).collect();
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
    v.disasters = found.into_iter().map(|(d, _)| d).collect();
    v.message = message(&v, entry);
    v
}

/// What one disaster says for the place (given as its master index and, for
/// a ward, its city's) at the query, or `None` when it says nothing
fn disaster_verdict(d: &Disaster, keys: &[usize], query: Query) -> Option<(DisasterVerdict, Option<Window>)> {
    let (qs, qe) = query.interval();
    // A disaster that had not begun says nothing about the asked time (a
    // 2023 date is never answered with a window of 2024)
    if qe <= start_of(d.began) {
        return None;
    }
    let windows: Vec<&Window> = keys.iter().filter_map(|k| d.areas.get(k)).flat_map(|h| h.windows.iter()).collect();
    // A remark that applies from a time on (after a closure) only from then
    let remarks: Vec<Remark> = keys
        .iter()
        .filter_map(|k| d.areas.get(k))
        .flat_map(|h| h.remarks.iter().filter(|r| r.from.is_none_or(|f| qe > f)).cloned())
        .collect();
    let starts = |w: &Window| w.from.unwrap_or(w.known_from);
    // Asked before what the loaded notices know: the disaster's earlier
    // notices are not loaded, or the area continues from notices that are not
    let before_known = (d.earlier_missing && qs < d.known_from
        || windows.iter().any(|w| w.from.is_none() && qs < w.known_from))
        && qe > start_of(d.began);

    let active = windows.iter().filter(|w| starts(w) < qe && w.until > qs).max_by_key(|w| w.until);
    let (status, window) = if let Some(w) = active {
        (Status::Active, Some(*w))
    } else if before_known && windows.iter().all(|w| w.from.is_none() || w.from.is_some_and(|f| f > qs)) {
        (Status::Unknown, windows.iter().max_by_key(|w| w.until).copied())
    } else if let Some(w) = windows.iter().filter(|w| w.until <= qs).max_by_key(|w| w.until) {
        (Status::Ended, Some(*w))
    } else if let Some(w) = windows.iter().filter(|w| starts(w) >= qe).min_by_key(|w| starts(w)) {
        (Status::NotActive, Some(*w))
    } else if before_known {
        (Status::Unknown, None)
    } else {
        return None;
    };
    // Notices of the series missing where they could have changed the
    // answer: not known. Active: ended by the notices of that day, continued
    // by a later one, the missing ones in between. Ended: a missing notice,
    // issued while the window was open and after the notice that set its
    // end, may have extended it.
    let gap = match (status, window) {
        (Status::Active, Some(w)) if end_then(w, d, query).is_some_and(|then| then <= qs) => {
            d.gaps.iter().find(|g| g.after <= query.date())
        }
        (Status::Ended, Some(w)) => {
            let set_on = w.ends.last().and_then(|(n, _)| d.notices.get((*n)?)).map(|n| n.issued_at.date());
            d.gaps.iter().find(|g| g.after < w.until.date() && set_on.is_none_or(|s| s <= g.after))
        }
        _ => None,
    };
    let status = if gap.is_some() { Status::Unknown } else { status };
    let unknown = match (status, gap) {
        (_, Some(g)) => Some(format!(
            "{}（{}〜{}の間に出たはずの通知）が読み込まれていません",
            g.label(),
            wareki(g.after),
            wareki(g.before)
        )),
        // Continued by a loaded notice from notices that are not loaded
        (Status::Unknown, None) => {
            match window.filter(|w| w.from.is_none()).and_then(|w| d.notices.get(*w.notices.first()?)) {
                Some(n) => Some(format!(
                    "{}（{}）で継続とされていますが、いつから対象だったかを定めた通知が読み込まれていません",
                    n.label,
                    wareki(n.issued_at.date())
                )),
                None => d.notices.first().map(|n| {
                    format!("{}（{}）より前の通知が読み込まれていません", n.label, wareki(n.issued_at.date()))
                }),
            }
        }
        _ => None,
    };
    let latest = d.notices.len().checked_sub(1);
    let newly_added = window.is_some_and(|w| w.added_by.is_some() && w.added_by == latest);
    let notices =
        window.map(|w| w.notices.iter().filter_map(|&i| d.notices.get(i).cloned()).collect()).unwrap_or_default();
    let as_of = d.notices.iter().map(|n| n.issued_at.date()).max();
    let view = window.map(|w| WindowView::of(w, d, query));
    Some((
        DisasterVerdict {
            id: d.id.clone(),
            name: d.name.clone(),
            status,
            status_label: status.label(),
            advice: match gap {
                Some(g) => Some(format!(
                    "{}（{}〜{}の間に出たはずの通知）が読み込まれていないため、この日に有効だったかは分かりません。その通知を確かめてください。",
                    g.label(),
                    wareki(g.after),
                    wareki(g.before)
                )),
                None => advice(status, view.as_ref(), query, as_of),
            },
            window: view,
            notices,
            newly_added,
            remarks,
            began: iso_date(d.began),
            data_as_of: as_of.map(iso_date),
            unknown,
        },
        window.cloned(),
    ))
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
