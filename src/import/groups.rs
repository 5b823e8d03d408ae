//! A notice whose areas end on different days, each end a heading with its
//! areas below (「（１）令和６年２月２９日（木）まで」 then 【石川県】輪島市、…,
//! 「（２）令和６年２月１４日（水）まで」 then others): each group is read
//! as a text of its own, the other groups' lines left blank so that every
//! position stays the original's, and the groups' rules make one notice.

use crate::prelude::*;

use super::newness::newness_question;
use super::text::{date_at, moment, Compact};
use super::{import, with_file, ImportOptions, ImportReport};
use crate::notices::NoticeFile;

/// The lines (0-based) that head a group: a numbered heading that is an end
/// (「（１）令和６年２月２９日（木）まで」, 「(2) 2月14日まで」), when there
/// are two or more
fn headings(lines: &[&str]) -> Vec<usize> {
    let heads: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| {
            let s = Compact::new(line);
            let mut k = 0;
            if s.chars.first() != Some(&'(') {
                return false;
            }
            k += 1;
            while s.chars.get(k).is_some_and(char::is_ascii_digit) {
                k += 1;
            }
            if k == 1 || s.chars.get(k) != Some(&')') {
                return false;
            }
            date_at(&s, k + 1, None).is_some_and(|d| {
                let after = moment(&s, &d).1;
                s.starts(after, "まで") && after + 2 == s.chars.len()
            })
        })
        .map(|(i, _)| i)
        .collect();
    if heads.len() >= 2 {
        heads
    } else {
        Vec::new()
    }
}

/// The import of a text in groups, or `None` when it has fewer than two
pub(super) fn import_in_groups(
    text: &str,
    options: &ImportOptions,
    existing: Option<&NoticeFile>,
) -> Option<ImportReport> {
    let lines: Vec<&str> = text.lines().collect();
    let heads = headings(&lines);
    let first = *heads.first()?;
    let mut reports: Vec<ImportReport> = Vec::new();
    for (g, &head) in heads.iter().enumerate() {
        let end = heads.get(g + 1).copied().unwrap_or(lines.len());
        let variant: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                if i == head {
                    // The heading as the period's label, in as many
                    // characters (「（１）」 → 「期間：」): columns stay
                    heading_as_period(line)
                } else if i < first || (head..end).contains(&i) {
                    line.to_string()
                } else {
                    String::new()
                }
            })
            .collect();
        let mut r = import(&variant.join("\n"), options, existing);
        let until = r.period.until.clone();
        for a in &mut r.areas {
            a.until = until.clone();
        }
        reports.push(r);
    }
    // The notice with every group's rules, written into the file once
    joined(reports, &lines, &heads).map(|r| with_file(r, existing))
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
fn joined(reports: Vec<ImportReport>, lines: &[&str], heads: &[usize]) -> Option<ImportReport> {
    let clean = reports.iter().all(|r| r.problems.is_empty() && r.questions.is_empty());
    let mut parts = reports.into_iter();
    let mut out = parts.next()?;
    for r in parts {
        out.areas.extend(r.areas);
        for p in r.problems {
            if !out.problems.contains(&p) {
                out.problems.push(p);
            }
        }
        for q in r.questions.into_iter().filter(|q| q.field != "newness") {
            if !out.questions.iter().any(|o| o.message == q.message) {
                out.questions.push(q);
            }
        }
        for n in r.notes {
            if !out.notes.contains(&n) {
                out.notes.push(n);
            }
        }
        if let (Some(entry), Some(more)) = (out.entry.as_mut(), r.entry) {
            entry.rules.extend(more.rules);
        }
    }
    out.file = None;
    // One question for every group's open newness
    out.questions.retain(|q| q.field != "newness");
    out.questions.extend(newness_question(&out.areas));
    // The ends as written, each group's heading
    let written: Vec<&str> = heads.iter().filter_map(|&h| lines.get(h)).map(|l| l.trim()).collect();
    out.period.written = Some(written.join("／"));
    out.period.until = None;
    if !clean {
        out.entry = None;
    }
    Some(out)
}
