//! Japan Standard Time, the only time the rules know.
//!
//! All instants are civil JST date-times (`NaiveDateTime`, UTC+9, no daylight
//! saving). The core never reads a clock: "now" is an argument, converted from
//! Unix milliseconds by [`jst_from_unix_millis`] — the one place where a time
//! zone is applied. Dates and times are parsed and printed by hand (ISO forms
//! only), which keeps chrono's strftime machinery out of the wasm module.

use crate::prelude::*;

use crate::error::Error;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// JST is UTC+9 all year
pub const JST_OFFSET_SECONDS: i64 = 9 * 3600;

/// What a verdict is asked about
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Query {
    /// One instant (JST)
    At(NaiveDateTime),
    /// A whole JST day, 00:00:00 to 24:00:00
    Day(NaiveDate),
}

impl Query {
    /// The half-open interval `[start, end)` the query covers; an instant
    /// covers one second
    pub fn interval(self) -> (NaiveDateTime, NaiveDateTime) {
        match self {
            Query::At(t) => (t, t.checked_add_signed(Duration::seconds(1)).unwrap_or(NaiveDateTime::MAX)),
            Query::Day(d) => (start_of(d), start_of_next(d)),
        }
    }

    /// The JST date of the query
    pub fn date(self) -> NaiveDate {
        match self {
            Query::At(t) => t.date(),
            Query::Day(d) => d,
        }
    }
}

/// 00:00:00 of a day
pub fn start_of(d: NaiveDate) -> NaiveDateTime {
    d.and_time(NaiveTime::MIN)
}

/// 00:00:00 of the next day (= 24:00 of `d`); saturates at the end of time
pub fn start_of_next(d: NaiveDate) -> NaiveDateTime {
    d.succ_opt().map_or(NaiveDateTime::MAX, start_of)
}

/// The JST civil time of a Unix timestamp in milliseconds
///
/// # Errors
/// `invalid_date` when the number is not finite or out of chrono's range.
pub fn jst_from_unix_millis(ms: f64) -> Result<NaiveDateTime, Error> {
    if !ms.is_finite() || ms.abs() > 8.64e15 {
        return Err(Error::date("現在時刻を取得できませんでした。端末の時計を確かめてください。"));
    }
    let utc = chrono::DateTime::from_timestamp_millis(ms as i64)
        .ok_or_else(|| Error::date("現在時刻を取得できませんでした。端末の時計を確かめてください。"))?;
    utc.naive_utc()
        .checked_add_signed(Duration::seconds(JST_OFFSET_SECONDS))
        .ok_or_else(|| Error::date("現在時刻を取得できませんでした。端末の時計を確かめてください。"))
}

fn num(s: &str, what: &str, whole: &str) -> Result<u32, Error> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || s.len() > 4 {
        return Err(Error::date(format!(
            "「{whole}」の{what}が数字ではありません。YYYY-MM-DD の形で入力してください。"
        )));
    }
    // At most four ASCII digits: no overflow
    Ok(s.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
}

/// Parse `YYYY-MM-DD`
///
/// # Errors
/// `invalid_date` when the form is wrong or the date does not exist
/// (2026-02-30).
pub fn parse_date(s: &str) -> Result<NaiveDate, Error> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return Err(not_a_date(s)) };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(not_a_date(s));
    }
    let (y, m, d) = (num(y, "年", s)?, num(m, "月", s)?, num(d, "日", s)?);
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| Error::date(format!("「{s}」という日付はありません。")))
}

fn not_a_date(s: &str) -> Error {
    Error::date(format!("「{s}」は日付の形ではありません。YYYY-MM-DD（例: 2026-02-10）の形で入力してください。"))
}

/// Parse `HH:MM` or `HH:MM:SS`; `24:00` is allowed and returned as `None`
/// together with a flag, meaning the end of the day
fn parse_time(s: &str, whole: &str) -> Result<(NaiveTime, bool), Error> {
    let parts: Vec<&str> = s.split(':').collect();
    let (h, m, sec) = match parts.as_slice() {
        [h, m] => (*h, *m, "00"),
        [h, m, sec] => (*h, *m, *sec),
        _ => ("", "", ""),
    };
    if h.len() != 2 || m.len() != 2 || sec.len() != 2 {
        return Err(Error::date(format!("「{whole}」の時刻は HH:MM の形で書いてください。")));
    }
    let (h, m, sec) = (num(h, "時", whole)?, num(m, "分", whole)?, num(sec, "秒", whole)?);
    if h == 24 && m == 0 && sec == 0 {
        return Ok((NaiveTime::MIN, true));
    }
    NaiveTime::from_hms_opt(h, m, sec)
        .map(|t| (t, false))
        .ok_or_else(|| Error::date(format!("「{whole}」という時刻はありません。")))
}

