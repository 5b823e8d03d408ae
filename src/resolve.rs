//! From what a person types to exactly one place of the master, or the
//! candidates to choose from.
//!
//! Accepted forms (PRODUCT §4): a name with or without its prefecture or 郡;
//! a hiragana or katakana reading in full or half width; full-/half-width
//! digits and spaces; ヶ/ケ/が variants; old kanji forms; a designated-city
//! ward (`新潟市中央区`); a postal address pasted from a letterhead; a 6-digit
//! code or the 5-digit code without its check digit; a postal code (with a
//! [`PostalTable`]); romaji; another source's spelling or a former name
//! (answered with a [`NameNote`] saying what became of it).
//!
//! Towns and villages carry their 郡 in the master, and a 郡 typed narrows the
//! match (古宇郡泊村 / 国後郡泊村). A 郡 is only taken as a district when it is
//! not part of a municipality's own name: a name that matches at the start
//! and runs past the first 郡 (大和郡山市, 郡山市, 蒲郡市, 小郡市, 上郡町,
//! 郡上市) is taken whole. Same-name places are never guessed.

use crate::prelude::*;

mod by_romaji;
mod listed;
mod mixed;
mod suggest;

pub use suggest::suggest;

use crate::master::{check_digit_ok, master, with_check_digit, Entry, Kind, Master, OtherName};
use crate::postal::{format_postal_code, postal_code_in, PostalTable};
use crate::romaji;
use crate::sort;
use crate::text::{edit_distance, is_digits, is_kana, kana_key, name_key};
use by_romaji::resolve_romaji;

/// Inputs longer than this (in characters) are cut before matching; the
/// municipality is always at the start of an address
const MAX_INPUT_CHARS: usize = 200;

/// The outcome of resolving an input
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Exactly one place (index into the master), and what the answer should
    /// say about how the input was read
    Found { index: usize, note: Option<NameNote> },
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
    /// Romaji that matches no reading
    UnknownRomaji,
    /// A 郡 alone (its towns and villages are the suggestions)
    GunOnly,
    /// A postal code Japan Post does not have
    UnknownPostalCode,
    /// A postal code, but the postal table is not loaded
    PostalTableMissing,
    /// Kana or romaji, but the readings are not loaded
    ReadingsMissing,
}

/// How the input was read, when the answer should say so
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameNote {
    /// A former name or code (`浜松市中区`, `那珂川町`) and what became of it
    Former { name: &'static str, note: &'static str },
    /// The 郡 typed is not the place's (`東津軽郡鰺ヶ沢町`)
    GunDiffers { typed: String },
    /// Found by its postal code
    PostalCode(u32),
    /// A postal code before an address that names another municipality
    PostalCodeElsewhere(u32),
    /// Romaji, read as the place's reading
    Romaji(String),
}

impl NameNote {
    /// A Japanese sentence for the answer, about `place` (as the answer names it)
    pub fn message(&self, place: &str) -> String {
        match self {
            NameNote::Former { name, note } => format!("「{name}」は{note}。{place}として判定しています。"),
            NameNote::GunDiffers { typed } => {
                format!("入力の郡名「{typed}」は違います。{place}として判定しています。")
            }
            NameNote::PostalCode(code) => format!("郵便番号{}の市区町村（{place}）です。", format_postal_code(*code)),
            NameNote::PostalCodeElsewhere(code) => format!(
                "郵便番号{}は別の市区町村の番号です。住所の{place}として判定しています。",
                format_postal_code(*code)
            ),
            NameNote::Romaji(typed) => format!("ローマ字「{typed}」を{place}と読みました。"),
        }
    }
}

/// What the field accepts, for an answer that found nothing
pub const ACCEPTED_FORMS: &str = "入力できるのは、市区町村名（例: 弘前市、青森県弘前市、西津軽郡鰺ヶ沢町）、\
読み（ひろさきし）、ローマ字（hirosaki-shi）、団体コード（022021）、郵便番号（〒036-8588）、住所です。";

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
            NotFoundReason::UnknownRomaji => "このローマ字に当たる市区町村が見つかりません。つづりを確かめてください。",
            NotFoundReason::GunOnly => "郡名だけでは判定できません。町村名まで入力してください。",
            NotFoundReason::UnknownPostalCode => "この郵便番号は日本郵便のデータにありません。番号を確かめてください。",
            NotFoundReason::PostalTableMissing => {
                "郵便番号の表を読み込めなかったため、郵便番号からは判定できません。市区町村名で入力してください。"
            }
            NotFoundReason::ReadingsMissing => {
                "読み仮名の表を読み込めなかったため、よみがなやローマ字からは判定できません。漢字の市区町村名で入力してください。"
            }
        }
    }
}

