//! How current an answer's data is, and where staff check for newer
//! notices (issue 10): the newest notice's date and age, stale when the
//! answer is ended or the data old.

use crate::prelude::*;

use super::{Status, Verdict};
use crate::notices::NoticeSet;
use crate::time::{iso_date, wareki};
use chrono::NaiveDate;
use serde::Serialize;

/// Days after which the newest notice is old enough to say so
pub const STALE_AFTER_DAYS: i64 = 14;

/// A page to check for newer notices
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    pub label: String,
    /// http(s) only (notice files are validated on load)
    pub url: String,
}

/// How current the answer's data is
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Freshness {
    /// Date of the newest loaded notice (of the governing disaster, or of
    /// all when none speaks for the place)
    pub newest: String,
    pub newest_wareki: String,
    /// Days from it to today (JST)
    pub age_days: i64,
    /// The same in words: 「3日前」, 「今日」, or (a device whose clock is
    /// behind the data) 「この端末の今日より後」
    pub age: String,
    /// The answer may be out of date: ended, or the data is older than
    /// [`STALE_AFTER_DAYS`]
    pub stale: bool,
    /// What to check, when stale
    pub advice: Option<String>,
    /// Where: the governing notice's own page, MHLW, the official portal
    pub links: Vec<Link>,
}

const OFFICIAL_LINKS: [(&str, &str); 2] = [
    ("厚生労働省", "https://www.mhlw.go.jp/"),
    ("医療機関等向け総合ポータルサイト", "https://iryohokenjyoho.service-now.com/csm"),
];

pub(super) fn freshness(v: &Verdict, set: &NoticeSet, today: NaiveDate) -> Option<Freshness> {
    let governing = v.disasters.first().and_then(|d| set.disasters.iter().find(|x| x.id == d.id));
    // The governing disaster's newest notice (the verdict has it), or the file's
    let newest = v.data_as_of.as_deref().and_then(|d| crate::time::parse_date(d).ok()).or(set.data_as_of)?;
    let age_days = (today - newest).num_days();
    let ended = matches!(v.status, Status::Ended | Status::Unknown);
    let stale = ended || age_days > STALE_AFTER_DAYS;
    let when = wareki(newest);
    let age = match age_days {
        d if d < 0 => "この端末の今日より後".to_string(),
        0 => "今日".to_string(),
        d => format!("{d}日前"),
    };
    // A day before the data's first disaster: not a newer notice but that
    // day's own is what to check (the verdict's advice says so)
    let before_data = v.status == Status::Unknown && v.disasters.is_empty();
    let advice = stale.then(|| match v.advice.as_ref().filter(|_| before_data) {
        Some(a) => a.clone(),
        None => format!(
            "このデータの最新の通知は{when}（{age}）のものです。その後の通知（延長・追加）や、\
            新しい災害による新しい事務連絡が出ていないか、確認先で確かめてください。"
        ),
    });
    let own = governing
        .and_then(|d| d.notices.iter().rev().find_map(|n| n.url.clone().map(|u| (format!("{}の通知", d.name), u))));
    let links = own
        .into_iter()
        .chain(OFFICIAL_LINKS.iter().map(|(l, u)| (l.to_string(), u.to_string())))
        .map(|(label, url)| Link { label, url })
        .collect();
    Some(Freshness { newest: iso_date(newest), newest_wareki: when, age_days, age, stale, advice, links })
}
