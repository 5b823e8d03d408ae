//! The import's output: the notice entry of a complete report, and the file
//! with the entry merged in (validated as a whole).

use crate::prelude::*;

use super::{ImportReport, ImportedArea};
use crate::notices::{AreaDoc, DisasterDoc, NoticeDoc, NoticeFile, NoticeSet, PartDoc, Problem, RuleDoc, RuleKind};
use crate::sort;

/// The notice entry of a complete report
pub(super) fn entry(r: &ImportReport) -> Option<NoticeDoc> {
    if r.number.is_none() && !r.unnumbered {
        return None;
    }
    let issued = r.issued.clone()?;
    let until = r.period.until.clone()?;
    let disaster = r.disaster_id.clone()?;
    let mut rules = Vec::new();
    // One rule per kind and start: areas added at their own 追記 time start
    // then, the others at the period's start
    let mut groups: Vec<(RuleKind, Option<String>)> = Vec::new();
    for a in &r.areas {
        let Some(kind) = a.newness.kind() else { continue };
        let from = if kind == RuleKind::Add { a.from.clone().or_else(|| r.period.from.clone()) } else { None };
        if !groups.contains(&(kind, from.clone())) {
            groups.push((kind, from));
        }
    }
    sort::sort_by_key(&mut groups, |(kind, from)| (*kind == RuleKind::Add, from.clone()));
    for (kind, from) in groups {
        let group: Vec<&ImportedArea> = r
            .areas
            .iter()
            .filter(|a| a.newness.kind() == Some(kind))
            .filter(|a| kind != RuleKind::Add || a.from.clone().or_else(|| r.period.from.clone()) == from)
            .collect();
        let areas: Vec<AreaDoc> = group
            .iter()
            .filter(|a| !a.whole_prefecture)
            .filter_map(|a| {
                let name = a.place.as_ref().map(|p| p.full_name.clone())?;
                Some(match &a.part {
                    Some(part) => AreaDoc::Part(PartDoc { name, part: part.clone() }),
                    None => AreaDoc::Name(name),
                })
            })
            .collect();
        let prefectures: Vec<String> = group
            .iter()
            .filter(|a| a.whole_prefecture)
            // As printed (「鹿児島県の全43市町村」: its count is checked on load)
            .filter_map(|a| {
                let pref = a.prefecture.clone().or_else(|| a.written.split(['の', '全']).next().map(str::to_string))?;
                let tail = a.written.strip_prefix(pref.as_str()).unwrap_or(&a.written);
                // With its count (checked on load); else the prefecture alone
                let counted = tail.chars().any(|c| c.is_ascii_digit()) && tail.ends_with("市町村");
                let of = if tail.starts_with('全') { "の" } else { "" };
                Some(if counted { format!("{pref}{of}{tail}") } else { pref })
            })
            .collect();
        rules.push(RuleDoc {
            kind,
            areas,
            prefectures,
            from,
            until: until.clone(),
            provisional: r.period.provisional,
            remark: None,
        });
    }
    let name = r.disaster_name.clone().unwrap_or_default();
    let (id, title) = match r.number {
        Some(k) => (format!("{disaster}-{k}"), format!("{name}（その{k}）")),
        None => (format!("{disaster}-{issued}"), format!("{name}（{issued}の記事）")),
    };
    Some(NoticeDoc {
        id,
        number: r.number,
        title: r.title.clone().unwrap_or(title),
        issued,
        issuer: None,
        source: Some("saigai-mode import".into()),
        url: None,
        remarks: r.remarks.clone(),
        rules,
    })
}

/// A new disaster's first day when its name gives none (「令和6年能登半島地震」):
/// the earliest the notice speaks of, its start or its date of issue (a
/// notice issued on the 2nd may start on the 1st at 16:10)
fn earliest_day(r: &ImportReport) -> String {
    let starts = r.areas.iter().filter_map(|a| a.from.as_deref()).chain(r.period.from.as_deref());
    starts.chain(r.issued.as_deref()).filter_map(|t| t.get(..10)).min().unwrap_or_default().to_string()
}

