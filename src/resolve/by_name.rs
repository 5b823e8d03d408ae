//! Places by their name in kanji: with or without the prefecture (青森県弘前市,
//! 青森弘前市), the 郡 (西津軽郡鰺ヶ沢町) or the 市/町/村 (弘前), a ward by its
//! own name (浜名区), an address after the name, another spelling or a
//! former name; close names when nothing matches.

use crate::prelude::*;

use super::{former, found_or_ambiguous, listed, not_found, NameNote, NotFoundReason, Resolution};
use crate::master::{Entry, Kind, Master, OtherName};
use crate::sort;
use crate::text::edit_distance;

pub(super) fn resolve_name(m: &Master, key: &str) -> Resolution {
    // Options: with the prefecture stripped (青森県弘前市), with a prefecture
    // written without 県/府/都 (青森弘前市), and as typed.
    let mut options: Vec<(Option<usize>, &str)> = Vec::new();
    for (pi, p) in m.prefectures() {
        if let Some(rest) = key.strip_prefix(p.key.as_str()) {
            // 石川県、七尾市 and 石川県/七尾市 as 石川県七尾市
            let rest = rest.trim_start_matches(['、', '､', ',', '/']);
            if rest.is_empty() {
                return not_found(NotFoundReason::PrefectureOnly, Vec::new());
            }
            options.push((Some(pi), rest));
        }
    }
    for (pi, p) in m.prefectures() {
        let short = p.key.strip_suffix(['県', '府', '都']).unwrap_or("");
        if let Some(rest) = key.strip_prefix(short).filter(|r| !short.is_empty() && !r.is_empty()) {
            options.push((Some(pi), rest));
        }
    }
    options.push((None, key));
    // Suggestions are made for the text after the prefecture (and 郡) when
    // a prefecture was typed, preferring places of that prefecture
    let mut near: Option<(&str, Option<usize>)> = None;
    for (pref, rest) in options {
        let (hit, tried) = match_places(m, rest, pref);
        if let Some(hit) = hit {
            return hit;
        }
        near = near.or(Some((tried, pref)).filter(|_| pref.is_some()));
        near = near.or(Some((tried, None)));
    }
    let (text, pref) = near.unwrap_or((key, None));
    not_found(NotFoundReason::UnknownName, close_names(m, text, pref))
}

/// A designated city's ward typed with the city's name without its 市
/// (札幌中央区, 北海道札幌中央区): that ward (or, for a former ward, 浜松中区,
/// the city, saying so; also by the former ward's name alone, 浜北区)
pub(super) fn ward_of_city_stem(m: &Master, key: &str) -> Option<Resolution> {
    // `city`'s name without 市, then `own`, ends the key, after nothing or
    // the city's prefecture
    let typed = |city: &Entry, own: &str| {
        let head = key.strip_suffix(own).and_then(|h| h.strip_suffix(city.key.strip_suffix('市')?));
        let pref = m.get(city.prefecture).map_or("", |p| p.key.as_str());
        head.is_some_and(|h| h.is_empty() || h == pref || pref.strip_suffix(['都', '道', '府', '県']) == Some(h))
    };
    let ward = m.places().find(|(_, e)| {
        let city = e.city.and_then(|c| m.get(c));
        city.zip(ward_keys(m, e)).is_some_and(|(city, (own, _))| typed(city, own))
    });
    if let Some((i, _)) = ward {
        return Some(Resolution::Found { index: i, note: None });
    }
    // (a former ward by its own name, 浜北区 or 静岡県浜北区, when no place
    // now has that name)
    let now_named =
        |name: &str| m.places().any(|(_, e)| e.key == name || ward_keys(m, e).is_some_and(|(own, _)| own == name));
    let alone = |c: &Entry, own: &str| {
        let pref = m.get(c.prefecture).map_or("", |p| p.key.as_str());
        let stem = pref.strip_suffix(['都', '道', '府', '県']).unwrap_or(pref);
        let bare = key.strip_prefix(pref).or_else(|| key.strip_prefix(stem)).unwrap_or(key);
        bare == own && own.ends_with('区') && !now_named(own)
    };
    let was = m.other_names.iter().find(|o| {
        let city = m.get(o.target);
        city.and_then(|c| Some((c, o.key.strip_prefix(c.key.as_str())?)))
            .is_some_and(|(c, own)| typed(c, own) || alone(c, own))
    });
    was.map(former)
}

/// A ward's own name and reading keys (`中央区`, `ちゅうおうく`): its keys
/// without its city's (no allocation: this runs on every keystroke)
pub(super) fn ward_keys<'a>(m: &Master, e: &'a Entry) -> Option<(&'a str, &'a str)> {
    let city = e.city.and_then(|c| m.get(c))?;
    Some((e.key.strip_prefix(city.key.as_str())?, e.reading_key().strip_prefix(city.reading_key())?))
}

