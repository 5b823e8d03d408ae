//! The importer on the seed's own texts and on one written text per shape.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use saigai_mode::import::{import, Fix, ImportOptions, ImportReport, Newness};
use saigai_mode::notices::{NoticeFile, NoticeSet, RuleKind};
use saigai_mode::time::parse_query;
use saigai_mode::verdict::{evaluate, Status};

const COVER: &str = include_str!("fixtures/seed-cover-letter.txt");
const MHLW: &str = include_str!("fixtures/seed-mhlw.txt");
const BLOCK: &str = include_str!("fixtures/seed-cover-block.txt");

/// The seed's 32 areas (その5), by code, in the notice's order
const SEED_CODES: [&str; 32] = [
    "022012", "022021", "022047", "022055", "022080", "022098", "022101", "023035", "023043", "023078", "023213",
    "023817", "023841", "024015", "023230", "023434", "023612", "023621", "023671", "023876", "024112", "052027",
    "052043", "052094", "052132", "053031", "053279", "053465", "152081", "152251", "152021", "152226",
];

fn codes(r: &ImportReport) -> Vec<String> {
    r.areas.iter().map(|a| a.place.as_ref().map_or_else(|| format!("?{}", a.written), |p| p.code.clone())).collect()
}

fn empty_file() -> NoticeFile {
    NoticeSet::from_json(r#"{"format":1,"disasters":[]}"#).unwrap().doc
}

fn seed_fix() -> Fix {
    Fix { written: "西津軽郡鰭ヶ沢町".into(), meant: "青森県鰺ヶ沢町".into() }
}

/// Source: seed, the 日本医師会 cover letter with its PDF-to-text damage
#[test]
fn cover_letter_gives_the_seed_areas_and_flags_the_misprint() {
    let r = import(COVER, &ImportOptions::default(), None);
    assert_eq!(r.number, Some(5));
    assert_eq!(r.issued.as_deref(), Some("2026-02-04"));
    assert_eq!(r.disaster_name.as_deref(), Some("令和8年1月21日からの大雪"));
    assert_eq!(r.began.as_deref(), Some("2026-01-21"));
    assert_eq!(r.period.until.as_deref(), Some("2026-02-10"));
    assert!(r.period.extended);
    assert_eq!(r.areas.len(), 32);
    // 鰭ヶ沢町 does not resolve; every other area is the seed's
    let mut want: Vec<String> = SEED_CODES.iter().map(|c| c.to_string()).collect();
    want[10] = "?西津軽郡鰭ヶ沢町".into();
    assert_eq!(codes(&r), want);
    // Names broken across lines by the PDF conversion are whole again
    assert!(r.areas.iter().any(|a| a.written == "東津軽郡今別町"));
    assert!(r.areas.iter().any(|a| a.written == "南津軽郡藤崎町"));
    // The misprint: reported with its position and 鰺ヶ沢町 first
    let bad = &r.areas[10];
    assert_eq!(bad.status, "not_found");
    assert_eq!(bad.suggestions[0].name, "鰺ヶ沢町");
    let line = COVER.lines().position(|l| l.contains("鰭ヶ沢町")).unwrap() + 1;
    assert_eq!(bad.position.line, line);
    assert_eq!(r.problems.len(), 1);
    assert!(r.problems[0].message.contains("「青森県西津軽郡鰺ヶ沢町」ではありませんか"), "{}", r.problems[0].message);
    assert!(r.problems[0].entry.starts_with(&format!("{line}行目")));
    // 「下線部の【新潟県】上越市を追加」: 上越市 is new, the others continue (延長)
    for a in &r.areas {
        let want = if a.written == "上越市" { Newness::AddedByText } else { Newness::ContinuingByText };
        assert_eq!(a.newness, want, "{}", a.written);
    }
    assert!(r.entry.is_none(), "not complete while a problem is open");
}

/// Source: seed, the MHLW 事務連絡 (別紙1) with <u>上越市</u>
#[test]
fn mhlw_version_gives_the_seed_areas_with_joetsu_underlined() {
    let r = import(MHLW, &ImportOptions::default(), None);
    assert_eq!(codes(&r), SEED_CODES.iter().map(|c| c.to_string()).collect::<Vec<_>>());
    assert_eq!(r.number, Some(5));
    assert_eq!(r.period.until.as_deref(), Some("2026-02-10"));
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(
        r.areas.iter().filter(|a| a.newness == Newness::AddedByText).map(|a| a.written.as_str()).collect::<Vec<_>>(),
        ["上越市"]
    );
    // Only the disaster's id is open (no file was given)
    assert_eq!(r.questions.iter().map(|q| q.field).collect::<Vec<_>>(), ["disaster"]);
}

/// The fixed and answered import gives the built-in data's verdicts
#[test]
fn answered_import_reproduces_the_built_in_notice() {
    let options =
        ImportOptions { disaster: Some("2026-01-21-heavy-snow".into()), fixes: vec![seed_fix()], ..Default::default() };
    let r = import(COVER, &options, Some(&empty_file()));
    assert!(r.problems.is_empty() && r.questions.is_empty(), "{:?} {:?}", r.problems, r.questions);
    let entry = r.entry.as_ref().unwrap();
    assert_eq!(entry.number, Some(5));
    assert_eq!(entry.issued, "2026-02-04");
    assert_eq!(entry.rules.len(), 2);
    assert_eq!((entry.rules[0].kind, entry.rules[0].areas.len()), (RuleKind::Continue, 31));
    assert_eq!((entry.rules[1].kind, entry.rules[1].areas.len()), (RuleKind::Add, 1));
    assert_eq!(r.areas[10].status, "fixed");
    let imported = NoticeSet::from_doc(r.file.clone().unwrap()).unwrap();
    let builtin = NoticeSet::builtin().unwrap();
    for code in SEED_CODES.iter().chain(["022039", "152226", "151009"].iter()) {
        for when in ["2026-02-01", "2026-02-05", "2026-02-10T23:59", "2026-02-11"] {
            let q = parse_query(when).unwrap();
            let (a, b) = (evaluate(code, q, &imported), evaluate(code, q, &builtin));
            assert_eq!((a.status, a.newly_added, &a.window), (b.status, b.newly_added, &b.window), "{code} {when}");
        }
    }
}

/// Source: the cover letter's 範囲/期間 block alone: nothing says which areas are new
#[test]
fn block_alone_asks_what_it_cannot_know() {
    let r = import(BLOCK, &ImportOptions::default(), None);
    assert_eq!(r.areas.len(), 32);
    assert_eq!(r.period.until.as_deref(), Some("2026-02-10"));
    assert!(r.areas.iter().all(|a| a.newness == Newness::Undecided));
    let fields: Vec<&str> = r.questions.iter().map(|q| q.field).collect();
    for f in ["issued", "number", "newness", "disaster"] {
        assert!(fields.contains(&f), "{fields:?}");
    }
    assert!(r.questions.iter().any(|q| q.field == "newness" && q.message.contains("上越市")));
    // Answered: 上越市 new, the rest continuing
    let options = ImportOptions {
        disaster: Some("2026-01-21-heavy-snow".into()),
        disaster_name: Some("令和8年1月21日からの大雪".into()),
        issued: Some("2026-02-04".into()),
        number: Some(5),
        fixes: vec![Fix { written: "鰭ヶ沢町".into(), meant: "023213".into() }],
        added: vec!["上越市".into()],
        rest: Some(RuleKind::Continue),
        ..Default::default()
    };
    let r = import(BLOCK, &options, Some(&empty_file()));
    assert!(r.problems.is_empty() && r.questions.is_empty(), "{:?} {:?}", r.problems, r.questions);
    let set = NoticeSet::from_doc(r.file.unwrap()).unwrap();
    let v = evaluate("上越市", parse_query("2026-02-05").unwrap(), &set);
    assert!(v.newly_added);
    assert_eq!(v.status, Status::Active);
    assert_eq!(set.disasters[0].began.to_string(), "2026-01-21");
}

/// Running additions with the time of the 追記 line, prefecture carried
#[test]
fn additions_at_a_time_keep_the_current_end() {
    let file = NoticeSet::from_json(
        r#"{"format":1,"disasters":[{"id":"rain","name":"令和5年7月7日からの大雨","began":"2023-07-07","notices":[
        {"id":"rain-1","number":1,"title":"その1","issued":"2023-07-08","rules":[{"kind":"add","areas":["福岡県久留米市"],"until":"2023-07-14"}]}]}]}"#,
    )
    .unwrap()
    .doc;
    let r = import(include_str!("fixtures/import-additions.txt"), &ImportOptions::default(), Some(&file));
    assert!(r.problems.is_empty() && r.questions.is_empty(), "{:?} {:?}", r.problems, r.questions);
    assert_eq!(r.disaster_id.as_deref(), Some("rain"));
    assert_eq!(r.number, Some(2));
    assert_eq!(
        r.areas.iter().map(|a| (a.prefecture.clone().unwrap(), a.written.clone())).collect::<Vec<_>>(),
        [
            ("福岡県".to_string(), "朝倉市".to_string()),
            ("福岡県".to_string(), "東峰村".to_string()),
            ("大分県".to_string(), "日田市".to_string()),
        ]
    );
    // The 追記 time is each added area's own start
    assert!(r.areas.iter().all(|a| a.from.as_deref() == Some("2023-07-10T16:00")), "{:?}", r.areas);
    assert_eq!(r.period.until.as_deref(), Some("current"));
    let set = NoticeSet::from_doc(r.file.unwrap()).unwrap();
    let at = |name: &str, when: &str| evaluate(name, parse_query(when).unwrap(), &set);
    assert_eq!(at("朝倉市", "2023-07-10T15:59").status, Status::NotActive);
    assert_eq!(at("朝倉市", "2023-07-10T16:00").status, Status::Active);
    assert_eq!(at("大分県日田市", "2023-07-14").window.unwrap().until, "2023-07-14");
    assert_eq!(at("日田市", "2023-07-15").status, Status::Ended);
}

