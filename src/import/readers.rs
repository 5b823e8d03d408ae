//! The layout readers of the areas: 範囲 blocks, portal lists with their
//! 追記 times, relay lists, tables (each list read by `list`); the notice's
//! own facts are read by `heading`, its period by `period`.

use crate::prelude::*;

use super::list::{prefecture_heading_at, read_list, sub_heading_at};
use super::text::{date_at, moment, Compact};
use super::{layouts, Listed, ADD_MARKERS, LIST_LEADS};
use crate::master::master;

/// `<u>…</u>`: drop the tags, return the underlined spans
pub(super) fn strip_underlines(s: &mut Compact) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    while let Some(open) = s.find("<u>", 0) {
        s.chars.drain(open..open + 3);
        s.pos.drain(open..open + 3);
        let close = s.find("</u>", open).unwrap_or(s.chars.len());
        if close < s.chars.len() {
            s.chars.drain(close..close + 4);
            s.pos.drain(close..close + 4);
        }
        spans.push((open, close));
    }
    spans
}

/// Index of the first character on the line of `k`
pub(super) fn line_start(s: &Compact, k: usize) -> usize {
    let line = s.at(k).line;
    (0..k).rev().take_while(|&i| s.at(i).line == line).last().unwrap_or(k)
}

/// The end of a block without the next section's number in front of its
/// label (「…氷見市　２．期間」, 「（２）期間」, 「②期間」): it is not part of the last name
fn section_end(s: &Compact, start: usize, end: usize) -> usize {
    let at = |i: usize| s.chars.get(i).copied().unwrap_or(' ');
    let mut k = end;
    while k > start && matches!(at(k - 1), '.' | '．' | '、' | ')' | '）') {
        k -= 1;
    }
    let digits_end = k;
    while k > start && (at(k - 1).is_ascii_digit() || ('①'..='⑳').contains(&at(k - 1))) {
        k -= 1;
    }
    if k == digits_end {
        return end;
    }
    while k > start && matches!(at(k - 1), '(' | '（') {
        k -= 1;
    }
    k
}

/// Where a list of areas from `start` ends: at the period (「２．開放期間」:
/// the heading's number is left to [`section_end`]) or a note; a
/// 「※7月10日19時30分追加」 of a line is the time of that line's areas, not the end
fn list_end(s: &Compact, start: usize, year: Option<i32>) -> usize {
    // A line that starts a numbered section (「２　アクティブ化の期間」): names
    // never start with a digit; a date does (「2月14日…」)
    let section = |i: usize| {
        starts_line(s, i)
            && s.chars.get(i).is_some_and(char::is_ascii_digit)
            && s.chars.get(i + 1).is_some_and(|c| !c.is_ascii_digit() && !"年月日時分/:.～- ".contains(*c))
    };
    // A paragraph after it: a blank line, then no place
    let paragraph = |i: usize| {
        let blank_before = i > 0 && s.at(i).line > s.at(i - 1).line + 1;
        // (not a group's heading: 「【富山県】」, 「（２）富山県（新規）」, 「（２）新たに追加する地域」)
        let numbered = s.chars.get(i) == Some(&'(') && s.chars.get(i + 1).is_some_and(char::is_ascii_digit);
        blank_before
            && prefecture_at(s, i).is_none()
            && !municipality_at(s, i)
            && s.chars.get(i) != Some(&'【')
            && !numbered
    };
    const PERIOD: [&str; 7] = ["開放期間", "対象期間", "期間", "閉塞日", "閉塞予定", "終了日", "終了予定"];
    let end = (start..s.chars.len())
        .find(|&i| {
            PERIOD.iter().chain(&["なお、", "以上"]).any(|w| s.starts(i, w))
                || (s.starts(i, "※") && added_time_at(s, i + 1, year).is_none())
                || (i > start && section(i))
                || (i > start && starts_line(s, i) && layouts::facility_line(s, i))
                || (i > start && paragraph(i))
        })
        .unwrap_or(s.chars.len());
    // A label's first words on its line are the label's (「延長後の開放期間：」)
    let line = line_start(s, end);
    let lead = s.text(line, end);
    let labelled = PERIOD.iter().any(|w| s.starts(end, w)) && line > start && lead.chars().count() <= 8;
    if labelled && !lead.contains(['、', ',']) {
        line
    } else {
        end
    }
}

