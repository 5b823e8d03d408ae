//! One list of places as notices write it: names with the prefecture
//! carried (【県】, 「県＝」, 「県（…）」, 「県｜」), 郡, 「同県」, conjunctions,
//! sub-headings of continuing and added areas, and the marks on a name
//! (「（新規）」, 「（延長）」, 「（7月10日19時30分追加）」, 「ほか」).

use crate::prelude::*;

use super::readers::{added_time_at, prefecture_at, starts_line};
use super::text::Compact;
use super::Listed;
use crate::master::master;

pub(super) fn read_list(s: &Compact, start: usize, end: usize, added: bool, year: Option<i32>, out: &mut Vec<Listed>) {
    let m = master();
    let first = out.len();
    let mut pref: Option<String> = None;
    let mut i = start;
    let mut item_start = i;
    let mut item = String::new();
    // Under a 「（2）新たに追加する地域」 heading: added; 「（1）継続する地域」: continuing
    let mut heading: Option<bool> = None;
    let flush =
        |item: &mut String, at: usize, pref: &mut Option<String>, out: &mut Vec<Listed>, heading: Option<bool>| {
            let text: String = item.trim_matches(|c: char| matches!(c, '、' | ',' | '・')).to_string();
            item.clear();
            // 「朝倉市(7月10日16時00分追記)」, 「輪島市(門前町地区に限る)」
            let as_written = text.clone();
            let (name, paren) = match text.split_once('(') {
                Some((name, rest)) => (name.to_string(), Some(rest.trim_end_matches(')').to_string())),
                // 「…小矢部市の計9市」: the list's count, as in brackets
                None => split_count(text),
            };
            // 「輪島市ほか」, 「七尾市など」: places the text does not name
            let more = ["など", "等", "ほか", "他"]
                .iter()
                .find(|w| name.ends_with(*w) && name.chars().count() > w.chars().count());
            let name = more.map_or(name.as_str(), |w| name.trim_end_matches(w));
            // A prefecture named at the start carries across the list
            let mut rest = name;
            let mut named = false;
            for (_, p) in m.prefectures() {
                if let Some(r) = rest.strip_prefix(p.name) {
                    *pref = Some(p.name.to_string());
                    rest = r;
                    named = true;
                    break;
                }
            }
            let rest = rest.trim_start_matches(['の', ':', '=', '｜', '|']);
            // 「同県輪島市」: the prefecture named before
            let rest = ["同県", "同府", "同都", "同道"].iter().find_map(|w| rest.strip_prefix(w)).unwrap_or(rest);
            // A prefecture alone (「石川県、富山県の全域」): kept with no name for
            // now, settled once the list is read (`settle_bare_prefectures`)
            // 「（２）…」 with no name before it: words no reader knows, said
            // below unless they are a mark (「（新規）」, 「（以上3市）」)
            let bare_paren = rest.is_empty() && !named && paren.as_deref().is_some_and(|p| !p.is_empty());
            if rest.is_empty() && !(named && more.is_none()) && !bare_paren {
                return;
            }
            // 「七尾市（石川県）」: its prefecture, not a part
            let in_prefecture = paren.as_deref().is_some_and(|p| m.prefectures().any(|(_, e)| e.name == p));
            if in_prefecture {
                pref.clone_from(&paren);
            }
            // 「上越市（新規）」, 「（新）」, 「（7月10日追加）」: added, not a part of the place
            let marked_added = paren
                .as_deref()
                .is_some_and(|p| p.contains("追記") || p.contains("追加") || p == "新" || p.starts_with("新規"));
            let from = paren.as_deref().filter(|_| marked_added).and_then(|p| {
                let c = Compact::new(p);
                (0..c.chars.len()).find_map(|i| added_time_at(&c, i, year)).map(|(t, _)| t)
            });
            // 「七尾市（延長）」, 「（継続）」: continuing, not a part either
            let marked_continuing =
                paren.as_deref().is_some_and(|p| p == "延長" || p == "継続" || p.starts_with("引き続き"));
            // 「珠洲市（3市）」, 「（以上2市1町）」: the list's count, not a part
            let said = paren.as_deref().and_then(count_of);
            // (of its prefecture, or of the whole list: 「…氷見市（以上3市）」)
            let counted = said.map(|n| {
                let named = |same_prefecture: bool| {
                    let counts = |l: &&Listed| !l.written.is_empty() && (!same_prefecture || l.prefecture == *pref);
                    out.iter().skip(first).filter(counts).count() + 1
                };
                (n, if named(true) == n { n } else { named(false) })
            });
            // 「七尾市（全域）」, 「（市内全域）」: the whole place, no part
            let whole =
                paren.as_deref().is_some_and(|p| ["全域", "市内全域", "町内全域", "村内全域", "全体"].contains(&p));
            let mark = marked_added || marked_continuing || said.is_some() || whole || in_prefecture;
            if bare_paren && mark {
                return;
            }
            let written = if bare_paren { as_written } else { rest.to_string() };
            let part = paren.filter(|p| !p.is_empty() && !mark && !bare_paren);
            out.push(Listed {
                written,
                prefecture: pref.clone(),
                at,
                added: added || marked_added || heading == Some(true),
                continuing: (heading == Some(false) || marked_continuing) && !marked_added,
                and_others: more.is_some(),
                part,
                from,
                counted,
            });
        };
    while i < end {
        let Some(&c) = s.chars.get(i) else { break };
        // 「（２）富山県（新規）」 on a line of its own: the prefecture (and
        // whether its areas are added) of the lines below
        if let Some((p, added, after)) = prefecture_heading_at(s, i) {
            flush(&mut item, item_start, &mut pref, out, heading);
            pref = Some(p.to_string());
            heading = added;
            i = after;
            item_start = i;
            continue;
        }
        // A line that starts with a prefecture starts a new item (and a table
        // row: 「石川県 七尾市、輪島市」 / 「富山県 氷見市」)
        // So does a numbered heading no reader knows (「（２）…をもって終了する地域」):
        // never the tail of the name above it; read as an item, it is said
        let numbered = || s.chars.get(i) == Some(&'(') && s.chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if i > start && starts_line(s, i) && (prefecture_at(s, i).is_some() || numbered()) {
            flush(&mut item, item_start, &mut pref, out, heading);
            item_start = i;
        }
        if let Some((added, after)) = sub_heading_at(s, i) {
            flush(&mut item, item_start, &mut pref, out, heading);
            heading = Some(added);
            i = after;
            item_start = i;
            continue;
        }
        // 「岩手県大船渡市に所在する医療機関・薬局」: who is covered, after the name
        if let Some(lead) = ["に所在する", "に所在の"].iter().find(|w| s.starts(i, w)) {
            flush(&mut item, item_start, &mut pref, out, heading);
            i += lead.chars().count();
            const FACILITIES: [&str; 8] =
                ["保険医療機関", "医療機関", "保険薬局", "薬局", "・", "及び", "並びに", "等"];
            while let Some(w) = FACILITIES.iter().find(|w| s.starts(i, w)) {
                i += w.chars().count();
            }
            item_start = i;
            continue;
        }
        // 「…燕市と富山県の富山市、…」: 「と」 before a prefecture joins two lists
        if c == 'と' && !item.is_empty() && prefecture_at(s, i + 1).is_some() {
            flush(&mut item, item_start, &mut pref, out, heading);
            i += 1;
            item_start = i;
            continue;
        }
        if s.starts(i, "及び") || s.starts(i, "並びに") {
            flush(&mut item, item_start, &mut pref, out, heading);
            i += if s.starts(i, "及び") { 2 } else { 3 };
            item_start = i;
            continue;
        }
        // 「久留米市、八女市　※7月10日19時30分追加」 apart at the line's end:
        // the time of that line's areas; 「玉名市※8月9日18時00分追加、山鹿市…」
        // right after a name, or with more of the line after it: that name's
        if c == '※' {
            if let Some((t, after)) = added_time_at(s, i + 1, year) {
                flush(&mut item, item_start, &mut pref, out, heading);
                let line = s.at(i).line;
                let attached = i.checked_sub(1).is_some_and(|b| {
                    let (before, here) = (s.at(b), s.at(i));
                    before.line == line && before.column + 1 == here.column
                });
                let own = attached || (after < end && s.at(after).line == line);
                let on_line = out.iter_mut().skip(first).filter(|l| s.at(l.at).line == line && l.from.is_none());
                let marked: Vec<&mut Listed> =
                    if own { on_line.last().into_iter().collect() } else { on_line.collect() };
                for l in marked {
                    l.from = Some(t.clone());
                    l.added = true;
                }
                i = after;
                item_start = i;
                continue;
            }
        }
        // 「石川県（七尾市、輪島市、珠洲市）」: the prefecture, then its list in brackets
        if c == '(' && item_start < i {
            let before = s.text(item_start, i);
            if m.prefectures().any(|(_, p)| p.name == before) {
                pref = Some(before);
                item.clear();
                i += 1;
                item_start = i;
                continue;
            }
        }
        if c == ')' && !item.contains('(') {
            flush(&mut item, item_start, &mut pref, out, heading);
            i += 1;
            item_start = i;
            continue;
        }
        match c {
            // 「七尾市／輪島市」, 「…羽咋市／富山県＝氷見市」 (not the 「/」 of a
            // date: 「（7/10 19:30追加）」)
            '/' if !(i.checked_sub(1).and_then(|b| s.chars.get(b)).is_some_and(char::is_ascii_digit)
                && s.chars.get(i + 1).is_some_and(char::is_ascii_digit)) =>
            {
                flush(&mut item, item_start, &mut pref, out, heading);
                item_start = i + 1;
            }
            '【' => {
                flush(&mut item, item_start, &mut pref, out, heading);
                let close = (i..end).find(|&j| s.chars.get(j) == Some(&'】')).unwrap_or(end);
                pref = Some(s.text(i + 1, close));
                i = close + 1;
                item_start = i;
                continue;
            }
            // list separators, and bullets that start the next heading
            '、' | ',' | '，' | '､' | '・' | '。' | '○' | '◯' | '◎' | '●' | '■' | '□' | '◆' | '◇' | '▽' | '▼' | '★'
            | '☆' => {
                flush(&mut item, item_start, &mut pref, out, heading);
                item_start = i + 1;
            }
            _ => {
                if item.is_empty() {
                    item_start = i;
                }
                item.push(c);
            }
        }
        i += 1;
    }
    flush(&mut item, item_start, &mut pref, out, heading);
    settle_bare_prefectures(out, first);
    split_joined(out, first);
}