#[test]
fn a_range_takes_the_year_of_the_notice() {
    let r = import(
        include_str!("fixtures/import-range.txt"),
        &ImportOptions { number: Some(1), disaster: Some("rain".into()), ..Default::default() },
        None,
    );
    assert!(r.problems.is_empty() && r.questions.is_empty(), "{:?} {:?}", r.problems, r.questions);
    assert_eq!(r.issued.as_deref(), Some("2023-07-08"));
    assert_eq!((r.period.from.as_deref(), r.period.until.as_deref()), (Some("2023-07-08"), Some("2023-07-14")));
    assert!(r.areas.iter().all(|a| a.newness == Newness::NewInFile));
    let set = NoticeSet::from_doc(r.file.unwrap()).unwrap();
    assert_eq!(evaluate("八女市", parse_query("2023-07-14").unwrap(), &set).status, Status::Active);
}

#[test]
fn a_whole_prefecture_with_an_end_at_24_00() {
    let r = import(
        include_str!("fixtures/import-prefecture.txt"),
        &ImportOptions { number: Some(1), disaster: Some("k".into()), ..Default::default() },
        None,
    );
    assert!(r.problems.is_empty() && r.questions.is_empty(), "{:?} {:?}", r.problems, r.questions);
    assert!(r.areas[0].whole_prefecture);
    let entry = r.entry.unwrap();
    assert_eq!(entry.rules[0].prefectures, ["鹿児島県の全43市町村"], "as printed");
    assert_eq!(entry.rules[0].until, "2024-03-07T24:00");
    let set = NoticeSet::from_doc(r.file.unwrap()).unwrap();
    assert_eq!(evaluate("十島村", parse_query("2024-03-07T23:59").unwrap(), &set).status, Status::Active);
    assert_eq!(evaluate("十島村", parse_query("2024-03-08T00:00").unwrap(), &set).status, Status::Ended);
}

