//! Resolving and suggesting romaji input through the master's readings
//! (the spelling rules are `crate::romaji`).

use crate::prelude::*;

use super::by_reading::reading_stem;
use super::{edit_distance, found_or_ambiguous, not_found, or_in_prefecture, NameNote, NotFoundReason, Resolution};
use crate::master::{Entry, Kind, Master};
use crate::romaji;
use crate::sort;
use crate::text::kana_key;

/// Romaji spellings of every row's reading, with and without its suffix
/// (し, まち, けん …), made on the first romaji input
struct RomajiKeys {
    full: Vec<String>,
    stem: Vec<String>,
    /// A ward's own reading (`tyuoku`), empty for other rows
    own: Vec<String>,
}

fn romaji_keys(m: &Master) -> &'static RomajiKeys {
    static KEYS: crate::once::Once<RomajiKeys> = crate::once::Once::new();
    KEYS.get_or_init(|| {
        fn stem(e: &Entry) -> &str {
            match e.kind {
                Kind::Prefecture => {
                    ["けん", "ふ", "と"].iter().find_map(|s| e.reading_key().strip_suffix(s)).unwrap_or(e.reading_key())
                }
                _ => reading_stem(e.reading_key()),
            }
        }
        RomajiKeys {
            full: m.entries.iter().map(|e| romaji::romanize(e.reading_key())).collect(),
            stem: m.entries.iter().map(|e| romaji::romanize(stem(e))).collect(),
            own: m
                .entries
                .iter()
                .map(|e| if e.kind == Kind::Ward { romaji::romanize(&kana_key(e.reading())) } else { String::new() })
                .collect(),
        }
    })
}

fn romaji_fits(keys: &RomajiKeys, i: usize, key: &str) -> bool {
    let is = |v: &Vec<String>| v.get(i).is_some_and(|k| !k.is_empty() && k == key);
    is(&keys.full) || is(&keys.stem) || is(&keys.own)
}

/// The prefecture a romaji word names (`aomori`, `aomoriken`, `hokkaido`)
fn romaji_prefecture(m: &Master, keys: &RomajiKeys, word: &str) -> Option<usize> {
    m.prefectures().map(|(pi, _)| pi).find(|&pi| romaji_fits(keys, pi, word))
}

pub(super) fn resolve_romaji(m: &Master, input: &str) -> Resolution {
    let mut words = romaji::words(input);
    // 「Tomari-mura, Furuu-gun」: the master has no readings of 郡, so a 郡
    // word beside the place's own is set aside (it cannot narrow, and the
    // answer then lists every place of that name)
    if words.len() > 1 {
        words.retain(|w| !(w.len() > 3 && w.ends_with("gun")));
    }
    if words.is_empty() {
        return not_found(NotFoundReason::Empty, Vec::new());
    }
    let keys = romaji_keys(m);
    let joined = words.concat();
    // Options: one word names the prefecture (Hirosaki, Aomori), the
    // prefecture written in front (aomori-ken hirosaki-shi), as typed
    let mut options: Vec<(Option<usize>, String)> = Vec::new();
    if words.len() > 1 {
        for (wi, w) in words.iter().enumerate() {
            if let Some(p) = romaji_prefecture(m, keys, w) {
                let rest = words.iter().enumerate().filter(|(j, _)| *j != wi).map(|(_, w)| w.as_str()).collect();
                options.push((Some(p), rest));
            }
        }
    }
    for (pi, _) in m.prefectures() {
        for k in [keys.full.get(pi), keys.stem.get(pi)].into_iter().flatten() {
            if let Some(rest) = joined.strip_prefix(k.as_str()).filter(|r| !r.is_empty()) {
                options.push((Some(pi), rest.to_string()));
            }
        }
    }
    options.push((None, joined.clone()));
    for (pref, key) in &options {
        let fits = |key: &str| -> Vec<usize> {
            m.places()
                .filter(|(i, e)| pref.is_none_or(|p| e.prefecture == p) && romaji_fits(keys, *i, key))
                .map(|(i, _)| i)
                .collect()
        };
        let mut hits = fits(key);
        if let Some((_, tail)) =
            key.split_once("gun").filter(|(g, t)| hits.is_empty() && !g.is_empty() && !t.is_empty())
        {
            hits = fits(tail);
        }
        // 町 and 村 read the other way (shika-cho for 志賀町, shika-machi)
        if hits.is_empty() {
            let other = [("tyo", "mati"), ("mati", "tyo"), ("son", "mura"), ("mura", "son")].iter().find_map(
                |(typed, read)| key.strip_suffix(typed).filter(|s| !s.is_empty()).map(|s| [s, read].concat()),
            );
            hits = other.map(|k| fits(&k)).unwrap_or_default();
        }
        if hits.is_empty() {
            continue;
        }
        if let Some(p) = romaji_prefecture(m, keys, key).filter(|_| pref.is_none()) {
            // aomori: 青森市, or somewhere in 青森県
            return or_in_prefecture(m, Resolution::Ambiguous(hits), p);
        }
        return match found_or_ambiguous(hits) {
            Resolution::Found { index, .. } => {
                Resolution::Found { index, note: Some(NameNote::Romaji(input.trim().to_string())) }
            }
            other => other,
        };
    }
    if romaji_prefecture(m, keys, &joined).is_some() {
        return not_found(NotFoundReason::PrefectureOnly, Vec::new());
    }
    let chars: Vec<char> = joined.chars().collect();
    let limit = if chars.len() <= 5 { 1 } else { 2 };
    let mut scored: Vec<(usize, usize)> = Vec::new();
    for (i, _) in m.places() {
        let d = [keys.full.get(i), keys.stem.get(i)]
            .into_iter()
            .flatten()
            .map(|k| edit_distance(&chars, &k.chars().collect::<Vec<char>>(), limit))
            .min()
            .unwrap_or(limit + 1);
        if d <= limit {
            scored.push((d, i));
        }
    }
    sort::sort(&mut scored);
    not_found(NotFoundReason::UnknownRomaji, scored.into_iter().take(5).map(|(_, i)| i).collect())
}

/// Suggestions for romaji: readings starting with what is typed, the whole
/// reading first
pub(super) fn suggest_romaji(m: &Master, prefix: &str, limit: usize) -> Vec<usize> {
    let typed = romaji::words(prefix).concat();
    if typed.is_empty() {
        return Vec::new();
    }
    let keys = romaji_keys(m);
    let mut scored: Vec<(u8, usize, usize)> = Vec::new();
    for (i, e) in m.places() {
        let starts = |v: &Vec<String>| v.get(i).is_some_and(|k| !k.is_empty() && k.starts_with(typed.as_str()));
        if romaji_fits(keys, i, &typed) {
            scored.push((0, e.key.chars().count(), i));
        } else if starts(&keys.full) || starts(&keys.own) {
            scored.push((1, e.key.chars().count(), i));
        }
    }
    sort::sort(&mut scored);
    scored.into_iter().take(limit).map(|(_, _, i)| i).collect()
}
