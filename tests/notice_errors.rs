//! Malformed notice files: each gives its own message naming the entry.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use saigai_mode::notices::{NoticeSet, Problem};

/// A valid one-notice file, with `RULES` and `NOTICE_EXTRA` to replace
const TEMPLATE: &str = r#"{
  "format": 1,
  "disasters": [ {
    "id": "d", "name": "テスト災害", "began": "2026-01-21",
    "notices": [ { "id": "n1", "number": NUMBER, "title": "その1", "issued": "ISSUED"NOTICE_EXTRA,
      "rules": RULES } ]
  } ]
}"#;

fn file(number: &str, issued: &str, rules: &str, extra: &str) -> String {
    TEMPLATE.replace("NUMBER", number).replace("ISSUED", issued).replace("RULES", rules).replace("NOTICE_EXTRA", extra)
}

fn problems(text: &str) -> Vec<Problem> {
    match NoticeSet::from_json(text) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(p) => p,
    }
}

const OK_RULE: &str = r#"[ { "kind": "add", "areas": ["弘前市"], "until": "2026-02-10" } ]"#;

#[test]
fn the_template_is_valid() {
    NoticeSet::from_json(&file("1", "2026-02-04", OK_RULE, "")).unwrap();
}

/// A whole prefecture as notices print it, with or without its count
#[test]
fn whole_prefectures_as_printed() {
    for written in ["鹿児島県", "鹿児島県全域", "鹿児島県の全市町村", "鹿児島県の全43市町村", "鹿児島県全43市町村"]
    {
        let rules = format!(r#"[ {{ "kind": "add", "prefectures": ["{written}"], "until": "2026-02-10" }} ]"#);
        let s =
            NoticeSet::from_json(&file("1", "2026-02-04", &rules, "")).unwrap_or_else(|p| panic!("{written}: {p:?}"));
        assert_eq!(s.disasters[0].areas.iter().count(), 43, "{written}");
    }
}

/// (what is wrong, the file, a phrase the message must contain, the path)
#[test]
fn each_problem_has_its_own_message() {
    let cases: Vec<(&str, String, &str, &str)> = vec![
        ("not JSON", "{ format: 1 ".to_string(), "JSONとして読めません", "line 1"),
        ("empty file", String::new(), "JSONとして読めません", "line"),
        (
            "misspelt field",
            file("1", "2026-02-04", r#"[ { "kind": "add", "areas": ["弘前市"], "untill": "2026-02-10" } ]"#, ""),
            "「until」ではありませんか",
            "disasters[0].notices[0].rules[0].untill",
        ),
        ("wrong type", file("\"one\"", "2026-02-04", OK_RULE, ""), "0以上の整数", "disasters[0].notices[0].number"),
        (
            "words after a name (the whole city would be active)",
            file("1", "2026-02-04", r#"[ { "kind": "add", "areas": ["青森県弘前市の一部"], "until": "2026-02-10" } ]"#, ""),
            "市区町村名のあとの「の一部」が読めません",
            "disasters[0].notices[0].rules[0].areas[0]",
        ),
        (
            "a start before the disaster began (nothing would answer it)",
            file("1", "2026-02-04", r#"[ { "kind": "add", "areas": ["弘前市"], "from": "2026-01-20T16:10", "until": "2026-02-10" } ]"#, ""),
            "災害の始まり（began: 2026-01-21）より前です",
            "disasters[0].notices[0].rules[0].from",
        ),
        (
            "unknown kind",
            file("1", "2026-02-04", r#"[ { "kind": "extend", "areas": ["弘前市"], "until": "2026-02-10" } ]"#, ""),
            "add / continue",
            "disasters[0].notices[0].rules[0].kind",
        ),
        (
            "trailing comma",
            file("1", "2026-02-04", r#"[ { "kind": "add", "areas": ["弘前市"], "until": "2026-02-10", } ]"#, ""),
            "最後の項目の後に , は書けません",
            "line 6",
        ),
        (
            "duplicate key",
            file(
                "1",
                "2026-02-04",
                r#"[ { "kind": "add", "areas": ["弘前市"], "until": "2026-02-10", "until": "2026-02-11" } ]"#,
                "",
            ),
            "二つあります",
            "line 6",
        ),
        (
            "missing field",
            file("1", "2026-02-04", r#"[ { "kind": "add", "areas": ["弘前市"] } ]"#, ""),
            "必須の項目「until」",
            "disasters[0].notices[0].rules[0].until",
        ),
        (
            "area of the wrong type",
            file("1", "2026-02-04", r#"[ { "kind": "add", "areas": [22021], "until": "2026-02-10" } ]"#, ""),
            "地域は文字列か",
            "disasters[0].notices[0].rules[0].areas[0]",
        ),
        (
            "format version",
            file("1", "2026-02-04", OK_RULE, "").replace("\"format\": 1", "\"format\": 3"),
            "形式の版 3",
            "format",
        ),
        (
            "a whole prefecture with the wrong count",
            file("1", "2026-02-04", r#"[ { "kind": "add", "prefectures": ["鹿児島県の全44市町村"], "until": "2026-02-10" } ]"#, ""),
            "鹿児島県の市町村は43です（44ではありません）",
            "disasters[0].notices[0].rules[0].prefectures[0]",
        ),
        (
            "format 1 notice without a number",
            file("1", "2026-02-04", OK_RULE, "").replace("\"number\": 1, ", ""),
            "format: 2 のファイルに書けます",
            "disasters[0].notices[0].number",
        ),
        (
            "format 1 issue with a time",
            file("1", "2026-02-04T16:00", OK_RULE, ""),
            "日付の形ではありません",
            "disasters[0].notices[0].issued",
        ),
        (
            "format 2 numbers falling against the issue times",
            file("1", "2026-02-04", OK_RULE, "").replace("\"format\": 1", "\"format\": 2").replace(
                r#""rules": [ { "kind": "add", "areas": ["弘前市"], "until": "2026-02-10" } ] } ]"#,
                r#""rules": [ { "kind": "add", "areas": ["弘前市"], "until": "2026-02-10" } ] },
                  { "id": "a", "title": "記事", "issued": "2026-02-03T10:00", "rules": [ { "kind": "add", "areas": ["黒石市"], "until": "2026-02-10" } ] },
                  { "id": "n0", "number": 2, "title": "その2", "issued": "2026-02-01", "rules": [ { "kind": "add", "areas": ["青森市"], "until": "2026-02-10" } ] } ]"#,
            ),
            "その1 が その2 より後に発出されています",
            "disasters[0].notices[0].number",
        ),
        (
            "date that does not exist",
            file("1", "2026-02-30", OK_RULE, ""),
            "「2026-02-30」という日付はありません",
            "disasters[0].notices[0].issued",
        ),
        ("date in another form", file("1", "2026/02/04", OK_RULE, ""), "YYYY-MM-DD", "disasters[0].notices[0].issued"),
        (
            "until not a date",
            file("1", "2026-02-04", r#"[ { "kind": "add", "areas": ["弘前市"], "until": "2月10日" } ]"#, ""),
            "終了（until）",
            "disasters[0].notices[0].rules[0].until",
        ),
        (
            "window ends before it starts",
            file(
                "1",
                "2026-02-04",
                r#"[ { "kind": "add", "areas": ["弘前市"], "from": "2026-02-08", "until": "2026-02-06" } ]"#,
                "",
            ),
            "より前です",
            "disasters[0].notices[0].rules[0].until",
        ),
        (
            "year typo",
            file("1", "2026-02-04", r#"[ { "kind": "add", "areas": ["弘前市"], "until": "2062-02-10" } ]"#, ""),
            "1年以上先",
            "disasters[0].notices[0].rules[0].until",
        ),
        (
            "misprinted area",
            file(
                "1",
                "2026-02-04",
                r#"[ { "kind": "add", "areas": ["西津軽郡鰭ヶ沢町"], "until": "2026-02-10" } ]"#,
                "",
            ),
            "「青森県西津軽郡鰺ヶ沢町」ではありませんか",
            "disasters[0].notices[0].rules[0].areas[0]",
        ),
        (
            "ambiguous area",
            file(
                "1",
                "2026-02-04",
                r#"[ { "kind": "add", "areas": ["弘前市", "府中市"], "until": "2026-02-10" } ]"#,
                "",
            ),
            "都道府県名を付けてください",
            "disasters[0].notices[0].rules[0].areas[1]",
        ),
        (
            "not a prefecture",
            file("1", "2026-02-04", r#"[ { "kind": "add", "prefectures": ["青森"], "until": "2026-02-10" } ]"#, ""),
            "都道府県名ではありません",
            "disasters[0].notices[0].rules[0].prefectures[0]",
        ),
        (
            "no areas",
            file("1", "2026-02-04", r#"[ { "kind": "add", "until": "2026-02-10" } ]"#, ""),
            "地域（areas または prefectures）が一つもありません",
            "disasters[0].notices[0].rules[0].areas",
        ),
        (
            "no rules",
            file("1", "2026-02-04", "[]", ""),
            "規則（rules）が一つもありません",
            "disasters[0].notices[0].rules",
        ),
        (
            "continue with nothing before",
            file("1", "2026-02-04", r#"[ { "kind": "continue", "areas": ["弘前市"], "until": "2026-02-10" } ]"#, ""),
            "継続（continue）にできません",
            "disasters[0].notices[0].rules[0]",
        ),
        (
            "current with no end yet",
            file("1", "2026-02-04", r#"[ { "kind": "add", "areas": ["弘前市"], "until": "current" } ]"#, ""),
            "「current」は",
            "disasters[0].notices[0].rules[0].until",
        ),
        (
            "from on a continue",
            file(
                "2",
                "2026-02-04",
                r#"[ { "kind": "continue", "areas": ["弘前市"], "from": "2026-02-01", "until": "2026-02-10" } ]"#,
                "",
            ),
            "開始（from）を書きません",
            "disasters[0].notices[0].rules[0].from",
        ),
        (
            "issued before the disaster",
            file("1", "2026-01-04", OK_RULE, ""),
            "災害の始まり",
            "disasters[0].notices[0].issued",
        ),
        (
            "named twice",
            file(
                "1",
                "2026-02-04",
                r#"[ { "kind": "add", "areas": ["弘前市"], "until": "2026-02-10" }, { "kind": "add", "areas": ["青森県弘前市"], "until": "2026-02-12" } ]"#,
                "",
            ),
            "二回指定されています",
            "disasters[0].notices[0].rules[1]",
        ),
        ("number zero", file("0", "2026-02-04", OK_RULE, ""), "1以上", "disasters[0].notices[0].number"),
    ];
    for (what, text, phrase, path) in cases {
        let p = problems(&text);
        assert!(
            p.iter().any(|p| p.message.contains(phrase) && p.path.starts_with(path)),
            "{what}: want «{phrase}» at {path}, got {p:#?}"
        );
        for one in &p {
            assert!(!one.entry.is_empty() && !one.message.is_empty(), "{what}");
        }
    }
}

#[test]
fn misprint_suggestion_is_structured() {
    let p = problems(&file(
        "1",
        "2026-02-04",
        r#"[ { "kind": "add", "areas": ["西津軽郡鰭ヶ沢町"], "until": "2026-02-10" } ]"#,
        "",
    ));
    assert_eq!(p[0].suggestions[0], "青森県西津軽郡鰺ヶ沢町");
    assert!(p[0].entry.contains("テスト災害 その1"), "{}", p[0].entry);
    assert!(p[0].entry.contains("鰭ヶ沢町"));
}

#[test]
fn numbering_per_disaster() {
    const CONTINUE: &str = r#"[ { "kind": "continue", "areas": ["弘前市"], "until": "2026-02-12" } ]"#;
    // notice a adds 弘前市; notice b continues it (or adds it: `rule_b`)
    let two_with = |a: &str, b: &str, ia: &str, ib: &str, rule_b: &str| {
        format!(
            r#"{{ "format": 1, "disasters": [ {{ "id": "d", "name": "テスト災害", "began": "2026-01-21", "notices": [
              {{ "id": "a", "number": {a}, "title": "t", "issued": "{ia}", "rules": {OK_RULE} }},
              {{ "id": "b", "number": {b}, "title": "t", "issued": "{ib}", "rules": {rule_b} }} ] }} ] }}"#
        )
    };
    let two = |a: &str, b: &str, ia: &str, ib: &str| two_with(a, b, ia, ib, CONTINUE);
    assert!(problems(&two("1", "1", "2026-02-04", "2026-02-04")).iter().any(|p| p.message.contains("その1 が二つ")));
    // A gap in the numbering is known, not refused (issue 7): a warning
    let gap = NoticeSet::from_json(&two("1", "3", "2026-02-04", "2026-02-05")).unwrap();
    assert_eq!(gap.warnings.len(), 1);
    assert!(gap.warnings[0].message.contains("その2 が読み込まれていません"), "{:?}", gap.warnings);
    assert!(problems(&two("1", "2", "2026-02-05", "2026-02-04")).iter().any(|p| p.message.contains("より前です")));
    // Two on the same day, in either order in the file, are fine
    // その2 (continue) listed before その1 (add) in the file: ordered by number
    let swapped = two_with("2", "1", "2026-02-04", "2026-02-04", "B")
        .replace(OK_RULE, CONTINUE)
        .replace("\"rules\": B", &format!("\"rules\": {OK_RULE}"));
    NoticeSet::from_json(&swapped).unwrap_or_else(|p| panic!("{p:?}"));
    // An area added again while still active: a contradiction
    assert!(problems(&two_with("1", "2", "2026-02-04", "2026-02-05", OK_RULE))
        .iter()
        .any(|p| p.message.contains("既に有効です")));
    let dup_ids = two("1", "2", "2026-02-04", "2026-02-05").replace("\"id\": \"b\"", "\"id\": \"a\"");
    assert!(problems(&dup_ids).iter().any(|p| p.message.contains("重複")));
}

#[test]
fn every_problem_is_reported_at_once() {
    let rules = r#"[ { "kind": "add", "areas": ["鰭ヶ沢町", "府中市", "弘前市"], "until": "2026-02-10" },
                    { "kind": "add", "areas": ["青森市"], "until": "2026-13-01" } ]"#;
    let p = problems(&file("1", "2026-02-04", rules, ""));
    assert_eq!(p.len(), 3, "{p:#?}");
}