/// The file with the entry in its disaster (created when new), validated,
/// and what its validation warns about
pub(super) fn merge(
    file: &NoticeFile,
    r: &ImportReport,
    entry: NoticeDoc,
) -> Result<(NoticeFile, Vec<Problem>), Vec<Problem>> {
    let mut out = file.clone();
    let id = r.disaster_id.clone().unwrap_or_default();
    let position = out.disasters.iter().position(|d| d.id == id);
    let disaster = match position {
        Some(i) => out.disasters.get_mut(i),
        None => {
            out.disasters.push(DisasterDoc {
                id: id.clone(),
                name: r.disaster_name.clone().unwrap_or_default(),
                began: r.began.clone().unwrap_or_else(|| earliest_day(r)),
                relief_act: Vec::new(),
                notices: Vec::new(),
            });
            out.disasters.last_mut()
        }
    };
    let Some(disaster) = disaster else { return Err(Vec::new()) };
    // The same number, or without one the same title and date: the same
    // notice, read in parts (one end at a time) or twice
    let same_notice = |n: &NoticeDoc| {
        n.number == entry.number && (entry.number.is_some() || (n.title == entry.title && n.issued == entry.issued))
    };
    if let Some(same) = disaster.notices.iter_mut().find(|n| same_notice(n)) {
        let label = entry.number.map_or_else(|| format!("{}の記事", entry.issued), |k| format!("その{k}"));
        let part = same.title == entry.title && same.issued == entry.issued;
        let named = |n: &NoticeDoc| -> Vec<String> {
            n.rules.iter().flat_map(|r| r.areas.iter().map(|a| a.name().to_string())).collect()
        };
        let (before, now) = (named(same), named(&entry));
        let twice: Vec<String> = now.iter().filter(|a| before.contains(a)).cloned().collect();
        let message = if entry.number.is_none() && twice.len() == now.len() {
            format!("{label} は既にファイルにあります（同じ記事を二度取り込もうとしていませんか）。")
        } else if !part || twice.len() == now.len() {
            format!("{label} は既にファイルにあります。番号を確かめてください。")
        } else if !twice.is_empty() {
            format!(
                "{label} の {} は既にファイルにあります（同じ通知を二度取り込もうとしていませんか）。",
                twice.join("、")
            )
        } else {
            // This part's rules (and remarks) join the others
            same.rules.extend(entry.rules);
            super::push_new(&mut same.remarks, entry.remarks);
            return validated(out);
        };
        return Err(vec![Problem {
            entry: format!("{} {label}", disaster.name),
            path: String::new(),
            message,
            suggestions: Vec::new(),
        }]);
    }
    // An id another notice has (two articles of one day): the next free one
    let mut entry = entry;
    let taken = |id: &str| file.disasters.iter().flat_map(|d| d.notices.iter()).any(|n| n.id == id);
    let base = entry.id.clone();
    let mut k = 2;
    while taken(&entry.id) {
        entry.id = format!("{base}-{k}");
        k += 1;
    }
    disaster.notices.push(entry);
    // In order of issue (for format 1 files, the order of the numbers)
    sort::sort_by_key(&mut disaster.notices, |n| (n.issued.clone(), n.number));
    // A notice without a number needs format 2; a format-1 file stays 1
    if disaster.notices.iter().any(|n| n.number.is_none()) {
        out.format = out.format.max(2);
    }
    validated(out)
}

/// The file, if it validates, with what its validation warns about
fn validated(mut out: NoticeFile) -> Result<(NoticeFile, Vec<Problem>), Vec<Problem>> {
    match NoticeSet::from_doc(out.clone()) {
        Ok(set) => Ok((out, set.warnings)),
        // Areas continuing from notices the file does not have (a closure
        // lists what is still open): format 2 says so, with a warning
        Err(problems) if out.format < 2 => {
            out.format = 2;
            NoticeSet::from_doc(out.clone()).map(|set| (out, set.warnings)).map_err(|_| problems)
        }
        Err(problems) => Err(problems),
    }
}