/// Names written apart by spaces only (「石川県　七尾市　輪島市　珠洲市」, a table
/// turned into text) reach the list joined, the spaces gone: an item that is
/// no one place but the names of two or more places of its prefecture, one
/// after another, is those places
fn split_joined(out: &mut Vec<Listed>, first: usize) {
    let m = master();
    let mut k = first;
    while let Some(l) = out.get(k) {
        let key = crate::text::name_key(&l.written);
        let pref = l.prefecture.as_deref().and_then(|p| m.prefecture_named(p));
        let places = || m.places().filter(|(_, e)| pref.is_none_or(|p| e.prefecture == p)).map(|(_, e)| e);
        // (one place as written, with or without its 郡: not split)
        let one = places().any(|e| e.key == key || [e.gun_key.as_str(), e.key.as_str()].concat() == key);
        let mut parts: Vec<String> = Vec::new();
        let mut rest = key.as_str();
        while !one && !rest.is_empty() {
            // The longest name (with its 郡, if written) that starts the rest
            let next = places()
                .flat_map(|e| [[e.gun_key.as_str(), e.key.as_str()].concat(), e.key.clone()])
                .filter(|n| rest.starts_with(n.as_str()))
                .max_by_key(String::len);
            let Some(n) = next else { break };
            rest = rest.get(n.len()..).unwrap_or("");
            parts.push(n);
        }
        if one || !rest.is_empty() || parts.len() < 2 || l.part.is_some() {
            k += 1;
            continue;
        }
        let (at, prefecture, added, continuing, from) =
            (l.at, l.prefecture.clone(), l.added, l.continuing, l.from.clone());
        let mut offset = 0;
        let split: Vec<Listed> = parts
            .into_iter()
            .map(|written| {
                let here = at + offset;
                offset += written.chars().count();
                Listed {
                    written,
                    prefecture: prefecture.clone(),
                    at: here,
                    added,
                    continuing,
                    and_others: false,
                    part: None,
                    from: from.clone(),
                    counted: None,
                }
            })
            .collect();
        let n = split.len();
        out.splice(k..=k, split);
        k += n;
    }
}

