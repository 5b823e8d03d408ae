//! Normalisation of what people type, so that one municipality has one key.
//!
//! Two keys are derived from any string:
//! - [`kana_key`]: width folded (full-width ASCII and digits to ASCII,
//!   half-width katakana to full width, voiced marks joined), spaces removed,
//!   katakana turned into hiragana. Used for readings.
//! - [`name_key`]: the kana key, then the small-ke family (ヶ, ケ, ヵ, が …)
//!   folded to one character and old kanji forms mapped to the forms the
//!   municipality master uses (鯵 and 鰺, 澤 and 沢 …). Used for names.
//!
//! Both sides of every comparison go through the same function, so folding
//! never has to be undone.

use crate::prelude::*;

/// Old (or alternative) kanji forms and the form to compare with.
///
/// INVARIANT: each pair maps a variant to the form used by the master
/// (`data/municipalities.txt`); the left side never occurs in the master in a
/// way that would make two names collide (checked by a test in `master`).
/// 嶋 is not folded to 島: 鹿嶋市 (茨城県) and 鹿島市 (佐賀県) are two places.
const KANJI_VARIANTS: &[(char, char)] = &[
    ('鯵', '鰺'),
    ('澤', '沢'),
    ('邊', '辺'),
    ('邉', '辺'),
    ('檜', '桧'),
    ('龍', '竜'),
    ('廣', '広'),
    ('濱', '浜'),
    ('櫻', '桜'),
    ('國', '国'),
    ('與', '与'),
    ('會', '会'),
    ('縣', '県'),
    ('齋', '斎'),
    ('齊', '斉'),
    ('﨑', '崎'),
    ('嵜', '崎'),
    ('碕', '崎'),
    ('曾', '曽'),
    ('冨', '富'),
    ('槇', '槙'),
    ('德', '徳'),
    ('眞', '真'),
    ('條', '条'),
    ('淺', '浅'),
    ('關', '関'),
    ('藏', '蔵'),
    ('驒', '騨'),
    ('檮', '梼'),
    ('鄕', '郷'),
    ('靜', '静'),
    ('萬', '万'),
    ('來', '来'),
    ('惠', '恵'),
    ('淵', '渕'),
    ('遙', '遥'),
    ('鷗', '鴎'),
    ('峯', '峰'),
    ('舊', '旧'),
    ('寶', '宝'),
    ('豐', '豊'),
    ('髙', '高'),
    ('黑', '黒'),
    ('壽', '寿'),
    ('榮', '栄'),
    ('賴', '頼'),
    ('稻', '稲'),
    ('戶', '戸'),
    ('圓', '円'),
    ('臺', '台'),
    ('瀨', '瀬'),
    ('瀧', '滝'),
    ('鹽', '塩'),
    ('兒', '児'),
    ('鐵', '鉄'),
    ('發', '発'),
    ('樂', '楽'),
    ('澁', '渋'),
    ('增', '増'),
    ('祗', '祇'),
    ('彌', '弥'),
    ('穗', '穂'),
    // 塩竈市, as it is often written (塩竃, 塩釜; 釜石市 folds alike)
    ('竃', '竈'),
    ('釜', '竈'),
    ('龜', '亀'),
    ('壹', '壱'),
    ('杤', '栃'),
];

/// Half-width katakana U+FF66..=U+FF9D to full width, in code point order.
const HALF_KATAKANA: &str =
    "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

/// Whether a character is dropped when keys are made (spaces of all widths
/// and the separators people put between prefecture and city)
fn is_ignorable(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{3000}' | '\u{200b}' | '\u{feff}' | '・' | '･')
}

/// Width folding, voiced-mark joining and katakana to hiragana
pub fn kana_key(input: &str) -> String {
    folded_width(input).into_iter().map(katakana_to_hiragana).collect()
}

/// The key names are compared by (the kana key, folded; one pass: the
/// master computes it for every row before its first answer)
pub fn name_key(input: &str) -> String {
    folded_width(input).into_iter().map(|c| fold_name_char(katakana_to_hiragana(c))).collect()
}

