//! From what a person types to exactly one place of the master, or the
//! candidates to choose from.
//!
//! Accepted forms (PRODUCT §4): a name with or without its prefecture or 郡;
//! a hiragana or katakana reading in full or half width; full-/half-width
//! digits and spaces; ヶ/ケ/が variants; old kanji forms; a designated-city
//! ward (`新潟市中央区`); a postal address pasted from a letterhead; a 6-digit
//! code or the 5-digit code without its check digit.
//!
//! The master has no 郡 names, the notices do. A 郡 prefix is only stripped
//! when the 郡 is not part of a municipality's own name: a name that matches
//! at the start and runs past the first 郡 (大和郡山市, 郡山市, 蒲郡市, 小郡市,
//! 上郡町, 郡上市) is taken whole. Same-name places are never guessed.

use crate::master::{check_digit_ok, master, with_check_digit, Entry, Kind, Master};
use crate::text::{edit_distance, is_digits, is_kana, kana_key, name_key};

/// Inputs longer than this (in characters) are cut before matching; the
/// municipality is always at the start of an address
const MAX_INPUT_CHARS: usize = 200;

/// The outcome of resolving an input
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Exactly one place (index into the master)
    Found(usize),
    /// Several places fit equally well, best first
    Ambiguous(Vec<usize>),
    /// Nothing fits; the close candidates, best first
    NotFound { reason: NotFoundReason, suggestions: Vec<usize> },
}

/// Why nothing was found
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotFoundReason {
    Empty,
    /// Six digits whose last digit is not the check digit
    BadCheckDigit,
    /// A well-formed code that is not in the master
    UnknownCode,
    /// Digits that are neither 5 nor 6 long
    BadCodeLength,
    /// A prefecture alone
    PrefectureOnly,
    /// A name or reading that is not in the master
    UnknownName,
}

impl NotFoundReason {
    /// A Japanese sentence for the person who typed the input
    pub fn message(self) -> &'static str {
        match self {
            NotFoundReason::Empty => "市区町村名を入力してください。",
            NotFoundReason::BadCheckDigit => {
                "6桁の団体コードの検査数字（最後の桁）が合いません。コードを確かめてください。"
            }
            NotFoundReason::UnknownCode => "この団体コードの市区町村は見つかりません。",
            NotFoundReason::BadCodeLength => "団体コードは6桁（または検査数字を除いた5桁）で入力してください。",
            NotFoundReason::PrefectureOnly => "都道府県だけでは判定できません。市区町村名まで入力してください。",
            NotFoundReason::UnknownName => "該当する市区町村が見つかりません。表記を確かめてください。",
        }
    }
}

/// Resolve an input to one place of the master
pub fn resolve(input: &str) -> Resolution {
    let m = master();
    let key: String = kana_key(input).chars().take(MAX_INPUT_CHARS).collect();
    let key = strip_postal_code(&key);
    if key.is_empty() {
        return not_found(NotFoundReason::Empty, Vec::new());
    }
    if is_digits(key) {
        return resolve_code(m, key);
    }
    if is_kana(key) {
        return resolve_reading(m, key);
    }
    resolve_name(m, &name_key(key))
}

fn not_found(reason: NotFoundReason, suggestions: Vec<usize>) -> Resolution {
    Resolution::NotFound { reason, suggestions }
}

/// `〒036-8551 青森県…` → `青森県…`
fn strip_postal_code(key: &str) -> &str {
    let rest = key.trim_start_matches('〒');
    let bytes = rest.as_bytes();
    let digits = |r: std::ops::Range<usize>| bytes.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if digits(0..3) {
        if bytes.get(3) == Some(&b'-') && digits(4..8) && !bytes.get(8).is_some_and(u8::is_ascii_digit) {
            return rest.get(8..).unwrap_or("");
        }
        if digits(3..7) && !bytes.get(7).is_some_and(u8::is_ascii_digit) && rest.len() > 7 {
            return rest.get(7..).unwrap_or("");
        }
    }
    rest
}

