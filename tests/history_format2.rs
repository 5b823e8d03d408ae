//! One whole disaster history in format 2 (issue 7): two 災害救助法 first
//! reports, an unnumbered portal article with two 追記 times, numbered
//! notices with a gap (その3〜その4), an extension for a subset, an area
//! continuing from the missing notices, and an unnumbered closure article
//! with a per-facility remark. Fixture: tests/fixtures/history-format2.json.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use saigai_mode::notices::NoticeSet;
use saigai_mode::time::parse_query;
use saigai_mode::verdict::{evaluate, Status};

fn history() -> NoticeSet {
    let path = format!("{}/tests/fixtures/history-format2.json", env!("CARGO_MANIFEST_DIR"));
    NoticeSet::from_json(&std::fs::read_to_string(path).unwrap()).unwrap_or_else(|p| panic!("{p:?}"))
}

/// (place, date or instant, status, a phrase the sentence must contain)
const CASES: &[(&str, &str, Status, &str)] = &[
    // Before the disaster began, and a year before: the file says nothing
    // of those days (an earlier disaster may have been active)
    ("出雲市", "2024-07-07", Status::Unknown, "令和6年7月8日（月）より前に始まった災害の通知は読み込まれていません"),
    ("出雲市", "2023-07-10", Status::Unknown, "判断できません"),
    // The 7/8 report and the article: 出雲市 from the 8th
    ("出雲市", "2024-07-08T09:00", Status::Active, "令和6年7月14日（日）まで。のちに令和6年7月21日（日）まで延長"),
    // The 7/10 report does not open 久留米市 before the article's 16:00
    ("久留米市", "2024-07-10T10:00", Status::NotActive, "令和6年7月10日（水） 16:00から対象"),
    ("久留米市", "2024-07-10T15:59", Status::NotActive, "16:00から対象"),
    ("久留米市", "2024-07-10T16:00", Status::Active, "令和6年7月14日（日）まで"),
    ("久留米市", "2024-07-10", Status::Active, "16:00から。この日に出ていた通知では令和6年7月14日（日）まで"),
    // The second 追記, 19:30
    ("八女市", "2024-07-10T19:00", Status::NotActive, "19:30から対象"),
    ("八女市", "2024-07-10T19:30", Status::Active, "まで"),
    ("日田市", "2024-07-10", Status::Active, "19:30から"),
    // その1 continues all four through 7/21
    ("出雲市", "2024-07-14", Status::Active, "令和6年7月21日（日）まで"),
    ("出雲市", "2024-07-21T23:59", Status::Active, "令和6年7月21日（日）まで"),
    // その2 extends only 久留米市 and 八女市; for the others the missing
    // その3〜その4 (issued while they were open) may have extended them
    ("出雲市", "2024-07-22", Status::Unknown, "その3〜その4"),
    ("日田市", "2024-07-25", Status::Unknown, "その3〜その4"),
    ("八女市", "2024-07-31", Status::Active, "令和6年7月31日（水）まで"),
    ("八女市", "2024-08-01", Status::Unknown, "その3〜その4"),
    // Inside the gap: ended by the notices of that day, continued by その5
    ("久留米市", "2024-08-05", Status::Unknown, "その3〜その4"),
    // 朝倉市 continues from the missing notices: since when is not known
    ("朝倉市", "2024-08-05", Status::Unknown, "その5（令和6年8月9日（金））で継続とされていますが"),
    ("朝倉市", "2024-08-09", Status::Active, "令和6年8月31日（土）まで"),
    ("久留米市", "2024-08-09", Status::Active, "令和6年8月31日（土）まで"),
    // The closure at 24時00分: the last minute, the day after
    ("久留米市", "2024-08-31T23:59", Status::Active, "令和6年8月31日（土）まで"),
    ("久留米市", "2024-09-01T00:00", Status::Ended, "令和6年8月31日（土）で終了"),
    ("朝倉市", "2024-09-01", Status::Ended, "令和6年8月31日（土）で終了"),
    // Never in the disaster
    ("福岡市", "2024-07-20", Status::NotActive, "対象ではありません"),
];

