//! A 期間 with an exception for some of the areas: 「令和６年２月２９日（木）まで」
//! then 「ただし、七尾市については令和６年２月１４日（水）までとする。」. Read as
//! two groups (see `groups`): the text without the exception and without the
//! names it excepts, and the text with only those names (their prefecture
//! kept) and the exception as the 期間. Every position stays the original's.

use crate::prelude::*;

use super::readers::prefecture_at;
use super::text::{date_at, moment, Compact};

/// The exception line: its index, the names it excepts, and where its end
/// starts (a byte offset into the line)
struct Exception<'a> {
    line: usize,
    names: Vec<&'a str>,
    end_at: usize,
}

/// 「ただし、七尾市及び珠洲市については令和６年２月１４日（水）までとする。」
fn exception_at<'a>(i: usize, line: &'a str) -> Option<Exception<'a>> {
    let rest = line.trim_start().strip_prefix("ただし")?;
    let (names, end) = rest.split_once("については")?;
    let names: Vec<&str> = names
        .trim_start_matches(['、', ',', '，'])
        .split(['、', '・'])
        .flat_map(|n| n.split("及び"))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    // The end: a date and 「まで」, then at most 「とする。」
    let c = Compact::new(end);
    let d = date_at(&c, 0, None)?;
    let after = moment(&c, &d).1;
    let tail: String = c.chars.get(after..)?.iter().collect();
    let ends =
        ["まで", "までとする。", "までとします。", "まで。", "までとする", "までとします"].contains(&tail.as_str());
    (!names.is_empty() && ends).then(|| Exception { line: i, names, end_at: line.len() - end.len() })
}

/// `text` with every character but the line breaks as a full-width space
fn blank(text: &str) -> String {
    "　".repeat(text.chars().count())
}

/// A list line keeping only the places `keep` says yes to (each item, with
/// the prefecture that starts it kept: 「石川県：」, 「【石川県】」)
fn only(line: &str, keep: impl Fn(&str) -> bool) -> String {
    let mut out = String::new();
    for (k, item) in line.split_inclusive(['、', ',', '，']).enumerate() {
        let (body, sep) = match item.char_indices().last() {
            Some((at, c)) if ['、', ',', '，'].contains(&c) => {
                (item.get(..at).unwrap_or(""), item.get(at..).unwrap_or(""))
            }
            _ => (item, ""),
        };
        if keep(body) {
            out.push_str(body);
        } else {
            // (the prefecture that starts a line's list carries)
            let c = Compact::new(body);
            let lead = body.len() - body.trim_start().len();
            let label = body.get(lead..).and_then(|b| {
                let p = prefecture_at(&c, usize::from(b.starts_with('【')))?;
                let end = b.find(p)? + p.len();
                let close = b.get(end..)?.chars().next().filter(|ch| ['：', ':', '】', '　', ' '].contains(ch));
                Some(lead + end + close.map_or(0, char::len_utf8))
            });
            let label = label.filter(|_| k == 0).unwrap_or(0);
            out.push_str(body.get(..label).unwrap_or(""));
            out.push_str(&blank(body.get(label..).unwrap_or("")));
        }
        out.push_str(sep);
    }
    out
}

/// The two groups of a text with one exception (each a text and its end as
/// written), or `None`
pub(super) fn exception_parts(lines: &[&str]) -> Option<Vec<(String, String)>> {
    let ex = lines.iter().enumerate().find_map(|(i, l)| exception_at(i, l))?;
    let period = (0..ex.line).rev().find(|&i| lines.get(i).is_some_and(|l| l.contains("期間")))?;
    let range = (0..period).rev().find(|&i| lines.get(i).is_some_and(|l| l.contains("範囲")))?;
    let listed = |i: usize| i > range && i < period || i == range;
    // Every excepted name is in the list
    let in_list = |n: &str| (range..period).any(|i| lines.get(i).is_some_and(|l| l.contains(n)));
    if !ex.names.iter().all(|n| in_list(n)) {
        return None;
    }
    let excepted = |item: &str| ex.names.iter().any(|n| item.contains(n));
    let line = lines.get(ex.line)?;
    let main: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| match i {
            _ if i == ex.line => blank(l),
            _ if listed(i) => only(l, |item| !excepted(item)),
            _ => l.to_string(),
        })
        .collect();
    // The exception's 「ただし、…については」 becomes the 期間's label
    let lead = line.len() - line.trim_start().len();
    let said = line.get(lead..ex.end_at)?.chars().count();
    let label: String = "期間：".chars().chain(core::iter::repeat('　')).take(said.max(3)).collect();
    let end_line = [line.get(..lead)?, &label, line.get(ex.end_at..)?].concat();
    let own: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| match i {
            _ if i == ex.line => end_line.clone(),
            _ if i >= period && i < ex.line => blank(l),
            _ if listed(i) => only(l, excepted),
            _ => l.to_string(),
        })
        .collect();
    // The ends as written, without the 期間's label (「２．期間」)
    let main_end: String = (period..ex.line).filter_map(|i| lines.get(i)).map(|l| l.trim()).collect();
    let main_end = main_end.split_once("期間").map_or(main_end.as_str(), |(_, e)| e).trim_start_matches([':', '：']);
    let own_end = line.get(ex.end_at..)?.trim();
    Some(vec![(main.join("\n"), main_end.to_string()), (own.join("\n"), own_end.to_string())])
}