fn resolve_code(m: &Master, digits: &str) -> Resolution {
    let code = match digits.len() {
        6 if !check_digit_ok(digits) => return not_found(NotFoundReason::BadCheckDigit, Vec::new()),
        6 => digits.to_string(),
        5 => match with_check_digit(digits) {
            Some(c) => c,
            None => return not_found(NotFoundReason::UnknownCode, Vec::new()),
        },
        _ => return not_found(NotFoundReason::BadCodeLength, Vec::new()),
    };
    match m.index_of(&code) {
        Some(i) if m.get(i).is_some_and(|e| e.kind != Kind::Prefecture) => Resolution::Found(i),
        Some(_) => not_found(NotFoundReason::PrefectureOnly, Vec::new()),
        None => not_found(NotFoundReason::UnknownCode, Vec::new()),
    }
}

/// Suffixes a reading may be typed without
const READING_SUFFIXES: &[&str] = &["ちょう", "まち", "むら", "そん", "し", "く"];

fn reading_stem(reading: &str) -> &str {
    READING_SUFFIXES.iter().find_map(|s| reading.strip_suffix(s)).filter(|s| !s.is_empty()).unwrap_or(reading)
}

fn resolve_reading(m: &Master, key: &str) -> Resolution {
    // With a prefecture reading in front (あおもりけんひろさきし) or without
    let mut options: Vec<(Option<usize>, &str)> = m
        .prefectures()
        .filter_map(|(pi, p)| key.strip_prefix(p.reading_key.as_str()).filter(|r| !r.is_empty()).map(|r| (Some(pi), r)))
        .collect();
    options.push((None, key));
    for (pref, rest) in options {
        let in_pref = |e: &Entry| pref.is_none_or(|p| e.prefecture == p);
        let exact: Vec<usize> =
            m.places().filter(|(_, e)| in_pref(e) && e.reading_key == rest).map(|(i, _)| i).collect();
        let hits = if exact.is_empty() {
            m.places().filter(|(_, e)| in_pref(e) && reading_stem(&e.reading_key) == rest).map(|(i, _)| i).collect()
        } else {
            exact
        };
        if !hits.is_empty() {
            return found_or_ambiguous(hits);
        }
    }
    let mut scored: Vec<(usize, usize)> = Vec::new();
    let chars: Vec<char> = key.chars().collect();
    for (i, e) in m.places() {
        let r: Vec<char> = e.reading_key.chars().collect();
        let d = edit_distance(&chars, &r, 2);
        if d <= 2 {
            scored.push((d, i));
        }
    }
    scored.sort();
    not_found(NotFoundReason::UnknownName, scored.into_iter().take(5).map(|(_, i)| i).collect())
}

fn found_or_ambiguous(mut hits: Vec<usize>) -> Resolution {
    hits.sort_unstable();
    hits.dedup();
    match hits.as_slice() {
        [one] => Resolution::Found(*one),
        _ => Resolution::Ambiguous(hits),
    }
}

fn resolve_name(m: &Master, key: &str) -> Resolution {
    // Options: with the prefecture stripped (青森県弘前市), with a prefecture
    // written without 県/府/都 (青森弘前市), and as typed.
    let mut options: Vec<(Option<usize>, &str)> = Vec::new();
    for (pi, p) in m.prefectures() {
        if let Some(rest) = key.strip_prefix(p.key.as_str()) {
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
        let (hits, tried) = match_places(m, rest, pref);
        if !hits.is_empty() {
            return found_or_ambiguous(hits);
        }
        near = near.or(Some((tried, pref)).filter(|_| pref.is_some()));
        near = near.or(Some((tried, None)));
    }
    let (text, pref) = near.unwrap_or((key, None));
    not_found(NotFoundReason::UnknownName, close_names(m, text, pref))
}

/// Places whose name matches `rest` (within a prefecture if given), and the
/// part of `rest` the match was attempted on (for suggestions)
fn match_places<'a>(m: &Master, rest: &'a str, pref: Option<usize>) -> (Vec<usize>, &'a str) {
    let in_pref = |e: &Entry| pref.is_none_or(|p| e.prefecture == p);
    let exact: Vec<usize> = m.places().filter(|(_, e)| in_pref(e) && e.key == rest).map(|(i, _)| i).collect();
    if !exact.is_empty() {
        return (exact, rest);
    }
    let prefix = longest_prefix(m, rest, pref, |_| true);
    let prefix_len = prefix.first().and_then(|&i| m.get(i)).map_or(0, |e| e.key.len());
    let first_gun = rest.find('郡').filter(|&at| at > 0);
    if let Some(at) = first_gun {
        // A name that covers the 郡 owns it (大和郡山市…); otherwise the 郡
        // is a district prefix (東津軽郡今別町, 東村山郡山辺町).
        if prefix_len <= at {
            let tail = rest.get(at + '郡'.len_utf8()..).unwrap_or("");
            let town = |e: &Entry| e.kind == Kind::Municipality && (e.name.ends_with('町') || e.name.ends_with('村'));
            let exact_tail: Vec<usize> =
                m.places().filter(|(_, e)| in_pref(e) && town(e) && e.key == tail).map(|(i, _)| i).collect();
            if !exact_tail.is_empty() {
                return (exact_tail, tail);
            }
            let in_tail = longest_prefix(m, tail, pref, town);
            if !in_tail.is_empty() {
                return (in_tail, tail);
            }
            if prefix.is_empty() {
                return (bare_name(m, tail, pref), tail);
            }
        }
    }
    if !prefix.is_empty() {
        return (prefix, rest);
    }
    (bare_name(m, rest, pref), rest)
}

