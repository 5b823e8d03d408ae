//! The layout readers: the disaster and title, the issue date and number,
//! the period (labelled, relay, relative, closure), and the areas (範囲
//! blocks, portal lists with their 追記 times, relay lists, tables; each list
//! read by `list`).

use crate::prelude::*;

use super::list::{prefecture_heading_at, read_list, sub_heading_at};
use super::text::{date_at, moment, Compact, FoundDate};
use super::{layouts, Listed, ADD_MARKERS, LIST_LEADS};
use crate::master::master;
use chrono::NaiveDate;

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

/// The disaster's name and first day: 「令和8年1月21日からの大雪に係る」
/// Where the disaster's name ends: 「…に係る」 (MHLW), 「…による災害にかかる」
/// (portal articles); the earliest of them
/// (「…に伴う」 too, as in 「令和7年9月11日からの大雨に伴う…について」); the
/// earliest whose name reads as a disaster's, not 「災害救助法の適用に係る」
pub(super) fn disaster_name_end(s: &Compact) -> Option<usize> {
    let ends = || {
        DISASTER_NAME_ENDS.iter().flat_map(|w| {
            let mut from = 0;
            core::iter::from_fn(move || {
                let k = s.find(w, from)?;
                from = k + 1;
                Some(k)
            })
        })
    };
    let names_a_disaster = |k: &usize| {
        let name = s.text(name_start(s, *k), *k);
        DISASTER_WORDS.iter().any(|w| name.contains(w))
            && !["救助法", "適用", "機能", "システム"].iter().any(|w| name.contains(w))
    };
    ends().filter(names_a_disaster).min().or_else(|| ends().min())
}

pub(super) const DISASTER_NAME_ENDS: [&str; 8] =
    ["による災害に係る", "による災害にかかる", "に係る", "にかかる", "に伴う", "に伴い", "で被災", "による被災"];
/// Words of a disaster's name (「令和6年能登半島地震」, 「令和7年8月6日からの大雨」)
const DISASTER_WORDS: [&str; 14] =
    ["地震", "雨", "雪", "台風", "災害", "噴火", "津波", "風", "竜巻", "高潮", "洪水", "土砂", "火災", "震災"];

/// Where the name that ends at `k` begins: the title's start on its line,
/// or past the clause before it in a sentence (「今般、令和7年…の大雨に係る」)
fn name_start(s: &Compact, k: usize) -> usize {
    let start = title_start(s, k);
    (start..k).rev().find(|&i| matches!(s.chars.get(i), Some('、' | '。'))).map_or(start, |i| i + 1)
}

pub(super) fn read_disaster(s: &Compact) -> (Option<String>, Option<NaiveDate>) {
    let Some(k) = disaster_name_end(s) else { return (None, None) };
    let start = name_start(s, k);
    let name = s.text(start, k);
    if name.is_empty() {
        return (None, None);
    }
    let began =
        (start..k).find_map(|i| date_at(s, i, None).filter(|d| d.has_year && s.starts(d.end, "から"))).map(|d| d.date);
    (Some(name), began)
}

/// Index of the first character on the line of `k`
pub(super) fn line_start(s: &Compact, k: usize) -> usize {
    let line = s.at(k).line;
    (0..k).rev().take_while(|&i| s.at(i).line == line).last().unwrap_or(k)
}

/// Where the title on the line of `k` begins: past a page's marks and
/// labels (「■」「◆」「〇」, 「【重要】」)
fn title_start(s: &Compact, k: usize) -> usize {
    let mut i = line_start(s, k);
    loop {
        if s.chars.get(i).is_some_and(|c| "■□◆◇●○◎〇▼▽▲△★☆※・".contains(*c)) {
            i += 1;
        } else if s.chars.get(i) == Some(&'【') {
            match (i..k).find(|&j| s.chars.get(j) == Some(&'】')) {
                Some(close) => i = close + 1,
                None => return i,
            }
        } else {
            return i;
        }
    }
}

/// The notice's title: from the disaster's name to 「について」, with その;
/// a text without 「について」 (a trade-press article) is titled by its
/// headline, its first line (`raw`: the text as pasted, spaces kept)
pub(super) fn read_title(s: &Compact, number: Option<u32>, raw: &str) -> Option<String> {
    let Some(head) = disaster_name_end(s) else { return headline(raw) };
    let start = name_start(s, head);
    // (a name read from a sentence, 「厚生労働省は10日、…地震で被災した石川県の
    // 七尾市、…について」, starts no title)
    let in_sentence = start != title_start(s, head);
    let end = ["について", "のお知らせ"]
        .iter()
        .filter_map(|w| s.find(w, head).map(|e| e + w.chars().count()))
        .min()
        .filter(|&e| !in_sentence && !s.text(head, e).contains('、'));
    let Some(end) = end else {
        return Some(headline(raw).unwrap_or_else(|| s.text(start, head)));
    };
    let mut t = s.text(start, end);
    if let Some(n) = number.filter(|n| *n > 1) {
        t.push_str(&format!("（その{n}）"));
    }
    Some(t)
}

