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
        let set = NoticeSet::from_json(json).unwrap_or_else(|p| panic!("example {} does not validate: {p:#?}\n{json}", examples + 1));
        examples += 1;
        let verdicts = rest.lines().find(|l| l.starts_with("Verdicts:")).unwrap();
        // "NAME on DATE → status" or "NAME at INSTANT → status"; without a
        // NAME, the previous item's
        let mut name = String::new();
        for item in verdicts.trim_start_matches("Verdicts:").split(';') {
            let (left, right) = item.split_once('→').unwrap();
            let left = format!(" {}", left.trim());
            let sep = if left.contains(" at ") { " at " } else { " on " };
            let (who, when) = left.split_once(sep).unwrap();
            if !who.trim().is_empty() {
                name = who.trim().to_string();
            }
            let want = right.split_whitespace().next().unwrap().trim_end_matches('.');
            let v = evaluate(&name, parse_query(when.trim()).unwrap(), &set);
            let got = serde_json::to_value(v.status).unwrap();
            assert_eq!(got.as_str().unwrap(), want, "example {examples}: {item}");
            if right.contains("newly added") {
                assert!(v.newly_added, "example {examples}: {item}");
            }
            checked += 1;
        }
    }
    assert!(examples >= 8, "{examples} examples");
    assert!(checked >= 18, "{checked} verdicts");
}
