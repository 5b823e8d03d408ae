//! The places a notice names, to master indices: exactly one municipality
//! each (else a problem with candidates), whole prefectures as their
//! municipalities.

use crate::prelude::*;

use super::*;
use crate::master::master;
use crate::resolve::{resolve, Resolution};

/// What a notice writes after the name of the place at `index` (「の一部」,
/// 「ほか2市」, 「役所」), other than words that change nothing (「内」,
/// 「全域」): the lenient resolver would read them as an address
pub(crate) fn words_after(name: &str, index: usize) -> Option<String> {
    let m = master();
    let e = m.get(index)?;
    let written = crate::text::name_key(name);
    // Past its prefecture and its 郡 when written, then its name (a ward's
    // with its city or alone)
    let mut key = written.as_str();
    if let Some(p) = m.prefecture_of(e) {
        key = key.strip_prefix(p.key.as_str()).unwrap_or(key);
    }
    key = key.strip_prefix(e.gun_key.as_str()).unwrap_or(key);
    let own = crate::text::name_key(e.name);
    let rest = key.strip_prefix(e.key.as_str()).or_else(|| key.strip_prefix(own.as_str()))?;
    (!["", "内", "全域", "全体", "一円", "の全域"].contains(&rest)).then(|| rest.to_string())
}

/// Resolve an area name of a notice to exactly one master index
fn resolve_area(name: &str, entry: &str, path: &str, problems: &mut Vec<Problem>) -> Option<usize> {
    let m = master();
    let label = |i: usize| {
        m.get(i)
            .map(|e| format!("{}{}", m.prefecture_of(e).map_or("", |p| p.name), e.name_with_gun()))
            .unwrap_or_default()
    };
    // Notices write places in kanji; a reading would resolve only where the
    // readings are loaded (never in the checker's first moments)
    let key = crate::text::kana_key(name);
    if crate::text::is_kana(&key) || crate::romaji::is_romaji(name) {
        problems.push(Problem::new(
            entry,
            path,
            format!("「{name}」: 地域名は通知に書かれたとおり漢字で書いてください。"),
        ));
        return None;
    }
    match resolve(name) {
        Resolution::Found { index, note: None } => match words_after(name, index) {
            None => Some(index),
            Some(words) => {
                let mut p = Problem::new(
                    entry,
                    path,
                    format!(
                        "「{name}」: 市区町村名のあとの「{words}」が読めません（一部の地域なら part に書きます）。"
                    ),
                );
                p.suggestions = vec![label(index)];
                problems.push(p);
                None
            }
        },
        Resolution::Found { index, note: Some(note) } => {
            // A former name, a wrong 郡: a notice must name the place exactly
            let mut p = Problem::new(entry, path, format!("「{name}」: {}", note.message(&label(index))));
            p.suggestions = vec![label(index)];
            problems.push(p);
            None
        }
        Resolution::Ambiguous(c) => {
            let mut p = Problem::new(
                entry,
                path,
                format!("「{name}」に当たる市区町村が複数あります。都道府県名を付けてください。"),
            );
            p.suggestions = c.into_iter().map(label).collect();
            problems.push(p);
            None
        }
        Resolution::NotFound { reason, suggestions } => {
            let names: Vec<String> = suggestions.into_iter().map(label).collect();
            let hint = names.first().map(|s| format!("「{s}」ではありませんか？")).unwrap_or_default();
            let mut p = Problem::new(
                entry,
                path,
                format!("「{name}」は市区町村の一覧にありません（{}）{hint}", reason.message().trim_end_matches('。')),
            );
            p.suggestions = names;
            problems.push(p);
            None
        }
    }
}

/// All areas of a rule (named areas and whole prefectures), with their parts
pub(super) fn resolve_areas(
    areas: &[AreaDoc],
    prefectures: &[String],
    entry: &str,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(usize, Option<String>)> {
    let m = master();
    let mut out = Vec::new();
    for (ai, a) in areas.iter().enumerate() {
        let entry = format!("{entry} 地域{}「{}」", ai + 1, a.name());
        if let Some(i) = resolve_area(a.name(), &entry, &item(path, "areas", ai), problems) {
            let part = match a {
                AreaDoc::Part(p) => Some(p.part.clone()),
                AreaDoc::Name(_) => None,
            };
            out.push((i, part));
        }
    }
    for (pi, name) in prefectures.iter().enumerate() {
        let folded = crate::text::name_key(name);
        let (key, count) = whole_prefecture(&folded);
        let entry = format!("{entry} 都道府県{}", pi + 1);
        let path = item(path, "prefectures", pi);
        let Some((pidx, _)) = m.prefectures().find(|(_, p)| p.key == key) else {
            problems.push(Problem::new(
                &entry,
                &path,
                format!("「{name}」は都道府県名ではありません（例: 鹿児島県）。"),
            ));
            continue;
        };
        let places: Vec<usize> = m.municipalities_of(pidx).map(|(i, _)| i).collect();
        // 「鹿児島県の全43市町村」 as printed: the count must be the master's
        if let Some(n) = count.filter(|&n| n != places.len()) {
            problems.push(Problem::new(
                &entry,
                &path,
                format!(
                    "「{name}」: 市区町村の一覧では{key}の市町村は{}です（{n}ではありません）。数か都道府県を確かめてください。",
                    places.len()
                ),
            ));
            continue;
        }
        out.extend(places.into_iter().map(|i| (i, None)));
    }
    out
}

/// A whole prefecture as notices write it: 「鹿児島県」, 「鹿児島県全域」,
/// 「鹿児島県の全市町村」, 「鹿児島県の全43市町村」 (with its count)
fn whole_prefecture(key: &str) -> (&str, Option<usize>) {
    if let Some(k) = key.strip_suffix("全域") {
        return (k.strip_suffix('内').unwrap_or(k), None);
    }
    let Some(rest) = key.strip_suffix("市町村") else { return (key, None) };
    let digits = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    let count = rest.get(digits.len()..).and_then(|d| d.parse().ok());
    match digits.strip_suffix("の全").or_else(|| digits.strip_suffix('全')) {
        Some(k) => (k, count),
        None => (key, None),
    }
}