/// The areas of the 範囲 block and of every 「…を追加」 list, each once, and
/// whether the text marks additions at all
pub(super) fn read_areas(s: &Compact, underlined: &[(usize, usize)], year: Option<i32>) -> (Vec<Listed>, bool) {
    let mut listed: Vec<Listed> = Vec::new();
    // 「範囲：…」, 「範囲【…」, a portal's 「・対象地域:【島根県】出雲市」 or 「・対象地域」
    // with 【石川県】 on the next line (a tab between them is gone by now)
    let label = (0..s.chars.len()).find_map(|i| {
        ["範囲", "対象地域"].iter().find_map(|w| {
            let n = w.chars().count();
            // (or 「範囲」 then 「（1）継続する地域」: its sub-headings, bulleted
            // rows 「・石川県七尾市」, or a name 「七尾市（石川県）」; not
            // 「範囲・期間について」)
            if !s.starts(i, w) {
                return None;
            }
            let sub = sub_heading_at(s, i + n).is_some() || prefecture_heading_at(s, i + n).is_some();
            let bullets = s.chars.get(i + n) == Some(&'・') && prefecture_at(s, i + n + 1).is_some();
            let named = municipality_at(s, i + n);
            // (「◎対象地域」 then 「熊本県：熊本市、…」 on the next line)
            let grouped = prefecture_at(s, i + n).is_some();
            (matches!(s.chars.get(i + n), Some(':' | '【')) || sub || bullets || named || grouped).then_some((i, n))
        })
    });
    if let Some((k, n)) = label {
        let start = if s.chars.get(k + n) == Some(&':') { k + n + 1 } else { k + n };
        read_list(s, start, section_end(s, start, list_end(s, start, year)), false, year, &mut listed);
    }
    // A trade-press relay: 「▽石川県=七尾市、…▽富山県=氷見市―」, or in prose:
    // 「対象は石川県の七尾市、輪島市、珠洲市の3市」
    if listed.is_empty() {
        if let Some((start, end)) = layouts::relay_list(s).or_else(|| layouts::prose_list(s)) {
            read_list(s, start, end, false, year, &mut listed);
        }
    }
    let mut addition_lists = 0;
    for marker in ADD_MARKERS {
        let mut from = 0;
        while let Some(k) = s.find(marker, from) {
            from = k + 1;
            // The list starts after 「対象地域に」 or 「下線部の」 in the same
            // sentence; without such a lead the words before are not a list
            let sentence = (k.saturating_sub(300)..k)
                .rev()
                .find(|&i| s.chars.get(i) == Some(&'。'))
                .map_or(k.saturating_sub(300), |i| i + 1);
            let lead = LIST_LEADS
                .iter()
                .filter_map(|lead| (sentence..k).rev().find(|&i| s.starts(i, lead)).map(|i| i + lead.chars().count()))
                .max();
            if let Some(start) = lead {
                addition_lists += 1;
                let before = listed.len();
                read_list(s, start, k, true, year, &mut listed);
                // Under a 「7月10日19時30分追記」 heading, or after a date on its
                // line (「7月27日、対象地域に…を追加」): active from then
                let dated_line = || {
                    (line_start(s, start)..start).find_map(|i| {
                        let d = date_at(s, i, year)?;
                        Some(moment(s, &d).0)
                    })
                };
                starting(listed.iter_mut().skip(before), added_time_before(s, start, year).or_else(dated_line));
            }
        }
    }
    addition_lists += following_additions(s, year, &mut listed);
    // A table without a 「範囲」 label: rows that start with a prefecture
    // (「石川県　七尾市、輪島市…」, 「【石川県】七尾市、…」), up to the 期間
    if listed.is_empty() {
        let row = |i: usize| {
            let at = if s.chars.get(i) == Some(&'【') { i + 1 } else { i };
            starts_line(s, i) && prefecture_at(s, at).is_some()
        };
        if let Some(start) = (0..s.chars.len()).find(|&i| row(i)) {
            read_list(s, start, section_end(s, start, list_end(s, start, year)), false, year, &mut listed);
        }
    }
    for l in &mut listed {
        l.added |= underlined.iter().any(|(a, b)| (*a..*b).contains(&l.at));
    }
    // Each area once (in the 範囲 block and again in 「…を追加」: added)
    let mut once: Vec<Listed> = Vec::new();
    let mut seen: alloc::collections::BTreeMap<String, usize> = alloc::collections::BTreeMap::new();
    for l in listed {
        let key = crate::text::name_key(&l.full());
        match seen.get(&key).and_then(|&i| once.get_mut(i)) {
            Some(o) => {
                o.added |= l.added;
                // The time it became active, from whichever place says it
                o.from = match (o.from.take(), l.from) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            None => {
                seen.insert(key, once.len());
                once.push(l);
            }
        }
    }
    let marks_additions = addition_lists > 0 || !underlined.is_empty() || s.find("下線部", 0).is_some();
    (once, marks_additions)
}

/// Added areas without a time of their own start at their list's 追記 time
fn starting<'a>(areas: impl Iterator<Item = &'a mut Listed>, time: Option<String>) {
    let Some(t) = time else { return };
    for l in areas.filter(|l| l.from.is_none()) {
        l.from = Some(t.clone());
    }
}

