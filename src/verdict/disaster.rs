//! What one disaster says for a place at a time: its status (unknown where
//! its loaded notices cannot say), the window, the notices, the remarks in
//! force, and what is not known.

use crate::prelude::*;

use super::view::end_then;
use super::{advice, DisasterVerdict, Status, WindowView};
use crate::notices::{Disaster, Remark, Window};
use crate::time::{iso_date, start_of, wareki, Query};

/// What one disaster says for the place (given as its master index and, for
/// a ward, its city's) at the query, or `None` when it says nothing
pub(super) fn disaster_verdict(
    d: &Disaster,
    keys: &[usize],
    query: Query,
) -> Option<(DisasterVerdict, Option<Window>)> {
    let (qs, qe) = query.interval();
    // A disaster that had not begun says nothing about the asked time (a
    // 2023 date is never answered with a window of 2024)
    if qe <= start_of(d.began) {
        return None;
    }
    let windows: Vec<&Window> = keys.iter().filter_map(|k| d.areas.get(k)).flat_map(|h| h.windows.iter()).collect();
    // A remark that applies from a time on (after a closure) only from
    // then, one for a window only during it
    let remarks: Vec<Remark> = keys
        .iter()
        .filter_map(|k| d.areas.get(k))
        .flat_map(|h| {
            h.remarks.iter().filter(|r| r.from.is_none_or(|f| qe > f) && r.until.is_none_or(|u| qs < u)).cloned()
        })
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
    } else if !remarks.is_empty() {
        // Not an area of the disaster, but a notice speaks of its facilities
        // (「（１）以外の石川県内の市町に所在する医療機関・薬局のうち、…申請があったもの」)
        (Status::NotActive, None)
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