/// Whether a key is a name with its 郡 (`古宇郡泊村`)
pub(super) fn with_gun(gun_key: &str, key: &str, text: &str) -> bool {
    !gun_key.is_empty() && text.strip_prefix(gun_key) == Some(key)
}

/// What `rest` names (within a prefecture if given), and the part of `rest`
/// the match was attempted on (for suggestions)
pub(super) fn match_places<'a>(m: &Master, rest: &'a str, pref: Option<usize>) -> (Option<Resolution>, &'a str) {
    let in_pref = |p: usize| pref.is_none_or(|x| x == p);
    let hits = |f: &dyn Fn(&Entry) -> bool| -> Vec<usize> {
        m.places().filter(|(_, e)| in_pref(e.prefecture) && f(e)).map(|(i, _)| i).collect()
    };
    // A current name, with or without its 郡; a ward by its own name too
    // (浜名区; 中央区 is then Tokyo's and every city's 中央区, never a guess)
    let exact = hits(&|e| {
        e.key == rest || with_gun(&e.gun_key, &e.key, rest) || ward_keys(m, e).is_some_and(|(own, _)| own == rest)
    });
    if !exact.is_empty() {
        return (Some(found_or_ambiguous(exact)), rest);
    }
    // Another spelling or a former name
    let others: Vec<&OtherName> = m
        .other_names
        .iter()
        .filter(|o| in_pref(o.prefecture) && (o.key == rest || with_gun(&o.gun_key, &o.key, rest)))
        .collect();
    match others.as_slice() {
        [] => {}
        [one] => return (Some(former(one)), rest),
        many => return (Some(found_or_ambiguous(many.iter().map(|o| o.target).collect())), rest),
    }
    // The whole input is a name without its 市/町/村 (東村山: 東村山市, not
    // 東村 with an address 「山」; 蒲郡, 大和郡山: not a 郡)
    let bare = bare_name(m, rest, pref);
    if !bare.is_empty() {
        return (Some(found_or_ambiguous(bare)), rest);
    }
    let prefix = longest_prefix(m, rest, pref, &|_| true);
    let prefix_len = prefix.first().and_then(|&i| m.get(i)).map_or(0, |e| e.key.len());
    let first_gun = rest.find('郡').filter(|&at| at > 0);
    // After a place's name, only a real 郡 (東村 + 山郡山辺町: 東村山郡);
    // otherwise a list (七尾市・鳳珠郡穴水町, see listed.rs)
    let is_gun = |at: usize| {
        prefix.is_empty() || m.places().any(|(_, e)| rest.get(..at + '郡'.len_utf8()) == Some(e.gun_key.as_str()))
    };
    if let Some(at) = first_gun.filter(|&at| prefix_len <= at && is_gun(at)) {
        // A name that covers the 郡 owns it (大和郡山市…); otherwise the 郡
        // is a district prefix (東津軽郡今別町, 東村山郡山辺町).
        let end = at + '郡'.len_utf8();
        let (typed_gun, tail) = (rest.get(..end).unwrap_or(""), rest.get(end..).unwrap_or(""));
        if tail.is_empty() {
            let towns = hits(&|e| e.gun_key == typed_gun);
            if !towns.is_empty() {
                return (Some(not_found(NotFoundReason::GunOnly, towns)), rest);
            }
        }
        // A former town of that 郡 before an address (筑紫郡那珂川町西隈: not
        // 栃木県那須郡那珂川町, whose 郡 differs)
        let was = m
            .other_names
            .iter()
            .filter(|o| in_pref(o.prefecture) && o.gun_key == typed_gun && tail.starts_with(o.key.as_str()))
            .max_by_key(|o| o.key.len());
        if let Some(o) = was {
            return (Some(former(o)), tail);
        }
        let town = |e: &Entry| e.kind == Kind::Municipality && (e.name.ends_with('町') || e.name.ends_with('村'));
        let mut in_tail = hits(&|e| town(e) && e.key == tail);
        if in_tail.is_empty() {
            in_tail = longest_prefix(m, tail, pref, &town);
        }
        if in_tail.is_empty() && prefix.is_empty() {
            in_tail = bare_name(m, tail, pref);
        }
        if !in_tail.is_empty() {
            let after = in_tail.first().and_then(|&i| m.get(i)).and_then(|e| tail.get(e.key.len()..)).unwrap_or("");
            return (Some(listed::with_listed(m, narrow_by_gun(m, in_tail, typed_gun), after)), tail);
        }
        if prefix.is_empty() {
            return (None, tail);
        }
    }
    // An address; a former name or another spelling may be the longer start
    // (浜松市中区砂山町; 三宅島三宅村阿古, where no current name starts it)
    let older = m
        .other_names
        .iter()
        .filter(|o| in_pref(o.prefecture) && o.key.len() > prefix_len)
        .filter(|o| rest.strip_prefix(o.gun_key.as_str()).unwrap_or(rest).starts_with(o.key.as_str()))
        .max_by_key(|o| o.key.len());
    if prefix.is_empty() {
        return (older.map(former), rest);
    }
    let after = rest.get(prefix_len..).unwrap_or("");
    if let Some(shared) = pref.is_none().then(|| same_named_wards(m, &prefix, after)).flatten() {
        return (Some(shared), rest);
    }
    (Some(older.map_or_else(|| listed::with_listed(m, found_or_ambiguous(prefix), after), former)), rest)
}

