//! A notice whose areas end on different days: each end a heading with its
//! areas below (「（１）令和６年２月２９日（木）まで」 then 【石川県】輪島市、…,
//! 「（２）令和６年２月１４日（水）まで」 then others), or each row with its
//! end (「【石川県】七尾市、輪島市：令和６年１月３１日まで」). Each group is
//! read as a text of its own, the other groups' lines left blank so that
//! every position stays the original's, and the groups' rules make one notice.

use crate::prelude::*;

use super::newness::newness_question;
use super::readers::prefecture_at;
use super::text::{date_at, moment, Compact};
use super::{except, import, push_new, with_file, ImportOptions, ImportReport};
use crate::notices::NoticeFile;

/// How a text gives its areas their ends, by group
enum Groups {
    /// The lines (0-based) of headings that are ends, each over its areas
    /// (「（１）令和６年２月２９日（木）まで」, 「(2) 2月14日まで」)
    Headings(Vec<usize>),
    /// Rows that end with their end (「…輪島市：令和６年１月３１日まで」):
    /// each line, and the byte where its 「：」 starts
    Rows(Vec<(usize, usize)>),
}

/// Whether `s` ends, from its character `from` on, with a date and 「まで」
/// (or a heading's words after it: 「まで延長する地域」, 「をもって終了する地域」,
/// 「をもって終了とする地域」 …, short and without another number)
fn ends_with_an_end(s: &Compact, from: usize) -> bool {
    date_at(s, from, None).is_some_and(|d| {
        let after = moment(s, &d).1;
        let tail = s.text(after, s.chars.len());
        ["まで", "をもって", "で終了", "で閉塞"].iter().any(|w| tail.starts_with(w))
            && tail.chars().count() <= 14
            && !tail.chars().any(|c| c.is_ascii_digit())
    })
}

/// The groups of a text, when it has two or more of one kind
fn groups(lines: &[&str]) -> Option<Groups> {
    let heading = |line: &&str| {
        let s = Compact::new(line);
        let digits = s.chars.iter().skip(1).take_while(|c| c.is_ascii_digit()).count();
        s.chars.first() == Some(&'(')
            && digits > 0
            && s.chars.get(digits + 1) == Some(&')')
            && ends_with_an_end(&s, digits + 2)
    };
    let heads: Vec<usize> = lines.iter().enumerate().filter(|(_, l)| heading(l)).map(|(i, _)| i).collect();
    if heads.len() >= 2 {
        return Some(Groups::Headings(heads));
    }
    // A row names its prefecture first (「【石川県】…」, 「石川県　…」): not
    // 「期間：…まで」 or 「なお、…については：…まで」
    let row = |line: &str| {
        let colon = line.rfind([':', '：', '｜', '|'])?;
        let (list, end) = (Compact::new(line.get(..colon)?), Compact::new(line.get(colon..)?));
        let at = usize::from(list.chars.first() == Some(&'【'));
        (prefecture_at(&list, at).is_some() && ends_with_an_end(&end, 1)).then_some(colon)
    };
    let rows: Vec<(usize, usize)> = lines.iter().enumerate().filter_map(|(i, l)| Some((i, row(l)?))).collect();
    (rows.len() >= 2).then_some(Groups::Rows(rows))
}

/// The import of a text in groups, or `None` when it has fewer than two
pub(super) fn import_in_groups(
    text: &str,
    options: &ImportOptions,
    existing: Option<&NoticeFile>,
) -> Option<ImportReport> {
    let lines: Vec<&str> = text.lines().collect();
    let parts: Vec<(String, String)> = match groups(&lines) {
        None => except::exception_parts(&lines)?,
        Some(g) => in_groups(&lines, g)?,
    };
    let mut reports: Vec<ImportReport> = Vec::new();
    for (text, _) in &parts {
        let mut r = import(text, options, existing);
        let until = r.period.until.clone();
        for a in &mut r.areas {
            a.until = until.clone();
        }
        reports.push(r);
    }
    // Each place in one group only; else the groups were not the text's
    // only areas (a 範囲 block read by every group): read as one text,
    // which says what it cannot read
    let places: Vec<(usize, &str)> = reports
        .iter()
        .enumerate()
        .flat_map(|(g, r)| r.areas.iter().filter_map(move |a| Some((g, a.place.as_ref()?.code.as_str()))))
        .collect();
    if places.iter().any(|(g, c)| places.iter().any(|(h, d)| g != h && c == d)) {
        return None;
    }
    let ends: Vec<&str> = parts.iter().map(|(_, end)| end.as_str()).collect();
    // The notice with every group's rules, written into the file once
    joined(reports, &ends).map(|r| with_file(r, existing))
}