/// Parse `YYYY-MM-DDTHH:MM[:SS]` as JST, or with an explicit offset
/// (`Z`, `+09:00`, `-08:00`) converted to JST; `T24:00` is the next day's
/// 00:00
///
/// # Errors
/// `invalid_date` for any other form or a time that does not exist.
pub fn parse_instant(s: &str) -> Result<NaiveDateTime, Error> {
    let s = s.trim();
    let Some((date, rest)) = s.split_once(['T', ' ']) else {
        return Err(Error::date(format!(
            "「{s}」は日時の形ではありません。YYYY-MM-DDTHH:MM（例: 2026-02-10T09:30）の形で入力してください。"
        )));
    };
    let d = parse_date(date)?;
    let (time, offset_minutes) = split_offset(rest, s)?;
    let (t, end_of_day) = parse_time(time, s)?;
    let local = if end_of_day { start_of_next(d) } else { d.and_time(t) };
    let shift = JST_OFFSET_SECONDS / 60 - offset_minutes.unwrap_or(JST_OFFSET_SECONDS / 60);
    local
        .checked_add_signed(Duration::minutes(shift))
        .ok_or_else(|| Error::date(format!("「{s}」は扱える範囲の外です。")))
}

fn split_offset<'a>(rest: &'a str, whole: &str) -> Result<(&'a str, Option<i64>), Error> {
    if let Some(t) = rest.strip_suffix('Z') {
        return Ok((t, Some(0)));
    }
    if let Some((t, off)) = rest.rfind(['+', '-']).and_then(|at| Some((rest.get(..at)?, rest.get(at..)?))) {
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let (h, m) = off.get(1..).and_then(|o| o.split_once(':')).unwrap_or(("", ""));
        if h.len() != 2 || m.len() != 2 {
            return Err(Error::date(format!("「{whole}」の時差は +09:00 の形で書いてください。")));
        }
        let (h, m) = (num(h, "時差", whole)?, num(m, "時差", whole)?);
        if h > 14 || m > 59 {
            return Err(Error::date(format!("「{whole}」の時差が範囲の外です。")));
        }
        return Ok((t, Some(sign * (i64::from(h) * 60 + i64::from(m)))));
    }
    Ok((rest, None))
}

/// Parse a query: a date (`YYYY-MM-DD`) or an instant (see [`parse_instant`])
///
/// # Errors
/// `invalid_date` as for the two parsers.
pub fn parse_query(s: &str) -> Result<Query, Error> {
    let t = s.trim();
    if t.contains(['T', ' ']) {
        parse_instant(t).map(Query::At)
    } else {
        parse_date(t).map(Query::Day)
    }
}

/// `2026-02-10`
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `2026-02-10T23:59:59+09:00`
pub fn iso_instant(t: NaiveDateTime) -> String {
    format!("{}T{}+09:00", iso_date(t.date()), hms(t.time()))
}

/// `16:00` (or `16:00:30` when there are seconds)
/// `7月10日`
pub fn month_day(d: NaiveDate) -> String {
    format!("{}月{}日", d.month(), d.day())
}

pub fn hm(t: NaiveTime) -> String {
    if t.second() == 0 {
        format!("{:02}:{:02}", t.hour(), t.minute())
    } else {
        hms(t)
    }
}

fn hms(t: NaiveTime) -> String {
    format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
}

const WEEKDAYS: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];

