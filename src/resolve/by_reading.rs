//! Places by their reading: kana typed (ひろさきし, ひろさき), with the
//! prefecture's reading in front (あおもりけんひろさきし) or the 市/町/村 in
//! kanji (かなざわ市); a ward by its own reading (きたく).

use crate::prelude::*;

use super::{found_or_ambiguous, not_found, ward_keys, NotFoundReason, Resolution};
use crate::master::{Entry, Master};
use crate::sort;
use crate::text::{edit_distance, is_kana};

/// The reading typed, alone (かなざわし) or with the place's 市/町/村/区
/// in kanji (かなざわ市: then without it)
pub(super) fn reading_of(key: &str) -> Option<&str> {
    Some(key).filter(|k| is_kana(k)).or_else(|| key.strip_suffix(['市', '町', '村', '区']).filter(|k| is_kana(k)))
}

/// Suffixes a reading may be typed without
const READING_SUFFIXES: &[&str] = &["ちょう", "まち", "むら", "そん", "し", "く"];

pub(super) fn reading_stem(reading: &str) -> &str {
    READING_SUFFIXES.iter().find_map(|s| reading.strip_suffix(s)).filter(|s| !s.is_empty()).unwrap_or(reading)
}

pub(super) fn resolve_reading(m: &Master, key: &str) -> Resolution {
    // With a prefecture reading in front (あおもりけんひろさきし) or without
    let mut options: Vec<(Option<usize>, &str)> = m
        .prefectures()
        .filter_map(|(pi, p)| key.strip_prefix(p.reading_key()).filter(|r| !r.is_empty()).map(|r| (Some(pi), r)))
        .collect();
    options.push((None, key));
    for (pref, rest) in options {
        let in_pref = |e: &Entry| pref.is_none_or(|p| e.prefecture == p);
        // A ward by its own reading too (きたく: Tokyo's 北区 and every
        // city's, as for 北区 in kanji)
        let exact: Vec<usize> = m
            .places()
            .filter(|(_, e)| {
                in_pref(e) && (e.reading_key() == rest || ward_keys(m, e).is_some_and(|(_, own)| own == rest))
            })
            .map(|(i, _)| i)
            .collect();
        // And the places it is the reading of without 市/町/村 (しろいし is
        // 白井市's whole reading and 白石市's, 白石町's without し/ちょう:
        // all of them, never the one that happens to be whole)
        let stems = m.places().filter(|(_, e)| in_pref(e) && reading_stem(e.reading_key()) == rest).map(|(i, _)| i);
        let hits: Vec<usize> = exact.into_iter().chain(stems).collect();
        if !hits.is_empty() {
            return found_or_ambiguous(hits);
        }
        // 町 and 村 read the other way (しかちょう for 志賀町, しかまち; よもぎたそん
        // for 蓬田村): few know which a town uses
        let other = [("ちょう", "まち"), ("まち", "ちょう"), ("そん", "むら"), ("むら", "そん")]
            .iter()
            .find_map(|(typed, read)| rest.strip_suffix(typed).filter(|s| !s.is_empty()).map(|s| [s, read].concat()));
        if let Some(other) = other {
            let hits: Vec<usize> =
                m.places().filter(|(_, e)| in_pref(e) && e.reading_key() == other).map(|(i, _)| i).collect();
            if !hits.is_empty() {
                return found_or_ambiguous(hits);
            }
        }
    }
    // The master has no readings of 郡: ひがしつがるぐんいまべつまち is read
    // from after the ぐん
    if let Some((_, tail)) = key.split_once("ぐん").filter(|(g, t)| !g.is_empty() && !t.is_empty()) {
        if let hit @ Resolution::Found { .. } = resolve_reading(m, tail) {
            return hit;
        }
    }
    let mut scored: Vec<(usize, usize)> = Vec::new();
    let chars: Vec<char> = key.chars().collect();
    for (i, e) in m.places() {
        let r: Vec<char> = e.reading_key().chars().collect();
        let d = edit_distance(&chars, &r, 2);
        if d <= 2 {
            scored.push((d, i));
        }
    }
    sort::sort(&mut scored);
    not_found(NotFoundReason::UnknownName, scored.into_iter().take(5).map(|(_, i)| i).collect())
}
