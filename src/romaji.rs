//! Romaji typed with the IME off (`aomori`, `hirosaki-shi`, `Chiyoda-ku`,
//! `Hirosaki, Aomori`), matched through the master's readings.
//!
//! Hepburn and its variants (shi/si, tsu/tu, chi/ti, fu/hu, ji/zi, sha/sya,
//! m before b/p/m, macrons, long vowels written or not) are all folded into
//! one canonical spelling, [`canonical`]; readings are romanised straight
//! into it ([`romanize`]). Long vowels are folded (`ou`, `oo`, `uu`, `ii`,
//! `aa`, `ee` → one vowel) because Hepburn usually drops them (Tokyo, Kobe):
//! two places whose readings then coincide are both answered, never one.

use crate::prelude::*;

/// Whether an input is meant as romaji: ASCII letters, and nothing but
/// letters, digits, spaces and the punctuation of a Western address
pub fn is_romaji(input: &str) -> bool {
    let mut letters = false;
    for c in input.chars() {
        let c = fold_width(c);
        if c.is_ascii_alphabetic() || is_macron(c) {
            letters = true;
        } else if !(c.is_whitespace() || matches!(c, '-' | '\'' | '’' | ',' | '.' | '、' | '　')) {
            return false;
        }
    }
    letters
}

/// Words of a romaji input in canonical spelling, without the words that
/// only say what kind of place it is (city, shi, ken, prefecture …)
pub fn words(input: &str) -> Vec<String> {
    const KIND_WORDS: &[&str] = &[
        "city",
        "town",
        "village",
        "ward",
        "prefecture",
        "district",
        "japan",
        "si",
        "mati",
        "tyo",
        "mura",
        "son",
        "ku",
        "ken",
        "hu",
        "to",
        "gun",
    ];
    let folded: String = input.chars().map(fold_width).collect();
    folded
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '、' | '　'))
        .map(canonical)
        .filter(|w| !w.is_empty() && !KIND_WORDS.contains(&w.as_str()))
        .collect()
}

fn fold_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    }
}

fn is_macron(c: char) -> bool {
    matches!(
        c,
        'ā' | 'ī'
            | 'ū'
            | 'ē'
            | 'ō'
            | 'â'
            | 'î'
            | 'û'
            | 'ê'
            | 'ô'
            | 'Ā'
            | 'Ī'
            | 'Ū'
            | 'Ē'
            | 'Ō'
            | 'Â'
            | 'Î'
            | 'Û'
            | 'Ê'
            | 'Ô'
    )
}

/// The canonical spelling of a romaji word: lower case, no hyphens or
/// apostrophes, Kunrei-style consonants, long vowels folded
pub fn canonical(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    // ASCII and the macron letters only: the Unicode case tables would
    // cost the page several KB
    for c in word.chars() {
        match c {
            'a'..='z' => s.push(c),
            'A'..='Z' => s.push(c.to_ascii_lowercase()),
            'ā' | 'â' | 'Ā' | 'Â' => s.push('a'),
            'ī' | 'î' | 'Ī' | 'Î' => s.push('i'),
            'ū' | 'û' | 'Ū' | 'Û' => s.push('u'),
            'ē' | 'ê' | 'Ē' | 'Ê' => s.push('e'),
            'ō' | 'ô' | 'Ō' | 'Ô' => s.push('o'),
            _ => {}
        }
    }
    const RULES: &[(&str, &str)] = &[
        ("shi", "si"),
        ("sh", "sy"),
        ("chi", "ti"),
        ("ch", "ty"),
        ("tsu", "tu"),
        ("fu", "hu"),
        ("ji", "zi"),
        ("jy", "zy"),
        ("j", "zy"),
        ("dzu", "zu"),
        ("du", "zu"),
        ("di", "zi"),
        ("wo", "o"),
        ("mb", "nb"),
        ("mp", "np"),
        ("mm", "nm"),
    ];
    for (from, to) in RULES {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    fold_long_vowels(&s)
}

fn fold_long_vowels(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let long = matches!(
            (out.chars().last(), c),
            (Some('o'), 'u' | 'o') | (Some('u'), 'u') | (Some('a'), 'a') | (Some('i'), 'i') | (Some('e'), 'e')
        );
        if !long {
            out.push(c);
        }
    }
    out
}