/// Resolve an input to one place of the master (postal codes are not
/// known without a table: see [`resolve_with`])
pub fn resolve(input: &str) -> Resolution {
    resolve_with(input, None)
}

/// Resolve an input, with the postal table when it is loaded
pub fn resolve_with(input: &str, postal: Option<&PostalTable>) -> Resolution {
    let m = master();
    let key: String = kana_key(input).chars().take(MAX_INPUT_CHARS).collect();
    if let Some((code, rest)) = postal_code_in(&key) {
        return resolve_postal(m, code, rest, postal);
    }
    resolve_key(m, input, &key)
}

/// Whether resolving this input needs the postal table (the page fetches it
/// only then)
pub fn needs_postal_table(input: &str) -> bool {
    matches!(resolve(input), Resolution::NotFound { reason: NotFoundReason::PostalTableMissing, .. })
}

/// Whether this input (to resolve, or to suggest for) is in kana or romaji
/// and the readings are not loaded yet (see [`crate::master::load_readings`])
pub fn needs_readings(input: &str) -> bool {
    let key = kana_key(input);
    let key = key.trim_start_matches('〒');
    // Kana among kanji (石川県ななおし) is read with the readings once the
    // name alone is not found
    let mixed =
        || key.chars().any(|c| ('ぁ'..='ゖ').contains(&c)) && !matches!(resolve(input), Resolution::Found { .. });
    !master().has_readings() && (reading_of(key).is_some() || romaji::is_romaji(input) || mixed())
}

/// The reading typed, alone (かなざわし) or with the place's 市/町/村/区
/// in kanji (かなざわ市: then without it)
fn reading_of(key: &str) -> Option<&str> {
    Some(key).filter(|k| is_kana(k)).or_else(|| key.strip_suffix(['市', '町', '村', '区']).filter(|k| is_kana(k)))
}

fn resolve_key(m: &Master, input: &str, key: &str) -> Resolution {
    let key = key.trim_start_matches('〒');
    if key.is_empty() {
        return not_found(NotFoundReason::Empty, Vec::new());
    }
    if is_digits(key) {
        return resolve_code(m, key);
    }
    // 17204-9: a code written with its check digit set apart
    if let Some((code5, check)) = key.split_once('-').filter(|(c, d)| c.len() == 5 && d.len() == 1) {
        if is_digits(code5) && is_digits(check) {
            return resolve_code(m, &[code5, check].concat());
        }
    }
    let reading = reading_of(key);
    let romaji = reading.is_none() && romaji::is_romaji(input);
    if (reading.is_some() || romaji) && !m.has_readings() {
        return not_found(NotFoundReason::ReadingsMissing, Vec::new());
    }
    if romaji {
        return resolve_romaji(m, input);
    }
    let (resolution, stem) = match reading {
        Some(r) => (resolve_reading(m, r), prefecture_stem(m, key, true)),
        None => {
            let moved = mixed::prefecture_first(m, key);
            let name = name_key(moved.as_deref().unwrap_or(key));
            let resolution = match resolve_name(m, &name) {
                not_found @ Resolution::NotFound { .. } => mixed::resolve_mixed(m, key).unwrap_or(not_found),
                named => named,
            };
            (resolution, prefecture_stem(m, &name, false))
        }
    };
    match stem {
        Some(p) => or_in_prefecture(m, resolution, p),
        None => resolution,
    }
}

/// The prefecture whose name (or reading) without 都/府/県 is `key`:
/// 石川, おおさか
fn prefecture_stem(m: &Master, key: &str, kana: bool) -> Option<usize> {
    for (pi, p) in m.prefectures() {
        let stem = if kana {
            ["けん", "ふ", "と"].iter().find_map(|s| p.reading_key().strip_suffix(s))
        } else {
            p.key.strip_suffix(['県', '府', '都'])
        };
        if stem == Some(key) {
            return Some(pi);
        }
    }
    None
}

/// A prefecture's name typed without 都/府/県 that also names places
/// (石川: 福島県石川町; 大阪: 大阪市) is never taken for one of them: those
/// places and the prefecture's own are offered to choose from, as for
/// romaji (aomori). One that names no place (東京) is the prefecture alone.
fn or_in_prefecture(m: &Master, resolution: Resolution, prefecture: usize) -> Resolution {
    let mut hits = match resolution {
        Resolution::Found { index, .. } => vec![index],
        Resolution::Ambiguous(hits) => hits,
        Resolution::NotFound { .. } => Vec::new(),
    };
    let alone = hits.is_empty();
    for (i, _) in m.municipalities_of(prefecture) {
        if hits.len() >= 5 {
            break;
        }
        if !hits.contains(&i) {
            hits.push(i);
        }
    }
    if alone {
        not_found(NotFoundReason::PrefectureOnly, hits)
    } else {
        Resolution::Ambiguous(hits)
    }
}

