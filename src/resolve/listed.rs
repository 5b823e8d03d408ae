//! Several places typed in one input (七尾市・輪島市, 七尾市、輪島市,
//! 七尾市と輪島市, 輪島、珠洲, wajima, suzu): each has its own answer, so
//! none of them is taken for the whole input; they are offered to choose
//! from.

use crate::prelude::*;

use super::by_name::longest_prefix;
use super::prefecture::prefecture_stem;
use super::{found_or_ambiguous, resolve_key, Resolution};
use crate::master::{Entry, Master};
use crate::text::kana_key;

/// What may stand between the names of a list (after [`crate::text::kana_key`],
/// which folds full-width ASCII and drops spaces and 「・」)
const MARKS: &[&str] = &["、", "､", ",", "/", "&", "と", "及び", "および"];

/// The other places named in `address`, the text after a place's name (in
/// `prefecture`): each current name there that is a city's, follows a mark
/// or its prefecture, or is in the same prefecture (「七尾市穴水町」 once
/// kana_key has dropped the 「・」). A town's name right after a city's and
/// from elsewhere is read as part of the address (金沢市大野町: not 岐阜県の
/// 大野町). An address that still holds a place's name is then offered as a
/// choice, one tap more; the opposite mistake would answer for one of two
/// places.
pub(super) fn listed_after(m: &Master, mut address: &str, prefecture: Option<usize>) -> Vec<usize> {
    let mut listed = Vec::new();
    loop {
        let mark = MARKS.iter().find_map(|s| address.strip_prefix(s));
        let text = mark.unwrap_or(address);
        let named = m.prefectures().find_map(|(pi, p)| text.strip_prefix(p.key.as_str()).map(|t| (pi, t)));
        let (pref, text) = named.map_or((None, text), |(pi, t)| (Some(pi), t));
        let mut next = longest_prefix(m, text, pref, &|_| true);
        let mut text = text;
        if let Some((gun, town)) = text.split_once('郡').filter(|_| next.is_empty()) {
            // 鳳珠郡穴水町: the master's keys are without the 郡
            next = longest_prefix(m, town, pref, &|e| e.gun_key.strip_suffix('郡') == Some(gun));
            text = town;
        }
        let Some(len) = next.first().and_then(|&i| m.get(i)).map(|e| e.key.len()) else { return listed };
        let listable = |e: &Entry| e.name.ends_with('市') || Some(e.prefecture) == prefecture;
        if mark.is_none() && pref.is_none() && !next.iter().any(|&i| m.get(i).is_some_and(listable)) {
            return listed;
        }
        listed.extend(next);
        address = text.get(len..).unwrap_or("");
    }
}

/// `found` (a place, or places to choose from), or with the other places
/// listed after it in `after` to choose from too
pub(super) fn with_listed(m: &Master, found: Resolution, after: &str) -> Resolution {
    let first = match &found {
        Resolution::Found { index, .. } => Some(*index),
        Resolution::Ambiguous(hits) => hits.first().copied(),
        Resolution::NotFound { .. } => None,
    };
    let listed = listed_after(m, after, first.and_then(|i| m.get(i)).map(|e| e.prefecture));
    if listed.is_empty() {
        return found;
    }
    let mut hits = match found {
        Resolution::Found { index, .. } => vec![index],
        Resolution::Ambiguous(hits) => hits,
        not_found @ Resolution::NotFound { .. } => return not_found,
    };
    hits.extend(listed);
    found_or_ambiguous(hits)
}

/// What separates the places of a list that is not read as a whole (bare
/// names, readings, romaji: 輪島、珠洲 / わじま・すず / wajima, suzu)
const LIST_MARKS: &[char] = &['、', '､', ',', '，', '/', '／', '・', '･', ';', '；'];

/// An input that names nothing as a whole but is a list of places, each
/// found on its own: all of them, to choose from; or a name and then its
/// prefecture (輪島、石川 / 輪島 石川県): that place. `None` when it is
/// neither (one part is not a place, or there is one part).
pub(super) fn bare_list(m: &Master, input: &str) -> Option<Resolution> {
    // (cut as every input is: a pasted page is not a list of thousands)
    let input: String = input.chars().take(super::MAX_INPUT_CHARS).collect();
    let mut parts: Vec<&str> = input.split(LIST_MARKS).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() < 2 {
        parts = input.split(|c: char| c.is_whitespace()).filter(|p| !p.is_empty()).collect();
    }
    if let [name, last] = parts.as_slice() {
        if let Some(found) = with_prefecture_after(m, name, last) {
            return Some(found);
        }
    }
    if parts.len() < 2 {
        return None;
    }
    let mut each: Vec<Vec<usize>> = Vec::new();
    for part in parts {
        each.push(match resolve_key(m, part, &kana_key(part)) {
            Resolution::Found { index, .. } => vec![index],
            Resolution::Ambiguous(hits) => hits,
            Resolution::NotFound { .. } => return None,
        });
    }
    // A city and one of its wards (Sapporo Chuo-ku, 中央区 札幌): that ward
    if let [a, b] = each.as_slice() {
        for (city, wards) in [(a, b), (b, a)] {
            let of_city: Vec<usize> = wards
                .iter()
                .copied()
                .filter(|&w| city.len() == 1 && m.get(w).and_then(|e| e.city) == city.first().copied())
                .collect();
            if let [ward] = of_city.as_slice() {
                return Some(Resolution::Found { index: *ward, note: None });
            }
        }
    }
    Some(found_or_ambiguous(each.concat()))
}

/// `name` read in the prefecture `last` names (石川, 石川県, いしかわ),
/// when it names places there only
fn with_prefecture_after(m: &Master, name: &str, last: &str) -> Option<Resolution> {
    let key = kana_key(last);
    let prefecture = m
        .prefectures()
        .find(|(_, p)| p.key == key || p.reading_key() == key)
        .map(|(pi, _)| pi)
        .or_else(|| prefecture_stem(m, &key, false))
        .or_else(|| prefecture_stem(m, &key, true))?;
    let whole = [m.get(prefecture)?.name, name].concat();
    let there = |i: &usize| m.get(*i).is_some_and(|e| e.prefecture == prefecture);
    match resolve_key(m, &whole, &kana_key(&whole)) {
        found @ Resolution::Found { index, .. } if there(&index) => Some(found),
        // 府中、広島: 府中市 and 安芸郡府中町
        Resolution::Ambiguous(hits) if hits.iter().all(there) => Some(Resolution::Ambiguous(hits)),
        _ => None,
    }
}
