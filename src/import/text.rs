//! The one extraction the layout readers share: the text without
//! whitespace (each character keeping its line and column), era, year-less
//! and slash dates, and times of day.

use crate::prelude::*;

use super::Position;
use crate::time::iso_date;
use chrono::NaiveDate;

/// The text without whitespace, each character with its place in the
/// original; whitespace between two digits is kept as one ' ' (「7/10 19:30」
/// is a date and a time, not 「7/1019:30」)
pub(super) struct Compact {
    pub(super) chars: Vec<char>,
    pub(super) pos: Vec<Position>,
}

impl Compact {
    pub(super) fn new(text: &str) -> Compact {
        let mut chars = Vec::with_capacity(text.len() / 2);
        let mut pos = Vec::with_capacity(text.len() / 2);
        for (li, line) in text.lines().enumerate() {
            let mut space = None;
            for (ci, c) in line.chars().enumerate() {
                let at = Position { line: li + 1, column: ci + 1 };
                if c.is_whitespace() || c == '\u{3000}' {
                    space = space.or(Some(at));
                    continue;
                }
                let c = match c {
                    '０'..='９' | '：' | '（' | '）' | '，' | '／' | '＝' => {
                        char::from_u32(c as u32 - 0xfee0).unwrap_or(c)
                    }
                    '〜' | '~' | '－' => '～',
                    other => other,
                };
                if let Some(p) =
                    space.take().filter(|_| c.is_ascii_digit() && chars.last().is_some_and(char::is_ascii_digit))
                {
                    chars.push(' ');
                    pos.push(p);
                }
                chars.push(c);
                pos.push(at);
            }
        }
        Compact { chars, pos }
    }

    pub(super) fn find(&self, pat: &str, from: usize) -> Option<usize> {
        let p: Vec<char> = pat.chars().collect();
        if p.is_empty() {
            return None;
        }
        (from..self.chars.len().saturating_sub(p.len() - 1)).find(|&i| self.chars.get(i..i + p.len()) == Some(&p[..]))
    }

    pub(super) fn text(&self, from: usize, to: usize) -> String {
        self.chars.get(from..to.min(self.chars.len())).map(|s| s.iter().collect()).unwrap_or_default()
    }

    pub(super) fn at(&self, i: usize) -> Position {
        self.pos.get(i).copied().or_else(|| self.pos.last().copied()).unwrap_or(Position { line: 1, column: 1 })
    }

    /// The number at `*k` (of at most `max` digits), with `*k` moved past it
    pub(super) fn number(&self, k: &mut usize, max: usize) -> Option<u32> {
        let start = *k;
        while *k - start < max && self.chars.get(*k).is_some_and(char::is_ascii_digit) {
            *k += 1;
        }
        self.text(start, *k).parse().ok()
    }

    pub(super) fn starts(&self, i: usize, pat: &str) -> bool {
        pat.chars().enumerate().all(|(k, c)| self.chars.get(i + k) == Some(&c))
    }
}

/// An era date found in the text
pub(super) struct FoundDate {
    pub(super) date: NaiveDate,
    pub(super) start: usize,
    pub(super) end: usize,
    /// The year was written (not taken from the notice)
    pub(super) has_year: bool,
}

/// Read `令和8年2月10日`, `令和元年…`, `2026年2月10日`, `2月10日`,
/// `2026/2/10` or `2/10` at `i`
pub(super) fn date_at(s: &Compact, i: usize, year_of: Option<i32>) -> Option<FoundDate> {
    let mut k = i;
    // (or in kanji, as formal letters date themselves: 「令和六年一月三十一日」)
    let num = |k: &mut usize| s.number(k, usize::MAX).or_else(|| kanji_number(s, k));
    if let Some(d) = slash_date_at(s, i, year_of).or_else(|| dotted_date_at(s, i)) {
        return Some(d);
    }
    let year = year_at(s, &mut k, num);
    let month = num(&mut k)?;
    if s.chars.get(k) != Some(&'月') {
        return None;
    }
    k += 1;
    let day = num(&mut k)?;
    if s.chars.get(k) != Some(&'日') {
        return None;
    }
    k += 1;
    let has_year = year.is_some();
    let date = NaiveDate::from_ymd_opt(year.or(year_of)?, month, day)?;
    Some(FoundDate { date, start: i, end: k, has_year })
}

