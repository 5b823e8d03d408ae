//! Property tests: no input makes the library panic.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use saigai_mode::notices::NoticeSet;
use saigai_mode::resolve::{resolve, suggest};
use saigai_mode::time::{jst_from_unix_millis, parse_query, Query};
use saigai_mode::verdict::evaluate;

/// Characters people (and broken PDFs) produce: kana of both widths, kanji
/// of the master, digits of both widths, spaces, punctuation, anything
fn messy() -> impl Strategy<Value = String> {
    prop_oneof![".*", "[ぁ-ゖァ-ヶｦ-ﾟ０-９0-9 　県市町村郡区ヶケ青森弘前大和山東津軽鰺鰭沢〒\\-]{0,40}", "[0-9]{0,8}",]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn resolve_and_suggest_never_panic(s in messy(), n in 0usize..50) {
        let _ = resolve(&s);
        prop_assert!(suggest(&s, n).len() <= n);
    }

    #[test]
    fn evaluate_never_panics(s in messy(), secs in any::<i64>(), q in ".{0,30}") {
        let set = NoticeSet::builtin().unwrap();
        let _ = evaluate(&s, Query::At(chrono::DateTime::from_timestamp(secs % 8_000_000_000_000, 0).unwrap_or_default().naive_utc()), &set);
        if let Ok(q) = parse_query(&q) {
            let _ = evaluate(&s, q, &set);
        }
        let _ = jst_from_unix_millis(secs as f64);
    }

    #[test]
    fn import_never_panics(s in messy(), cut in 0usize..3000, insert in ".{0,8}") {
        let _ = saigai_mode::import::import(&s, &Default::default(), None);
        // The seed's cover letter, damaged at a random place
        let base = include_str!("fixtures/seed-cover-letter.txt");
        let mut chars: Vec<char> = base.chars().collect();
        let at = cut.min(chars.len());
        chars.splice(at..(at + 3).min(chars.len()), insert.chars());
        let text: String = chars.into_iter().collect();
        let file = NoticeSet::builtin().unwrap().doc;
        let _ = saigai_mode::import::import(&text, &Default::default(), Some(&file));
    }

    #[test]
    fn arbitrary_text_as_a_notice_file_never_panics(s in ".*") {
        let _ = NoticeSet::from_json(&s);
    }

    #[test]
    fn mutated_notice_files_never_panic(at in 0usize..4000, cut in 0usize..40, insert in ".{0,12}") {
        let base = saigai_mode::notices::BUILTIN_NOTICES;
        let mut chars: Vec<char> = base.chars().collect();
        let at = at.min(chars.len());
        let end = (at + cut).min(chars.len());
        chars.splice(at..end, insert.chars());
        let text: String = chars.into_iter().collect();
        if let Ok(set) = NoticeSet::from_json(&text) {
            let _ = evaluate("弘前市", Query::Day(chrono::NaiveDate::from_ymd_opt(2026, 2, 5).unwrap()), &set);
        }
    }

    #[test]
    fn structured_notice_files_never_panic(
        number in 0u32..4, issued in "20[0-9]{2}-[0-1][0-9]-[0-3][0-9]", until in "(current|20[0-9]{2}-[0-1][0-9]-[0-3][0-9](T[0-2][0-9]:[0-5][0-9])?)",
        from in proptest::option::of("20[0-9]{2}-[0-1][0-9]-[0-3][0-9](T[0-2][0-9]:00)?"), kind in "(add|continue)", area in messy(),
    ) {
        let from = from.map(|f| format!(r#""from": "{f}","#)).unwrap_or_default();
        let area = serde_json::to_string(&area).unwrap();
        let text = format!(r#"{{ "format": 1, "disasters": [ {{ "id": "d", "name": "x", "began": "2000-01-01", "reliefAct": {{ "firstReport": "{issued}", "areas": [{area}] }}, "notices": [
            {{ "id": "n", "number": {number}, "title": "t", "issued": "{issued}", "rules": [ {{ "kind": "{kind}", {from} "areas": [{area}, "弘前市"], "until": "{until}" }} ] }} ] }} ] }}"#);
        if let Ok(set) = NoticeSet::from_json(&text) {
            for d in ["2000-01-01", "2026-02-05", "2099-12-31"] {
                let _ = evaluate("弘前市", parse_query(d).unwrap(), &set);
            }
        }
    }
}
