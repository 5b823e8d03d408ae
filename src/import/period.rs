//! The 期間: labelled (「期間：…まで」, 「開放期間(予定):7月8日~7月14日」,
//! 「期間は…まで」), a closure's 「閉塞日時」, or a press relay's 「…まで延長」;
//! an article's 追記 that moves the end; relative periods computed and left
//! as a question.

use crate::prelude::*;

use super::text::{date_at, hhmm, moment, time_at, Compact, FoundDate};
use super::Period;
use crate::time::iso_date;
use chrono::Datelike;

/// The 期間, in the year of the notice where the text omits it
pub(super) fn read_period(s: &Compact, year: Option<i32>) -> Period {
    let mut period = Period::default();
    // The label 「期間」 followed by its value (「期間：」, 「期間(予定)」, 「期間令和…」),
    // not the word inside 「範囲・期間について」
    let label = (0..s.chars.len()).find(|&i| {
        let next = s.chars.get(i + 2).copied();
        s.starts(i, "期間")
            && (matches!(next, Some(':' | '】' | '(' | '予' | 'は'))
                || next.is_some_and(|c| c.is_ascii_digit())
                || s.starts(i + 2, "令和")
                || date_at(s, i + 2, None).is_some())
    });
    // A closure article: 「・閉塞日時」 (「閉塞日」, 「閉塞予定日時」) then
    // 「令和6年3月7日 24時00分」; an end on its own (「・終了日時：…」)
    let labelled = |words: &[&str]| {
        words.iter().filter_map(|w| s.find(w, 0).map(|k| (k, w.chars().count()))).min_by_key(|(k, _)| *k)
    };
    let closure = labelled(&["閉塞日時", "閉塞予定日時", "閉塞予定日", "閉塞日"]);
    let end_only = labelled(&["終了日時", "終了予定日時", "終了予定日", "終了日"]);
    let Some((k, n)) = label.map(|k| (k, 2)).or(closure).or(end_only) else { return relay_period(s, year) };
    // (a 事務連絡 that ends the activation, 「…の終了について」 with
    // 「終了日」, is one too: its areas are those still open)
    let ends_activation = ["終了について", "を終了", "終了する地域"].iter().any(|w| s.find(w, 0).is_some());
    period.closure = label.is_none() && (closure.is_some() || end_only.is_some() && ends_activation);
    let mut i = k + n;
    while s.chars.get(i).is_some_and(|c| matches!(c, ':' | '】' | '(' | ')' | '予' | '定' | 'は')) {
        i += 1;
    }
    let end = (i..s.chars.len())
        .find(|&j| ["※", "なお", "以上", "範囲"].iter().any(|w| s.starts(j, w)))
        .unwrap_or(s.chars.len())
        .min(i + 60);
    let written = s.text(k, end);
    // Each date once (「令和6年1月1日」 also reads as 「1月1日」 from inside)
    let mut dates: Vec<FoundDate> = Vec::new();
    for d in (i..end).filter_map(|j| date_at(s, j, year)) {
        if dates.last().is_none_or(|p| d.start >= p.end) {
            dates.push(d);
        }
    }
    // Past a date's day of the week and time (「1月1日(月)16時10分」)
    let after = |d: &FoundDate| moment(s, d).1;
    // A start with its time, when it has one
    let start = |d: &FoundDate| moment(s, d).0;
    // 「令和6年1月1日（月）から同月14日（日）まで」, 「令和6年1月1日～14日」: the
    // second date in the first's month
    if let [a] = dates.as_slice() {
        let lead = if s.starts(after(a), "から") { 2 } else { usize::from(s.starts(after(a), "～")) };
        let k = after(a) + lead + if s.starts(after(a) + lead, "同月") { 2 } else { 0 };
        if lead > 0 {
            let digits: String = (k..end).map_while(|j| s.chars.get(j).filter(|c| c.is_ascii_digit())).collect();
            let day_end = k + digits.chars().count();
            let same_month = digits.parse().ok().and_then(|day| a.date.with_day(day));
            // (not 「14日間」: a length)
            let a_day = s.chars.get(day_end) == Some(&'日') && s.chars.get(day_end + 1) != Some(&'間');
            if let Some(date) = same_month.filter(|_| a_day) {
                dates.push(FoundDate { date, start: k, end: day_end + 1, has_year: true });
            }
        }
    }
    let until_date = match dates.as_slice() {
        // 「7月8日～7月14日」, 「令和6年1月1日16時10分から令和6年1月7日(日)まで」
        [a, b, ..]
            if s.text(after(a), b.start).contains('～') || s.starts(after(a), "から") && s.starts(after(b), "まで") =>
        {
            period.from = Some(start(a));
            // 「12月28日～1月3日」: the end is in the next year
            let b_date = if !b.has_year && b.date < a.date {
                b.date.with_year(b.date.year() + 1).unwrap_or(b.date)
            } else {
                b.date
            };
            Some((b_date, b.end))
        }
        // 「3月16日から一週間」: a start and a length, no end: computed, asked
        [a, ..] if s.starts(after(a), "から") && !s.starts(after(a) + 2, "当面") => {
            let week = ["一週間", "1週間", "７日間", "7日間"].iter().any(|w| s.starts(after(a) + 2, w));
            if week {
                period.computed_until = a.date.checked_add_signed(chrono::Duration::days(6)).map(iso_date);
            }
            None
        }
        // 「令和6年1月1日～当面の間」, 「…以降」: a start with no end, asked
        [a, ..] if ["～", "以降", "から"].iter().any(|w| s.starts(after(a), w)) => {
            period.from = Some(start(a));
            None
        }
        [a, ..] => Some((a.date, a.end)),
        [] => None,
    };
    if let Some((d, after)) = until_date {
        period.until = Some(match time_at(s, after) {
            Some((h, m, _)) => hhmm(d, h, m),
            None => iso_date(d),
        });
    }
    // (or its label says so: 「延長後の開放期間：」)
    let label_line = s.text(super::readers::line_start(s, k), k);
    period.extended = written.contains("延長") || label_line.contains("延長");
    period.provisional = written.contains("予定");
    period.written = Some(written);
    extension_note(s, year, &mut period);
    week_from_relief_act(&mut period);
    period
}

