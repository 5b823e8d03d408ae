//! What a notice says of itself: its disaster (name and first day), its
//! title, its date of issue (and a relayed 事務連絡's), its その number.

use crate::prelude::*;

use super::readers::line_start;
use super::text::{date_at, moment, Compact, FoundDate};
use chrono::NaiveDate;

/// Where the disaster's name ends: 「…に係る」 (MHLW), 「…による災害にかかる」
/// (portal articles), 「…に伴う」 (「令和7年9月11日からの大雨に伴う…について」);
/// the earliest whose name reads as a disaster's, not 「災害救助法の適用に係る」
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

/// The disaster's name and first day: 「令和8年1月21日からの大雪に係る」
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
