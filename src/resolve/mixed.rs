//! Names typed half in kanji, half in kana (石川県ななおし, 石川県ななお市,
//! いしかわけん七尾市: tried when the name as typed is not found), or with
//! their prefecture after them (府中市（広島県）).

use crate::prelude::*;

use super::{prefecture_stem, reading_of, resolve_name, resolve_reading, Resolution};
use crate::master::Master;
use crate::text::name_key;

/// What `key` (a [`crate::text::kana_key`]) names when read as a mixed
/// form, if it is one and names something
pub(super) fn resolve_mixed(m: &Master, key: &str) -> Option<Resolution> {
    if !m.has_readings() {
        return None;
    }
    for (_, p) in m.prefectures() {
        // 石川県ななおし, 石川県ななお市: the rest as a reading within the prefecture
        if let Some(reading) = key.strip_prefix(p.key.as_str()).and_then(reading_of) {
            return found(resolve_reading(m, &[p.reading_key(), reading].concat()));
        }
        // いしかわけん七尾市: the rest as a name within the prefecture
        if let Some(rest) = key.strip_prefix(p.reading_key()).filter(|r| !r.is_empty() && !p.reading_key().is_empty()) {
            return found(resolve_name(m, &name_key(&[p.key.as_str(), rest].concat())));
        }
    }
    None
}

/// 府中市(広島県), 七尾(石川): the name with its bracketed prefecture written
/// first (広島県府中市), when the brackets hold a prefecture
pub(super) fn prefecture_first(m: &Master, key: &str) -> Option<String> {
    let (name, pref) = key.strip_suffix(')').and_then(|k| k.rsplit_once('('))?;
    let pref = name_key(pref);
    let index =
        m.prefectures().find(|(_, p)| p.key == pref).map(|(i, _)| i).or_else(|| prefecture_stem(m, &pref, false));
    let p = m.get(index?)?;
    (!name.is_empty()).then(|| [p.key.as_str(), name].concat())
}

/// A resolution that names something (one place or places to choose from)
fn found(r: Resolution) -> Option<Resolution> {
    Some(r).filter(|r| !matches!(r, Resolution::NotFound { .. }))
}