fn found(index: usize) -> Resolution {
    Resolution::Found { index, note: None }
}

fn not_found(reason: NotFoundReason, suggestions: Vec<usize>) -> Resolution {
    Resolution::NotFound { reason, suggestions }
}

/// A postal code, alone or before an address: the address decides when it
/// names one place; otherwise the code does
fn resolve_postal(m: &Master, code: u32, rest: &str, postal: Option<&PostalTable>) -> Resolution {
    let places = postal.map(|t| t.lookup(code));
    let by_address = (!rest.is_empty()).then(|| resolve_key(m, rest, rest));
    if let Some(Resolution::Found { index, note }) = by_address {
        let elsewhere = places.as_ref().is_some_and(|p| {
            !p.is_empty() && !p.iter().any(|&i| i == index || m.get(i).and_then(|e| e.city) == Some(index))
        });
        let note = if elsewhere { Some(NameNote::PostalCodeElsewhere(code)) } else { note };
        return Resolution::Found { index, note };
    }
    match places.as_deref() {
        None => not_found(NotFoundReason::PostalTableMissing, Vec::new()),
        Some([]) => not_found(NotFoundReason::UnknownPostalCode, Vec::new()),
        Some([one]) => Resolution::Found { index: *one, note: Some(NameNote::PostalCode(code)) },
        Some(many) => found_or_ambiguous(many.to_vec()),
    }
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
        Some(i) if m.get(i).is_some_and(|e| e.kind != Kind::Prefecture) => found(i),
        Some(_) => not_found(NotFoundReason::PrefectureOnly, Vec::new()),
        None => match m.other_names.iter().find(|o| o.old_code.as_deref() == Some(code.as_str())) {
            Some(o) => former(o),
            None => not_found(NotFoundReason::UnknownCode, Vec::new()),
        },
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
        let hits = if exact.is_empty() {
            m.places().filter(|(_, e)| in_pref(e) && reading_stem(e.reading_key()) == rest).map(|(i, _)| i).collect()
        } else {
            exact
        };
        if !hits.is_empty() {
            return found_or_ambiguous(hits);
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

fn found_or_ambiguous(mut hits: Vec<usize>) -> Resolution {
    sort::sort_dedup(&mut hits);
    match hits.as_slice() {
        [one] => found(*one),
        _ => Resolution::Ambiguous(hits),
    }
}

/// The place a former name or code stands for, saying what became of it
fn former(o: &OtherName) -> Resolution {
    let note = o.note.map(|note| NameNote::Former { name: o.name, note });
    Resolution::Found { index: o.target, note }
}

fn resolve_name(m: &Master, key: &str) -> Resolution {
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

/// A ward's own name and reading keys (`中央区`, `ちゅうおうく`): its keys
/// without its city's (no allocation: this runs on every keystroke)
fn ward_keys<'a>(m: &Master, e: &'a Entry) -> Option<(&'a str, &'a str)> {
    let city = e.city.and_then(|c| m.get(c))?;
    Some((e.key.strip_prefix(city.key.as_str())?, e.reading_key().strip_prefix(city.reading_key())?))
}

/// Whether a key is a name with its 郡 (`古宇郡泊村`)
fn with_gun(gun_key: &str, key: &str, text: &str) -> bool {
    !gun_key.is_empty() && text.strip_prefix(gun_key) == Some(key)
}

/// What `rest` names (within a prefecture if given), and the part of `rest`
/// the match was attempted on (for suggestions)
fn match_places<'a>(m: &Master, rest: &'a str, pref: Option<usize>) -> (Option<Resolution>, &'a str) {
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
    if !prefix.is_empty() {
        // An address; a former name may be the longer start (浜松市中区砂山町)
        let older = m
            .other_names
            .iter()
            .filter(|o| in_pref(o.prefecture) && o.gun_key.is_empty() && o.key.len() > prefix_len)
            .filter(|o| rest.starts_with(o.key.as_str()))
            .max_by_key(|o| o.key.len());
        let after = rest.get(prefix_len..).unwrap_or("");
        return (Some(older.map_or_else(|| listed::with_listed(m, found_or_ambiguous(prefix), after), former)), rest);
    }
    let bare = bare_name(m, rest, pref);
    (Some(bare).filter(|b| !b.is_empty()).map(found_or_ambiguous), rest)
}

/// The places of the typed 郡 among `hits`; when none is in it, the one
/// place with a note that the 郡 differs, or all of them to choose from
fn narrow_by_gun(m: &Master, hits: Vec<usize>, typed_gun: &str) -> Resolution {
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
fn longest_prefix(m: &Master, text: &str, pref: Option<usize>, also: &dyn Fn(&Entry) -> bool) -> Vec<usize> {
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
    sort::sort(&mut scored);
    scored.into_iter().take(5).map(|(_, _, i)| i).collect()
}