/// A hiragana reading in the canonical romaji spelling
/// (`ひろさきし` → `hirosakisi`, `とうきょうと` → `tokyoto`)
pub fn romanize(reading: &str) -> String {
    let mut out = String::with_capacity(reading.len());
    let mut double_next = false;
    for c in reading.chars() {
        match c {
            'っ' => {
                double_next = true;
                continue;
            }
            'ゃ' | 'ゅ' | 'ょ' => {
                // き + ゃ → kya: the i of the syllable before gives way
                if out.ends_with('i') {
                    out.pop();
                }
                out.push('y');
                out.push(match c {
                    'ゃ' => 'a',
                    'ゅ' => 'u',
                    _ => 'o',
                });
            }
            _ => {
                let syllable = syllable(c);
                if double_next {
                    if let Some(first) = syllable.chars().next().filter(|f| !"aiueon".contains(*f)) {
                        out.push(first);
                    }
                }
                out.push_str(syllable);
            }
        }
        double_next = false;
    }
    fold_long_vowels(&out)
}

fn syllable(c: char) -> &'static str {
    const ROWS: &[(&str, [&str; 5])] = &[
        ("あいうえお", ["a", "i", "u", "e", "o"]),
        ("かきくけこ", ["ka", "ki", "ku", "ke", "ko"]),
        ("さしすせそ", ["sa", "si", "su", "se", "so"]),
        ("たちつてと", ["ta", "ti", "tu", "te", "to"]),
        ("なにぬねの", ["na", "ni", "nu", "ne", "no"]),
        ("はひふへほ", ["ha", "hi", "hu", "he", "ho"]),
        ("まみむめも", ["ma", "mi", "mu", "me", "mo"]),
        ("やゆよ", ["ya", "yu", "yo", "", ""]),
        ("らりるれろ", ["ra", "ri", "ru", "re", "ro"]),
        ("わゐゑを", ["wa", "i", "e", "o", ""]),
        ("がぎぐげご", ["ga", "gi", "gu", "ge", "go"]),
        ("ざじずぜぞ", ["za", "zi", "zu", "ze", "zo"]),
        ("だぢづでど", ["da", "zi", "zu", "de", "do"]),
        ("ばびぶべぼ", ["ba", "bi", "bu", "be", "bo"]),
        ("ぱぴぷぺぽ", ["pa", "pi", "pu", "pe", "po"]),
        ("ぁぃぅぇぉ", ["a", "i", "u", "e", "o"]),
    ];
    match c {
        'ん' => "n",
        'ゔ' => "bu",
        _ => ROWS
            .iter()
            .find_map(|(kana, romaji)| kana.chars().position(|k| k == c).and_then(|i| romaji.get(i).copied()))
            .unwrap_or(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hepburn_variants_meet_the_romanised_reading() {
        for (typed, reading) in [
            ("hirosaki-shi", "ひろさきし"),
            ("Hirosakisi", "ひろさきし"),
            ("Tokyo", "とうきょう"),
            ("Tōkyō", "とうきょう"),
            ("Toukyou", "とうきょう"),
            ("Kobe", "こうべ"),
            ("Ōsaka", "おおさか"),
            ("Oosaka", "おおさか"),
            ("Chiyoda-ku", "ちよだく"),
            ("Shinjuku", "しんじゅく"),
            ("sinzyuku", "しんじゅく"),
            ("Gumma", "ぐんま"),
            ("Sapporo", "さっぽろ"),
            ("Hokkaido", "ほっかいどう"),
            ("Ajigasawa", "あじがさわ"),
            ("Tsugaru", "つがる"),
            ("Ichinoseki", "いちのせき"),
            ("Hatchobori", "はっちょうぼり"),
            ("Niigata", "にいがた"),
        ] {
            assert_eq!(canonical(typed), romanize(reading), "{typed} / {reading}");
        }
        assert_ne!(canonical("Hirosaki"), romanize("ひろしま"));
    }

    #[test]
    fn words_drop_what_kind_of_place_it_is() {
        assert_eq!(words("Hirosaki City, Aomori Prefecture"), vec!["hirosaki", "aomori"]);
        assert_eq!(words("ａｏｍｏｒｉ"), vec!["aomori"]);
        assert!(is_romaji("hirosaki-shi"));
        assert!(is_romaji("Hirosaki, Aomori"));
        assert!(!is_romaji("弘前市"));
        assert!(!is_romaji("022021"));
        assert!(!is_romaji("〒036-8588 aomori"));
    }
}