/// A number of one or two places in kanji at `*k` (「一」, 「十」, 「三十一」),
/// with `*k` moved past it
fn kanji_number(s: &Compact, k: &mut usize) -> Option<u32> {
    let digit = |c: &char| "〇一二三四五六七八九".chars().position(|d| d == *c).map(|d| d as u32);
    let run: Vec<char> = s.chars.iter().skip(*k).take_while(|c| **c == '十' || digit(c).is_some()).copied().collect();
    let value = match run.iter().position(|&c| c == '十') {
        // 「三十一」: tens, 十, ones (「十」 alone is ten)
        Some(t) => {
            let tens = run.get(..t).and_then(|d| if d.is_empty() { Some(1) } else { d.first().and_then(digit) })?;
            let ones = run.get(t + 1).and_then(digit).unwrap_or(0);
            (t <= 1 && run.len() <= t + 2).then_some(tens * 10 + ones)?
        }
        // 「一〇」: place by place
        None => run.iter().try_fold(0, |v, c| digit(c).map(|d| v * 10 + d)).filter(|_| !run.is_empty())?,
    };
    (value < 100).then(|| {
        *k += run.len();
        value
    })
}

/// The year a name gives (「令和6年能登半島地震」 → 2024, 「2024年…」), without
/// a month or day
pub(super) fn year_in(name: &str) -> Option<i32> {
    let s = Compact::new(name);
    (0..s.chars.len()).find_map(|mut i| year_at(&s, &mut i, |k| s.number(k, 4)))
}

/// A year at `*k`, its numbers read by `num`: 「令和6年」, 「令和元年」, 「平成31年」,
/// 「2024年」 (after 1900), with `*k` moved past its 年; `*k` stays put otherwise
fn year_at(s: &Compact, k: &mut usize, num: impl Fn(&mut usize) -> Option<u32>) -> Option<i32> {
    let mut j = *k;
    let year = match [("令和", 2018), ("平成", 1988)].iter().find(|(era, _)| s.starts(j, era)) {
        Some((era, base)) => {
            j += era.chars().count();
            let n = if s.starts(j, "元") {
                j += 1;
                1
            } else {
                num(&mut j)?
            };
            base + n as i32
        }
        None => i32::try_from(num(&mut j)?).ok().filter(|&n| n > 1900)?,
    };
    (s.chars.get(j) == Some(&'年')).then(|| {
        *k = j + 1;
        year
    })
}

/// `2026/2/10` or `2/10` at `i` (not inside a longer number or another
/// slash date; month 1-12, day of one or two digits)
fn slash_date_at(s: &Compact, i: usize, year_of: Option<i32>) -> Option<FoundDate> {
    let before = i.checked_sub(1).and_then(|b| s.chars.get(b));
    if before.is_some_and(|c| c.is_ascii_digit() || *c == '/') {
        return None;
    }
    let (parts, k) = joined_numbers(s, i, '/')?;
    let (year, month, day) = match parts[..] {
        [y, m, d] if y > 1900 => (Some(y as i32), m, d),
        [m, d] if (1..=12).contains(&m) => (None, m, d),
        _ => return None,
    };
    let has_year = year.is_some();
    let date = NaiveDate::from_ymd_opt(year.or(year_of)?, month, day)?;
    Some(FoundDate { date, start: i, end: k, has_year })
}

/// `R6.1.14`, `令和6.1.14`, `H31.4.30`, `2024.1.14` at `i` (always with a
/// year; not inside a longer number)
fn dotted_date_at(s: &Compact, i: usize) -> Option<FoundDate> {
    let before = i.checked_sub(1).and_then(|b| s.chars.get(b));
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || *c == '.') {
        return None;
    }
    let (base, k) = [("令和", 2018), ("令", 2018), ("R", 2018), ("平成", 1988), ("H", 1988)]
        .iter()
        .find(|(era, _)| s.starts(i, era))
        .map_or((0, i), |(era, base)| (*base, i + era.chars().count()));
    let (parts, k) = joined_numbers(s, k, '.')?;
    let [y, m, d] = parts[..] else { return None };
    let year = base + i32::try_from(y).ok()?;
    if year < 1900 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, m, d)?;
    Some(FoundDate { date, start: i, end: k, has_year: true })
}