/// 「3市」, 「以上2市1町」, 「計4市町」: the number of places it counts
/// A name with the list's count after it (「小矢部市の計9市」, 「氷見市の3市」):
/// the name, and the count as a bracket would hold it
fn split_count(text: String) -> (String, Option<String>) {
    let at = text.char_indices().filter(|&(k, c)| k > 0 && (c == 'の' || c == '計')).find_map(|(k, c)| {
        let tail = text.get(k + if c == 'の' { c.len_utf8() } else { 0 }..)?;
        count_of(tail).map(|_| (k, tail.to_string()))
    });
    match at {
        Some((k, tail)) => (text.get(..k).unwrap_or("").to_string(), Some(tail)),
        None => (text, None),
    }
}

fn count_of(p: &str) -> Option<usize> {
    let p = ["以上", "合計", "計"].iter().find_map(|w| p.strip_prefix(w)).unwrap_or(p);
    let mut total = 0;
    let mut digits = String::new();
    let mut counted = false;
    for c in p.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if "市区町村".contains(c) {
            if !digits.is_empty() {
                total += digits.parse::<usize>().ok()?;
                digits.clear();
                counted = true;
            }
        } else {
            return None;
        }
    }
    (counted && digits.is_empty()).then_some(total)
}

/// A prefecture named alone in the list (from `first` on): whole when the
/// next item is a whole prefecture (「石川県、富山県、新潟県の全域」), nothing
/// when names of its own follow (「石川県、七尾市、輪島市」: it carries), else
/// left without a name, which the import says (whole or some? the text
/// does not tell). It used to be dropped: 「石川県、富山県の全域」 was 富山県 alone.
fn settle_bare_prefectures(out: &mut Vec<Listed>, first: usize) {
    let mut j = first;
    while j < out.len() {
        let bare = out.get(j).filter(|l| l.written.is_empty()).map(|l| l.prefecture.clone());
        let Some(pref) = bare else {
            j += 1;
            continue;
        };
        let next =
            out.iter().skip(j + 1).find(|l| !l.written.is_empty()).map(|l| (l.written.clone(), l.prefecture.clone()));
        match next {
            Some((written, _)) if super::newness::is_whole(&written) => {
                if let Some(l) = out.get_mut(j) {
                    l.written = written;
                }
                j += 1;
            }
            Some((_, p)) if p == pref => {
                out.remove(j);
            }
            _ => j += 1,
        }
    }
}