/// Each group as a text of its own, with its end as written
fn in_groups(lines: &[&str], groups: Groups) -> Option<Vec<(String, String)>> {
    Some(match groups {
        Groups::Headings(heads) => {
            let first = *heads.first()?;
            heads
                .iter()
                .enumerate()
                .map(|(g, &head)| {
                    let end = heads.get(g + 1).copied().unwrap_or(lines.len());
                    let kept = |i: usize| i < first || (head..end).contains(&i);
                    // The heading as the period's label, in as many
                    // characters (「（１）」 → 「期間：」): columns stay
                    let line = |i: usize, l: &str| if i == head { heading_as_period(l) } else { l.to_string() };
                    (blank_others(lines, kept, line), lines.get(head).map_or("", |l| l.trim()).to_string())
                })
                .collect()
        }
        Groups::Rows(rows) => rows
            .iter()
            .map(|&(row, colon)| {
                let others = |i: usize| rows.iter().any(|&(r, _)| r == i && r != row);
                // The row without its end, which becomes the period after
                // the last line (the row's line and columns stay)
                let end = lines.get(row).and_then(|l| l.get(colon..)).unwrap_or("");
                let line = |i: usize, l: &str| {
                    if i == row {
                        [l.get(..colon).unwrap_or(""), &" ".repeat(end.chars().count())].concat()
                    } else {
                        l.to_string()
                    }
                };
                let written = end.trim_start_matches([':', '：']);
                (
                    [blank_others(lines, |i| !others(i), line).as_str(), "\n期間：", written].concat(),
                    written.to_string(),
                )
            })
            .collect(),
    })
}

/// The text with the lines `kept` says no to left empty, each kept line as
/// `line` writes it
fn blank_others(lines: &[&str], kept: impl Fn(usize) -> bool, line: impl Fn(usize, &str) -> String) -> String {
    let out: Vec<String> =
        lines.iter().enumerate().map(|(i, l)| if kept(i) { line(i, l) } else { String::new() }).collect();
    out.join("\n")
}

/// 「（１）令和６年…まで」 → 「期間：令和６年…まで」
fn heading_as_period(line: &str) -> String {
    let lead = line.len() - line.trim_start().len();
    let rest = line.get(lead..).unwrap_or("");
    let close = rest
        .find([')', '）'])
        .map_or(0, |k| k + rest.get(k..).and_then(|r| r.chars().next()).map_or(0, char::len_utf8));
    let label_chars = rest.get(..close).map_or(0, |h| h.chars().count());
    let label: String = "期間：".chars().chain(core::iter::repeat('　')).take(label_chars.max(3)).collect();
    [line.get(..lead).unwrap_or(""), &label, rest.get(close..).unwrap_or("")].concat()
}

/// The groups' reports as one: their areas (each with its end), problems
/// and questions once each, and the notice with every group's rules when
/// all of them are clean
fn joined(reports: Vec<ImportReport>, ends: &[&str]) -> Option<ImportReport> {
    let clean = reports.iter().all(|r| r.problems.is_empty() && r.questions.is_empty());
    let mut parts = reports.into_iter();
    let mut out = parts.next()?;
    for r in parts {
        out.areas.extend(r.areas);
        push_new(&mut out.problems, r.problems);
        push_new(&mut out.questions, r.questions.into_iter().filter(|q| q.field != "newness"));
        push_new(&mut out.notes, r.notes);
        push_new(&mut out.remarks, r.remarks);
        if let (Some(entry), Some(more)) = (out.entry.as_mut(), r.entry) {
            entry.rules.extend(more.rules);
            push_new(&mut entry.remarks, more.remarks);
        }
    }
    out.file = None;
    // One question for every group's open newness
    out.questions.retain(|q| q.field != "newness");
    out.questions.extend(newness_question(&out.areas));
    // The ends as written
    out.period.written = Some(ends.join("／"));
    out.period.until = None;
    if !clean {
        out.entry = None;
    }
    Some(out)
}