/// `令和8年2月10日（火）`, for every era from 明治 (with 元年); before 1873
/// (lunisolar dates) `西暦1872年12月31日（火）`
pub fn wareki(d: NaiveDate) -> String {
    // First day of each era (Gregorian); 明治 from the adoption of the
    // Gregorian calendar (明治6年1月1日): before it, Japan's dates were
    // lunisolar and a Gregorian month and day would be wrong in 和暦
    const ERAS: [(&str, i32, u32, u32); 5] = [
        ("令和", 2019, 5, 1),
        ("平成", 1989, 1, 8),
        ("昭和", 1926, 12, 25),
        ("大正", 1912, 7, 30),
        ("明治", 1868, 1, 25),
    ];
    let wd = WEEKDAYS.get(d.weekday().num_days_from_monday() as usize).copied().unwrap_or("");
    let gregorian_from = NaiveDate::from_ymd_opt(1873, 1, 1).unwrap_or(NaiveDate::MIN);
    let era = ERAS.iter().find(|(_, y, m, day)| NaiveDate::from_ymd_opt(*y, *m, *day).is_some_and(|start| d >= start));
    match era {
        Some((name, first_year, _, _)) if d >= gregorian_from => {
            let n = d.year() - first_year + 1;
            let year = if n == 1 { "元".to_string() } else { n.to_string() };
            format!("{name}{year}年{}月{}日（{wd}）", d.month(), d.day())
        }
        _ => format!("西暦{}年{}月{}日（{wd}）", d.year(), d.month(), d.day()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let d = parse_date("2026-02-10").unwrap();
        assert_eq!(iso_date(d), "2026-02-10");
        assert_eq!(wareki(d), "令和8年2月10日（火）");
        assert_eq!(wareki(parse_date("2019-05-01").unwrap()), "令和元年5月1日（水）");
        assert_eq!(wareki(parse_date("2019-04-30").unwrap()), "平成31年4月30日（火）");
        // Every era boundary: the last day of one era, the first of the next
        for (iso, want) in [
            ("1989-01-07", "昭和64年1月7日（土）"),
            ("1989-01-08", "平成元年1月8日（日）"),
            ("1990-01-01", "平成2年1月1日（月）"),
            ("1926-12-24", "大正15年12月24日（金）"),
            ("1926-12-25", "昭和元年12月25日（土）"),
            ("1927-01-01", "昭和2年1月1日（土）"),
            ("1912-07-29", "明治45年7月29日（月）"),
            ("1912-07-30", "大正元年7月30日（火）"),
            ("1900-01-01", "明治33年1月1日（月）"),
            ("1873-01-01", "明治6年1月1日（水）"),
            ("1872-12-31", "西暦1872年12月31日（火）"),
            ("0001-01-01", "西暦1年1月1日（月）"),
        ] {
            assert_eq!(wareki(parse_date(iso).unwrap()), want, "{iso}");
        }
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("2026/02/10").is_err());
        assert!(parse_date("").is_err());
    }

    #[test]
    fn instants_and_offsets() {
        let jst = parse_instant("2026-02-10T23:59:59+09:00").unwrap();
        assert_eq!(iso_instant(jst), "2026-02-10T23:59:59+09:00");
        let utc = parse_instant("2026-02-10T15:00:00Z").unwrap();
        assert_eq!(iso_instant(utc), "2026-02-11T00:00:00+09:00");
        let la = parse_instant("2026-02-10T15:30-08:00").unwrap();
        assert_eq!(iso_instant(la), "2026-02-11T08:30:00+09:00");
        let end = parse_instant("2024-03-07T24:00").unwrap();
        assert_eq!(iso_instant(end), "2024-03-08T00:00:00+09:00");
        assert!(parse_instant("2026-02-10T25:00").is_err());
        assert!(parse_instant("2026-02-10T9:00").is_err());
    }

    #[test]
    fn now_is_jst() {
        // 2026-02-10T23:30:00Z is 2026-02-11 08:30 in Japan
        let ms = 1_770_766_200_000.0;
        assert_eq!(iso_instant(jst_from_unix_millis(ms).unwrap()), "2026-02-11T08:30:00+09:00");
        assert!(jst_from_unix_millis(f64::NAN).is_err());
        assert!(jst_from_unix_millis(1e300).is_err());
        // The last instants chrono knows: no overflow, an error or a value
        let _ = jst_from_unix_millis(8.2e15);
        let _ = Query::At(NaiveDateTime::MAX).interval();
    }
}

/// The current time, as the page shows and pre-fills it
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NowJst {
    /// `2026-02-10`
    pub date: String,
    /// `09:30`
    pub time: String,
    /// `2026-02-10T09:30:00+09:00`
    pub iso: String,
    /// `令和8年2月10日（火）`
    pub wareki: String,
}

impl NowJst {
    pub fn of(t: NaiveDateTime) -> NowJst {
        NowJst {
            date: iso_date(t.date()),
            time: format!("{:02}:{:02}", t.hour(), t.minute()),
            iso: iso_instant(t),
            wareki: wareki(t.date()),
        }
    }
}
