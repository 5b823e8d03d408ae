//! Suggestions for autocomplete, best first, on every keystroke: no
//! allocation per place.

use crate::prelude::*;

use super::{by_romaji::suggest_romaji, ward_keys, MAX_INPUT_CHARS};
use crate::master::{master, Entry, Kind, Master};
use crate::romaji;
use crate::sort;
use crate::text::{is_digits, is_kana, kana_key, name_key};

/// Places for autocomplete, best first, at most `limit`
///
/// Ranking: exact name, then names starting with the input (with or without
/// prefecture and 郡), then readings starting with it, then ward names of
/// designated cities, then names containing it; shorter names first, then
/// by code.
pub fn suggest(prefix: &str, limit: usize) -> Vec<usize> {
    let m = master();
    let key: String = kana_key(prefix).chars().take(MAX_INPUT_CHARS).collect();
    if key.is_empty() || limit == 0 {
        return Vec::new();
    }
    if is_digits(&key) {
        return m.places().filter(|(_, e)| e.code.starts_with(key.as_str())).map(|(i, _)| i).take(limit).collect();
    }
    // Kana and romaji are matched by reading: none until they are loaded
    if super::needs_readings(prefix) {
        return Vec::new();
    }
    if romaji::is_romaji(prefix) {
        return suggest_romaji(m, prefix, limit);
    }
    let nk = name_key(&key);
    let mut pref: Option<usize> = None;
    let mut text = nk.as_str();
    for (pi, p) in m.prefectures() {
        if let Some(rest) = nk.strip_prefix(p.key.as_str()) {
            pref = Some(pi);
            text = rest;
        }
    }
    // 東津軽郡, 東津軽郡今: the 郡's towns and villages first
    let with_gun = text;
    let mut typed_gun = None;
    if let Some(at) = text.find('郡').filter(|&at| at > 0) {
        let end = at + '郡'.len_utf8();
        if !m.places().any(|(_, e)| e.key.starts_with(text)) {
            typed_gun = text.get(..end);
            text = text.get(end..).unwrap_or("");
        }
    }
    let kana = is_kana(&key);
    let mut scored: Vec<(u8, usize, usize)> = Vec::new();
    for (i, e) in m.places() {
        if pref.is_some_and(|p| e.prefecture != p) {
            continue;
        }
        let gun_fits = !e.gun_key.is_empty()
            && (e.gun_key.starts_with(with_gun)
                || with_gun.strip_prefix(e.gun_key.as_str()).is_some_and(|r| e.key.starts_with(r)));
        let rank = if gun_fits {
            Some(1)
        } else if typed_gun.is_some() && text.is_empty() {
            None
        } else {
            // Elsewhere than the typed 郡: after everything in it
            let elsewhere = typed_gun.is_some_and(|g| e.gun_key != g);
            suggestion_rank(m, e, text, &key, kana).map(|r| r + if elsewhere { 5 } else { 0 })
        };
        if let Some(rank) = rank {
            scored.push((rank, e.key.chars().count(), i));
        }
    }
    sort::sort(&mut scored);
    scored.into_iter().take(limit).map(|(_, _, i)| i).collect()
}

/// How well a place fits what is typed, lower is better: 0 the exact name,
/// 1 a name starting with it, 2 a reading starting with it (with or without
/// the prefecture's reading), 3 a ward's own name or reading, 4 a name
/// containing it; `None` for no fit. `text` is the name key without
/// prefecture and 郡, `key` the kana key as typed.
fn suggestion_rank(m: &Master, e: &Entry, text: &str, key: &str, kana: bool) -> Option<u8> {
    let reading_fits = || {
        e.reading_key().starts_with(key)
            || m.prefecture_of(e).is_some_and(|p| {
                key.strip_prefix(p.reading_key()).is_some_and(|r| !r.is_empty() && e.reading_key().starts_with(r))
            })
    };
    let ward_fits =
        || ward_keys(m, e).is_some_and(|(own, reading)| own.starts_with(text) || kana && reading.starts_with(key));
    if text.is_empty() || e.key.starts_with(text) {
        Some(u8::from(e.key != text || text.is_empty()))
    } else if kana && reading_fits() {
        Some(2)
    } else if e.kind == Kind::Ward && ward_fits() {
        Some(3)
    } else if text.chars().count() >= 2 && e.key.contains(text) {
        Some(4)
    } else {
        None
    }
}