/// A numbered prefecture heading at the start of a line (「（１）石川県」,
/// 「（２）富山県（新規）」, 「１．新潟県（継続）」), the names on the lines
/// below: its prefecture, whether its areas are added (`None`: not said),
/// and where it ends
pub(super) fn prefecture_heading_at(s: &Compact, i: usize) -> Option<(&'static str, Option<bool>, usize)> {
    if !starts_line(s, i) {
        return None;
    }
    let digit = |k: usize| s.chars.get(k).is_some_and(char::is_ascii_digit);
    let mut k = i;
    if s.chars.get(k) == Some(&'(') && digit(k + 1) && s.chars.get(k + 2) == Some(&')') {
        k += 3;
    } else if digit(k) && matches!(s.chars.get(k + 1), Some('.' | '．' | ')')) {
        k += 2;
    } else if s.chars.get(k).is_some_and(|c| ('①'..='⑳').contains(c)) {
        k += 1;
    } else {
        return None;
    }
    let p = prefecture_at(s, k)?;
    k += p.chars().count();
    let mut added = None;
    for (mark, is_added) in [("(新規)", true), ("(追加)", true), ("(新)", true), ("(継続)", false), ("(延長)", false)]
    {
        if s.starts(k, mark) {
            added = Some(is_added);
            k += mark.chars().count();
        }
    }
    // The heading is the whole line: names follow on the next
    let line = s.at(i).line;
    (k >= s.chars.len() || s.at(k).line != line).then_some((p, added, k))
}

/// A sub-heading of a 範囲 block at `i` (「（1）継続する地域」, 「（2）新たに追加する地域」,
/// with or without its number and a colon): whether its areas are added, and
/// where the heading ends
pub(super) fn sub_heading_at(s: &Compact, i: usize) -> Option<(bool, usize)> {
    let mut k = i;
    if s.chars.get(k) == Some(&'(')
        && s.chars.get(k + 2) == Some(&')')
        && s.chars.get(k + 1).is_some_and(char::is_ascii_digit)
    {
        k += 3;
    }
    const HEADINGS: [(&str, bool); 5] = [
        ("継続する地域", false),
        ("引き続き対象とする地域", false),
        ("新たに追加する地域", true),
        ("新たに対象とする地域", true),
        ("追加する地域", true),
    ];
    let (w, added) = HEADINGS.iter().find(|(w, _)| s.starts(k, w))?;
    k += w.chars().count();
    while s.chars.get(k) == Some(&':') {
        k += 1;
    }
    Some((*added, k))
}
