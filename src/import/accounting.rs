//! Nothing silently dropped (issue 7): every municipality named in the text
//! and every time of day written with a date is either used by the import or
//! reported with its line and column. An import that used less than the text
//! holds is never a clean result.
//!
//! The check runs over the whole text, whatever layout the readers
//! recognised, so a layout a reader half understands (an area on the line
//! of its label, a 「※7月10日19時30分追加」 tail) is refused with the position of
//! what was left out, not imported without it.

use crate::prelude::*;

use super::text::moment;
use super::{date_at, hhmm, layouts, time_at, Compact, ImportedArea, Listed, Period};
use crate::master::{master, Kind};
use crate::notices::Problem;
use crate::text::name_key;
use crate::time::iso_date;

/// Places and times of the text the import did not use, as problems
/// (`year`: the one year-less dates are read in)
pub(super) fn unused(
    s: &Compact,
    areas: &[ImportedArea],
    period: &Period,
    year: Option<i32>,
    ignore: &[String],
) -> Vec<Problem> {
    let mut problems = unused_places(s, areas, ignore);
    problems.extend(unused_times(s, areas, period, year, ignore));
    problems.extend(unused_ends(s, period, year, ignore));
    problems
}

fn problem(s: &Compact, at: usize, written: &str, message: String) -> Problem {
    let p = s.at(at);
    Problem {
        entry: format!("{}行目{}列「{written}」", p.line, p.column),
        path: format!("line {} column {}", p.line, p.column),
        message,
        suggestions: Vec::new(),
    }
}

/// A count the text gives beside the names it lists (in prose or in brackets)
fn count_differs(said: usize, named: usize) -> String {
    format!("本文は{said}市町村と書いていますが、名前が挙がっているのは{named}市町村です。名前の載った通知から取り込んでください。")
}

/// What the text says that no import can write, each with its position:
/// an area taken out (「…を除外」, 「…を除く」), a count in prose that is not the names'
/// (「…の4市」), places without names (「…ほか」), areas that end without
/// names (「他の11市町の特例は、1月31日で終了」); each left out only when the
/// maintainer says so (`ignore`)
pub(super) fn unwritable(s: &Compact, listed: &[Listed], ignore: &[String]) -> Vec<Problem> {
    let ignored = |text: &str| ignore.iter().any(|w| text.contains(w.as_str()));
    let mut out = Vec::new();
    // 「全域（金沢市を除く）」 limits what the text names: never left out (the
    // areas without it would be wrong); 「鶴岡市を除外」 ends one of them
    match layouts::exclusion(s) {
        Some((at, text, "除く" | "除き")) => out.push(problem(s, at, &text, "「…を除く」の範囲は取り込めません（除かれた地域も有効になってしまいます）。対象の市町村を一つずつ書いた本文にして貼り付けてください。".into())),
        Some((at, text, word)) if !ignored(&text) => out.push(problem(s, at, &text, format!("地域の除外は取り込めません（除外された地域が有効のまま残ります）。除外された地域は、除外の時刻に終わる通知として別に取り込んでください（その地域だけの本文と --until）。この本文のほかの地域だけを取り込むなら --ignore {word} を指定してください。"))),
        _ => {}
    }
    if let Some((start, end)) = layouts::prose_list(s).filter(|_| layouts::relay_list(s).is_none()) {
        let digits: String =
            (end + 1..s.chars.len()).map_while(|i| s.chars.get(i).filter(|c| c.is_ascii_digit())).collect();
        let named = listed.iter().filter(|l| (start..end).contains(&l.at)).count();
        if let Some(n) = digits.parse::<usize>().ok().filter(|&n| n != named) {
            out.push(problem(s, end, &format!("の{n}…"), count_differs(n, named)));
        }
    }
    // 「石川県、富山県のうち災害救助法が適用された市町村」: areas by reference
    for l in listed.iter().filter(|l| l.written.contains("災害救助法")) {
        out.push(problem(s, l.at, &l.written, "対象地域が「災害救助法が適用された市町村」として書かれ、市町村の名前がありません。適用された市町村の名前を【県】市町村、… の形で書いた本文にして貼り付けてください（災害救助法の適用地域だけなら、通知データの reliefAct に書けます）。".into()));
    }
    // 「輪島市（一部）」: a part the text does not name
    for l in
        listed.iter().filter(|l| l.part.as_deref().is_some_and(|p| ["一部", "一部地域", "一部の地域"].contains(&p)))
    {
        out.push(problem(s, l.at, &format!("{}（{}）", l.written, l.part.as_deref().unwrap_or("")), format!("「{}」のどの地域が対象かが本文にありません。対象の地区が書かれた通知から取り込んでください（「{}（○○地区に限る）」）。", l.written, l.written)));
    }
    // 「七尾市、輪島市（3市）」: a name is missing (or one too many)
    for l in listed {
        if let Some((said, named)) = l.counted.filter(|(said, named)| said != named) {
            out.push(problem(s, l.at, &format!("{}…", l.written), count_differs(said, named)));
        }
    }
    let others_left_out = ignore.iter().any(|w| ["ほか", "など", "等", "他"].contains(&w.as_str()));
    for l in listed.iter().filter(|l| l.and_others && !others_left_out) {
        out.push(problem(s, l.at, &format!("{}…", l.written), format!("「{}」の後の「ほか・など」の地域は、名前が本文にありません。すべての地域の名前が載った通知から取り込んでください（名前のない地域は書き込めません）。名前のある地域だけを取り込むなら --ignore ほか を指定してください。", l.written)));
    }
    if let Some((at, text)) = layouts::unnamed_others(s).filter(|(_, t)| !ignored(t)) {
        // What to pass to --ignore: 「他の11市町」
        let words = format!("他の{}", text.trim_start_matches("他の").split('の').next().unwrap_or(""));
        out.push(problem(s, at, &text, format!("終了する地域の名前が本文にありません。どの市町村がいつ終了したのかは、その地域の載った通知から取り込んでください（この記事だけでは、名前のない地域の終了は書き込めません）。名前のある地域だけを取り込むなら --ignore {words} を指定してください（名前のない地域は、それまでの通知の終了日のままになります）。")));
    }
    out
}

