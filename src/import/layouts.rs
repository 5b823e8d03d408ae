//! What kind of text was pasted, before any reading: texts about other
//! measures that share the vocabulary, and counts without names, are refused
//! with a sentence saying exactly that (nothing imported); a portal's
//! closure article is recognised, with its per-facility paragraph.

use crate::prelude::*;

use super::Compact;

/// Words of the function the notices activate
const ACTIVATION_WORDS: [&str; 6] =
    ["緊急時医療情報・資格確認機能", "アクティブ化", "アクティビ化", "災害時医療情報閲覧", "災害時モード", "閉塞"];

/// Words of other measures for disaster victims (保険証等の提示, 窓口負担 …)
const OTHER_MEASURES: [&str; 7] = ["保険証", "被保険者証", "資格確認書", "窓口負担", "一部負担金", "公費負担", "猶予"];

/// Why the text is not an activation notice, when it is not one
pub(super) fn not_an_activation(s: &Compact) -> Option<String> {
    if ACTIVATION_WORDS.iter().any(|w| s.find(w, 0).is_some()) {
        return None;
    }
    // Another measure first: its texts name the 災害救助法's areas too
    // (「災害救助法の適用市町村…に住所を有する被保険者」), and are no report
    let words: Vec<&str> = OTHER_MEASURES.iter().copied().filter(|w| s.find(w, 0).is_some()).collect();
    if !words.is_empty() {
        return Some(format!(
            "この本文は「緊急時医療情報・資格確認機能」のアクティブ化の通知ではなく、別の取扱い（{}）についてのものです。取り込むものはありません。",
            words.join("・")
        ));
    }
    // A 災害救助法 report: its areas are the base rule's (reliefAct, a week
    // from the first report), not a notice's
    (s.find("災害救助法", 0).is_some() && s.find("適用", 0).is_some()).then(|| "この本文は「緊急時医療情報・資格確認機能」のアクティブ化の通知ではなく、災害救助法の適用の報告です。アクティブ化の規則としては取り込みません。適用地域と適用第一報の日は、通知データの災害の reliefAct に書いてください（適用第一報から一週間が対象になります。docs/notices-format.md の 3.10）。".into())
}

/// 「4県47市町村」 and no names: what the text holds, when that is all
pub(super) fn counts_only(s: &Compact) -> Option<String> {
    (0..s.chars.len()).find_map(|i| {
        let digits = |k: usize| (k..s.chars.len()).take_while(|&j| s.chars.get(j).is_some_and(char::is_ascii_digit)).count();
        let n = digits(i);
        if n == 0 || i > 0 && s.chars.get(i - 1).is_some_and(char::is_ascii_digit) {
            return None;
        }
        let mut k = i + n;
        if s.starts(k, "県") || s.starts(k, "都道府県") {
            k += if s.starts(k, "県") { 1 } else { 4 };
            k += digits(k);
        }
        s.starts(k, "市町村").then(|| {
            format!(
                "本文には地域の数（{}）だけが書かれ、市町村の名前がありません。取り込めるものはありません。名前の載った事務連絡か記事を貼り付けてください。",
                s.text(i, k + 3)
            )
        })
    })
}

/// Whether the line at `i` is a 範囲's clause on facilities that applied
/// one by one (「（２）（１）以外の石川県内の市町に所在する医療機関・薬局のうち、
/// 多数の避難者を受け入れている医療機関・薬局として厚生労働省に申請があったもの」):
/// not names, but who else is covered
pub(super) fn facility_line(s: &Compact, i: usize) -> bool {
    let (start, end) = line_span(s, i);
    let line = s.text(start, end);
    line.contains("医療機関")
        && ["申請があった", "申請のあった", "申請した", "申し出があった"].iter().any(|w| line.contains(w))
}

/// The first such clause from `from` on, as written (without its
/// 「（２）」), with the prefecture it speaks of (「石川県内の」)
pub(super) fn facility_clause(s: &Compact, from: usize) -> Option<(String, Option<&'static str>)> {
    let k = (from..s.chars.len()).find(|&i| super::readers::starts_line(s, i) && facility_line(s, i))?;
    let (start, end) = line_span(s, k);
    // Past its own heading only (「（２）」, 「２．」, 「②」): 「（１）以外の」 is the clause's
    let mut i = start;
    if matches!(s.chars.get(i), Some('(' | '（')) {
        i = (i..end).find(|&j| matches!(s.chars.get(j), Some(')' | '）'))).map_or(i, |j| j + 1);
    } else {
        while s.chars.get(i).is_some_and(|c| c.is_ascii_digit() || ('①'..='⑳').contains(c) || ".．、・".contains(*c))
        {
            i += 1;
        }
    }
    let prefecture = (i..end).find_map(|j| super::prefecture_at(s, j));
    Some((s.text(i, end), prefecture))
}

/// The first and past-the-last index of the line of `i`
fn line_span(s: &Compact, i: usize) -> (usize, usize) {
    let line = s.at(i).line;
    let end = (i..s.chars.len()).find(|&j| s.at(j).line != line).unwrap_or(s.chars.len());
    (super::line_start(s, i), end)
}