#[test]
fn a_provisional_end_and_a_list_with_oyobi() {
    let r = import(
        include_str!("fixtures/import-provisional.txt"),
        &ImportOptions { number: Some(1), disaster: Some("noto".into()), ..Default::default() },
        None,
    );
    assert!(r.problems.is_empty() && r.questions.is_empty(), "{:?} {:?}", r.problems, r.questions);
    assert!(r.period.provisional);
    assert_eq!(
        r.areas.iter().map(|a| a.written.as_str()).collect::<Vec<_>>(),
        ["輪島市", "珠洲市", "鳳珠郡穴水町", "能登町"]
    );
    assert!(r.entry.unwrap().rules[0].provisional);
}

#[test]
fn ambiguous_names_are_problems_with_candidates() {
    let r = import(include_str!("fixtures/import-ambiguous.txt"), &ImportOptions::default(), None);
    assert_eq!(r.problems.len(), 2);
    assert_eq!(r.problems[0].suggestions, ["東京都府中市", "広島県府中市"]);
    assert_eq!(r.areas[0].status, "ambiguous");
    assert!(r.entry.is_none());
}

#[test]
fn nothing_to_import_and_numbers_already_there() {
    let r = import("こんにちは", &ImportOptions::default(), None);
    assert!(r.problems.iter().any(|p| p.message.contains("対象地域が見つかりません")));
    let builtin = NoticeSet::builtin().unwrap().doc;
    let r = import(MHLW, &ImportOptions::default(), Some(&builtin));
    assert_eq!(r.disaster_id.as_deref(), Some("2026-01-21-heavy-snow"));
    assert!(r.problems.iter().any(|p| p.message.contains("その5 は既にファイルにあります")), "{:?}", r.problems);
    assert!(r.file.is_none());
}