/// The first line of a text, its spaces folded, when it reads as a
/// headline (not a 事務連絡's label or a date line)
fn headline(raw: &str) -> Option<String> {
    let line = raw.lines().map(str::trim).find(|l| !l.is_empty())?;
    let words: Vec<&str> = line.split(char::is_whitespace).filter(|w| !w.is_empty()).collect();
    let line = words.join(" ");
    // (a date line, 「令和6年3月25日」, is no headline; 「令和6年能登半島地震に伴う…」 may be)
    let dated = ["令和", "平成"].iter().any(|w| line.starts_with(w)) && line.chars().count() <= 16;
    let label = ["事務連絡", "事 務 連 絡"].iter().any(|w| line.starts_with(w)) || dated;
    (!label && line.chars().count() <= 80).then_some(line)
}

/// The date of issue: the first full date that is not the disaster's, nor
/// part of the 期間 (「開放期間（予定）：令和5年7月8日（土）～」)
pub(super) fn read_issued(s: &Compact) -> Option<NaiveDate> {
    (0..s.chars.len())
        .filter_map(|i| date_at(s, i, None))
        .find(|d| {
            // (nor a closure's: 「■閉塞日時 令和6年3月31日（日）24時00分」)
            let after_period_label = (d.start.saturating_sub(8)..d.start)
                .any(|i| ["期間", "閉塞日", "閉塞予定", "終了日", "終了予定"].iter().any(|w| s.starts(i, w)));
            let after = moment(s, d).1;
            d.has_year
                && !after_period_label
                && !["から", "付", "まで", "(延長", "(予定", "～", "を"].iter().any(|w| s.starts(after, w))
        })
        .map(|d| d.date)
}

/// The date of a 事務連絡 a cover letter relays (「令和6年1月4日付け事務連絡」),
/// when it is not the letter's own: which one the notice was issued on, the
/// text alone cannot say
pub(super) fn relayed_issue(s: &Compact, letter: NaiveDate) -> Option<NaiveDate> {
    // The 事務連絡 itself (headed 「事務連絡」) cites its predecessor, relays nothing
    if s.starts(0, "事務連絡") {
        return None;
    }
    // 「（令和6年1月2日付け事務連絡）によりお知らせしたところですが」: a predecessor
    let told_before = |k: usize| (k..k + 20).any(|j| s.starts(j, "お知らせした") || s.starts(j, "通知した"));
    // (「令和6年1月4日付け事務連絡」, or a 事務連絡 attached below the
    // letter, headed 「事務連絡」 over its own date)
    let cited = |d: &FoundDate| s.starts(d.end, "付") && (d.end..d.end + 6).any(|k| s.starts(k, "事務連絡"));
    let attached = |d: &FoundDate| d.start >= 4 && s.starts(d.start - 4, "事務連絡");
    (0..s.chars.len())
        .filter_map(|i| date_at(s, i, None))
        .filter(|d| d.has_year && (cited(d) || attached(d)))
        .filter(|d| !told_before(d.end))
        .map(|d| d.date)
        // (a framework notice cited from years before is not the one relayed)
        .find(|d| *d != letter && *d < letter && (letter - *d).num_days() <= 14)
}

/// その number: the largest in the text (a notice cites its predecessor)
pub(super) fn read_number(s: &Compact) -> Option<u32> {
    (0..s.chars.len())
        .filter(|&i| s.starts(i, "その"))
        .filter_map(|i| {
            s.text(i + 2, i + 6).chars().take_while(char::is_ascii_digit).collect::<String>().parse::<u32>().ok()
        })
        .max()
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
    let after_blank_line = |i: usize| i > 0 && s.at(i).line > s.at(i - 1).line + 1;
    const PERIOD: [&str; 7] = ["開放期間", "対象期間", "期間", "閉塞日", "閉塞予定", "終了日", "終了予定"];
    let end = (start..s.chars.len())
        .find(|&i| {
            PERIOD.iter().chain(&["なお、", "以上"]).any(|w| s.starts(i, w))
                || (s.starts(i, "※") && added_time_at(s, i + 1, year).is_none())
                || (i > start && section(i))
                || (i > start && starts_line(s, i) && layouts::facility_line(s, i))
                // (a paragraph after it: a blank line, then no place)
                || (i > start && after_blank_line(i) && prefecture_at(s, i).is_none() && !municipality_at(s, i) && s.chars.get(i) != Some(&'【'))
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
