//! A prefecture's name typed alone without 都/府/県 (石川, おおさか, aomori),
//! which also names places (福島県石川町, 大阪市, 青森市).

use crate::prelude::*;

use super::{not_found, NotFoundReason, Resolution};
use crate::master::Master;

/// The prefecture whose name (or reading) without 都/府/県 is `key`:
/// 石川, おおさか
pub(super) fn prefecture_stem(m: &Master, key: &str, kana: bool) -> Option<usize> {
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
pub(super) fn or_in_prefecture(m: &Master, resolution: Resolution, prefecture: usize) -> Resolution {
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