/// Numbers joined by `sep` at `k` (「2024/1/14」, 「6.1.14」): at most three,
/// each of at most four digits, and not followed by another digit or `sep`;
/// with where they end
fn joined_numbers(s: &Compact, mut k: usize, sep: char) -> Option<(Vec<u32>, usize)> {
    let mut parts = Vec::new();
    loop {
        parts.push(s.number(&mut k, 4)?);
        if s.chars.get(k) != Some(&sep) || parts.len() == 3 {
            break;
        }
        k += 1;
    }
    let more = s.chars.get(k).is_some_and(|c| c.is_ascii_digit() || *c == sep);
    (!more).then_some((parts, k))
}

/// Past a day of the week at `i` (after a date: 「（土）」, 「（月・祝）」,
/// 「（日曜日）」), or `i`
pub(super) fn after_weekday(s: &Compact, i: usize) -> usize {
    let close = (i + 2..i + 6).find(|&j| s.chars.get(j) == Some(&')'));
    let weekday = s.chars.get(i) == Some(&'(')
        && close.is_some_and(|c| {
            (i + 1..c).all(|j| s.chars.get(j).is_some_and(|ch| "月火水木金土日曜・祝休".contains(*ch)))
        });
    match close {
        Some(c) if weekday => c + 1,
        _ => i,
    }
}

/// `24時00分` (or `17:00`, after a day of the week or not) at `i`: (hours, minutes, end)
pub(super) fn time_at(s: &Compact, i: usize) -> Option<(u32, u32, usize)> {
    let mut k = after_weekday(s, i);
    if s.chars.get(k) == Some(&' ') {
        k += 1;
    }
    // 「正午」: 12時
    if s.starts(k, "正午") {
        return Some((12, 0, k + 2));
    }
    // 「午後5時」: 17時; 「午前」 as written
    let pm = s.starts(k, "午後");
    if pm || s.starts(k, "午前") {
        k += 2;
    }
    let from_noon = |h: u32| if pm && h < 12 { h + 12 } else { h };
    let digits = |k: &mut usize| s.number(k, usize::MAX);
    let h = digits(&mut k)?;
    // 「17:00」 as well as 「17時00分」
    if s.chars.get(k) == Some(&':') {
        let start = k + 1;
        k = start;
        let m = digits(&mut k).filter(|_| k == start + 2)?;
        let h = from_noon(h);
        return (h <= 24 && m < 60 && (h < 24 || m == 0)).then_some((h, m, k));
    }
    if s.chars.get(k) != Some(&'時') {
        return None;
    }
    k += 1;
    // 「17時半」: 17:30
    let m = if s.chars.get(k) == Some(&'半') {
        k += 1;
        30
    } else if s.chars.get(k).is_some_and(char::is_ascii_digit) {
        let m = digits(&mut k)?;
        if s.chars.get(k) != Some(&'分') {
            return None;
        }
        k += 1;
        m
    } else {
        0
    };
    let h = from_noon(h);
    (h <= 24 && m < 60 && (h < 24 || m == 0)).then_some((h, m, k))
}

/// A date with its time of day when one follows (`2024-01-01T16:10`, else
/// `2024-01-01`), and where that ends (past a day of the week)
pub(super) fn moment(s: &Compact, d: &FoundDate) -> (String, usize) {
    match time_at(s, d.end) {
        Some((h, m, end)) => (hhmm(d.date, h, m), end),
        None => (iso_date(d.date), after_weekday(s, d.end)),
    }
}

pub(super) fn hhmm(d: NaiveDate, h: u32, m: u32) -> String {
    format!("{}T{h:02}:{m:02}", iso_date(d))
}