/// The places whose key is the longest prefix of `text`
fn longest_prefix(m: &Master, text: &str, pref: Option<usize>, also: impl Fn(&Entry) -> bool) -> Vec<usize> {
    let mut best: Vec<usize> = Vec::new();
    let mut best_len = 0;
    for (i, e) in m.places() {
        if pref.is_some_and(|p| e.prefecture != p) || !also(e) || !text.starts_with(e.key.as_str()) {
            continue;
        }
        match e.key.len().cmp(&best_len) {
            std::cmp::Ordering::Greater => {
                best_len = e.key.len();
                best = vec![i];
            }
            std::cmp::Ordering::Equal => best.push(i),
            std::cmp::Ordering::Less => {}
        }
    }
    best
}

/// A name typed without its 市/町/村/区 (弘前 → 弘前市)
fn bare_name(m: &Master, text: &str, pref: Option<usize>) -> Vec<usize> {
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
fn close_names(m: &Master, text: &str, pref: Option<usize>) -> Vec<usize> {
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
    scored.sort();
    scored.into_iter().take(5).map(|(_, _, i)| i).collect()
}

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
    let nk = name_key(&key);
    let mut pref: Option<usize> = None;
    let mut text = nk.as_str();
    for (pi, p) in m.prefectures() {
        if let Some(rest) = nk.strip_prefix(p.key.as_str()) {
            pref = Some(pi);
            text = rest;
        }
    }
    if let Some(at) = text.find('郡').filter(|&at| at > 0) {
        let tail = text.get(at + '郡'.len_utf8()..).unwrap_or("");
        if !m.places().any(|(_, e)| e.key.starts_with(text)) {
            text = tail;
        }
    }
    let kana = is_kana(&key);
    let mut scored: Vec<(u8, usize, usize)> = Vec::new();
    for (i, e) in m.places() {
        if pref.is_some_and(|p| e.prefecture != p) {
            continue;
        }
        if let Some(rank) = suggestion_rank(m, e, text, &key, kana) {
            scored.push((rank, e.key.chars().count(), i));
        }
    }
    scored.sort_unstable();
    scored.into_iter().take(limit).map(|(_, _, i)| i).collect()
}

/// How well a place fits what is typed, lower is better: 0 the exact name,
/// 1 a name starting with it, 2 a reading starting with it (with or without
/// the prefecture's reading), 3 a ward's own name or reading, 4 a name
/// containing it; `None` for no fit. `text` is the name key without
/// prefecture and 郡, `key` the kana key as typed.
fn suggestion_rank(m: &Master, e: &Entry, text: &str, key: &str, kana: bool) -> Option<u8> {
    let reading_fits = || {
        e.reading_key.starts_with(key)
            || m.prefecture_of(e).is_some_and(|p| {
                key.strip_prefix(p.reading_key.as_str()).is_some_and(|r| !r.is_empty() && e.reading_key.starts_with(r))
            })
    };
    let ward_fits = || name_key(e.name).starts_with(text) || kana && kana_key(e.reading).starts_with(key);
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
