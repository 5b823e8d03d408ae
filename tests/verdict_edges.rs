//! Verdicts that read right at every edge (issue 7, 2): complete sentences,
//! the time of day on the asked day, per-disaster remarks and data dates, no
//! later disaster for a past date, and the end in force on the asked day.
//! Fixture: tests/fixtures/history.json (shapes from PRODUCT §3.1).
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use chrono::{Duration, NaiveDate};
use saigai_mode::notices::NoticeSet;
use saigai_mode::time::parse_query;
use saigai_mode::verdict::{evaluate, Status, Verdict};

fn set(path: &str) -> NoticeSet {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    NoticeSet::from_json(&text).unwrap_or_else(|p| panic!("{path}: {p:?}"))
}

fn check(m: &str, when: &str, s: &NoticeSet) -> Verdict {
    evaluate(m, parse_query(when).unwrap(), s)
}

/// A closure before the end then in force is a shortening, not an
/// extension (the sentence used to say 「…まで延長」 for an earlier end)
#[test]
fn an_end_moved_earlier_is_said_so() {
    let text = r#"{"format":2,"disasters":[{"id":"d","name":"令和5年7月7日からの大雨","began":"2023-07-07","notices":[
      {"id":"a","title":"開放","issued":"2023-07-08","rules":[{"kind":"add","areas":["島根県出雲市"],"from":"2023-07-08","until":"2023-07-21"}]},
      {"id":"b","title":"閉塞","issued":"2023-07-17","rules":[{"kind":"continue","areas":["島根県出雲市"],"until":"2023-07-18T24:00"}]}]}]}"#;
    let s = NoticeSet::from_json(text).unwrap();
    let v = check("出雲市", "2023-07-16", &s);
    assert_eq!(
        v.message,
        "出雲市は災害時モードの対象です（この日に出ていた通知では令和5年7月21日（金）まで。のちに令和5年7月18日（火）に短縮）。"
    );
    assert_eq!(check("出雲市", "2023-07-19", &s).status, Status::Ended);
}

#[test]
fn the_end_in_force_that_day_and_the_later_one() {
    let s = set("tests/fixtures/history.json");
    let v = check("輪島市", "2024-01-10", &s);
    assert_eq!(v.status, Status::Active);
    assert_eq!(
        v.message,
        "輪島市は災害時モードの対象です（この日に出ていた通知では令和6年1月14日（日）まで。のちに令和6年3月7日（木）まで延長）。"
    );
    let w = v.window.unwrap();
    assert_eq!((w.until.as_str(), w.until_then.as_deref()), ("2024-03-07", Some("2024-01-14")));
    // On and after the day of the extension, only the one end
    let v = check("輪島市", "2024-01-12", &s);
    assert_eq!(v.message, "輪島市は災害時モードの対象です（令和6年3月7日（木）まで）。");
    // The last minute of a 24時00分 end, and the minute after
    assert_eq!(check("輪島市", "2024-03-07T23:59", &s).status, Status::Active);
    assert_eq!(check("輪島市", "2024-03-08T00:00", &s).status, Status::Ended);
}

#[test]
fn times_of_day_are_in_the_sentence() {
    let s = set("tests/fixtures/history.json");
    let v = check("七尾市", "2024-01-12T19:00", &s);
    assert_eq!(v.status, Status::NotActive);
    assert_eq!(v.message, "七尾市はこの時点では対象外です（令和6年1月12日（金） 19:30から対象）。");
    let v = check("七尾市", "2024-01-12", &s);
    assert_eq!(v.status, Status::Active);
    assert_eq!(v.opens_at.as_deref(), Some("19:30"));
    assert_eq!(v.message, "七尾市は災害時モードの対象です（令和6年1月12日（金） 19:30から令和6年1月14日（日）まで）。");
    assert_eq!(check("七尾市", "2024-01-12T19:30", &s).status, Status::Active);
}

#[test]
fn each_disaster_speaks_for_itself() {
    let s = set("tests/fixtures/history.json");
    // 2024: the 2023 disaster's facility remark is not the 2024 answer's
    let v = check("輪島市", "2024-01-05", &s);
    assert_eq!(v.disasters[0].id, "2024-01-quake");
    assert!(v.remarks.is_empty(), "{:?}", v.remarks);
    assert_eq!(v.data_as_of.as_deref(), Some("2024-01-12"));
    let old = v.disasters.iter().find(|d| d.id == "2023-07-quake").unwrap();
    assert_eq!(old.status, Status::Ended);
    assert_eq!(old.remarks.len(), 1);
    assert_eq!(old.data_as_of.as_deref(), Some("2023-07-01"));
    // 2023: answered by the 2023 disaster only, never by the later one
    let v = check("輪島市", "2023-07-05", &s);
    assert_eq!(v.disasters.len(), 1);
    assert_eq!(v.disasters[0].id, "2023-07-quake");
    assert_eq!(v.remarks.len(), 1);
    let v = check("珠洲市", "2023-07-05", &s);
    assert_eq!(v.status, Status::NotActive);
    assert!(v.disasters.is_empty() && v.window.is_none(), "a 2023 date answered with 2024: {v:?}");
    assert_eq!(v.message, "珠洲市は災害時モードの対象ではありません。");
}

#[test]
fn the_seed_before_its_disaster_began() {
    // 青森市 on 2026-01-20, the day before 「令和8年1月21日からの大雪」
    // (the data holds no earlier disaster: that day is not known)
    let v = check("青森市", "2026-01-20", &NoticeSet::builtin().unwrap());
    assert_eq!(v.status, Status::Unknown);
    assert_eq!(
        v.message,
        "青森市について、この日付は読み込まれた通知では判断できません。令和8年1月21日（水）より前に始まった災害の通知は読み込まれていません。"
    );
}