#[test]
fn the_history_on_every_kind_of_date() {
    let s = history();
    for &(place, when, status, phrase) in CASES {
        let v = evaluate(place, parse_query(when).unwrap(), &s);
        assert_eq!(v.status, status, "{place} {when}: {}", v.message);
        assert!(v.message.contains(phrase), "{place} {when}: «{}» lacks «{phrase}»", v.message);
    }
    assert!(CASES.len() >= 20);
}

#[test]
fn the_closure_remark_applies_from_the_closure_on() {
    let s = history();
    let remark = |when: &str| evaluate("久留米市", parse_query(when).unwrap(), &s).remarks;
    assert!(remark("2024-08-31").is_empty());
    let after = remark("2024-09-01");
    assert_eq!(after.len(), 1);
    assert!(after[0].text.contains("個別に厚生労働省へ申し出る"));
    assert_eq!(after[0].notice, "2024-07-rain-closure");
}

#[test]
fn a_remark_for_a_window_only_during_it() {
    let s = history();
    let remarks = |when: &str| evaluate("出雲市", parse_query(when).unwrap(), &s).disasters[0].remarks.len();
    assert_eq!(remarks("2024-07-11"), 0);
    assert_eq!(remarks("2024-07-12"), 1);
    assert_eq!(remarks("2024-07-21T23:59"), 1);
    assert_eq!(remarks("2024-07-22"), 0);
}

#[test]
fn what_the_file_does_not_say_is_a_warning_not_a_refusal() {
    let s = history();
    let d = &s.disasters[0];
    // Ordered by issue: the article (7/8 18:00) first, the closure last
    let order: Vec<&str> = d.notices.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        order,
        ["2024-07-rain-portal", "2024-07-rain-1", "2024-07-rain-2", "2024-07-rain-5", "2024-07-rain-closure"]
    );
    assert_eq!(d.notices[0].label, "7月8日の通知");
    let warnings: Vec<&str> = s.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("その3〜その4 が読み込まれていません"));
    assert!(warnings[1].contains("「朝倉市」は読み込まれた通知で有効になっていない"));
    assert_eq!(s.info(saigai_mode::notices::DataSource::Loaded).data_as_of.as_deref(), Some("2024-08-30"));
}

#[test]
fn an_unnumbered_notice_needs_format_2() {
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/history-format2.json", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .replace("\"format\": 2", "\"format\": 1");
    let problems = NoticeSet::from_json(&text).unwrap_err();
    assert!(problems.iter().any(|p| p.message.contains("format: 2 のファイルに書けます")), "{problems:?}");
}

/// A portal's article, then その3: その1〜その2 are missing in between — a
/// gap, said and answered 不明 where they could have changed the answer
#[test]
fn numbers_missing_after_an_unnumbered_article() {
    let text = r#"{ "format": 2, "disasters": [ { "id": "r", "name": "テスト", "began": "2024-07-08",
      "notices": [
        { "id": "a", "title": "記事", "issued": "2024-07-08T18:00", "rules": [ { "kind": "add", "areas": ["出雲市"], "until": "2024-07-14" } ] },
        { "id": "c", "number": 3, "title": "その3", "issued": "2024-07-20", "rules": [ { "kind": "continue", "areas": ["出雲市"], "until": "2024-07-31" } ] }
      ] } ] }"#;
    let s = NoticeSet::from_json(text).unwrap();
    assert!(s.warnings[0].message.contains("その1〜その2 が読み込まれていません"), "{:?}", s.warnings);
    let status = |d: &str| evaluate("出雲市", parse_query(d).unwrap(), &s).status;
    assert_eq!(status("2024-07-08T17:59"), Status::NotActive);
    assert_eq!(status("2024-07-10"), Status::Active);
    assert_eq!(status("2024-07-16"), Status::Unknown);
    assert_eq!(status("2024-07-25"), Status::Active);
}