/// A portal's style: 「石川県：」, 「・」 between names, a part in brackets, an
/// addition marked 「（…追記）」 inside the list
#[test]
fn portal_style_list_with_parts_and_a_marked_addition() {
    let file = NoticeSet::from_json(
        r#"{"format":1,"disasters":[{"id":"noto","name":"令和6年能登半島地震","began":"2024-01-01","notices":[
        {"id":"noto-1","number":1,"title":"その1","issued":"2024-01-02","rules":[{"kind":"add","areas":["石川県七尾市","石川県輪島市","石川県珠洲市"],"until":"2024-01-14"}]}]}]}"#,
    )
    .unwrap()
    .doc;
    let r = import(include_str!("fixtures/import-portal.txt"), &ImportOptions::default(), Some(&file));
    assert!(r.problems.is_empty() && r.questions.is_empty(), "{:?} {:?}", r.problems, r.questions);
    let got: Vec<(&str, Newness, Option<&str>)> =
        r.areas.iter().map(|a| (a.written.as_str(), a.newness, a.part.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("七尾市", Newness::ContinuingFromFile, None),
            ("輪島市", Newness::ContinuingFromFile, Some("門前町地区に限る")),
            ("珠洲市", Newness::ContinuingFromFile, None),
            ("羽咋郡志賀町", Newness::AddedByText, None),
        ]
    );
    assert!(r.period.provisional);
    let set = NoticeSet::from_doc(r.file.unwrap()).unwrap();
    let at = |name: &str, when: &str| evaluate(name, parse_query(when).unwrap(), &set);
    assert_eq!(at("志賀町", "2024-01-05T09:59").status, Status::NotActive);
    assert_eq!(at("志賀町", "2024-01-05T10:00").status, Status::Active);
    assert_eq!(at("七尾市", "2024-01-31").status, Status::Active);
    assert!(at("輪島市", "2024-01-20").remarks.iter().any(|x| x.text == "門前町地区に限る"));
}

/// A table of prefectures and municipalities without a 「範囲」 label, rows
/// wrapped across lines
#[test]
fn a_table_of_prefectures() {
    let r = import(
        include_str!("fixtures/import-table.txt"),
        &ImportOptions { disaster: Some("noto".into()), rest: Some(RuleKind::Continue), ..Default::default() },
        None,
    );
    assert!(r.problems.is_empty() && r.questions.is_empty(), "{:?} {:?}", r.problems, r.questions);
    let got: Vec<String> =
        r.areas.iter().map(|a| format!("{}{}", a.prefecture.as_deref().unwrap_or("?"), a.written)).collect();
    assert_eq!(
        got,
        [
            "石川県七尾市",
            "石川県輪島市",
            "石川県珠洲市",
            "石川県羽咋市",
            "石川県かほく市",
            "石川県志賀町",
            "石川県宝達志水町",
            "石川県中能登町",
            "石川県穴水町",
            "石川県能登町",
            "富山県氷見市",
            "富山県高岡市",
            "新潟県上越市",
        ]
    );
    assert_eq!(r.number, Some(3));
    assert_eq!(r.period.until.as_deref(), Some("2024-01-31"));
}