/// Every place of every fixture, every day of its windows ± 2 days: the
/// sentence is complete and agrees with the fields
#[test]
fn every_message_agrees_with_its_fields() {
    let files = [
        "data/notices.json",
        "tests/fixtures/shapes.json",
        "tests/fixtures/history.json",
        "tests/fixtures/base-rule.json",
        "tests/fixtures/new-user.json",
        "tests/fixtures/history-format2.json",
    ];
    let mut checked = 0;
    for f in files {
        let s = set(f);
        for d in &s.disasters {
            for (&place, history) in &d.areas {
                let name = saigai_mode::master::master().get(place).unwrap().code.clone();
                for w in &history.windows {
                    let first = w.from.unwrap_or(w.known_from).date() - Duration::days(2);
                    let last = w.until.date() + Duration::days(2);
                    let mut day: NaiveDate = first;
                    while day <= last {
                        let v = check(&name, &day.to_string(), &s);
                        assert_sentence(&v, f);
                        checked += 1;
                        day += Duration::days(1);
                    }
                }
            }
        }
    }
    assert!(checked > 500, "{checked}");
}

fn assert_sentence(v: &Verdict, file: &str) {
    let m = &v.message;
    let ctx = format!("{file} {} {}: {m}", v.input, v.query);
    assert!(
        !m.contains("（から") && !m.contains("（まで") && !m.contains("（）") && !m.contains("から対象）。から"),
        "{ctx}"
    );
    assert!(m.ends_with('。'), "{ctx}");
    // Unknown says what is not known
    if v.status == Status::Unknown {
        assert!(m.contains("読み込まれていません"), "{ctx}");
    }
    // The window shown is the governing disaster's
    if let Some(d) = v.disasters.first() {
        assert_eq!(v.window, d.window, "{ctx}");
        assert_eq!(v.status, d.status, "{ctx}");
    }
    if let Some(w) = &v.window {
        match v.status {
            Status::Active | Status::Ended => {
                let end = w.until_then_wareki.clone().unwrap_or_else(|| w.until_wareki.clone());
                assert!(m.contains(&end) || m.contains(&w.until_wareki), "{ctx}");
            }
            Status::NotActive => {
                if let Some(f) = &w.from_wareki {
                    assert!(m.contains(f.as_str()), "{ctx}");
                }
            }
            _ => {}
        }
        if let Some(t) = &v.opens_at {
            assert!(m.contains(t.as_str()), "opening time missing: {ctx}");
        }
        if let Some(t) = &w.until_time {
            if matches!(v.status, Status::Active | Status::Ended) && w.until_then.is_none() {
                assert!(m.contains(t.as_str()), "closing time missing: {ctx}");
            }
        }
        // A window of a disaster that had not begun is never shown
        let d = v.disasters.first().unwrap();
        assert!(d.began.as_str() <= &v.query[..10] || v.status != Status::Active, "{ctx}");
    }
}

/// A series with notices missing (その2 never found): where the loaded
/// notices cannot say, the answer is unknown and names what is missing
#[test]
fn a_gap_in_the_series_is_said() {
    let file = r#"{"format":1,"disasters":[{"id":"g","name":"テスト","began":"2024-01-01","notices":[
     {"id":"g-1","number":1,"title":"その1","issued":"2024-01-01","rules":[{"kind":"add","areas":["石川県輪島市"],"until":"2024-01-14"}]},
     {"id":"g-3","number":3,"title":"その3","issued":"2024-01-20","rules":[{"kind":"continue","areas":["石川県輪島市"],"until":"2024-02-14"}]}]}]}"#;
    let s = NoticeSet::from_json(file).unwrap();
    assert_eq!(s.disasters[0].gaps.len(), 1);
    for (day, want) in [
        ("2024-01-10", Status::Active),
        ("2024-01-14", Status::Active),
        ("2024-01-15", Status::Unknown),
        ("2024-01-19", Status::Unknown),
        ("2024-01-20", Status::Active),
        ("2024-02-14", Status::Active),
        ("2024-02-15", Status::Ended),
    ] {
        let v = check("輪島市", day, &s);
        assert_eq!(v.status, want, "{day}: {}", v.message);
        if want == Status::Unknown {
            assert!(v
                .advice
                .as_deref()
                .unwrap()
                .contains("その2（令和6年1月1日（月）〜令和6年1月20日（土）の間に出たはずの通知）"));
            assert_eq!(
                v.message,
                "輪島市について、この日付は読み込まれた通知では判断できません。その2（令和6年1月1日（月）〜令和6年1月20日（土）の間に出たはずの通知）が読み込まれていません。"
            );
        }
    }
}

/// Several 災害救助法 first reports in one disaster (7/8 for one city, 7/10
/// for others): each area gets its own week; a single report is still an
/// object, as format-1 files have it
#[test]
fn several_relief_act_reports() {
    let s = set("tests/fixtures/relief-reports.json");
    assert_eq!(check("久留米市", "2023-07-14", &s).status, Status::Active);
    assert_eq!(check("久留米市", "2023-07-15", &s).status, Status::Ended);
    assert_eq!(check("朝倉市", "2023-07-09", &s).status, Status::NotActive);
    assert_eq!(check("朝倉市", "2023-07-16", &s).status, Status::Active);
    assert_eq!(check("日田市", "2023-07-17", &s).status, Status::Ended);
    // Written back: an array for two, an object for one
    let json = serde_json::to_value(&s.doc).unwrap();
    assert!(json["disasters"][0]["reliefAct"].is_array());
    let one = NoticeSet::from_json(include_str!("fixtures/base-rule.json")).unwrap();
    assert!(serde_json::to_value(&one.doc).unwrap()["disasters"][0]["reliefAct"].is_object());
}