/// The paragraph on per-facility applications after a closure
/// (「なお、閉塞後も…個別に…申請…」), as written
pub(super) fn facility_paragraph(s: &Compact) -> Option<String> {
    let k = s.find("個別に", 0)?;
    let sentence = (0..k).rev().find(|&i| s.chars.get(i) == Some(&'。')).map_or(0, |i| i + 1);
    let start = sentence.max(super::line_start(s, k));
    let end = (k..s.chars.len()).find(|&i| s.chars.get(i) == Some(&'。')).map_or(s.chars.len(), |i| i + 1);
    let text = s.text(start, end);
    (text.contains("申請") || text.contains("申し出")).then_some(text)
}

/// A trade-press relay's lists: 「▽石川県=七尾市、輪島市…▽富山県=氷見市―」,
/// 「〈対象地域〉石川県＝金沢市、七尾市／富山県＝氷見市。」 (from the first
/// prefecture with its 「=」 to the dash or full stop that ends them)
pub(super) fn relay_list(s: &Compact) -> Option<(usize, usize)> {
    let start = (0..s.chars.len()).find(|&i| {
        let lead = i.checked_sub(1).and_then(|b| s.chars.get(b)).is_none_or(|c| "▽〉》/:」".contains(*c));
        lead && super::prefecture_at(s, i).is_some_and(|p| s.starts(i + p.chars().count(), "="))
    })?;
    let end =
        (start..s.chars.len()).find(|&i| matches!(s.chars.get(i), Some('―' | '—' | '。'))).unwrap_or(s.chars.len());
    Some((start, end))
}

/// A relay's list in prose: 「対象は石川県の七尾市、輪島市、珠洲市の3市」 (from the
/// prefecture to the count, the end of the sentence or 「で」)
/// Without such a lead, a prefecture's names closed by their count in one
/// sentence: 「…で被災した石川県の七尾市、輪島市、…の6市町について」
pub(super) fn prose_list(s: &Compact) -> Option<(usize, usize)> {
    let led = ["対象地域は", "対象は", "対象となるのは"].iter().find_map(|lead| {
        let mut from = 0;
        while let Some(k) = s.find(lead, from) {
            let at = k + lead.chars().count();
            if super::prefecture_at(s, at).is_some() {
                return Some(at);
            }
            from = k + 1;
        }
        None
    });
    let end_from = |start: usize| {
        (start..s.chars.len())
            .find(|&i| {
                matches!(s.chars.get(i), Some('。' | '―' | '—'))
                    || s.starts(i, "で、")
                    || (s.chars.get(i) == Some(&'の') && s.chars.get(i + 1).is_some_and(char::is_ascii_digit))
            })
            .unwrap_or(s.chars.len())
    };
    if let Some(start) = led {
        return Some((start, end_from(start)));
    }
    (0..s.chars.len()).find_map(|i| {
        let p = super::prefecture_at(s, i)?;
        let names = i + p.chars().count() + 1;
        let end = end_from(names);
        let counted = s.chars.get(end) == Some(&'の') && s.text(names, end).contains('、');
        (s.chars.get(names - 1) == Some(&'の') && counted).then_some((i, end))
    })
}

/// 「他の29市町村の特例は、7日で終了」: areas that end, not named
pub(super) fn unnamed_others(s: &Compact) -> Option<(usize, String)> {
    let k = s.find("他の", 0)?;
    let end = (k..s.chars.len().min(k + 40)).find(|&i| s.starts(i, "終了"))?;
    let text = s.text(k, end + 2);
    // 「他の29市町村」, 「他の11市町」: a count of places, no names
    let counted = text.chars().any(|c| c.is_ascii_digit()) && ['市', '町', '村'].iter().any(|&c| text.contains(c));
    counted.then_some((k, text))
}

/// 「対象地域から鶴岡市を除外」, 「石川県全域（金沢市を除く）」: an area taken
/// out, which no reader writes (it would stay active): where it is said, what
/// is said, and the word that says it
pub(super) fn exclusion(s: &Compact) -> Option<(usize, String, &'static str)> {
    // 「…市を除く」 (not 「土日祝日を除く」: a place comes before it)
    let of_a_place = |k: usize| {
        k >= 2 && s.chars.get(k - 1) == Some(&'を') && s.chars.get(k - 2).is_some_and(|c| "市町村区域".contains(*c))
    };
    let (k, word) = ["除外", "対象から外", "対象外と", "除く", "除き"]
        .iter()
        .filter_map(|w| {
            let mut from = 0;
            while let Some(k) = s.find(w, from) {
                if !w.starts_with('除') || *w == "除外" || of_a_place(k) {
                    return Some((k, *w));
                }
                from = k + 1;
            }
            None
        })
        .min_by_key(|(k, _)| *k)?;
    let start = super::readers::line_start(s, k);
    let line = s.at(k).line;
    let end = (k..(k + 4).min(s.chars.len())).take_while(|&i| s.at(i).line == line).last().map_or(k, |i| i + 1);
    Some((start, s.text(start, end), word))
}
