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
//! 郡上市) is taken whole. Same-name places are never guessed, nor is one of
//! several places typed together (七尾市・輪島市: `listed`), nor a place that
//! shares a prefecture's name typed alone (石川: `prefecture`).
//!
//! By form: `by_name` (kanji), `by_reading` (kana), `by_romaji`, `mixed`
//! (kana among kanji, the prefecture in brackets after the name); this file
//! dispatches, and reads codes and postal codes.

use crate::prelude::*;

mod by_name;
mod by_reading;
mod by_romaji;
mod listed;
mod mixed;
mod prefecture;
mod suggest;

pub use suggest::suggest;

use crate::master::{check_digit_ok, master, with_check_digit, Kind, Master, OtherName};
use crate::postal::{format_postal_code, postal_code_in, PostalTable};
use crate::romaji;
use crate::sort;
use crate::text::{edit_distance, is_digits, kana_key, name_key};
use by_name::{resolve_name, ward_keys};
use by_reading::{reading_of, resolve_reading};
use by_romaji::resolve_romaji;
use prefecture::{or_in_prefecture, prefecture_stem};

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
            // (Japan Post's table of addresses: a business's own code, as on
            // a hospital's letterhead, is not in it)
            NotFoundReason::UnknownPostalCode => {
                "この郵便番号は日本郵便の住所の郵便番号にありません（事業所ごとの個別番号かもしれません）。番号を確かめるか、住所か市区町村名で入力してください。"
            }
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

fn resolve_key(m: &Master, input: &str, key: &str) -> Resolution {
    match resolve_one(m, input, key) {
        not_found @ Resolution::NotFound { .. } => {
            listed::bare_list(m, input).or_else(|| by_name::ward_of_city_stem(m, &name_key(key))).unwrap_or(not_found)
        }
        resolution => resolution,
    }
}

fn resolve_one(m: &Master, input: &str, key: &str) -> Resolution {
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
