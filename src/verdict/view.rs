//! How answers show a place and a window: names, codes and readings; days
//! in both calendars, times of day, and the end in force on the asked day.

use crate::prelude::*;

use crate::master::{master, Entry, Kind};
use crate::notices::{Basis, Disaster, Window};
use crate::time::{hm, iso_date, wareki, Query};
use chrono::{Duration, NaiveDate};
use serde::Serialize;

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

    pub(super) fn of(e: &Entry) -> Place {
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
pub(super) fn last_day(until: chrono::NaiveDateTime) -> (NaiveDate, Option<String>) {
    let until_time = (until.time() != chrono::NaiveTime::MIN).then(|| hm(until.time()));
    let last = until.checked_sub_signed(Duration::seconds(1)).unwrap_or(until);
    (if until_time.is_some() { until.date() } else { last.date() }, until_time)
}

/// The end in force on the asked day, when notices issued after it changed it
pub(super) fn end_then(w: &Window, d: &Disaster, query: Query) -> Option<chrono::NaiveDateTime> {
    let issued = |i: usize| d.notices.get(i).map(|n| n.issued_at.date());
    let known = |n: &Option<usize>| n.is_none_or(|i| issued(i).is_some_and(|day| day <= query.date()));
    let then = w.ends.iter().rev().find(|(n, _)| known(n)).map(|(_, end)| *end)?;
    (then != w.until).then_some(then)
}

impl WindowView {
    pub(super) fn of(w: &Window, d: &Disaster, query: Query) -> WindowView {
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
