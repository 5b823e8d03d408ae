//! From a file's documents to the compiled windows verdicts are computed
//! from: ordering notices, applying each rule, the base rule's week, and
//! every problem on the way.

use crate::prelude::*;

use super::areas::resolve_areas;
use super::order::{notice_entry, order_notices};
use super::*;
use crate::error::Error;
use crate::master::master;
use crate::time::{iso_date, parse_date, parse_instant, start_of};
use chrono::{Duration, NaiveDateTime};

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

pub(super) fn parse_from(s: &str) -> Result<NaiveDateTime, Error> {
    if s.contains('T') {
        parse_instant(s)
    } else {
        parse_date(s).map(start_of)
    }
}

/// One disaster of a file in format `format`: its windows, or `None` with
/// the problems pushed; what is accepted but worth a maintainer's look goes
/// to `warnings`
pub(super) fn compile_disaster(
    d: &DisasterDoc,
    format: u32,
    path: &str,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) -> Option<Disaster> {
    let before = problems.len();
    let dname = if d.name.trim().is_empty() { d.id.clone() } else { d.name.clone() };
    if d.id.trim().is_empty() {
        problems.push(Problem::new(&dname, &field(path, "id"), "災害のidが空です。"));
    }
    if d.name.trim().is_empty() {
        problems.push(Problem::new(&dname, &field(path, "name"), "災害の名前が空です。"));
    }
    let began = match parse_date(&d.began) {
        Ok(b) => Some(b),
        Err(e) => {
            problems.push(Problem::new(&dname, &field(path, "began"), format!("災害の始まり（began）: {e}")));
            None
        }
    };
    if d.notices.is_empty() && d.relief_act.is_empty() {
        problems.push(Problem::new(&dname, &field(path, "notices"), "通知が一つもありません。"));
    }

    let mut gaps = Vec::new();
    let (order, issued) = order_notices(d, &dname, path, format, began, problems, &mut gaps);
    // A notice's own page is shown to staff as a link: the web only
    for (k, n) in d.notices.iter().enumerate() {
        if n.url.as_deref().is_some_and(|u| {
            !(u.starts_with("https://") || u.starts_with("http://")) || u.contains(char::is_whitespace)
        }) {
            problems.push(Problem::new(
                &dname,
                &field(&item(path, "notices", k), "url"),
                "通知のurlは http:// または https:// で始まるウェブのアドレスにしてください。",
            ));
        }
    }

    let notices: Vec<NoticeRef> = order
        .iter()
        .filter_map(|&i| Some((d.notices.get(i)?, issued.get(i).copied().flatten()?)))
        .map(|(n, issued_at)| NoticeRef {
            id: n.id.clone(),
            number: n.number,
            label: notice_label(n.number, issued_at),
            title: n.title.clone(),
            issued: n.issued.clone(),
            issued_at,
            issuer: n.issuer.clone(),
            url: n.url.clone(),
        })
        .collect();
    let first = order.first().and_then(|&i| d.notices.get(i));
    let earlier_missing = first.is_some_and(|n| n.number.is_some_and(|k| k > 1));
    let known_from = order
        .first()
        .and_then(|&i| issued.get(i).copied().flatten())
        .map(|t| start_of(t.date()))
        .or(began.map(start_of))
        .unwrap_or(NaiveDateTime::MIN);

    let mut areas = Areas::default();
    // The base rule first: notices then confirm, extend, shorten or add
    for (k, ra) in d.relief_act.iter().enumerate() {
        let rpath = if d.relief_act.len() == 1 { field(path, "reliefAct") } else { item(path, "reliefAct", k) };
        relief_act_windows(ra, &format!("{dname} 災害救助法"), &rpath, &mut areas, problems);
    }

    for (pos, &ni) in order.iter().enumerate() {
        let (Some(n), Some(Some(issued))) = (d.notices.get(ni), issued.get(ni)) else { continue };
        let entry = notice_entry(&dname, n, Some(*issued));
        let npath = item(path, "notices", ni);
        if n.rules.is_empty() {
            problems.push(Problem::new(&entry, &field(&npath, "rules"), "規則（rules）が一つもありません。"));
        }
        let mut touched: Vec<usize> = Vec::new();
        let at = NoticeAt {
            issued: *issued,
            index: pos,
            id: &n.id,
            earlier_missing,
            format,
            // 「current」: the end as the earlier notices left it, not as
            // this notice's own rules change it
            current_end: areas.values().flat_map(|h| h.windows.iter()).map(|w| w.until).max(),
            began,
        };
        for (ri, r) in n.rules.iter().enumerate() {
            let rentry = format!("{entry} 規則{}", ri + 1);
            let rpath = item(&npath, "rules", ri);
            warnings.extend(apply_rule(r, &rentry, &rpath, &at, &mut areas, &mut touched, problems));
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
                        &field(&item(&npath, "remarks", ki), "from"),
                        "備考の表示開始（from）は YYYY-MM-DD または YYYY-MM-DDTHH:MM です。",
                    ));
                    None
                }
            };
            let until = match remark.until.as_deref().map(parse_until) {
                None => None,
                Some(Ok(Until::At(t))) if from.is_none_or(|f| f < t) => Some(t),
                Some(_) => {
                    problems.push(Problem::new(
                        &kentry,
                        &field(&item(&npath, "remarks", ki), "until"),
                        "備考の表示終了（until）は YYYY-MM-DD（その日まで）または YYYY-MM-DDTHH:MM で、表示開始（from）より後です。",
                    ));
                    None
                }
            };
            let targets: Vec<usize> = if remark.areas.is_empty() {
                touched.clone()
            } else {
                resolve_areas(&remark.areas, &[], &kentry, &item(&npath, "remarks", ki), problems)
                    .into_iter()
                    .map(|(i, _)| i)
                    .collect()
            };
            for i in targets {
                let h = areas.entry(i);
                h.remarks.push(Remark {
                    kind: remark.kind,
                    text: remark.text.clone(),
                    notice: n.id.clone(),
                    from,
                    until,
                });
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

/// The one-week windows of the base rule (参考1): from the first report,
/// first day included
fn relief_act_windows(ra: &ReliefActDoc, entry: &str, path: &str, areas: &mut Areas, problems: &mut Vec<Problem>) {
    match parse_date(&ra.first_report) {
        Ok(fr) => {
            // INVARIANT: dates are parsed with 4-digit years, far from chrono's limits
            let window_end = start_of(fr) + Duration::days(7);
            for (i, _) in resolve_areas(&ra.areas, &ra.prefectures, entry, path, problems) {
                areas.entry(i).windows = vec![Window {
                    from: Some(start_of(fr)),
                    known_from: start_of(fr),
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
            &field(path, "firstReport"),
            format!("適用第一報の日付（firstReport）: {e}"),
        )),
    }
}

/// The notice a rule belongs to
struct NoticeAt<'a> {
    issued: NaiveDateTime,
    /// Index of the notice in the disaster's (ordered) notices
    index: usize,
    id: &'a str,
    earlier_missing: bool,
    /// The file's format version
    format: u32,
    /// The disaster's end before this notice
    current_end: Option<NaiveDateTime>,
    /// The day the disaster began (nothing is answered before it)
    began: Option<NaiveDate>,
}

fn apply_rule(
    r: &RuleDoc,
    entry: &str,
    path: &str,
    at: &NoticeAt,
    areas: &mut Areas,
    touched: &mut Vec<usize>,
    problems: &mut Vec<Problem>,
) -> Vec<Problem> {
    let mut warnings = Vec::new();
    if r.areas.is_empty() && r.prefectures.is_empty() {
        problems.push(Problem::new(
            entry,
            &field(path, "areas"),
            "地域（areas または prefectures）が一つもありません。",
        ));
    }
    let from = match (&r.from, r.kind) {
        (Some(_), RuleKind::Continue) => {
            problems.push(Problem::new(entry, &field(path, "from"), "継続（continue）の規則には開始（from）を書きません。新たに追加する地域なら kind を add にしてください。"));
            return warnings;
        }
        (Some(f), RuleKind::Add) => match parse_from(f) {
            // Before the disaster began, no answer would see it
            Ok(t) if at.began.is_some_and(|b| t.date() < b) => {
                let b = at.began.map(iso_date).unwrap_or_default();
                problems.push(Problem::new(
                    entry,
                    &field(path, "from"),
                    format!("開始（{f}）が災害の始まり（began: {b}）より前です。began か開始日を直してください。"),
                ));
                return warnings;
            }
            Ok(t) => t,
            Err(e) => {
                problems.push(Problem::new(entry, &field(path, "from"), format!("開始（from）: {e}")));
                return warnings;
            }
        },
        (None, _) => at.issued,
    };
    let until = match parse_until(&r.until) {
        Ok(Until::At(t)) => Some(t),
        Ok(Until::Current) => None,
        Err(e) => {
            problems.push(Problem::new(
                entry,
                &field(path, "until"),
                format!("終了（until）: {e} 「current」（現在の終了日のまま）も使えます。"),
            ));
            return warnings;
        }
    };
    let until = match until {
        Some(t) => t,
        None => match at.current_end {
            Some(t) => t,
            None => {
                problems.push(Problem::new(
                    entry,
                    &field(path, "until"),
                    "「current」は、それまでの通知で終了日が決まっているときだけ使えます。日付を書いてください。",
                ));
                return warnings;
            }
        },
    };
    if until <= from {
        problems.push(Problem::new(
            entry,
            &field(path, "until"),
            format!("終了（{}）が開始（{}）より前です。", r.until, iso_date(from.date())),
        ));
        return warnings;
    }
    let issue_day = start_of(at.issued.date());
    if until < issue_day {
        problems.push(Problem::new(
            entry,
            &field(path, "until"),
            format!(
                "終了（{}）が通知の発出日 {} より前です。年や月を確かめてください。",
                r.until,
                iso_date(at.issued.date())
            ),
        ));
        return warnings;
    }
    if until > issue_day + Duration::days(366) {
        problems.push(Problem::new(
            entry,
            &field(path, "until"),
            format!("終了（{}）が発出日から1年以上先です。年を確かめてください。", r.until),
        ));
        return warnings;
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
        let h = areas.entry(i);
        touched.push(i);
        if let Some(p) = part {
            h.remarks.push(Remark {
                kind: RemarkKind::Partial,
                text: p,
                notice: at.id.to_string(),
                from: None,
                until: None,
            });
        }
        if let Some(text) = &r.remark {
            h.remarks.push(Remark {
                kind: RemarkKind::Note,
                text: text.clone(),
                notice: at.id.to_string(),
                from: None,
                until: None,
            });
        }
        let last = h.windows.last_mut();
        match (r.kind, last) {
            // Named again while active (or, for continue, extended after its
            // end): this notice sets the end
            (RuleKind::Continue, Some(w)) => extend(w, until, r.provisional, at.index),
            // The base rule's week, confirmed or extended by a first notice;
            // a start the notice states (an 追記 time) is the notice's: the
            // notices, not the 災害救助法 lists, decide
            (RuleKind::Add, Some(w)) if w.until >= from && w.basis == Basis::ReliefAct => {
                if r.from.is_some() {
                    w.from = Some(from);
                    w.known_from = from;
                    w.added_by = Some(at.index);
                }
                extend(w, until, r.provisional, at.index);
            }
            (RuleKind::Add, Some(w)) if w.until >= from => problems.push(Problem::new(
                entry,
                path,
                format!("「{label}」はそれまでの通知で既に有効です。新規（add）ではなく継続（continue）にしてください。"),
            )),
            (RuleKind::Add, _) => h.windows.push(Window {
                from: Some(from),
                known_from: from,
                until,
                provisional: r.provisional,
                basis: Basis::Notice,
                notices: vec![at.index],
                added_by: Some(at.index),
                ends: vec![(Some(at.index), until)],
            }),
            // Active before the loaded notices say: since when is not known
            // (format 2 writes this for a series found in part; format 1
            // only when the first loaded notice is not その1)
            (RuleKind::Continue, None) if at.earlier_missing || at.format >= 2 => {
                if !at.earlier_missing {
                    warnings.push(Problem::new(
                        entry,
                        path,
                        format!("「{label}」は読み込まれた通知で有効になっていないため、読み込まれていない通知から継続しているものとして扱います（この通知より前の日付は「不明」と答えます）。"),
                    ));
                }
                h.windows.push(Window {
                from: None,
                known_from: issue_day,
                until,
                provisional: r.provisional,
                basis: Basis::Notice,
                notices: vec![at.index],
                added_by: None,
                ends: vec![(Some(at.index), until)],
            });
            }
            (RuleKind::Continue, None) => problems.push(Problem::new(
                entry,
                path,
                format!("「{label}」は、それまでの通知で有効になっていないので継続（continue）にできません。新たに追加する地域なら kind を add にしてください。"),
            )),
        }
    }
    warnings
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
