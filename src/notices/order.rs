//! A disaster's notices in order: by number (format 1), or by time of issue
//! when some have none (format 2); gaps in the numbering recorded, not
//! refused.

use crate::prelude::*;

use super::compile::parse_from;
use super::*;
use crate::sort;
use crate::time::{iso_date, parse_date, start_of};
use chrono::{NaiveDate, NaiveDateTime};

/// How problems name a notice: 「令和6年7月の大雨 その3」, 「… 7月10日の通知」
pub(super) fn notice_entry(dname: &str, n: &NoticeDoc, issued: Option<NaiveDateTime>) -> String {
    match (n.number, issued) {
        (Some(k), _) => format!("{dname} その{k}"),
        (None, Some(t)) => format!("{dname} {}", notice_label(None, t)),
        (None, None) => format!("{dname} 「{}」", n.title),
    }
}

/// The disaster's notices in order, and their times of issue: by number when
/// every notice has one (format 1 files), else by time of issue, numbers
/// (where given) rising with it. Reports repeated, missing (a gap: known,
/// not refused) and falling numbers, and issues that go back.
pub(super) fn order_notices(
    d: &DisasterDoc,
    dname: &str,
    path: &str,
    format: u32,
    began: Option<NaiveDate>,
    problems: &mut Vec<Problem>,
    gaps: &mut Vec<Gap>,
) -> (Vec<usize>, Vec<Option<NaiveDateTime>>) {
    let issued: Vec<Option<NaiveDateTime>> = d
        .notices
        .iter()
        .enumerate()
        .map(|(ni, n)| {
            // Format 1 has dates of issue only; format 2 may give the time
            let at = if format < 2 { parse_date(&n.issued).map(start_of) } else { parse_from(&n.issued) };
            at.map_err(|e| {
                problems.push(Problem::new(
                    &notice_entry(dname, n, None),
                    &field(&item(path, "notices", ni), "issued"),
                    format!("発出日（issued）: {e}"),
                ))
            })
            .ok()
        })
        .collect();
    let issued_of = |i: usize| issued.get(i).copied().flatten();
    let mut order: Vec<usize> = (0..d.notices.len()).collect();
    if d.notices.iter().all(|n| n.number.is_some()) {
        sort::sort_by_key(&mut order, |&i| d.notices.get(i).and_then(|n| n.number));
    } else {
        sort::sort_by_key(&mut order, |&i| issued_of(i));
    }
    let mut prev_number: Option<(u32, NaiveDateTime)> = None;
    let mut prev_issue: Option<(&NoticeDoc, NaiveDateTime)> = None;
    for &ni in &order {
        let Some(n) = d.notices.get(ni) else { continue };
        let at = issued_of(ni);
        let entry = notice_entry(dname, n, at);
        let npath = item(path, "notices", ni);
        match n.number {
            None if format < 2 => problems.push(Problem::new(
                &entry,
                &field(&npath, "number"),
                "通知の番号（number）がありません。番号のない記事は format: 2 のファイルに書けます。",
            )),
            Some(0) => {
                problems.push(Problem::new(&entry, &field(&npath, "number"), "通知の番号（その何）は1以上です。"))
            }
            _ => {}
        }
        if n.title.trim().is_empty() {
            problems.push(Problem::new(&entry, &field(&npath, "title"), "通知の標題が空です。"));
        }
        let Some(at) = at else { continue };
        if let Some(b) = began.filter(|b| at.date() < *b) {
            problems.push(Problem::new(
                &entry,
                &field(&npath, "issued"),
                format!("発出日 {} が災害の始まり {} より前です。", n.issued, iso_date(b)),
            ));
        }
        if let Some((p, pt)) = prev_issue.filter(|(_, pt)| at < *pt) {
            problems.push(Problem::new(
                &entry,
                &field(&npath, "issued"),
                format!("発出日 {} が {} の発出日 {} より前です。", n.issued, notice_label(p.number, pt), p.issued),
            ));
        }
        // The first numbered notice is not その1 while an unnumbered one came
        // before it (a portal's article, then その3): その1〜 are missing there
        if let (Some(k), None, Some(_)) = (n.number, prev_number, prev_issue) {
            if k > 1 {
                let after = began.unwrap_or(at.date());
                gaps.push(Gap { first: 1, last: k - 1, after, before: at.date() });
            }
        }
        if let (Some(k), Some((pk, pt))) = (n.number, prev_number) {
            if k == pk {
                problems.push(Problem::new(&entry, &field(&npath, "number"), format!("その{k} が二つあります。")));
            } else if k < pk {
                problems.push(Problem::new(
                    &entry,
                    &field(&npath, "number"),
                    format!("その{k} が その{pk} より後に発出されています。番号か発出日を確かめてください。"),
                ));
            } else if k > pk + 1 {
                // Some notices of a series are never found: known, not
                // refused; verdicts in the gap say so
                gaps.push(Gap { first: pk + 1, last: k - 1, after: pt.date(), before: at.date() });
            }
        }
        if let Some(k) = n.number {
            prev_number = Some((k, at));
        }
        prev_issue = Some((n, at));
    }

    (order, issued)
}