/// The characters of the input, width folded and voiced marks joined
fn folded_width(input: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(input.len());
    for c in input.chars() {
        if is_ignorable(c) {
            continue;
        }
        let c = match c {
            // Full-width ASCII to ASCII
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{ff66}'..='\u{ff9d}' => HALF_KATAKANA.chars().nth(c as usize - 0xff66).unwrap_or(c),
            // Voiced and semi-voiced marks, half width or spacing
            '\u{ff9e}' | '\u{309b}' | '\u{3099}' => {
                if let Some(last) = out.last_mut() {
                    *last = voiced(*last);
                }
                continue;
            }
            '\u{ff9f}' | '\u{309c}' | '\u{309a}' => {
                if let Some(last) = out.last_mut() {
                    *last = semi_voiced(*last);
                }
                continue;
            }
            other => other,
        };
        out.push(c);
    }
    out
}

fn fold_name_char(c: char) -> char {
    match c {
        // ヶ ケ ヵ (already hiragana: ゖ け ゕ) and が in names like 鰺が沢
        'ゖ' | 'け' | 'ゕ' | 'が' => 'が',
        _ => KANJI_VARIANTS.iter().find(|(from, _)| *from == c).map_or(c, |(_, to)| *to),
    }
}

fn katakana_to_hiragana(c: char) -> char {
    match c {
        'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

fn voiced(c: char) -> char {
    match c {
        'ウ' => 'ヴ',
        'カ'..='ト' | 'ハ'..='ホ' => {
            // Each voiceable kana is followed by its voiced form, except that
            // ハ行 steps by three (ハ バ パ).
            let next = char::from_u32(c as u32 + 1).unwrap_or(c);
            if is_plain_voiceable(c) {
                next
            } else {
                c
            }
        }
        _ => c,
    }
}

fn semi_voiced(c: char) -> char {
    match c {
        'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ' => char::from_u32(c as u32 + 2).unwrap_or(c),
        _ => c,
    }
}

fn is_plain_voiceable(c: char) -> bool {
    "カキクケコサシスセソタチツテトハヒフヘホ".contains(c)
}

/// Whether a key consists of hiragana only (a reading)
pub fn is_kana(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| matches!(c, 'ぁ'..='ゖ' | 'ー'))
}

/// Whether a key consists of ASCII digits only (a code)
pub fn is_digits(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit())
}

/// Levenshtein distance over characters, with an early exit: returns
/// `limit + 1` as soon as the distance is known to exceed `limit`
pub fn edit_distance(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let mut row_min = usize::MAX;
        if let Some(first) = cur.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(usize::MAX).saturating_add(1);
            let ins = cur.get(j).copied().unwrap_or(usize::MAX).saturating_add(1);
            let sub = prev.get(j).copied().unwrap_or(usize::MAX).saturating_add(cost);
            let v = del.min(ins).min(sub);
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = v;
            }
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return limit + 1;
        }
        core::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(limit + 1).min(limit + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_and_kana() {
        assert_eq!(kana_key("ﾋﾛｻｷｼ"), "ひろさきし");
        assert_eq!(kana_key("ｶﾞｯｺｳ ﾊﾟﾝ"), "がっこうぱん");
        assert_eq!(kana_key("ヒロサキシ"), "ひろさきし");
        assert_eq!(kana_key("０２２０２１"), "022021");
        assert_eq!(kana_key(" 青森県\u{3000}弘前市 "), "青森県弘前市");
    }

    #[test]
    fn small_ke_and_old_forms() {
        assert_eq!(name_key("鯵ケ沢町"), name_key("鰺ヶ沢町"));
        assert_eq!(name_key("鰺が沢町"), name_key("鰺ヶ沢町"));
        assert_eq!(name_key("龍ヶ崎市"), name_key("竜ケ崎市"));
        assert_ne!(name_key("鰭ヶ沢町"), name_key("鰺ヶ沢町"));
    }

    #[test]
    fn distance() {
        let a: Vec<char> = "鰭が沢町".chars().collect();
        let b: Vec<char> = "鰺が沢町".chars().collect();
        assert_eq!(edit_distance(&a, &b, 2), 1);
        assert_eq!(edit_distance(&a, &a, 0), 0);
        let c: Vec<char> = "弘前市".chars().collect();
        assert_eq!(edit_distance(&a, &c, 1), 2);
    }
}