/// A name before an address that is also designated cities' wards' own
/// (中央区, 北区, 港区: Tokyo's wards and 札幌市中央区 …), with no prefecture
/// typed: the ward of the city the address names (中央区（札幌市）), else all
/// of them to choose from (北区北24条 may be 札幌市北区's). `None` when no
/// ward shares the name.
fn same_named_wards(m: &Master, prefix: &[usize], after: &str) -> Option<Resolution> {
    let key = m.get(*prefix.first()?)?.key.as_str();
    let wards: Vec<usize> =
        m.places().filter(|(_, e)| ward_keys(m, e).is_some_and(|(own, _)| own == key)).map(|(i, _)| i).collect();
    if wards.is_empty() {
        return None;
    }
    // The address names the place's city or prefecture (中央区（札幌市）, 北区、東京)
    let stem = |e: &Entry| e.key.strip_suffix(['市', '都', '道', '府', '県']).unwrap_or(&e.key).to_string();
    let named = |&i: &usize| {
        let e = m.get(i);
        let city = e.and_then(|e| e.city).and_then(|c| m.get(c));
        let pref = e.and_then(|e| m.get(e.prefecture));
        city.into_iter().chain(pref).any(|p| after.contains(stem(p).as_str()))
    };
    let all = [prefix, &wards].concat();
    match all.iter().copied().filter(named).collect::<Vec<_>>().as_slice() {
        [one] => Some(Resolution::Found { index: *one, note: None }),
        _ => Some(found_or_ambiguous(all)),
    }
}

/// The places of the typed 郡 among `hits`; when none is in it, the one
/// place with a note that the 郡 differs, or all of them to choose from
pub(super) fn narrow_by_gun(m: &Master, hits: Vec<usize>, typed_gun: &str) -> Resolution {
    let same: Vec<usize> = hits.iter().copied().filter(|&i| m.get(i).is_some_and(|e| e.gun_key == typed_gun)).collect();
    if !same.is_empty() {
        return found_or_ambiguous(same);
    }
    match found_or_ambiguous(hits) {
        Resolution::Found { index, .. } => {
            Resolution::Found { index, note: Some(NameNote::GunDiffers { typed: typed_gun.to_string() }) }
        }
        other => other,
    }
}

/// The places whose key is the longest prefix of `text`
pub(super) fn longest_prefix(m: &Master, text: &str, pref: Option<usize>, also: &dyn Fn(&Entry) -> bool) -> Vec<usize> {
    let mut best: Vec<usize> = Vec::new();
    let mut best_len = 0;
    for (i, e) in m.places() {
        if pref.is_some_and(|p| e.prefecture != p) || !also(e) || !text.starts_with(e.key.as_str()) {
            continue;
        }
        match e.key.len().cmp(&best_len) {
            core::cmp::Ordering::Greater => {
                best_len = e.key.len();
                best = vec![i];
            }
            core::cmp::Ordering::Equal => best.push(i),
            core::cmp::Ordering::Less => {}
        }
    }
    best
}

/// A name typed without its 市/町/村/区 (弘前 → 弘前市)
pub(super) fn bare_name(m: &Master, text: &str, pref: Option<usize>) -> Vec<usize> {
    if text.is_empty() {
        return Vec::new();
    }
    m.places()
        .filter(|(_, e)| pref.is_none_or(|p| e.prefecture == p))
        .filter(|(_, e)| e.key.strip_prefix(text).is_some_and(|s| matches!(s, "市" | "町" | "村" | "区")))
        .map(|(i, _)| i)
        .collect()
}

/// Places whose name is within a small edit distance of `text`, best first:
/// those of the typed prefecture, then by distance
pub(super) fn close_names(m: &Master, text: &str, pref: Option<usize>) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return Vec::new();
    }
    let limit = if chars.len() <= 3 { 1 } else { 2 };
    let mut scored: Vec<(bool, usize, usize)> = Vec::new();
    for (i, e) in m.places() {
        let elsewhere = pref.is_some_and(|p| e.prefecture != p);
        let k: Vec<char> = e.key.chars().collect();
        let d = edit_distance(&chars, &k, limit);
        if d <= limit {
            scored.push((elsewhere, d, i));
        } else if chars.len() >= 2 && e.key.starts_with(text) {
            scored.push((elsewhere, limit + 1, i));
        }
    }
    sort::sort(&mut scored);
    scored.into_iter().take(5).map(|(_, _, i)| i).collect()
}