/// 「以下の地域を対象地域に追加しました。」 with the list on the lines after it:
/// those areas, added from their 追記 heading; how many such lists
fn following_additions(s: &Compact, year: Option<i32>, listed: &mut Vec<Listed>) -> usize {
    // (「以下の地域を対象地域に追加しました。」, 「以下の地域が対象に追加されました。」)
    const POINTERS: [&str; 12] = [
        "以下の地域を",
        "下記の地域を",
        "次の地域を",
        "以下の市町村を",
        "下記の市町村を",
        "次の市町村を",
        "以下の地域が",
        "下記の地域が",
        "次の地域が",
        "以下の市町村が",
        "下記の市町村が",
        "次の市町村が",
    ];
    let mut lists = 0;
    for pointer in POINTERS {
        let mut from = 0;
        while let Some(k) = s.find(pointer, from) {
            from = k + 1;
            let after = k + pointer.chars().count();
            // The sentence says 追加, and ends (「。」 or the end of its line)
            let line = s.at(k).line;
            let sentence_end = (after..s.chars.len())
                .find(|&i| s.chars.get(i) == Some(&'。') || s.at(i).line != line)
                .unwrap_or(s.chars.len());
            if s.find("追加", after).is_none_or(|a| a >= sentence_end) {
                continue;
            }
            let start = if s.chars.get(sentence_end) == Some(&'。') { sentence_end + 1 } else { sentence_end };
            let end = (start..s.chars.len())
                .find(|&i| {
                    ["対象地域", "開放期間", "期間", "※", "なお", "以上"].iter().any(|w| s.starts(i, w))
                        || (i > start && added_time_at(s, i, year).is_some())
                })
                .unwrap_or(s.chars.len())
                .min(start + 300);
            let before = listed.len();
            read_list(s, start, end, true, year, listed);
            starting(listed.iter_mut().skip(before), added_time_before(s, k + 1, year));
            lists += usize::from(listed.len() > before);
        }
    }
    lists
}

/// 「7月10日19時30分追記」 / 「…追加」 at `i`: the time, and where it ends
/// (「7月27日追記」 without a time: from that day)
pub(super) fn added_time_at(s: &Compact, i: usize, year: Option<i32>) -> Option<(String, usize)> {
    let d = date_at(s, i, year)?;
    let (at, end) = moment(s, &d);
    (s.starts(end, "追記") || s.starts(end, "追加")).then_some((at, end + 2))
}

/// The 追記 heading a list of additions sits under: the nearest
/// 「7月10日19時30分追記」 in the few lines before it
pub(super) fn added_time_before(s: &Compact, k: usize, year: Option<i32>) -> Option<String> {
    (k.saturating_sub(120)..k).rev().find_map(|i| added_time_at(s, i, year).filter(|(_, e)| *e <= k).map(|(t, _)| t))
}

/// Whether the character at `i` is the first of its line
pub(super) fn starts_line(s: &Compact, i: usize) -> bool {
    i == 0 || s.at(i).line != s.at(i - 1).line
}

/// Whether a municipality's name (as the master writes it) starts at `i`
fn municipality_at(s: &Compact, i: usize) -> bool {
    let ahead: String = crate::text::name_key(&s.text(i, i + 8));
    master()
        .places()
        .any(|(_, e)| e.kind == crate::master::Kind::Municipality && ahead.starts_with(e.key.as_ref() as &str))
}

/// The prefecture whose name starts at `i`
pub(super) fn prefecture_at(s: &Compact, i: usize) -> Option<&'static str> {
    master().prefectures().map(|(_, p)| p.name).find(|name| s.starts(i, name))
}
