//! docs/notices-format.md is tried as a new user would: every JSON example
//! must validate, and every "Verdicts:" line under it must hold.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use saigai_mode::notices::NoticeSet;
use saigai_mode::time::parse_query;
use saigai_mode::verdict::evaluate;

const DOC: &str = include_str!("../docs/notices-format.md");

#[test]
fn every_example_validates_and_gives_its_verdicts() {
    let mut examples = 0;
    let mut checked = 0;
    let mut rest = DOC;
    while let Some(start) = rest.find("```json\n") {
        let body = &rest[start + 8..];
        let end = body.find("```").unwrap();
        let json = &body[..end];
        rest = &body[end..];
        let set = NoticeSet::from_json(json)
            .unwrap_or_else(|p| panic!("example {} does not validate: {p:#?}\n{json}", examples + 1));
        examples += 1;
        let verdicts = rest.lines().find(|l| l.starts_with("判定例:")).unwrap();
        // 「NAME WHEN → status」; without a NAME, the previous item's;
        // 「（新規）」 after the status: newly added
        let mut name = String::new();
        for item in verdicts.trim_start_matches("判定例:").split(';') {
            let (left, right) = item.split_once('→').unwrap();
            let words: Vec<&str> = left.split_whitespace().collect();
            let when = *words.last().unwrap();
            if words.len() > 1 {
                name = words[..words.len() - 1].join("");
            }
            let want = right.trim().split('（').next().unwrap().trim();
            let v = evaluate(&name, parse_query(when).unwrap(), &set);
            let got = serde_json::to_value(v.status).unwrap();
            assert_eq!(got.as_str().unwrap(), want, "example {examples}: {item}");
            if right.contains("新規") {
                assert!(v.newly_added, "example {examples}: {item}");
            }
            checked += 1;
        }
    }
    assert!(examples >= 8, "{examples} examples");
    assert!(checked >= 18, "{checked} verdicts");
}

/// A file a new user wrote by hand from the documentation alone
#[test]
fn a_hand_written_file_for_a_made_up_disaster() {
    let set = NoticeSet::from_json(include_str!("fixtures/new-user.json")).unwrap_or_else(|p| panic!("{p:#?}"));
    let cases = [
        ("熊本市中央区", "2027-04-10", "active"), // a ward of a listed city
        ("熊本市", "2027-04-16T23:59", "active"),
        ("熊本市", "2027-04-17", "ended"),            // その2 did not extend it
        ("南阿蘇村", "2027-04-30", "active"),         // extended, provisional
        ("益城町", "2027-04-12T09:59", "not_active"), // added at 10:00
        ("益城町", "2027-04-16", "active"),           // keeps the current end (その1's 4/16)
        ("益城町", "2027-04-17", "ended"),
        ("宇城市", "2027-04-16", "active"), // the base rule's week: 4/10–4/16
        ("宇城市", "2027-04-17", "ended"),
        ("八代市", "2027-04-12", "not_active"),
        // Before the file's only disaster: it says nothing of that day
        ("熊本市", "2027-04-09", "unknown"),
    ];
    for (name, when, want) in cases {
        let v = evaluate(name, parse_query(when).unwrap(), &set);
        assert_eq!(serde_json::to_value(v.status).unwrap(), want, "{name} {when}: {}", v.message);
    }
    let v = evaluate("南阿蘇村", parse_query("2027-04-20").unwrap(), &set);
    assert!(v.window.unwrap().provisional);
    assert!(v.remarks.iter().any(|r| r.text.contains("個別に申請")));
    assert!(evaluate("益城町", parse_query("2027-04-13").unwrap(), &set).newly_added);
}