/// Municipality names in the text that no imported area stands for (not in
/// the contact block a 事務連絡 ends with: 「（照会先）…東京都千代田区霞が関」)
pub(super) fn unused_places(s: &Compact, areas: &[ImportedArea], ignore: &[String]) -> Vec<Problem> {
    let m = master();
    // (only a block after the last 期間: one before it could hold the areas)
    let last_period = (0..s.chars.len()).rev().find(|&i| s.starts(i, "期間")).unwrap_or(0);
    let contact = ["(照会先)", "【照会先】", "(問い合わせ先)", "(問合せ先)", "(連絡先)"]
        .iter()
        .filter_map(|w| s.find(w, last_period))
        .min()
        .unwrap_or(s.chars.len());
    let imported: Vec<&str> = areas.iter().filter_map(|a| a.place.as_ref()).map(|p| p.code.as_str()).collect();
    let whole: Vec<&str> =
        areas.iter().filter(|a| a.whole_prefecture).filter_map(|a| a.prefecture.as_deref()).collect();
    let covers = |i: usize| {
        let Some(e) = m.get(i) else { return true };
        let city = e.city.and_then(|c| m.get(c)).map(|c| c.code.as_str());
        let prefecture = m.prefecture_of(e).map_or("", |p| p.name);
        imported.contains(&e.code.as_str())
            || city.is_some_and(|c| imported.contains(&c))
            || m.places().any(|(_, w)| w.city == Some(i) && imported.contains(&w.code.as_str()))
            || whole.contains(&prefecture)
    };
    let keys: Vec<(Vec<char>, usize)> = m
        .places()
        .filter(|(_, e)| e.kind == Kind::Municipality || e.kind == Kind::Ward)
        .map(|(i, e)| (e.key.chars().collect(), i))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < contact {
        let window: Vec<char> = name_key(&s.text(i, i + 16)).chars().collect();
        let best = keys.iter().filter(|(k, _)| window.starts_with(k)).max_by_key(|(k, _)| k.len());
        let Some((key, place)) = best else {
            i += 1;
            continue;
        };
        let written = s.text(i, i + key.len());
        // (a name that several places have, 「伊達市」: any of them imported)
        let covered = covers(*place) || keys.iter().any(|(k, p)| k == key && covers(*p));
        if !covered && !ignore.iter().any(|g| name_key(g) == name_key(&written)) {
            out.push(problem(
                s,
                i,
                &written,
                format!(
                    "本文の「{written}」は取り込まれていません。範囲に含まれる地域なら、その行が読み取れる形（【県】市町村、… や「対象地域に…を追加」）か確かめてください。範囲と関係のない記載なら --ignore {written} で取り込みから外せます。"
                ),
            ));
        }
        i += key.len();
    }
    out
}