/// 「災害救助法の適用から1週間で、9月3日まで」 (the base rule's week, 参考1 of
/// the 事務連絡 of 令和5年1月26日): the week ends on the date given, so it
/// began six days before; `from` is that day, marked as computed
fn week_from_relief_act(period: &mut Period) {
    let Some(written) = period.written.as_deref().filter(|_| period.from.is_none()) else { return };
    let week =
        ["適用から1週間", "適用から一週間", "適用から７日間", "適用から7日間"].iter().any(|w| written.contains(w));
    let until = period.until.as_deref().and_then(|u| crate::time::parse_date(u).ok());
    if let Some(from) = until.filter(|_| week).and_then(|u| u.checked_sub_signed(chrono::Duration::days(6))) {
        period.from = Some(iso_date(from));
        period.from_computed = true;
    }
}

/// An article edited in place whose 追記 moves the labelled end
/// (「7月13日10時00分追記 開放期間を7月21日まで延長しました」, 「…が…まで延長されました」): the first
/// such sentence (the newest 追記 comes first), when it ends later. Another
/// that disagrees is left to the accounting: its 「…まで」 is said unused.
fn extension_note(s: &Compact, year: Option<i32>, period: &mut Period) {
    let found = (0..s.chars.len()).find_map(|k| {
        // (「開放期間を…まで延長しました」, 「開放期間が…まで延長されました」)
        if !["期間を", "期間が", "期間は"].iter().any(|w| s.starts(k, w)) {
            return None;
        }
        let d = date_at(s, k + 3, year)?;
        let (until, after) = moment(s, &d);
        s.starts(after, "まで延長").then_some((k, until))
    });
    let Some((k, until)) = found else { return };
    if period.until.as_deref().is_some_and(|u| u >= until.as_str()) {
        return;
    }
    period.extended_from = period.until.replace(until);
    period.extended = true;
    period.extended_at = super::readers::added_time_before(s, k, year);
}

/// Without a 期間 label (a press relay): 「2月29日まで延長」; a closure in
/// prose (「…について、令和6年3月31日（日）23時59分をもって閉塞いたします」)
pub(super) fn relay_period(s: &Compact, year: Option<i32>) -> Period {
    let mut period = Period::default();
    let closing = (0..s.chars.len()).find_map(|i| {
        let d = date_at(s, i, year)?;
        let (until, after) = moment(s, &d);
        ["をもって閉塞", "をもって終了", "で閉塞"]
            .iter()
            .any(|w| s.starts(after, w))
            .then(|| (d.start, until, after + 6))
    });
    if let Some((start, until, end)) = closing {
        period.until = Some(until);
        period.closure = true;
        period.written = Some(s.text(start, end.min(s.chars.len())));
        return period;
    }
    let found = (0..s.chars.len()).find_map(|i| {
        let d = date_at(s, i, year)?;
        let k = (d.end..d.end + 8).find(|&j| s.starts(j, "まで"))?;
        (k == d.end || s.text(d.end, k).chars().all(|c| c == ')' || c == '(' || "月火水木金土日".contains(c)))
            .then_some(())?;
        s.starts(k + 2, "延長").then_some((d, k + 4))
    });
    if let Some((d, end)) = found {
        period.until = Some(iso_date(d.date));
        period.extended = true;
        period.written = Some(s.text(d.start, end));
        return period;
    }
    // 「…の7市町で、2月29日まで。」: the one date the text has 「まで」 after
    // (with two or more, none is taken: each is reported as not used)
    let ends: Vec<(FoundDate, usize)> = (0..s.chars.len())
        .filter_map(|i| {
            let d = date_at(s, i, year)?;
            let after = moment(s, &d).1;
            s.starts(after, "まで").then_some((d, after + 2))
        })
        .collect();
    if let [(d, end)] = ends.as_slice() {
        period.until = Some(iso_date(d.date));
        period.extended = s.find("延長", 0).is_some();
        // (from the sentence's start: 「期間は災害救助法の適用から1週間で、」)
        let sentence = (0..d.start).rev().find(|&i| s.starts(i, "。")).map_or(0, |i| i + 1);
        period.written = Some(s.text(sentence.max(d.start.saturating_sub(40)), *end));
        week_from_relief_act(&mut period);
        return period;
    }
    // 「3月16日から一週間」: computed, then asked (the absolute date wins
    // wherever the text gives one: 「…から1週間で、9月3日まで」)
    let relative = (0..s.chars.len()).find_map(|i| {
        let d = date_at(s, i, year)?;
        let k = d.end + 2;
        let week = s.starts(d.end, "から") && ["一週間", "1週間", "７日間", "7日間"].iter().any(|w| s.starts(k, w));
        week.then(|| (d.date, s.text(d.start, k + 3)))
    });
    if let Some((from, written)) = relative {
        period.computed_until = from.checked_add_signed(chrono::Duration::days(6)).map(iso_date);
        period.written = Some(written);
    }
    period
}