/// Ends the period does not use: 「令和6年2月14日まで」 beside another end
/// (a notice with one end per group of areas), 「…で終了」
fn unused_ends(s: &Compact, period: &Period, year: Option<i32>, ignore: &[String]) -> Vec<Problem> {
    let day = |u: &'_ str| u.get(..10).unwrap_or(u).to_string();
    let until = period.until.as_deref().map(day).filter(|u| u != "current");
    // (the end a 追記 extended is written, and replaced)
    let replaced = period.extended_from.as_deref().map(day);
    // 「他の11市町の特例は、1月31日で終了」 left out by the maintainer: its date too
    let others = super::layouts::unnamed_others(s)
        .filter(|(_, text)| ignore.iter().any(|w| text.contains(w.as_str())))
        .map(|(k, text)| k..k + text.chars().count());
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.chars.len() {
        let Some(d) = date_at(s, i, year) else {
            i += 1;
            continue;
        };
        // The date, its day of the week and time, then 「まで」, 「で終了」 or
        // 「をもって」 (「…をもって終了」)
        let after = moment(s, &d).1;
        let ends = ["まで", "で終了", "をもって"].iter().any(|w| s.starts(after, w));
        let date = iso_date(d.date);
        let written = s.text(i, after + 2);
        let left_out =
            others.as_ref().is_some_and(|r| r.contains(&i)) || ignore.iter().any(|g| written.contains(g.as_str()));
        if ends && until.as_deref() != Some(date.as_str()) && replaced.as_deref() != Some(date.as_str()) && !left_out {
            out.push(problem(
                s,
                i,
                &written,
                format!("本文の「{written}」は期間の終わりに使われていません。地域ごとに終わりが違う通知なら、同じ終わりの地域ごとに分けて取り込んでください（本文を、表題・日付と、その地域と終わりの部分だけにして貼り付ける。同じ通知の2回目からは、その通知に規則が加わります）。この終わりが通知と関係のない記載なら --ignore {written} で外せます。"),
            ));
        }
        i = d.end;
    }
    out
}

/// Times of day (with their date) the areas and the period do not use:
/// a 「7月10日19時30分追記」 whose areas start at another time, say
fn unused_times(
    s: &Compact,
    areas: &[ImportedArea],
    period: &Period,
    year: Option<i32>,
    ignore: &[String],
) -> Vec<Problem> {
    let used: Vec<&str> = areas
        .iter()
        .filter_map(|a| a.from.as_deref())
        .chain(period.from.as_deref())
        .chain(period.until.as_deref())
        .chain(period.extended_at.as_deref())
        .collect();
    let mut out = Vec::new();
    let mut dated_times = Vec::new();
    for i in 0..s.chars.len() {
        let Some(d) = date_at(s, i, year) else { continue };
        let Some((h, mi, end)) = time_at(s, d.end) else { continue };
        dated_times.push(end);
        let at = hhmm(d.date, h, mi);
        let written = s.text(i, end);
        if !used.contains(&at.as_str()) && !ignore.iter().any(|g| g == &written) {
            out.push(problem(
                s,
                i,
                &written,
                format!("本文の日時「{written}」はどの地域の開始・終了にも使われていません。この時刻に追加・終了した地域があるなら、その部分の読み取りを確かめてください。"),
            ));
        }
    }
    // A time with no date (「本日19時30分、対象地域に…を追加」): which day, the
    // text does not say (not 「24時間」, a length)
    for i in 0..s.chars.len() {
        let starts_number = s.chars.get(i).is_some_and(char::is_ascii_digit)
            && !i
                .checked_sub(1)
                .and_then(|b| s.chars.get(b))
                .is_some_and(|c| c.is_ascii_digit() || *c == ':' || *c == ' ');
        let Some((_, _, end)) = time_at(s, i).filter(|_| starts_number) else { continue };
        let written = s.text(i, end);
        if dated_times.contains(&end) || s.chars.get(end) == Some(&'間') || ignore.iter().any(|g| g == &written) {
            continue;
        }
        out.push(problem(
            s,
            i,
            &written,
            format!("本文の時刻「{written}」には日付がありません（「本日」「同日」などは読めません）。この時刻に追加・終了した地域があるなら、日付を書き足して（例: 7月10日{written}）貼り付けてください。関係のない時刻なら --ignore {written} で外せます。"),
        ));
    }
    out
}
